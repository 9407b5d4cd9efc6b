/**
 * Time to build a 20-story digest from 500 articles, split into its stages: reading every article
 * with the digest engine, grouping them into stories (and assembling the digest: merging quotes
 * and figures, ranking), and rendering the digest for Telegram, Discord and the console.
 * The 500 articles are the real items of the development feeds and the evaluation articles, plus
 * light rewrites of them (another headline, a paragraph dropped, a few words changed) as a second
 * feed would carry them, so that many stories have several sources.
 *
 * @example
 *   npm run bench -- stories
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeStoredArticle, assembleDigest } from '../src/digest/build-digest.ts';
import { renderDiscord } from '../src/render/render-discord.ts';
import { renderTelegram } from '../src/render/render-telegram.ts';
import { renderText } from '../src/render/render-text.ts';
import type { StoredArticle } from '../src/store/records.ts';
import { groupSameEvent } from '../src/stories/group-same-event.ts';

const ARTICLES = 500;
const STORIES = 20;
const ROUNDS = 5;
const TARGET_MS = 1000;
const HOUR = 3600 * 1000;
const NOW = Date.parse('2024-11-06T08:00:00Z');

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const devDir = resolve(repoRoot, '../shared/eval/dev/articles');
const feedFixture = resolve(repoRoot, 'tests/fixtures/stories/feed-articles.json');
if (!existsSync(devDir) || !existsSync(feedFixture)) {
  console.error(`stories bench: missing input (looked for ${devDir} and ${feedFixture}).`);
  process.exit(1);
}

function stored(fields: Pick<StoredArticle, 'id' | 'feedId' | 'title' | 'paragraphs' | 'publishedAt'> & Partial<StoredArticle>): StoredArticle {
  return { guid: null, url: null, author: null, lang: null, html: null, imageUrl: null, categories: [], firstSeenAt: NOW, fresh: true, ...fields };
}

const dev = readdirSync(devDir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => JSON.parse(readFileSync(join(devDir, file), 'utf8')) as { id: string; lang: string; title: string; text: string })
  .map((article, index) => stored({ id: `dev-${article.id}`, feedId: `dev-${index % 4}`, title: article.title, paragraphs: article.text.split('\n'), lang: article.lang, publishedAt: NOW - (index + 1) * HOUR }));
const feedItems = (JSON.parse(readFileSync(feedFixture, 'utf8')) as { articles: { feed: string; title: string; url: string | null; lang: string | null; paragraphs: string[] }[] }).articles.map(
  (item, index) => stored({ id: `feed-${index}`, feedId: item.feed, title: item.title, url: item.url, lang: item.lang, paragraphs: item.paragraphs, publishedAt: NOW - (index % 48) * HOUR }),
);

const SWAPS: [RegExp, string][] = [
  [/\bsaid\b/g, 'stated'],
  [/\bsays\b/g, 'states'],
  [/\bhowever\b/gi, 'but'],
  [/\ba déclaré\b/g, 'a affirmé'],
  [/\bselon\b/g, "d'après"],
  [/\bpeople\b/g, 'persons'],
];

/** The same story as another feed would carry it: its own headline, one paragraph less, a few words changed. */
function lightRewrite(article: StoredArticle, copy: number): StoredArticle {
  const words = article.title.split(' ');
  const title = copy % 2 ? `${words.slice(Math.ceil(words.length / 2)).join(' ')}: ${words.slice(0, Math.ceil(words.length / 2)).join(' ')}` : `UPDATE ${article.title}`;
  const kept = article.paragraphs.length > 2 ? (copy % 2 ? article.paragraphs.slice(1) : article.paragraphs.slice(0, -1)) : article.paragraphs;
  const paragraphs = kept.map((paragraph) => SWAPS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), paragraph));
  return { ...article, id: `${article.id}~${copy}`, feedId: `rewrites-${copy % 5}`, url: null, title, paragraphs, publishedAt: article.publishedAt + ((copy % 6) + 1) * HOUR };
}

const articles: StoredArticle[] = [...dev, ...feedItems];
const sources = [...dev, ...feedItems.filter((item) => item.paragraphs.join(' ').length > 300)];
for (let copy = 0; articles.length < ARTICLES; copy++) articles.push(lightRewrite(sources[copy % sources.length]!, copy));

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time<T>(work: () => T): { result: T; ms: number } {
  const started = process.hrtime.bigint();
  const result = work();
  return { result, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

const options = { stories: STORIES, quotesPerStory: 2, figuresPerStory: 3, feedNames: new Map<string, string>(), timezone: 'Europe/Paris', now: NOW };
const analysisMs: number[] = [];
const groupingMs: number[] = [];
const assemblyMs: number[] = [];
const renderMs: number[] = [];
let stories = 0;
let multiSource = 0;
let messages = { telegram: 0, discord: 0 };
for (let round = 0; round <= ROUNDS; round++) {
  const analysis = time(() => articles.map((article) => ({ article, analysis: analyzeStoredArticle(article) })));
  const grouping = time(() => groupSameEvent(articles));
  const assembly = time(() => assembleDigest(analysis.result, options));
  const render = time(() => ({ telegram: renderTelegram(assembly.result, 'en'), discord: renderDiscord(assembly.result, 'en'), text: renderText(assembly.result, 'en') }));
  // The first round warms up the JIT.
  if (round === 0) continue;
  analysisMs.push(analysis.ms);
  groupingMs.push(grouping.ms);
  assemblyMs.push(assembly.ms);
  renderMs.push(render.ms);
  stories = grouping.result.length;
  multiSource = grouping.result.filter((group) => new Set(group.map((index) => articles[index]!.feedId)).size > 1).length;
  messages = { telegram: render.result.telegram.length, discord: render.result.discord.length };
}

const rewrites = articles.filter((article) => article.id.includes('~'));
const groups = groupSameEvent(articles);
const groupOf = new Map<string, number>();
groups.forEach((group, index) => {
  for (const member of group) groupOf.set(articles[member]!.id, index);
});
const keptWithOriginal = rewrites.filter((article) => groupOf.get(article.id) === groupOf.get(article.id.split('~')[0]!)).length;

const analysis = median(analysisMs);
const assembly = median(assemblyMs);
const render = median(renderMs);
const total = analysis + assembly + render;
const characters = articles.reduce((sum, article) => sum + article.paragraphs.join('\n').length, 0);
console.log(`${articles.length} articles (${dev.length} evaluation articles, ${feedItems.length} real feed items, ${rewrites.length} light rewrites; ${Math.round(characters / articles.length)} characters on average), one core, median of ${ROUNDS} rounds`);
console.log(`stories found             ${String(stories).padStart(7)}   (${multiSource} with several feeds; ${keptWithOriginal}/${rewrites.length} rewrites grouped with their original)`);
console.log(`analysis (engine)         ${analysis.toFixed(1).padStart(7)} ms`);
console.log(`grouping into stories     ${median(groupingMs).toFixed(1).padStart(7)} ms`);
console.log(`digest assembly           ${assembly.toFixed(1).padStart(7)} ms   (grouping, merging quotes and figures, ranking, ${STORIES} stories kept)`);
console.log(`rendering                 ${render.toFixed(1).padStart(7)} ms   (Telegram: ${messages.telegram} messages, Discord: ${messages.discord}, text)`);
console.log(`whole digest build        ${total.toFixed(1).padStart(7)} ms`);
console.log(`target < ${TARGET_MS} ms for the whole build: ${total < TARGET_MS ? 'met' : 'missed'}`);
