import type { Figure, Quote } from './analysis.ts';

/** Where a story was reported. */
export interface DigestSource {
  /** The feed's display name. */
  name: string;
  url: string | null;
}

/** One story as the digest shows it. */
export interface DigestStory {
  id: string;
  headline: string;
  /** Link to the lead article. */
  url: string | null;
  lang: string;
  /** One or two key sentences. */
  summary: string[];
  quotes: Quote[];
  figures: Figure[];
  sources: DigestSource[];
  publishedAt: number;
  imageUrl: string | null;
}

/**
 * A platform-neutral digest: what every renderer (text, Telegram HTML, Discord embeds) turns
 * into messages.
 */
export interface Digest {
  generatedAt: number;
  /** IANA time zone the digest's times are shown in. */
  timezone: string;
  stories: DigestStory[];
  /** Stories that were found but did not make the cut. */
  omittedStories: number;
  /** Every article the shown stories were built from. */
  articleIds: string[];
}
