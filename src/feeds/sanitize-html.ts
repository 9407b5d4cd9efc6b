import sanitize from 'sanitize-html';

const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'dfn', 'div', 'dl', 'dt', 'em',
  'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol',
  'p', 'pre', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'time', 'tr', 'u', 'ul',
];

/**
 * Cleans feed HTML with an allow-list: only the tags and attributes above survive; scripts,
 * styles, iframes, forms, event handlers (`on*`), `style` attributes and `javascript:`/`data:`
 * URLs never do. Relative `href`/`src` are made absolute against `base`, and links open safely.
 *
 * @example
 *   sanitizeHtml('<p onclick="x()">Hi <script>x()</script><a href="/a">a</a></p>', 'https://ex.org/');
 *   // '<p>Hi <a href="https://ex.org/a" rel="noopener noreferrer nofollow">a</a></p>'
 */
export function sanitizeHtml(html: string, base: string | null): string {
  const absolute = (value: string): string | null => {
    try {
      const url = base ? new URL(value, base) : new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : null;
    } catch {
      return null;
    }
  };
  return sanitize(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      abbr: ['title'],
      q: ['cite'],
      blockquote: ['cite'],
      time: ['datetime'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'title', 'head'],
    transformTags: {
      a: (tagName, attributes) => {
        const href = attributes.href ? absolute(attributes.href) : null;
        const kept: Record<string, string> = { rel: 'noopener noreferrer nofollow' };
        if (href) kept.href = href;
        if (attributes.title) kept.title = attributes.title;
        return { tagName, attribs: kept };
      },
      img: (tagName, attributes) => {
        const src = attributes.src ? absolute(attributes.src) : null;
        const kept: Record<string, string> = {};
        for (const [name, value] of Object.entries(attributes)) if (name !== 'src') kept[name] = value;
        if (src) kept.src = src;
        return { tagName, attribs: kept };
      },
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  });
}
