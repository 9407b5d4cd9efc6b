/**
 * Which language an article is written in.
 *
 * @example
 *   detectLanguage({ title: null, text: 'Le ministre a déclaré jeudi que la situation était grave.' }); // 'fr'
 *   detectLanguage({ title: null, text: 'Hi', lang: 'en-GB' }); // 'en' (the feed's declaration wins)
 */
import { franc } from 'franc';
import type { ArticleText } from './analysis.ts';

/** ISO 639-3 codes franc may answer, with the ISO 639-1 code the engine uses. */
const CANDIDATES: ReadonlyMap<string, string> = new Map([
  ['eng', 'en'],
  ['fra', 'fr'],
  ['deu', 'de'],
  ['spa', 'es'],
  ['ita', 'it'],
  ['por', 'pt'],
  ['nld', 'nl'],
  ['rus', 'ru'],
]);
const ONLY = [...CANDIDATES.keys()];

/** Trigram statistics settle after a few hundred characters; reading more only costs time. */
const SAMPLE_LENGTH = 400;

/** Function words that tell French from English when the text is too short for trigram statistics. */
const SHORT_TEXT_CUES: readonly { lang: string; words: RegExp }[] = [
  { lang: 'fr', words: /\b(?:le|la|les|des|du|est|une|et|pour|dans|qui|que|sur|avec|au|aux)\b/giu },
  { lang: 'en', words: /\b(?:the|and|is|are|was|of|to|in|for|with|that|on|by|from|has)\b/giu },
];

/**
 * The ISO 639-1 code of the article: the declared one when given (region dropped), else detected from the
 * title and the beginning of the text; 'und' when nothing can be told.
 */
export function detectLanguage(input: ArticleText): string {
  const declared = input.lang?.trim().toLowerCase().split(/[-_]/)[0];
  if (declared && /^[a-z]{2,3}$/.test(declared)) return declared;
  const sample = `${input.title ?? ''}\n${input.text.slice(0, SAMPLE_LENGTH)}`;
  const detected = CANDIDATES.get(franc(sample, { only: ONLY, minLength: 20 }));
  return detected ?? guessShortText(sample);
}

function guessShortText(sample: string): string {
  let best = 'und';
  let bestCount = 0;
  for (const cue of SHORT_TEXT_CUES) {
    const count = sample.match(cue.words)?.length ?? 0;
    if (count > bestCount) {
      best = cue.lang;
      bestCount = count;
    }
  }
  return best;
}
