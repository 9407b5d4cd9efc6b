import { readFile } from 'node:fs/promises';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleText } from '../digest/analysis.ts';
import { htmlToParagraphs } from '../feeds/html-text.ts';
import { normalizeItem } from '../feeds/normalize-item.ts';
import { parseFeed } from '../feeds/parse-feed.ts';
import { readFeedSource } from '../feeds/read-feed-source.ts';
import { UsageError } from './usage-error.ts';

async function readSource(location: string): Promise<string> {
  if (/^https?:\/\//i.test(location)) {
    const result = await readFeedSource(location, { etag: null, lastModified: null });
    if (result.status !== 'fetched') throw new UsageError(`${location}: the server sent no content`);
    return result.body;
  }
  try {
    return await readFile(location, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${location}: no such file` : `${location}: cannot read (${code ?? String(error)})`, 'precis analyze --help');
  }
}

function fromHtmlPage(html: string): ArticleText {
  const { document } = parseHTML(html);
  const lang = document.documentElement.getAttribute('lang');
  const article = new Readability(document).parse();
  const paragraphs = htmlToParagraphs(article?.content ?? document.body.innerHTML);
  return { title: article?.title?.trim() ?? null, text: paragraphs.join('\n'), lang: lang ?? undefined };
}

/**
 * What `precis analyze` reads: plain text (title on the first line), an HTML page (main text
 * extracted), or a feed (its first item), from a file or an http(s) URL.
 *
 * @example
 *   const article = await readArticleInput('../shared/eval/dev/articles/seed-fr.txt');
 */
export async function readArticleInput(location: string): Promise<ArticleText> {
  const source = (await readSource(location)).replace(/^\uFEFF/, '');
  const head = source.slice(0, 2048).trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/i.test(head) || /^\{\s*"version"\s*:\s*"https:\/\/jsonfeed/.test(head)) {
    const feed = await parseFeed(source, location);
    const item = feed.items[0];
    if (!item) throw new UsageError(`${location}: the feed has no items`);
    const article = normalizeItem(feed, item, { feedId: 'analyze', feedUrl: location, lang: null, now: Date.now() });
    return { title: article.title, text: article.paragraphs.join('\n'), lang: article.lang ?? undefined };
  }
  if (/^(<!doctype html|<html[\s>])/i.test(head)) return fromHtmlPage(source);
  return fromPlainText(source);
}

/**
 * Plain text: the title on the first line (empty when there is none), the article below it kept as written (only
 * line ends and the blank lines around it are tidied), so offsets into it are offsets into the article.
 */
function fromPlainText(source: string): ArticleText {
  const text = source.replace(/\r\n?/g, '\n').trimEnd();
  const lineEnd = text.indexOf('\n');
  if (lineEnd === -1) return { title: null, text: text.trim() };
  // An empty first line is an article without a title.
  const title = text.slice(0, lineEnd).trim();
  return { title: title || null, text: text.slice(lineEnd + 1).replace(/^\s*\n/, '') };
}
