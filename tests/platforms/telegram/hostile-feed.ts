import { HOSTILE_TEXTS, randomGenerator } from '../../render/hostile-digest.ts';

// Characters XML 1.0 cannot carry (a feed with them does not parse): control characters but tab,
// newline and carriage return, U+FFFE/U+FFFF, and lone surrogates.
const NOT_IN_XML = /(?![\t\n\r])\p{Cc}|[\ufffe\uffff]|\p{Cs}/gu;

function xmlText(text: string): string {
  return text.replace(NOT_IN_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cdata(text: string): string {
  return `<![CDATA[${text.replace(NOT_IN_XML, '').replace(/]]>/g, ']] >')}]]>`;
}

/** Item bodies that look like news (quotes with speakers, figures) wrapped in hostile markup. */
const BODIES = [
  '<p>“Ping @here <b>now</b> & <i>later</i>,” said <a href="javascript:alert(1)">Jane & Co</a> on Tuesday.</p><p>More than 42% of 1,000 people &lt;agreed&gt; &#128512; &nbsp; &bogus;</p>',
  '<script>alert("x")</script><p>The council voted 27 to 3 for the plan, costing €120 million. “It is <b>done</b>,” the mayor said.</p><style>p{}</style>',
  '<p>Emoji 👨‍👩‍👧‍👦 🇫🇷 𝕏 and RTL مرحبا بالعالم ‮override‬ text. “We will not stop,” said <u>Karim Benali</u>, adding that 300,000 commuters were stranded.</p>',
  '<table><tr><td>3 < 4 > 2</td></tr></table><p>**bold** __under__ `code` [masked](https://evil.example) <blockquote>quote</blockquote> <pre>pre</pre> <tg-spoiler>x</tg-spoiler></p>',
  '<p>Unclosed <b>bold <i>italic <a href="https://example.org/?a=1&b=2">link',
];

/**
 * An RSS feed of `count` items written to break every step after parsing: markup, entities,
 * mentions, markdown, emoji, RTL and controls in titles and bodies, titles of 10 KB now and then,
 * links that are not web links. Each title ends with a unique number, so no two items are the
 * same story by title. Deterministic for a seed.
 *
 * @example
 *   feeds.route('/hostile.xml', (_req, res) => res.end(hostileFeed('Hostile', 50, 1)));
 */
export function hostileFeed(title: string, count: number, seed: number): string {
  const random = randomGenerator(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // Each unique once canonical (fragments do not count, relative links resolve against the feed's).
  const links = [(n: number) => `https://news.example/a?x=${n}&y=<2>`, () => 'javascript:alert(1)', (n: number) => `https://news.example/${'x'.repeat(3000)}/${n}`, (n: number) => `not a url ${n}`, (n: number) => `https://news.example/@everyone/${n}`];
  const base = Date.now() - 3600_000;
  const items = Array.from({ length: count }, (_, index) => {
    let headline = [pick(HOSTILE_TEXTS), pick(HOSTILE_TEXTS)].join(' ');
    if (random() < 0.1) headline = headline.repeat(Math.ceil(10_240 / Math.max(1, headline.length))).slice(0, 10_240);
    headline = `${headline} #${seed}-${index}`;
    const titleXml = random() < 0.3 ? cdata(headline) : xmlText(headline);
    const link = random() < 0.5 ? `https://news.example/${seed}/${index}` : `${pick(links)(seed * 1000 + index)}#${index}`;
    const body = `${pick(BODIES)}${pick(BODIES)}<p>${xmlText(pick(HOSTILE_TEXTS))}</p>`;
    return `<item><title>${titleXml}</title><link>${xmlText(link)}</link><guid isPermaLink="false">hostile-${seed}-${index}</guid><pubDate>${new Date(base - index * 60_000).toUTCString()}</pubDate><description>${cdata(body)}</description></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${xmlText(title)}</title><link>https://news.example/</link><language>en</language>\n${items.join('\n')}\n</channel></rss>\n`;
}
