import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../../src/feeds/decode-document.ts';
import { parseFeed } from '../../src/feeds/parse-feed.ts';
import { sharedFeedsDir } from './paths.ts';

/** The facts of ../shared/eval/dev/feeds/INDEX.md: items, feed title, first item title, decoding. */
const INDEX: { file: string; encoding: string; items: number; title: string | null; first: string | null }[] = [
  { file: 'rss2_guardian.xml', encoding: 'utf-8', items: 55, title: 'The Guardian', first: 'Trump State of the Union address promised unity but emphasized discord' },
  { file: 'rss2_wapo_wellness.xml', encoding: 'utf-8', items: 29, title: 'Wellness: Health, Fitness, Nutrition & More - The Washington Post', first: 'Schools minister to kids’ fitness and nutrition needs' },
  { file: 'rss2_medium_content_encoded.xml', encoding: 'utf-8', items: 7, title: 'Food in Invironment on Medium', first: 'THE CREATIVE FORAGER' },
  { file: 'rss2_lemonde_sciences_fr_excerpt.xml', encoding: 'utf-8', items: 1, title: 'Sciences : Toute l’actualité sur Le Monde.fr.', first: 'Découverte d’une hormone qui contribue à la solidité des os, même pendant l’allaitement' },
  { file: 'rss2_golem_de_iso-8859-1.xml', encoding: 'windows-1252', items: 40, title: 'Golem.de', first: 'Red Dead Redemption 2: Hinweise auf PC-Umsetzung in App von Rockstar Games' },
  { file: 'rss2_uol_pt_iso-8859-1_undeclared.xml', encoding: 'windows-1252', items: 15, title: 'UOL Noticias', first: 'Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno' },
  { file: 'rss2_ibash_ru_windows-1251.xml', encoding: 'windows-1251', items: 50, title: 'iBash.Org.Ru', first: 'Цитата #17703' },
  { file: 'rss2_windows-1252_euro.xml', encoding: 'windows-1252', items: 0, title: 'Euro €', first: null },
  { file: 'rss2_utf16be_nobom.xml', encoding: 'utf-16be', items: 1, title: 'Test feed', first: 'Test feed title 1' },
  { file: 'atom_heise_de.xml', encoding: 'utf-8', items: 15, title: 'heise developer neueste Meldungen', first: 'Java-Anwendungsserver: Red Hat gibt WildFly 10 frei' },
  { file: 'atom_tpm_news.xml', encoding: 'utf-8', items: 20, title: 'All TPM News', first: 'Hannity Announces Fox Has Hired Sebastian Gorka As NatSec Strategist' },
  { file: 'atom_aws_blog.xml', encoding: 'utf-8', items: 10, title: 'Amazon Web Services Blog', first: 'AWS Job: Architect & Designer Position in Turkey' },
  { file: 'rdf_rss10_science.xml', encoding: 'utf-8', items: 69, title: 'Science twis', first: 'Food for fungi' },
  { file: 'jsonfeed_npr_technology.json', encoding: 'utf-8', items: 25, title: 'Technology', first: 'Keller Rinaudo: How can delivery drones save lives?' },
  // Internal DTD entity: the DOCTYPE is ignored (never expanded), the item still comes through.
  { file: 'fp_rss_entity_in_doctype.xml', encoding: 'utf-8', items: 1, title: null, first: null },
];

const describeShared = sharedFeedsDir ? describe : describe.skip;
if (!sharedFeedsDir) console.log('[skipped] shared feed corpus: ../shared/eval/dev/feeds is not beside this checkout');

async function read(file: string) {
  const decoded = decodeDocument(readFileSync(`${sharedFeedsDir ?? ''}${file}`), null);
  return { decoded, feed: await parseFeed(decoded.text, `https://shared.example/${file}`) };
}

describeShared('the shared real-world feeds (INDEX.md)', () => {
  it.each(INDEX)('$file: $items items, decoded as $encoding', async ({ file, encoding, items, title, first }) => {
    const { decoded, feed } = await read(file);
    expect(decoded.encoding).toBe(encoding);
    expect(feed.items).toHaveLength(items);
    expect(feed.title).toBe(title);
    expect(feed.items[0]?.title ?? null).toBe(first);
  });

  it('decodes byte 0x80 of the windows-1252 feed as €', async () => {
    const { decoded } = await read('rss2_windows-1252_euro.xml');
    expect(decoded.text).toContain('Euro €');
    expect(decoded.text).not.toContain('\u0080');
  });

  it('recovers the &eacute; feed (HTML entity undefined in XML) as é', async () => {
    const { feed } = await read('bad_fp_html_entity_eacute.xml');
    expect(feed.title).toBe('testing é entity');
  });

  it.each([
    ['bad_fp_incomplete_cdata.xml', 'malformed', /malformed RSS XML/],
    ['bad_nf_notafeed.html', 'not_a_feed', /HTML page/],
    ['jsonfeed_invalid.json', 'malformed', /malformed JSON Feed/],
  ])('fails %s cleanly (%s)', async (file, code, detail) => {
    const error = await read(file).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code, url: `https://shared.example/${file}` });
    expect((error as Error).message).toMatch(detail);
  });

  it('keeps the entity of fp_rss_entity_in_doctype.xml unexpanded', async () => {
    const { feed } = await read('fp_rss_entity_in_doctype.xml');
    expect(feed.items[0]?.guid).toBe('&id;2006-05-04:/blog/');
  });
});
