import type { Figure, Quote } from '../../src/digest/analysis.ts';
import type { Digest, DigestStory } from '../../src/digest/digest.ts';

export const NOW = Date.parse('2024-11-06T08:41:00Z');

/** Feed text written to break renderers: markup, entities, mentions, markdown, astral characters, RTL, controls. */
export const HOSTILE_TEXTS = [
  '<script>alert("x")</script> & <b>unbalanced bold',
  'AT&T &amp; literal &lt;tag&gt; &nbsp; &#128512; &bogus; 3 < 4 > 2',
  '@everyone @here <@123456789012345678> <@!123> <@&456> <#789> </deploy:42> <:party:99> <t:1700000000:R>',
  '**bold** __under__ ~~strike~~ ||spoiler|| `code` ```block``` [masked](https://evil.example/x) *it* _it_',
  '# Heading\n## Two\n-# subtext\n> quote\n>>> all\n- dash\n* star\n+ plus\n1. one\n10. ten',
  'Emoji 👨‍👩‍👧‍👦 family 🇫🇷 flag 𝕏 math 😀😀😀😀😀😀😀😀 and é́ combining',
  'مرحبا بالعالم — שלום עולם — mixed RTL ‮override‬ text ⁦isolate',
  'Controls \u0000 nul \u0007 bell \u0085 nel \u2028 line sep\r\nCRLF\ttab \ud800 lone surrogate',
  'Back\\slash \\*escaped\\* and https://example.org/path_with_underscores?a=1&b=*2*#frag_ment',
  '',
  '   ',
  '…',
];

export function quote(text: string, speaker: string | null): Quote {
  return { text, speaker, start: 0, end: text.length };
}

export function figure(surface: string, sentence: string, unit: string | null = null): Figure {
  return { surface, value: 1, unit, approximate: false, start: 0, end: surface.length, sentence };
}

export function story(fields: Partial<DigestStory> & { id: string }): DigestStory {
  return {
    headline: `Headline of ${fields.id}`,
    url: `https://example.org/${fields.id}`,
    lang: 'en',
    summary: [`A key sentence about ${fields.id}.`],
    quotes: [quote(`A quote about ${fields.id} worth reading`, 'Jane Doe')],
    figures: [figure('3,000 people', 'More than 3,000 people were there.', 'people')],
    sources: [{ name: 'Example News', url: `https://example.org/${fields.id}` }],
    publishedAt: NOW - 3600_000,
    imageUrl: null,
    ...fields,
  };
}

export function digest(stories: DigestStory[], omittedStories = 0): Digest {
  return { generatedAt: NOW, timezone: 'Europe/Paris', stories, omittedStories, articleIds: stories.map((item) => item.id) };
}

/** A small deterministic random generator (mulberry32), so failures can be replayed. */
export function randomGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A digest of hostile stories of random sizes: long texts, many quotes, figures and sources, odd URLs. */
export function hostileDigest(seed: number): Digest {
  const random = randomGenerator(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const hostile = (): string => {
    const parts = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(HOSTILE_TEXTS));
    const text = parts.join(' ');
    // Now and then, a text far beyond any limit.
    return random() < 0.1 ? text.repeat(Math.ceil(10_000 / Math.max(1, text.length))).slice(0, 10_000 + Math.floor(random() * 7)) : text;
  };
  const urls = ['https://example.org/a', 'javascript:alert(1)', 'https://example.org/a"b<c>&d', `https://example.org/${'x'.repeat(5000)}`, 'not a url', null, 'https://example.org/@everyone'];
  const stories = Array.from({ length: Math.floor(random() * 25) }, (_, index) =>
    story({
      id: `s${seed}-${index}`,
      headline: hostile(),
      url: pick(urls),
      lang: pick(['en', 'fr', 'de', 'und']),
      summary: Array.from({ length: Math.floor(random() * 4) }, hostile),
      quotes: Array.from({ length: random() < 0.1 ? 200 : Math.floor(random() * 5) }, () => quote(hostile(), random() < 0.3 ? null : hostile())),
      figures: Array.from({ length: random() < 0.1 ? 60 : Math.floor(random() * 5) }, () => {
        const sentence = hostile();
        return figure(random() < 0.5 ? sentence.slice(0, 12) : hostile(), sentence, random() < 0.5 ? null : hostile());
      }),
      sources: Array.from({ length: 1 + Math.floor(random() * (random() < 0.1 ? 40 : 3)) }, () => ({ name: hostile(), url: pick(urls) })),
      publishedAt: pick([NOW, NOW - 86_400_000, Number.NaN, 8.64e15 + 1]),
    }),
  );
  return digest(stories, random() < 0.3 ? Math.floor(random() * 100) : 0);
}
