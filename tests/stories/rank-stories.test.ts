import { describe, expect, it } from 'vitest';
import { rankStories, storyScore } from '../../src/stories/rank-stories.ts';
import type { Story } from '../../src/stories/story.ts';
import { analyzed, NOW, storedArticle } from './story-fixtures.ts';

const HOUR = 3600 * 1000;

function story(id: string, feeds: string[], ageHours: number, extra: Parameters<typeof analyzed>[1] = {}): Story {
  return {
    id,
    articles: feeds.map((feedId, index) =>
      analyzed(storedArticle({ id: `${id}-${index}`, feedId, title: id, paragraphs: [], publishedAt: NOW - ageHours * HOUR }), extra),
    ),
  };
}

describe('rankStories', () => {
  it('puts a story carried by more feeds first, even a day older', () => {
    const ranked = rankStories([story('fresh-single', ['a'], 1), story('older-double', ['a', 'b'], 24)], { now: NOW });
    expect(ranked.map((item) => item.id)).toEqual(['older-double', 'fresh-single']);
  });

  it('counts each feed once: two items of one feed are not two sources', () => {
    expect(storyScore(story('twice', ['a', 'a'], 1), { now: NOW })).toBeCloseTo(storyScore(story('once', ['a'], 1), { now: NOW }));
  });

  it('prefers the fresher of two stories with the same coverage', () => {
    const ranked = rankStories([story('old', ['a'], 30), story('new', ['b'], 2)], { now: NOW });
    expect(ranked.map((item) => item.id)).toEqual(['new', 'old']);
  });

  it('lets a feed weight lift its stories, within bounds', () => {
    const weights = new Map([['important', 3], ['broken', Number.NaN], ['huge', 1e9]]);
    const ranked = rankStories([story('double', ['a', 'b'], 1), story('weighted', ['important'], 1)], { now: NOW, feedWeights: weights });
    expect(ranked[0]?.id).toBe('weighted');
    expect(storyScore(story('broken', ['broken'], 0), { now: NOW, feedWeights: weights })).toBeCloseTo(storyScore(story('plain', ['x'], 0), { now: NOW }));
    expect(storyScore(story('huge', ['huge'], 0), { now: NOW, feedWeights: weights })).toBeLessThanOrEqual(10.2);
  });

  it('breaks ties with quotes and figures, then recency, then id, whatever the input order', () => {
    const quoted = story('quoted', ['a'], 2, { quotes: [{ text: 'We will win this war', speaker: 'A', start: 0, end: 5 }] });
    const plain = story('plain', ['b'], 2);
    const twinA = story('twin-a', ['c'], 5);
    const twinB = story('twin-b', ['d'], 5);
    const order = ['quoted', 'plain', 'twin-a', 'twin-b'];
    expect(rankStories([twinB, plain, twinA, quoted], { now: NOW }).map((item) => item.id)).toEqual(order);
    expect(rankStories([quoted, twinA, twinB, plain], { now: NOW }).map((item) => item.id)).toEqual(order);
  });

  it('treats an article dated in the future as just published', () => {
    expect(storyScore(story('future', ['a'], -5), { now: NOW })).toBeCloseTo(storyScore(story('now', ['a'], 0), { now: NOW }));
  });
});
