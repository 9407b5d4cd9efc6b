import { describe, expect, it } from 'vitest';
import { feedsToOpml, OpmlError, opmlToFeeds } from '../../src/feeds/opml.ts';
import { fixture } from './paths.ts';

describe('OPML', () => {
  it('reads feeds with their folders, once per URL, ignoring folder-only outlines', () => {
    expect(opmlToFeeds(fixture('subscriptions.opml').toString())).toEqual([
      { title: 'Le Monde — À la une', url: 'https://www.lemonde.fr/rss/une.xml', siteUrl: 'https://www.lemonde.fr/', category: 'News' },
      { title: 'BBC & Co', url: 'https://feeds.bbci.co.uk/news/rss.xml', siteUrl: null, category: 'News' },
      { title: 'Solo', url: 'https://solo.example/feed', siteUrl: null, category: null },
    ]);
  });

  it('round-trips through feedsToOpml, escaping what must be escaped', () => {
    const feeds = [
      { title: 'Q&A "quotes" <tags>', url: 'https://ex.org/rss?a=1&b=2', siteUrl: 'https://ex.org/', category: 'Tech & Co' },
      { title: 'Plain', url: 'https://plain.example/feed', siteUrl: null, category: null },
    ];
    const opml = feedsToOpml(feeds, { title: 'Précis', now: Date.parse('2024-11-06T12:00:00Z') });
    expect(opml).toContain('<dateCreated>Wed, 06 Nov 2024 12:00:00 GMT</dateCreated>');
    expect(opml).toContain('xmlUrl="https://ex.org/rss?a=1&amp;b=2"');
    expect(opmlToFeeds(opml)).toEqual(feeds);
  });

  it('refuses what is not OPML', () => {
    expect(() => opmlToFeeds('<rss><channel/></rss>')).toThrow(OpmlError);
    expect(() => opmlToFeeds('<opml version="2.0"><head/></opml>')).toThrow(/no <body>/);
  });
});
