import { Parser } from 'htmlparser2';

const ALLOWED_TAGS = new Set([
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'dfn', 'div', 'dl', 'dt', 'em',
  'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol',
  'p', 'pre', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'time', 'tr', 'u', 'ul',
]);
/** The attributes each tag keeps (besides the `rel` every link gets); the others keep none. */
const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  abbr: ['title'],
  q: ['cite'],
  blockquote: ['cite'],
  time: ['datetime'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
};
/** Attributes holding a URL: made absolute, and dropped unless http(s) (or mailto for links). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);
/** Elements dropped with everything inside them; other disallowed elements only lose their tags. */
const DROPPED_WITH_CONTENT = new Set(['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'title', 'head']);
const VOID_TAGS = new Set(['br', 'hr', 'img']);
const LINK_REL = 'noopener noreferrer nofollow';

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

/** `value` made absolute against `base`, when its scheme is one the attribute may carry; else null. */
function safeUrl(value: string, base: string | null, allowMailto: boolean): string | null {
  try {
    const url = base ? new URL(value, base) : new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:' || (allowMailto && url.protocol === 'mailto:')) return url.href;
  } catch {
    // not a URL: dropped
  }
  return null;
}

/**
 * The kept attributes of an allowed tag, serialized (each with a leading space), in source order
 * (a link: rel, href, title; an image: its source last); null drops the tag (an image without a
 * usable source).
 */
function attributesOf(tag: string, attributes: Record<string, string>, base: string | null): string | null {
  const allowed = ALLOWED_ATTRIBUTES[tag];
  if (!allowed) return '';
  const names = tag === 'a' ? allowed : Object.keys(attributes).filter((name) => allowed.includes(name) && name !== 'src');
  let out = tag === 'a' ? ` rel="${LINK_REL}"` : '';
  for (const name of tag === 'img' ? [...names, 'src'] : names) {
    const raw = attributes[name];
    // An empty value means nothing, except alt="" (a decorative image).
    if (raw === undefined || (raw === '' && name !== 'alt')) continue;
    const value = URL_ATTRIBUTES.has(name) ? safeUrl(raw.trim(), base, tag === 'a') : raw;
    if (value !== null) out += ` ${name}="${escapeAttribute(value)}"`;
  }
  if (tag === 'img' && !out.includes(' src="')) return null;
  return out;
}

/**
 * Cleans feed HTML with an allow-list: only the tags and attributes above survive; scripts,
 * styles, iframes, forms, event handlers (`on*`), `style` attributes and `javascript:`/`data:`
 * URLs never do. Relative `href`/`src`/`cite` are made absolute against `base`, and links open
 * safely. The output is rebuilt from htmlparser2's events (no DOM), every text and attribute
 * escaped, so nothing in it is markup that the allow-list did not write.
 *
 * @example
 *   sanitizeHtml('<p onclick="x()">Hi <script>x()</script><a href="/a">a</a></p>', 'https://ex.org/');
 *   // '<p>Hi <a rel="noopener noreferrer nofollow" href="https://ex.org/a">a</a></p>'
 */
export function sanitizeHtml(html: string, base: string | null): string {
  let out = '';
  /** Per open element: whether its tags were written (so its end tag is too). */
  const open: boolean[] = [];
  let dropping = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (dropping || DROPPED_WITH_CONTENT.has(name)) {
          dropping++;
          open.push(false);
          return;
        }
        const kept = ALLOWED_TAGS.has(name) ? attributesOf(name, attributes, base) : null;
        open.push(kept !== null && !VOID_TAGS.has(name));
        if (kept !== null) out += VOID_TAGS.has(name) ? `<${name}${kept} />` : `<${name}${kept}>`;
      },
      ontext(text) {
        if (!dropping) out += escapeText(text);
      },
      onclosetag(name) {
        if (dropping) {
          dropping--;
          open.pop();
          return;
        }
        if (open.pop()) out += `</${name}>`;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return out;
}
