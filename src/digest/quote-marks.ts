/**
 * Pairs of quotation marks in an article: « », “ ”, „ “, ‹ ›, straight " ", and ‘ ’ / ' ' where they cannot
 * be apostrophes. A quote left open at the end of a paragraph continues into the next one when that paragraph
 * opens with a mark (the newspaper convention for multi-paragraph quotes); otherwise it ends with its paragraph.
 *
 * @example
 *   const [span] = findQuoteSpans('Il a dit « oui, bien sûr » hier.');
 *   span.segments; // [{ start: 11, end: 24 }] → " oui, bien sûr "
 */

/** A stretch of quoted text inside one paragraph, without its marks. */
export interface QuoteSegment {
  start: number;
  end: number;
}

/** One quotation: from its opening mark to just after its closing mark. */
export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark, or the end of the last paragraph when the quote is never closed. */
  close: number;
  /** The quoted text, one segment per paragraph. */
  segments: QuoteSegment[];
  /** 0 for a top-level quote, 1 for a quote inside a quote, and so on. */
  depth: number;
  /** The opening mark. */
  mark: string;
}

interface OpenQuote {
  mark: string;
  open: number;
  contentStart: number;
  segments: QuoteSegment[];
  depth: number;
}

const MARKS = /[«»“”„‹›‘’"']/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const OPENER_CONTEXT = /[\s([{\u2014\u2013\-/«“„‹"'‘]/u;
/** Single-quoted spans longer than this are taken for apostrophes that happened to pair up. */
const MAX_SINGLE_QUOTE_LENGTH = 300;
const CLOSER_OF: Readonly<Record<string, string>> = { '»': '«', '”': '“', '›': '‹', '’': '‘' };
const CONTINUES: Readonly<Record<string, string>> = { '«': '«»', '“': '“"', '"': '"“', '„': '„»' };
const SINGLE = new Set(['‘', "'"]);

/** All quotations of the text, nested ones included, in order of their opening marks. */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const stack: OpenQuote[] = [];
  let paragraphStart = 0;
  let skipContinuationMarkAt = -1;
  while (paragraphStart <= text.length) {
    let paragraphEnd = text.indexOf('\n', paragraphStart);
    if (paragraphEnd === -1) paragraphEnd = text.length;
    MARKS.lastIndex = paragraphStart;
    for (let match = MARKS.exec(text); match && match.index < paragraphEnd; match = MARKS.exec(text)) {
      const at = match.index;
      if (at === skipContinuationMarkAt) continue;
      handleMark(text, at, match[0], stack, spans);
    }
    skipContinuationMarkAt = -1;
    const continuation = closeParagraph(text, paragraphEnd, stack, spans);
    if (continuation !== -1) skipContinuationMarkAt = continuation;
    paragraphStart = paragraphEnd + 1;
  }
  return spans.sort((a, b) => a.open - b.open);
}

function handleMark(text: string, at: number, mark: string, stack: OpenQuote[], spans: QuoteSpan[]): void {
  const before = at > 0 ? text.charAt(at - 1) : ' ';
  const after = text.charAt(at + 1) || ' ';
  const betweenLetters = LETTER_OR_DIGIT.test(before) && LETTER_OR_DIGIT.test(after);
  switch (mark) {
    case '«':
    case '„':
    case '‹':
      push(stack, mark, at);
      return;
    case '“':
      // German quotes open with „ and close with “.
      if (stack.at(-1)?.mark === '„') close(stack, stack.length - 1, at, spans);
      else push(stack, mark, at);
      return;
    case '»':
    case '›':
    case '”': {
      const index = findOpen(stack, mark === '”' ? ['“', '„'] : [CLOSER_OF[mark] ?? '']);
      if (index !== -1) close(stack, index, at, spans);
      else if (mark === '”' && OPENER_CONTEXT.test(before) && LETTER_OR_DIGIT.test(after)) push(stack, '“', at);
      return;
    }
    case '"': {
      const index = findOpen(stack, ['"']);
      if (index !== -1) close(stack, index, at, spans);
      // A mark glued to the end of a word with nothing open is a stray closer or an inch sign (5'11").
      else if (!(LETTER_OR_DIGIT.test(before) && /[\s.,;:!?)\]]/u.test(after))) push(stack, mark, at);
      return;
    }
    case '‘':
      if (!betweenLetters && LETTER_OR_DIGIT.test(after)) push(stack, mark, at);
      return;
    case '’':
    case "'": {
      if (betweenLetters) return;
      const index = findOpen(stack, [mark === '’' ? '‘' : "'"]);
      if (index !== -1 && !/\s/.test(before)) close(stack, index, at, spans);
      else if (mark === "'" && OPENER_CONTEXT.test(before) && /\p{L}/u.test(after)) push(stack, mark, at);
      return;
    }
  }
}

function push(stack: OpenQuote[], mark: string, at: number): void {
  stack.push({ mark, open: at, contentStart: at + 1, segments: [], depth: stack.length });
}

function findOpen(stack: readonly OpenQuote[], marks: readonly string[]): number {
  for (let i = stack.length - 1; i >= 0; i--) if (marks.includes(stack[i]!.mark)) return i;
  return -1;
}

/** Closes the quote at `index`; quotes opened inside it and never closed are dropped. */
function close(stack: OpenQuote[], index: number, at: number, spans: QuoteSpan[]): void {
  const quote = stack[index]!;
  stack.length = index;
  if (SINGLE.has(quote.mark) && at - quote.contentStart > MAX_SINGLE_QUOTE_LENGTH) return;
  quote.segments.push({ start: quote.contentStart, end: at });
  spans.push({ open: quote.open, close: at + 1, segments: quote.segments, depth: quote.depth, mark: quote.mark });
}

/**
 * Ends the paragraph for every open quote: single quotes are dropped, the outermost double quote continues
 * when the next paragraph opens with a mark of its family, the others end here.
 * Returns the offset of the continuation mark to skip, or -1.
 */
function closeParagraph(text: string, paragraphEnd: number, stack: OpenQuote[], spans: QuoteSpan[]): number {
  const nextStart = paragraphEnd + 1;
  let continuationMark = -1;
  let keep: OpenQuote | null = null;
  const outer = stack.find((quote) => !SINGLE.has(quote.mark));
  if (outer && nextStart < text.length) {
    const first = /\S/.exec(text.slice(nextStart, nextStart + 8));
    const firstChar = first ? first[0] : '';
    if (firstChar && (CONTINUES[outer.mark] ?? '').includes(firstChar)) {
      continuationMark = nextStart + (first?.index ?? 0);
      keep = outer;
    }
  }
  for (const quote of stack) {
    if (SINGLE.has(quote.mark)) continue;
    const end = trimEnd(text, quote.contentStart, paragraphEnd);
    if (quote === keep) {
      if (end > quote.contentStart) quote.segments.push({ start: quote.contentStart, end });
      quote.contentStart = continuationMark + 1;
      continue;
    }
    if (end > quote.contentStart) quote.segments.push({ start: quote.contentStart, end });
    if (quote.segments.length > 0) {
      spans.push({ open: quote.open, close: end, segments: quote.segments, depth: quote.depth, mark: quote.mark });
    }
  }
  stack.length = 0;
  if (keep) stack.push({ ...keep, depth: 0 });
  return continuationMark;
}

function trimEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /\s/.test(text.charAt(at - 1))) at--;
  return at;
}
