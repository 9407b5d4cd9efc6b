/**
 * Speed of the digest engine on one core: articles per second over the development set (repeated until the
 * figure is stable), the time to analyse 500 articles, and compromise extracting quotations, people and
 * numbers from the same articles for comparison.
 *
 * @example
 *   npm run bench -- digest
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { analyzeArticle } from '../src/digest/analyze.ts';
import type { ArticleText } from '../src/digest/analysis.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const articlesDir = resolve(repoRoot, '../shared/eval/dev/articles');
if (!existsSync(articlesDir)) {
  console.error(`digest bench: the evaluation set is missing (looked for ${articlesDir}); it lives in ../shared beside the repository.`);
  process.exit(1);
}

const articles: ArticleText[] = readdirSync(articlesDir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => {
    const article = JSON.parse(readFileSync(join(articlesDir, file), 'utf8')) as { title: string | null; text: string };
    return { title: article.title, text: article.text };
  });
const seed = join(articlesDir, 'seed-fr.txt');
if (existsSync(seed)) {
  const [title = '', ...body] = readFileSync(seed, 'utf8').split('\n');
  articles.push({ title, text: body.join('\n').trim() });
}
const characters = articles.reduce((sum, a) => sum + a.text.length, 0);

/** Runs `work` over the articles `rounds` times; returns milliseconds per article. */
function measure(rounds: number, work: (article: ArticleText) => unknown): number {
  let sink = 0;
  const started = process.hrtime.bigint();
  for (let round = 0; round < rounds; round++) {
    for (const article of articles) sink += work(article) ? 1 : 0;
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (sink < 0) console.log(sink);
  return elapsed / (rounds * articles.length);
}

const analyse = (article: ArticleText): unknown => analyzeArticle(article).quotes.length + 1;
const compromiseExtract = (article: ArticleText): unknown => {
  const doc = nlp(article.text);
  const quotations = doc.quotations().out('array') as unknown[];
  const people = doc.people().out('array') as unknown[];
  const numbers = doc.numbers().json() as unknown[];
  return quotations.length + people.length + numbers.length + 1;
};

measure(5, analyse);
const samples: number[] = [];
for (let i = 0; i < 5; i++) samples.push(measure(20, analyse));
samples.sort((a, b) => a - b);
const perArticle = samples[Math.floor(samples.length / 2)]!;
const rounds500 = Math.ceil(500 / articles.length);
const started = process.hrtime.bigint();
for (let round = 0; round < rounds500; round++) {
  for (const article of articles) analyzeArticle(article);
}
const ms500 = ((Number(process.hrtime.bigint() - started) / 1e6) * 500) / (rounds500 * articles.length);

measure(1, compromiseExtract);
const compromisePerArticle = measure(3, compromiseExtract);

const rate = 1000 / perArticle;
const compromiseRate = 1000 / compromisePerArticle;
console.log(`${articles.length} articles (${Math.round(characters / articles.length)} characters on average), one core, median of 5 runs × 20 rounds`);
console.log(`précis analyzeArticle      ${rate.toFixed(0).padStart(7)} articles/s   ${perArticle.toFixed(3)} ms/article`);
console.log(`500 articles               ${ms500.toFixed(0).padStart(7)} ms`);
console.log(`compromise quotes+people+numbers ${compromiseRate.toFixed(0).padStart(5)} articles/s   ${compromisePerArticle.toFixed(3)} ms/article`);
console.log(`ratio précis / compromise  ${(rate / compromiseRate).toFixed(1).padStart(7)}×`);
console.log(`target ≥ 500 articles/s: ${rate >= 500 ? 'met' : 'missed'}`);
