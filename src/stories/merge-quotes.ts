import type { Quote } from '../digest/analysis.ts';
import { passageWords, samePassage } from './same-words.ts';

interface MergedQuote {
  quote: Quote;
  words: string[];
}

/** The fuller of two names for one speaker ("Lavrov" → "Sergueï Lavrov"). */
function fullerSpeaker(kept: string | null, other: string | null): string | null {
  if (kept === null) return other;
  if (other === null) return kept;
  const keptWords = passageWords(kept);
  const otherWords = passageWords(other);
  // Only a longer form of the same name replaces it; a different speaker for the same words is not ours to pick.
  return otherWords.length > keptWords.length && keptWords.every((word) => otherWords.includes(word)) ? other : kept;
}

/**
 * The distinct quotes of a story's articles, in order of first appearance (lead article first).
 * A quote carried by several articles — maybe with other punctuation or quote marks, or cut
 * ("…", "(...)") — is kept once, in its most complete form, with the fullest speaker name any
 * article gives.
 *
 * @example
 *   mergeQuotes([[{ text: 'We will win.', speaker: 'Smith', … }], [{ text: '“We will win”', speaker: 'John Smith', … }]]);
 *   // [{ text: 'We will win.', speaker: 'John Smith', … }]
 */
export function mergeQuotes(quotesByArticle: readonly (readonly Quote[])[]): Quote[] {
  const merged: MergedQuote[] = [];
  for (const quotes of quotesByArticle) {
    for (const quote of quotes) {
      const words = passageWords(quote.text);
      if (!words.length) continue;
      const same = merged.find((entry) => samePassage(entry.words, words));
      if (!same) {
        merged.push({ quote, words });
        continue;
      }
      const speaker = fullerSpeaker(same.quote.speaker, quote.speaker);
      if (words.length > same.words.length) {
        same.quote = { ...quote, speaker };
        same.words = words;
      } else if (speaker !== same.quote.speaker) {
        same.quote = { ...same.quote, speaker };
      }
    }
  }
  return merged.map((entry) => entry.quote);
}
