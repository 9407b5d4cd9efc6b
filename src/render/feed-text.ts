import { truncate } from './truncate.ts';

// Controls feeds leak (NUL, backspace, C1 from mis-decoded windows-1252…): never meant to be seen.
const CONTROL = /(?![\t\n\v\f\r])\p{Cc}/gu;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Explicit bidi embeddings, overrides and isolates: an unbalanced one in a headline would reorder
// every line after it in the message. Marks (LRM, RLM, ALM) stay: they never leak past their text.
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;
const WHITESPACE = /[\s\u2028\u2029]+/g;
// Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation forms, plus the
// right-to-left scripts beyond the BMP.
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
/** Raw characters read beyond twice the room, for whitespace and controls that cleaning removes. */
const RAW_SLACK = 256;
const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/**
 * Feed text made safe to place inside a message line: well-formed UTF-16 (a lone surrogate
 * becomes U+FFFD), no control characters, no bidi overrides, every run of whitespace (newlines
 * included) one space, trimmed.
 *
 * @example
 *   cleanFeedText('  Breaking:\n\tnews\u0000 '); // 'Breaking: news'
 */
export function cleanFeedText(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd').replace(CONTROL, '').replace(BIDI_CONTROL, '').replace(WHITESPACE, ' ').trim();
}

/**
 * Feed text cleaned (`cleanFeedText`), cut to at most `max` UTF-16 code units (`truncate`) and,
 * when it holds right-to-left script, isolated (`isolateDirection`) within that budget.
 *
 * @example
 *   feedLine('A very long\nheadline indeed', 12); // 'A very long…'
 */
export function feedLine(text: string, max: number): string {
  // Cleaning a 10,000-character headline to show 300 of it is wasted work: read a generous prefix.
  const prefix = text.length > max * 2 + RAW_SLACK ? text.slice(0, max * 2 + RAW_SLACK) : text;
  let clean = cleanFeedText(prefix);
  // What was left unread must still show as cut.
  if (prefix !== text && clean.length <= max) clean = truncate(clean, Math.max(0, clean.length - 1));
  const isolated = isolateDirection(clean);
  if (isolated === clean) return truncate(clean, max);
  return max < 3 ? '' : isolateDirection(truncate(clean, max - 2));
}

/**
 * Feed text that contains right-to-left script, wrapped in a first-strong isolate so it is laid
 * out on its own and cannot reorder the numbering, labels or punctuation around it. Other text
 * is returned as is.
 *
 * @example
 *   isolateDirection('שלום עולם'); // '\u2068שלום עולם\u2069'
 *   isolateDirection('Hello'); // 'Hello'
 */
export function isolateDirection(text: string): string {
  return RIGHT_TO_LEFT.test(text) ? `${FIRST_STRONG_ISOLATE}${text}${POP_DIRECTIONAL_ISOLATE}` : text;
}
