/**
 * The benchmark of a held-out proxy set (tests/fixtures/eval-extra*: hand-labelled French and English articles),
 * scored by the reference scorer `../shared/eval/score.py`: per-language and overall metrics against the issue's
 * targets, then one line per article so a reader sees where the misses are; predictions are kept in a temporary
 * folder for a closer look. Each bench/quality-extra*.ts names its set and calls it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeArticle } from '../src/digest/analyze.ts';
import { METRICS } from './_metrics.ts';

interface EvalArticle {
  id: string;
  lang: string;
  title: string | null;
  text: string;
}

interface Prediction {
  quotes: { text: string; speaker: string | null }[];
  figures: { value: number; surface: string; start: number; end: number }[];
  summary: string;
}

type Metrics = Record<string, number | null | undefined>;
type Scores = Record<string, Metrics>;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scorer = resolve(repoRoot, '../shared/eval/score.py');

/** One held-out proxy set: where its articles are and what the run says about it. */
export interface ProxySet {
  /** The benchmark's name, as given to `npm run bench --`. */
  name: string;
  /** The set's folder, relative to the repository. */
  folder: string;
  /** How the first line names the set ("the third held-out proxy set"). */
  title: string;
  /** The last line, after the targets met or missed (where to read the misses). */
  closing: string;
}

/**
 * Runs the engine over every article of the set, scores it with the reference scorer and prints the metrics per
 * language and per article against the issue's targets.
 */
export function runProxySetBench(set: ProxySet): void {
  const articlesDir = join(repoRoot, set.folder);
  if (!existsSync(scorer)) {
    console.error(`${set.name}: the reference scorer is missing (looked for ${scorer}); it lives in ../shared beside the repository.`);
    process.exit(1);
  }

  const articleFiles = readdirSync(articlesDir)
    .filter((file) => file.endsWith('.json'))
    .sort();
  const articles = articleFiles.map((file) => JSON.parse(readFileSync(join(articlesDir, file), 'utf8')) as EvalArticle);

  const predictions: Record<string, Prediction> = {};
  const started = performance.now();
  for (const article of articles) {
    const analysis = analyzeArticle({ title: article.title, text: article.text });
    predictions[article.id] = {
      quotes: analysis.quotes.map((quote) => ({ text: quote.text, speaker: quote.speaker })),
      figures: analysis.figures.map((figure) => ({ value: figure.value, surface: figure.surface, start: figure.start, end: figure.end })),
      summary: [analysis.title ?? '', ...analysis.summary].filter(Boolean).join(' '),
    };
  }
  const elapsedMs = performance.now() - started;

  const outDir = join(tmpdir(), `precis-${set.name}`);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const predictionsFile = join(outDir, 'predictions.json');
  writeFileSync(predictionsFile, JSON.stringify(predictions, null, 1));

  function score(dir: string): Scores {
    const output = execFileSync('python3', [scorer, predictionsFile, '--articles', dir, '--json'], { encoding: 'utf8' });
    return JSON.parse(output) as Scores;
  }

  const COUNTS = new Set(['short_quote_leaks']);
  const format = (key: string, value: number | null | undefined, digits = 3): string =>
    value === null || value === undefined ? '—' : COUNTS.has(key) ? String(value) : value.toFixed(digits);

  const overall = score(articlesDir);
  const counts = articles.reduce<Record<string, number>>((acc, a) => ({ ...acc, [a.lang]: (acc[a.lang] ?? 0) + 1 }), {});
  console.log(
    `Digest engine on ${set.title}: ${articles.length} articles (${Object.entries(counts)
      .map(([lang, n]) => `${lang} ${n}`)
      .join(', ')}), analysed in ${elapsedMs.toFixed(0)} ms, scored by ${scorer}`,
  );
  console.log(`predictions: ${predictionsFile}\n`);
  const languages = ['fr', 'en', 'all'].filter((lang) => lang in overall);
  console.log(`${'metric'.padEnd(28)}${languages.map((lang) => (lang === 'all' ? 'overall' : lang).padStart(10)).join('')}${'target'.padStart(12)}`);
  let missed = 0;
  for (const metric of METRICS) {
    const all = overall.all?.[metric.key];
    const met = metric.target === undefined || (typeof all === 'number' && all >= metric.target);
    if (!met) missed++;
    const target = metric.target === undefined ? '' : `≥${metric.target.toFixed(2)} ${met ? '✓' : '✗'}`;
    console.log(`${metric.label.padEnd(28)}${languages.map((lang) => format(metric.key, overall[lang]?.[metric.key]).padStart(10)).join('')}${target.padStart(12)}`);
  }

  // One scorer run per article (a folder holding just that file) gives the per-article breakdown.
  console.log(`\n${'article'.padEnd(8)}${'lang'.padEnd(6)}${['q.rec', 'q.prec', 'spk', 'leaks', 'f.rec', 'f.prec'].map((h) => h.padStart(8)).join('')}`);
  const perArticleDir = join(outDir, 'one');
  articleFiles.forEach((file, index) => {
    const article = articles[index];
    if (!article) return;
    rmSync(perArticleDir, { recursive: true, force: true });
    mkdirSync(perArticleDir);
    symlinkSync(join(articlesDir, file), join(perArticleDir, file));
    const m = score(perArticleDir).all ?? {};
    const cells = ['quote_recall', 'quote_precision', 'speaker_accuracy', 'short_quote_leaks', 'figure_recall', 'figure_precision'].map((key) =>
      format(key, m[key], 2).padStart(8),
    );
    console.log(`${article.id.padEnd(8)}${article.lang.padEnd(6)}${cells.join('')}`);
  });
  rmSync(perArticleDir, { recursive: true, force: true });
  console.log(`\n${missed === 0 ? 'All targets met.' : `${missed} target(s) missed.`} ${set.closing}`);
}
