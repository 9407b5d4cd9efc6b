import { Parser } from 'htmlparser2';

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'table',
  'td', 'th', 'tr', 'ul',
]);
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'head', 'title', 'math']);

/**
 * The readable text of an HTML fragment, one entry per paragraph (block element), with
 * entities decoded and whitespace collapsed. Scripts, styles and other non-text elements are
 * dropped. Streams through htmlparser2 (no DOM), so it is cheap enough for every feed item.
 *
 * @example
 *   htmlToParagraphs('<p>One &amp; two</p><p>Three</p>'); // ['One & two', 'Three']
 */
export function htmlToParagraphs(html: string): string[] {
  if (!/[<&]/.test(html)) return splitParagraphs(html);
  const out: string[] = [];
  let skipping = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SKIPPED_TAGS.has(name)) skipping++;
        else if (BLOCK_TAGS.has(name)) out.push('\n');
      },
      onclosetag(name) {
        if (SKIPPED_TAGS.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCK_TAGS.has(name)) out.push('\n');
      },
      ontext(data) {
        // Line breaks in HTML source are just spaces; paragraphs come from block elements.
        if (!skipping) out.push(data.replace(/[\r\n]+/g, ' '));
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return splitParagraphs(out.join(''));
}

/**
 * Plain text splits into paragraphs on line breaks. Runs of ordinary whitespace collapse to one
 * space; a lone no-break or narrow no-break space is kept, as French thousands separators use it.
 *
 * @example
 *   splitParagraphs('One\n\n  two  three'); // ['One', 'two three']
 */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.replace(/\s{2,}|[\t\r\f\v]/g, ' ').trim())
    .filter((line) => line.length > 0);
}

/**
 * One line of plain text from HTML (titles, names): tags dropped, entities decoded.
 *
 * @example
 *   htmlToLine('<b>Breaking</b> &amp; more'); // 'Breaking & more'
 */
export function htmlToLine(html: string): string {
  return htmlToParagraphs(html).join(' ');
}

/**
 * How many words a text has (letters or digits runs), to tell a teaser from an article.
 *
 * @example
 *   wordCount(['Two words', 'and three more']); // 5
 */
export function wordCount(paragraphs: readonly string[]): number {
  let count = 0;
  for (const paragraph of paragraphs) count += paragraph.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
  return count;
}
