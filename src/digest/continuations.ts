/**
 * News copy quotes a long statement over several paragraphs and attributes only the first: each later paragraph opens
 * with a quotation mark, and the mark is closed only at the end of the last one. Such a quotation continues the one
 * the paragraph before ends with, and is the same speaker's.
 *
 * @example
 *   continuesPrevious(doc, quotations, 3); // true for '"It's a do league. …' after '"…," Andersson said.'
 */
import type { ParsedDocument } from './document.ts';
import type { Quotation } from './quotes.ts';
import { tokenAt } from './tokens.ts';

/**
 * Whether quotation `q` opens a paragraph, runs on past the end of that paragraph, and follows a quotation that
 * ends in the paragraph just before it.
 */
export function continuesPrevious(doc: ParsedDocument, quotations: readonly Quotation[], q: number): boolean {
  const quotation = quotations[q];
  const previous = quotations[q - 1];
  if (!quotation || !previous) return false;
  const lineStart = doc.text.lastIndexOf('\n', quotation.open - 1) + 1;
  if (doc.text.slice(lineStart, quotation.open).trim() !== '') return false;
  const opens = paragraphAt(doc, quotation.open);
  return paragraphAt(doc, quotation.close - 1) > opens && paragraphAt(doc, previous.close - 1) === opens - 1;
}

function paragraphAt(doc: ParsedDocument, offset: number): number {
  const index = Math.min(doc.tokens.length - 1, tokenAt(doc.tokens, offset));
  return doc.tokens[Math.max(0, index)]?.paragraph ?? 0;
}
