import type { Quote } from '../digest/analysis.ts';
import { coveredShare } from './same-words.ts';
import { storyTokens } from './story-tokens.ts';

/** A sentence whose words are mostly a quote already shown tells the reader nothing new… */
const MAX_SHARE_FROM_QUOTES = 0.6;
/** …nor one that is mostly the headline again… */
const MAX_SHARE_FROM_HEADLINE = 0.8;
/** …nor one that says again what a sentence already chosen says (the same wire copy, reworded). */
const MAX_SHARE_FROM_CHOSEN = 0.7;

/**
 * The key sentences to show for a story: the engine's key sentences of its articles, lead
 * article first, skipping any that only restate a quote already shown ("“…,” she said."), the
 * headline, or a sentence already chosen (the same wire copy in two feeds). Words are compared
 * without function words, so "the", "de" or "said" never make two sentences alike.
 *
 * @example
 *   chooseKeySentences([['"We will win," she said.', 'Troops crossed the border on Monday.']], shownQuotes, 'Troops cross border', 2);
 *   // ['Troops crossed the border on Monday.']
 */
export function chooseKeySentences(
  summaries: readonly (readonly string[])[],
  shownQuotes: readonly Quote[],
  headline: string,
  limit: number,
): string[] {
  const quoteWords = shownQuotes.map((quote) => storyTokens(quote.text));
  const headlineWords = [storyTokens(headline)];
  const chosen: { sentence: string; words: string[] }[] = [];
  for (const summary of summaries) {
    for (const sentence of summary) {
      if (chosen.length >= limit) break;
      const words = storyTokens(sentence);
      if (!words.length) continue;
      if (quoteWords.length && coveredShare(words, quoteWords) >= MAX_SHARE_FROM_QUOTES) continue;
      if (coveredShare(words, headlineWords) >= MAX_SHARE_FROM_HEADLINE) continue;
      if (chosen.length && coveredShare(words, chosen.map((entry) => entry.words)) >= MAX_SHARE_FROM_CHOSEN) continue;
      chosen.push({ sentence, words });
    }
  }
  return chosen.map((entry) => entry.sentence);
}
