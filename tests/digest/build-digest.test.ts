import { describe, expect, it } from 'vitest';
import type { Figure, Quote } from '../../src/digest/analysis.ts';
import { assembleDigest, buildDigest, type DigestOptions } from '../../src/digest/build-digest.ts';
import { analyzed, devArticles, NOW, sameEventArticles, storedArticle, devArticlesAvailable, explainDevArticlesSkip } from '../stories/story-fixtures.ts';

explainDevArticlesSkip('digest tests on the evaluation articles');

const HOUR = 3600 * 1000;

const options: DigestOptions = {
  stories: 5,
  quotesPerStory: 2,
  figuresPerStory: 3,
  feedNames: new Map([
    ['reuters', 'Reuters'],
    ['herald', 'The Herald'],
  ]),
  timezone: 'Europe/Paris',
  now: NOW,
};

function quote(text: string, speaker: string | null): Quote {
  return { text, speaker, start: 0, end: text.length };
}

function figure(surface: string, value: number, unit: string | null): Figure {
  return { surface, value, unit, approximate: false, start: 0, end: surface.length, sentence: `${surface} in all.` };
}

describe.skipIf(!devArticlesAvailable)('assembleDigest', () => {
  const ebola = devArticles().find((article) => article.id === 'dev-19')!;
  const rewrite = sameEventArticles().find((article) => article.id === '19-rewrite')!;
  const wire = analyzed({ ...ebola, feedId: 'reuters', url: 'https://example.org/reuters/ebola', publishedAt: NOW - 3 * HOUR }, {
    summary: [
      '"All possible contacts with the patient are now being investigated," the Scottish government said.',
      'A healthcare worker has been diagnosed with Ebola a day after flying home to Glasgow from Sierra Leone.',
    ],
    quotes: [quote('All possible contacts with the patient are now being investigated', 'Scottish government'), quote('the risk to others is considered extremely low', null)],
    figures: [figure('9,000 cases', 9000, 'cases'), figure('20,000', 20000, null)],
  });
  const copy = analyzed({ ...rewrite, feedId: 'herald', url: 'https://example.org/herald/ebola', publishedAt: NOW - 2 * HOUR }, {
    summary: ['A health worker who flew home to Glasgow from Sierra Leone has been diagnosed with Ebola.', 'She will be moved to a high-level isolation unit in London.'],
    quotes: [quote('« All possible contacts with the patient are now being investigated… »', 'the Scottish government'), quote('The risk to others is considered extremely low.', 'the Scottish government')],
    figures: [figure('more than 9,000 cases', 9000, 'cases')],
  });
  const other = analyzed(storedArticle({ id: 'other', feedId: 'elsewhere', title: 'Storm kills 30 in Texas', paragraphs: ['A storm struck Texas on Saturday, killing 30 people.'], publishedAt: NOW - HOUR }), {
    summary: ['A storm struck Texas on Saturday, killing 30 people.'],
  });

  it('makes one story of one event in two feeds, listing both sources, quotes and figures once', () => {
    const digest = assembleDigest([other, copy, wire], options);
    expect(digest.stories).toHaveLength(2);
    const [top] = digest.stories;
    expect(top?.headline).toBe(ebola.title);
    expect(top?.url).toBe('https://example.org/reuters/ebola');
    expect(top?.sources).toEqual([
      { name: 'Reuters', url: 'https://example.org/reuters/ebola' },
      { name: 'The Herald', url: 'https://example.org/herald/ebola' },
    ]);
    expect(top?.quotes.map((item) => [item.text, item.speaker])).toEqual([
      // The fuller name of the speaker, from the second feed; the first form of the same words.
      ['All possible contacts with the patient are now being investigated', 'the Scottish government'],
      ['the risk to others is considered extremely low', 'the Scottish government'],
    ]);
    expect(top?.figures.map((item) => item.surface)).toEqual(['9,000 cases', '20,000']);
    // The first key sentence only restated the quote shown: it gives way.
    expect(top?.summary).toEqual([
      'A healthcare worker has been diagnosed with Ebola a day after flying home to Glasgow from Sierra Leone.',
      'She will be moved to a high-level isolation unit in London.',
    ]);
    expect(top?.publishedAt).toBe(NOW - 2 * HOUR);
    expect(digest.articleIds.sort()).toEqual([copy.article.id, other.article.id, wire.article.id].sort());
    expect(digest.omittedStories).toBe(0);
  });

  it('keeps the top stories, counts the rest and applies the per-story limits', () => {
    const digest = assembleDigest([other, copy, wire], { ...options, stories: 1, quotesPerStory: 1, figuresPerStory: 0, sentencesPerStory: 1 });
    expect(digest.stories).toHaveLength(1);
    expect(digest.omittedStories).toBe(1);
    expect(digest.articleIds).not.toContain('other');
    expect(digest.stories[0]?.quotes).toHaveLength(1);
    expect(digest.stories[0]?.figures).toEqual([]);
    expect(digest.stories[0]?.summary).toHaveLength(1);
  });

  it('names a feed by its id when it has no display name, and builds an empty digest from nothing', () => {
    expect(assembleDigest([other], options).stories[0]?.sources).toEqual([{ name: 'elsewhere', url: null }]);
    expect(assembleDigest([], options)).toEqual({ generatedAt: NOW, timezone: 'Europe/Paris', stories: [], omittedStories: 0, articleIds: [] });
  });
});

describe.skipIf(!devArticlesAvailable)('buildDigest with the article engine', () => {
  it('reads real articles and their second versions into one story per event', () => {
    const articles = [...devArticles(), ...sameEventArticles().filter((article) => article.kind !== 'translation').map((article) => ({ ...article, publishedAt: NOW }))];
    const digest = buildDigest(articles, { ...options, stories: 20 });
    expect(digest.stories).toHaveLength(11);
    const ebola = digest.stories.find((story) => story.id === 'dev-19');
    expect(ebola?.sources.map((source) => source.name)).toEqual(['dev-feed-19', 'other-feed-19-rewrite']);
    for (const story of digest.stories) {
      const texts = story.quotes.map((item) => item.text);
      expect(new Set(texts).size).toBe(texts.length);
    }
    expect(new Set(digest.articleIds).size).toBe(articles.length);
  });
});
