import { slugify } from '../config/load-config.ts';
import type { FeedRecord } from '../store/records.ts';

/** A feed named the way users type it: its id, its display name (any case/accents), or its URL. */
export function findFeed(feeds: readonly FeedRecord[], query: string): FeedRecord | undefined {
  const wanted = query.trim();
  const slug = slugify(wanted);
  return feeds.find((feed) => feed.id === wanted || feed.url === wanted || slugify(feed.title) === slug || feed.id === slug);
}
