import { describe, expect, it } from 'vitest';
import type { StoredArticle } from '../../src/store/records.ts';
import { groupSameEvent, requiredSimilarity, SAME_EVENT_SIMILARITY } from '../../src/stories/group-same-event.ts';
import { devArticles, feedItems, sameEventArticles, storedArticle, devArticlesAvailable, explainDevArticlesSkip } from './story-fixtures.ts';

explainDevArticlesSkip('grouping tests on the evaluation articles');

const HOUR = 3600 * 1000;

/** The groups as lists of ids, singletons left out. */
function mergedIds(articles: readonly StoredArticle[]): string[][] {
  return groupSameEvent(articles)
    .filter((group) => group.length > 1)
    .map((group) => group.map((index) => articles[index]!.id));
}

function groupOf(articles: readonly StoredArticle[], groups: number[][], title: string): string[] {
  const index = articles.findIndex((article) => article.title.startsWith(title));
  expect(index, `no article titled "${title}…"`).toBeGreaterThanOrEqual(0);
  const group = groups.find((members) => members.includes(index))!;
  return group.map((member) => articles[member]!.title).sort();
}

describe.skipIf(!devArticlesAvailable)('groupSameEvent on real articles', () => {
  it('never merges the evaluation articles: each tells a different event', () => {
    const articles = devArticles();
    expect(articles).toHaveLength(11);
    expect(mergedIds(articles)).toEqual([]);
  });

  it('merges a lightly rewritten wire story, and independent coverage, with the original', () => {
    const articles = [...devArticles(), ...sameEventArticles()];
    const groups = mergedIds(articles).map((ids) => ids.sort());
    expect(groups).toContainEqual(['19-rewrite', 'dev-19']);
    expect(groups).toContainEqual(['00-independent', 'dev-00']);
    // The French/English pair need not merge, but the translation may only join its own event.
    const burkina = groups.find((ids) => ids.includes('dev-11'));
    expect(burkina?.filter((id) => id !== '11-translation')).toEqual(['11-rewrite', 'dev-11']);
    for (const ids of groups) if (ids.includes('11-translation')) expect(ids).toContain('dev-11');
  });

  it('merges the real same-event items of the development feeds and keeps same-subject news apart', () => {
    const articles = [...feedItems(), ...devArticles(), ...sameEventArticles()];
    const groups = groupSameEvent(articles);
    // One event, two items each (an article and its video, two updates, a republished post).
    expect(groupOf(articles, groups, 'Porn actor Stormy Daniels')).toContain('Stormy Daniels on Jimmy Kimmel: porn actor casts doubt on denial of Trump affair – video');
    expect(groupOf(articles, groups, '4 takeaways from the Senate child safety hearing')).toContain('Leaders from Snapchat, TikTok and YouTube face lawmakers about child safety');
    expect(groupOf(articles, groups, "Menendez 'Convinced'")).toContain('Menendez Trial Enters Second Full Day Of Jury Deliberations');
    expect(groupOf(articles, groups, 'Wild Flavors All Year Round')).toEqual(['Wild Flavors All Year Round', 'Wild Flavors All Year Round']);
    // Same game, same company, same series or same word: different news.
    for (const title of [
      'Red Dead Redemption 2 im Test',
      'Red Dead Redemption 2: Hinweise',
      'Red Dead Redemption 2: Saloon',
      'Datenskandal: Britische Datenschutzbehörde',
      'Cambridge-Analytica-Skandal',
      'Wild Flavors All Year Round: Dry Infusions',
      'An antisensible approach to target KRAS',
      'No escape for KRAS mutant tumors',
      'Enhancing quantum sensing',
      'Elon Musk: Teslas Model 3',
      'Facebook is rebranding as Meta',
      'Late-night hosts on State of the Union',
      'Quartalszahlen: Intel',
    ]) {
      expect(groupOf(articles, groups, title), title).toHaveLength(1);
    }
    // Weekly calendars of different counties share listings, not events.
    for (const county of ['D.C.', 'Loudoun County', 'Montgomery County', 'Southern Maryland']) {
      for (const member of groupOf(articles, groups, `${county} wellness calendar, Aug. 23-30`)) expect(member).toContain(county);
    }
  });
});

