/**
 * Quality of the digest engine on the development set, scored by the reference scorer
 * (`../shared/eval/score.py`), beside two baselines: lead-3 sentences with a naive quote regex, and
 * compromise's `quotations()` / `numbers()` (English only). ROUGE of the key sentences is compared with lead-1.
 *
 * @example
 *   npm run bench -- quality
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { analyzeArticle } from '../src/digest/analyze.ts';
import { METRICS } from './_metrics.ts';
import { parseDocument } from '../src/digest/document.ts';
import { rulesFor } from '../src/digest/lang/registry.ts';

interface EvalArticle {
  id: string;
  lang: string;
  title: string | null;
  text: string;
  reference_summary?: string;
}

interface Prediction {
  quotes: { text: string; speaker: string | null }[];
  figures: { value: number; surface: string; start: number; end: number }[];
  summary?: string;
}

type Scores = Record<string, Record<string, number | null | undefined>>;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(repoRoot, '../shared');
const scorer = join(shared, 'eval/score.py');
const articlesDir = join(shared, 'eval/dev/articles');
if (!existsSync(scorer) || !existsSync(articlesDir)) {
  console.error(`quality: the evaluation set is missing (looked for ${scorer} and ${articlesDir}); it lives in ../shared beside the repository.`);
  process.exit(1);
}

const articles: EvalArticle[] = readdirSync(articlesDir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => JSON.parse(readFileSync(join(articlesDir, file), 'utf8')) as EvalArticle);

const NAIVE_QUOTE = /[«“"„]\s*([^«»“”"„]{1,2000}?)\s*[»”"“]/gu;
const NAIVE_NUMBER = /\d+(?:[ ,.\u00A0\u202F]\d{3})*(?:[.,]\d+)?/gu;

function withTitle(title: string | null, sentences: readonly string[]): string {
  return [title ?? '', ...sentences].filter(Boolean).join(' ');
}

function leadSentences(article: EvalArticle, count: number): string[] {
  const doc = parseDocument(article.text, rulesFor(article.lang));
  return doc.sentences.slice(0, count).map((sentence) => sentence.text);
}

function naiveFigures(text: string): Prediction['figures'] {
  return [...text.matchAll(NAIVE_NUMBER)].map((match) => ({
    value: Number(match[0].replace(/[ ,\u00A0\u202F]/gu, '').replace(/\.(?=\d{3}\b)/gu, '')),
    surface: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

const engine: Record<string, Prediction> = {};
const engineSentencesOnly: Record<string, Prediction> = {};
const lead3: Record<string, Prediction> = {};
const lead1: Record<string, Prediction> = {};
const lead1SentencesOnly: Record<string, Prediction> = {};
const compromise: Record<string, Prediction> = {};
for (const article of articles) {
  const analysis = analyzeArticle({ title: article.title, text: article.text });
  const quotes = analysis.quotes.map((q) => ({ text: q.text, speaker: q.speaker }));
  const figures = analysis.figures.map((f) => ({ value: f.value, surface: f.surface, start: f.start, end: f.end }));
  engine[article.id] = { quotes, figures, summary: withTitle(analysis.title, analysis.summary) };
  engineSentencesOnly[article.id] = { quotes: [], figures: [], summary: analysis.summary.join(' ') };
  lead3[article.id] = {
    quotes: [...article.text.matchAll(NAIVE_QUOTE)].map((match) => ({ text: match[1] ?? '', speaker: null })),
    figures: naiveFigures(article.text),
    summary: withTitle(article.title, leadSentences(article, 3)),
  };
  lead1[article.id] = { quotes: [], figures: [], summary: withTitle(article.title, leadSentences(article, 1)) };
  lead1SentencesOnly[article.id] = { quotes: [], figures: [], summary: leadSentences(article, 1).join(' ') };
  if (article.lang === 'en') {
    const doc = nlp(article.text);
    const numbers = doc.numbers().json({ offset: true }) as { text: string; number?: { num?: number }; offset?: { start: number; length: number } }[];
    compromise[article.id] = {
      quotes: (doc.quotations().out('array') as string[]).map((text) => ({ text: text.replace(/^[\s"“«„]+|[\s"”»“,]+$/gu, ''), speaker: null })),
      figures: numbers.map((n) => {
        const start = n.offset?.start ?? 0;
        return { value: n.number?.num ?? NaN, surface: n.text, start, end: start + (n.offset?.length ?? n.text.length) };
      }),
    };
  }
}

const outDir = join(tmpdir(), 'precis-quality');
mkdirSync(outDir, { recursive: true });
function score(name: string, predictions: Record<string, Prediction>): Scores {
  const file = join(outDir, `${name}.json`);
  writeFileSync(file, JSON.stringify(predictions, null, 1));
  const output = execFileSync('python3', [scorer, file, '--articles', articlesDir, '--json'], { encoding: 'utf8' });
  return JSON.parse(output) as Scores;
}

const results = {
  engine: score('precis', engine),
  engineSentencesOnly: score('precis-sentences-only', engineSentencesOnly),
  lead3: score('lead3-naive', lead3),
  lead1: score('lead1', lead1),
  lead1SentencesOnly: score('lead1-sentences-only', lead1SentencesOnly),
  compromise: score('compromise', compromise),
};

const format = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : value.toFixed(3));
const ratio = (a: number | null | undefined, b: number | null | undefined): string =>
  a === null || a === undefined || !b ? '—' : `${(a / b).toFixed(2)}×`;
const pad = (text: string, width: number): string => text.padEnd(width);
const padLeft = (text: string, width: number): string => text.padStart(width);

const counts = articles.reduce<Record<string, number>>((acc, a) => ({ ...acc, [a.lang]: (acc[a.lang] ?? 0) + 1 }), {});
console.log(`Digest engine quality on ${articles.length} dev articles (${Object.entries(counts).map(([l, n]) => `${l} ${n}`).join(', ')}), scored by ${scorer}`);
console.log(`predictions written to ${outDir}\n`);
let failures = 0;
for (const lang of ['fr', 'en', 'all']) {
  const e = results.engine[lang] ?? {};
  const a = results.lead3[lang] ?? {};
  // compromise reads English only: its overall column is its English score.
  const c = lang === 'fr' ? {} : (results.compromise.en ?? {});
  console.log(`── ${lang === 'all' ? 'overall' : lang} ${'─'.repeat(88)}`);
  console.log(`${pad('metric', 28)}${padLeft('précis', 9)}${padLeft('lead-3+regex', 14)}${padLeft('ratio', 8)}${padLeft('compromise*', 12)}${padLeft('ratio', 8)}${padLeft('target', 9)}`);
  for (const metric of METRICS) {
    const value = e[metric.key];
    const met = metric.target === undefined || (typeof value === 'number' && value >= metric.target);
    if (lang === 'all' && !met) failures++;
    const target = metric.target === undefined ? '' : `≥${metric.target.toFixed(2)} ${met ? '✓' : '✗'}`;
    console.log(
      `${pad(metric.label, 28)}${padLeft(format(value), 9)}${padLeft(format(a[metric.key]), 14)}${padLeft(ratio(value, a[metric.key]), 8)}` +
        `${padLeft(format(c[metric.key]), 12)}${padLeft(ratio(value, c[metric.key]), 8)}${padLeft(target, 9)}`,
    );
  }
  const rouge = (scores: Scores, key: string): number | null | undefined => scores[lang]?.[key];
  console.log(`${pad(`ROUGE (${String(rouge(results.engine, 'rouge_articles') ?? 0)} references)`, 28)}${padLeft('précis', 9)}${padLeft('lead-1', 14)}${padLeft('ratio', 8)}${padLeft('lead-3', 12)}`);
  for (const key of ['rouge1', 'rouge2', 'rougeL']) {
    const mine = rouge(results.engine, key);
    const base = rouge(results.lead1, key);
    const mineOnly = rouge(results.engineSentencesOnly, key);
    const baseOnly = rouge(results.lead1SentencesOnly, key);
    if (lang === 'all' && key === 'rouge1' && !(typeof mine === 'number' && typeof base === 'number' && mine >= 1.1 * base)) failures++;
    console.log(
      `${pad(`${key} headline+sentences`, 28)}${padLeft(format(mine), 9)}${padLeft(format(base), 14)}${padLeft(ratio(mine, base), 8)}${padLeft(format(rouge(results.lead3, key)), 12)}`,
    );
    console.log(`${pad(`${key} sentences only`, 28)}${padLeft(format(mineOnly), 9)}${padLeft(format(baseOnly), 14)}${padLeft(ratio(mineOnly, baseOnly), 8)}`);
  }
}
console.log('\n* compromise: English articles only (it has no French model); no speakers.');
console.log(`ROUGE-1 target: ≥ 1.10 × lead-1 (headline + sentences). ${failures === 0 ? 'All targets met.' : `${failures} target(s) missed.`}`);
