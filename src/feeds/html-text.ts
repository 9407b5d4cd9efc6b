import { parseHTML } from 'linkedom';

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TD', 'TH', 'TR', 'UL',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'HEAD']);

function collect(node: Node, out: string[]): void {
  for (let index = 0; index < node.childNodes.length; index++) {
    const child = node.childNodes[index];
    if (!child) continue;
    if (child.nodeType === 3) {
      // Line breaks in HTML source are just spaces; paragraphs come from block elements.
      out.push((child.textContent ?? '').replace(/[\r\n]+/g, ' '));
    } else if (child.nodeType === 1) {
      const tag = child.nodeName.toUpperCase();
      if (SKIPPED_TAGS.has(tag)) continue;
      const block = BLOCK_TAGS.has(tag);
      if (block) out.push('\n');
      collect(child, out);
      if (block) out.push('\n');
    }
  }
}

/**
 * The readable text of an HTML fragment, one entry per paragraph (block element), with
 * entities decoded and whitespace collapsed. Scripts and styles are dropped.
 *
 * @example
 *   htmlToParagraphs('<p>One &amp; two</p><p>Three</p>'); // ['One & two', 'Three']
 */
export function htmlToParagraphs(html: string): string[] {
  if (!/[<&]/.test(html)) return splitParagraphs(html);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  collect(document.body, out);
  return splitParagraphs(out.join(''));
}

/**
 * Plain text splits into paragraphs on line breaks. Runs of ordinary whitespace collapse to one
 * space; a lone no-break or narrow no-break space is kept, as French thousands separators use it.
 */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.replace(/\s{2,}|[\t\r\f\v]/g, ' ').trim())
    .filter((line) => line.length > 0);
}

/** One line of plain text from HTML (titles, names). */
export function htmlToLine(html: string): string {
  return htmlToParagraphs(html).join(' ');
}