describe.skipIf(!devArticlesAvailable)('groupSameEvent rules', () => {
  const wire = devArticles().find((article) => article.id === 'dev-19')!;

  it('merges the same wire story carried word for word by two feeds', () => {
    const copy = { ...wire, id: 'copy', feedId: 'other', title: `${wire.title} | Other Paper` };
    expect(mergedIds([wire, copy])).toEqual([['dev-19', 'copy']]);
  });

  it('merges two items with the same link whatever their text', () => {
    const a = storedArticle({ id: 'a', title: 'Live: election night', paragraphs: ['Polls close at 8pm.'], url: 'https://example.org/live' });
    const b = storedArticle({ id: 'b', title: 'Results so far', paragraphs: ['Turnout is high in the north.'], url: 'https://example.org/live' });
    expect(mergedIds([a, b])).toEqual([['a', 'b']]);
  });

  it('asks more of articles published days apart', () => {
    expect(requiredSimilarity(0)).toBe(SAME_EVENT_SIMILARITY);
    expect(requiredSimilarity(-30 * HOUR)).toBe(SAME_EVENT_SIMILARITY);
    expect(requiredSimilarity(4 * 24 * HOUR)).toBeGreaterThan(SAME_EVENT_SIMILARITY);
    expect(requiredSimilarity(30 * 24 * HOUR)).toBe(0.6);
    const rewrite = sameEventArticles().find((article) => article.id === '00-independent')!;
    const original = devArticles().find((article) => article.id === 'dev-00')!;
    expect(mergedIds([original, { ...rewrite, publishedAt: original.publishedAt + 2 * HOUR }])).toHaveLength(1);
    expect(mergedIds([original, { ...rewrite, publishedAt: original.publishedAt + 10 * 24 * HOUR }])).toEqual([]);
    // Word for word is the same story whenever it was published.
    expect(mergedIds([wire, { ...wire, id: 'later', publishedAt: wire.publishedAt + 10 * 24 * HOUR }])).toHaveLength(1);
  });

  it('does not chain two stories through an article that borrows from both', () => {
    const [a, b] = [devArticles().find((article) => article.id === 'dev-19')!, devArticles().find((article) => article.id === 'dev-22')!];
    const bridge = storedArticle({
      id: 'bridge',
      title: `${a.title}; ${b.title}`,
      paragraphs: [...a.paragraphs.slice(0, 4), ...b.paragraphs.slice(0, 4)],
    });
    const groups = mergedIds([a, b, bridge]);
    expect(groups.flat()).not.toEqual(expect.arrayContaining(['dev-19', 'dev-22']));
  });

  it('does not merge articles that only share common words', () => {
    const a = storedArticle({ id: 'a', title: 'The government said on Monday it would act', paragraphs: ['The government said on Monday that it would act this year, officials told reporters.'] });
    const b = storedArticle({ id: 'b', title: 'Officials said the government would act on Monday', paragraphs: ['Officials told reporters on Monday the government would act, it said this year.'] });
    const nepal = storedArticle({ id: 'nepal', title: 'Earthquake kills 3,000 in Nepal', paragraphs: ['A magnitude 7.8 earthquake struck Nepal on Saturday, killing more than 3,000 people.'] });
    const storm = storedArticle({ id: 'storm', title: 'Storm kills 30 in Texas', paragraphs: ['A storm struck Texas on Saturday, killing 30 people and leaving thousands without power.'] });
    expect(mergedIds([nepal, storm])).toEqual([]);
    // Vague wording with no names, places or numbers is not evidence of one event either.
    expect(mergedIds([a, b, nepal, storm]).flat()).not.toContain('nepal');
  });

  it('handles no article, one article and empty text', () => {
    expect(groupSameEvent([])).toEqual([]);
    expect(groupSameEvent([wire])).toEqual([[0]]);
    const blank = storedArticle({ id: 'blank', title: '', paragraphs: [] });
    expect(groupSameEvent([blank, { ...blank, id: 'blank2' }])).toEqual([[0], [1]]);
  });
});

describe.skipIf(!devArticlesAvailable)('groupSameEvent at digest scale', () => {
  it('groups 500 articles into a partition, keeping each rewrite with its original', () => {
    const base = [...feedItems(), ...devArticles()];
    const articles: StoredArticle[] = [...base];
    // Light rewrites: another headline, the first paragraph dropped or the last one cut.
    for (let index = 0; articles.length < 500; index++) {
      const source = base[index % base.length]!;
      if (source.paragraphs.join(' ').length < 600) continue;
      articles.push({
        ...source,
        id: `${source.id}-copy-${index}`,
        feedId: `copy-feed-${index % 7}`,
        url: null,
        title: source.title.split(' ').reverse().join(' '),
        paragraphs: index % 2 ? source.paragraphs.slice(1) : source.paragraphs.slice(0, -1),
        publishedAt: source.publishedAt + HOUR,
      });
    }
    const groups = groupSameEvent(articles);
    expect(groups.flat().sort((x, y) => x - y)).toEqual(articles.map((_, index) => index));
    for (const [index, article] of articles.entries()) {
      const match = /^(.*)-copy-\d+$/.exec(article.id);
      if (!match) continue;
      const original = articles.findIndex((candidate) => candidate.id === match[1]);
      expect(groups.find((group) => group.includes(index)), article.id).toContain(original);
    }
    // The dev articles are still apart from each other.
    const devIndexes = articles.flatMap((article, index) => (/^dev-\d+$/.test(article.id) ? [index] : []));
    for (const group of groups) expect(group.filter((index) => devIndexes.includes(index)).length).toBeLessThanOrEqual(1);
  });

  it('keeps together a wire story carried word for word by so many feeds that none of its words is uncommon', () => {
    const base = [...feedItems(), ...devArticles()];
    const wire = base.find((article) => article.id === 'dev-19')!;
    const copies = Array.from({ length: 200 }, (_, index) => ({ ...wire, id: `wire-${index}`, feedId: `feed-${index}`, publishedAt: wire.publishedAt + index * 60_000 }));
    const articles = [...base, ...copies];
    const groups = groupSameEvent(articles);
    const wireGroup = groups.find((group) => group.includes(articles.indexOf(wire)))!;
    expect(wireGroup.map((index) => articles[index]!.id).sort()).toEqual(['dev-19', ...copies.map((copy) => copy.id)].sort());
    expect(groups.flat()).toHaveLength(articles.length);
  });
});
