import { STORY_STOPWORDS } from './stopwords.ts';

/**
 * Folds text for matching: compatibility forms, no accents, lower case, straight apostrophes.
 *
 * @example
 *   foldText('Sergueï « Lavrov »'); // 'serguei « lavrov »'
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘ʼ`´]/g, "'");
}

// "10 000", "10,000", "10.000" and "10 000" are one number; "3,2" and "3.2" are one decimal.
const DIGIT_GROUP = /(\d)[\s.,'](?=\d{3}(?!\d))/g;
const DECIMAL = /(\d)[.,](\d)/g;
const WORD = /[\p{L}\p{N}]+/gu;

/** "troops" → "troop", "soldats" → "soldat": enough folding to match a light rewrite. */
function stem(token: string): string {
  if (token.length >= 5 && token.endsWith('s') && !token.endsWith('ss')) return token.slice(0, -1);
  return token;
}

/**
 * The words of a text that can tell one event from another: folded, numbers joined, function
 * words and single letters dropped, plurals folded.
 *
 * @example
 *   storyTokens("Pyongyang sends 10,000 troops to Russia's border"); // ['pyongyang', 'send', '10000', 'troop', 'russia', 'border']
 */
export function storyTokens(text: string): string[] {
  const folded = foldText(text).replace(DIGIT_GROUP, '$1').replace(DECIMAL, '$1d$2');
  const tokens: string[] = [];
  for (const match of folded.matchAll(WORD)) {
    const word = match[0];
    if (word.length < 2 || STORY_STOPWORDS.has(word)) continue;
    tokens.push(stem(word));
  }
  return tokens;
}
