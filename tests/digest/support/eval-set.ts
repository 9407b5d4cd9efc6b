/**
 * The shared evaluation set (../shared/eval/dev) and a port of its reference scorer's matching rules
 * (score.py): Dice ≥ 0.8 on normalised tokens for quotes, lenient parts, one-to-one best-first matching,
 * speaker comparison without titles, figure spans that overlap with values within 0.5 %.
 *
 * @example
 *   const set = loadEvalSet();
 *   if (set.articles) scoreQuotes(predictions, set.articles[0].labels);
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeArticle } from '../../../src/digest/analyze.ts';

export interface GoldQuote {
  text: string;
  speaker: string | null;
  speaker_type: string | null;
  short: boolean;
  start: number;
  end: number;
  parts?: { text: string; start: number; end: number }[];
  speaker_alternatives?: string[];
}

export interface GoldFigure {
  surface: string;
  value: number;
  value_max?: number;
  vague?: boolean;
  words?: boolean;
  start: number;
  end: number;
}

export interface EvalArticle {
  id: string;
  lang: string;
  title: string | null;
  text: string;
  labels: { quotes: GoldQuote[]; figures: GoldFigure[]; figures_optional: GoldFigure[] };
}

export interface EvalSet {
  articles: EvalArticle[] | null;
  /** The seed article as plain text, title on its first line. */
  seed: string | null;
  /** Why the set could not be read. */
  missing: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const devArticlesDir = resolve(here, '../../../../shared/eval/dev/articles');
/** The hand-labelled held-out proxy set kept in the repository (same format, same conventions). */
export const EXTRA_ARTICLES_DIR = resolve(here, '../../fixtures/eval-extra');

/** Reads the development articles from ../shared (or another set in the same format), or says why it cannot. */
export function loadEvalSet(articlesDir = devArticlesDir): EvalSet {
  if (!existsSync(articlesDir)) return { articles: null, seed: null, missing: `evaluation set not found at ${articlesDir}` };
  const articles = readdirSync(articlesDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(articlesDir, file), 'utf8')) as EvalArticle);
  const seedFile = join(articlesDir, 'seed-fr.txt');
  return { articles, seed: existsSync(seedFile) ? readFileSync(seedFile, 'utf8') : null, missing: '' };
}

const QUOTE_CHARS = /[«»“”„‟"‹›‘’‚']/gu;
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'sir', 'lord', 'lady', 'm', 'mme', 'mlle', 'gov', 'sen', 'rep', 'president',
  'président', 'presidente', 'prime', 'minister', 'ministre', 'chief', 'inspector', 'le', 'la', 'les', 'the', 'l']);
const WORD = /[\p{L}\p{N}_]+/gu;

function tokens(text: string): string[] {
  const normal = text.normalize('NFKC').replace(/[’‘]/g, "'").replace(QUOTE_CHARS, ' ').toLowerCase();
  return normal.match(WORD) ?? [];
}

function counts(list: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const item of list) map.set(item, (map.get(item) ?? 0) + 1);
  return map;
}

/** Dice overlap of the token multisets of two texts, as score.py computes it. */
export function dice(a: string, b: string): number {
  const ta = counts(tokens(a));
  const tb = counts(tokens(b));
  let total = 0;
  let common = 0;
  for (const n of ta.values()) total += n;
  for (const [token, n] of tb) {
    total += n;
    common += Math.min(n, ta.get(token) ?? 0);
  }
  return total === 0 ? 0 : (2 * common) / total;
}

function nameTokens(name: string): string[] {
  const plain = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return (plain.match(WORD) ?? []).filter((t) => !TITLES.has(t));
}

/** score.py's speaker comparison: same names without titles, or one contained in the other with the gold surname. */
export function sameSpeaker(predicted: string | null, gold: string | null): boolean {
  if (gold === null || predicted === null) return gold === null && predicted === null;
  const p = nameTokens(predicted);
  const g = nameTokens(gold);
  if (p.length === 0 || g.length === 0) return false;
  const ps = new Set(p);
  const gs = new Set(g);
  if (ps.size === gs.size && [...ps].every((t) => gs.has(t))) return true;
  const subset = (a: Set<string>, b: Set<string>): boolean => [...a].every((t) => b.has(t));
  return (subset(ps, gs) || subset(gs, ps)) && ps.has(g.at(-1)!);
}

function greedy(pairs: [number, number, number][]): Map<number, number> {
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const out = new Map<number, number>();
  for (const [, i, j] of [...pairs].sort((a, b) => b[0] - a[0] || b[1] - a[1] || b[2] - a[2])) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
    out.set(i, j);
  }
  return out;
}

/** Counts of score.py's quote scoring for one article. */
export interface QuoteCounts {
  tp: number;
  fp: number;
  gold: number;
  speakerOk: number;
  speakerTotal: number;
}

/** Scores predicted key quotes against an article's labels, as score.py does. */
export function scoreQuotes(predicted: { text: string; speaker: string | null }[], gold: GoldQuote[]): QuoteCounts {
  const threshold = 0.8;
  const long = gold.map((_, j) => j).filter((j) => !gold[j]!.short);
  const pairs: [number, number, number][] = [];
  predicted.forEach((p, i) => {
    for (const j of long) {
      const s = dice(p.text, gold[j]!.text);
      if (s >= threshold) pairs.push([s, i, j]);
    }
  });
  const matched = greedy(pairs);
  const matchedGold = new Set(matched.values());
  const ignored = new Set<number>();
  predicted.forEach((p, i) => {
    if (matched.has(i)) return;
    for (const j of long) {
      const parts = gold[j]!.parts ?? [];
      if (parts.some((part) => dice(p.text, part.text) >= threshold)) {
        if (!matchedGold.has(j)) {
          matched.set(i, j);
          matchedGold.add(j);
        } else {
          ignored.add(i);
        }
        break;
      }
    }
  });
  let speakerOk = 0;
  for (const [i, j] of matched) {
    const g = gold[j]!;
    const candidates = [g.speaker, ...(g.speaker_alternatives ?? [])];
    if (candidates.some((c) => sameSpeaker(predicted[i]!.speaker, c))) speakerOk++;
  }
  return { tp: matched.size, fp: predicted.length - matched.size - ignored.size, gold: long.length, speakerOk, speakerTotal: matched.size };
}

/** Counts of score.py's figure scoring for one article. */
export interface FigureCounts {
  tp: number;
  fp: number;
  gold: number;
}

/** Scores predicted figures (with offsets) against an article's labels, as score.py does. */
export function scoreFigures(predicted: { value: number; start: number; end: number }[], labels: EvalArticle['labels']): FigureCounts {
  const overlaps = (p: { start: number; end: number }, g: GoldFigure): boolean => p.start < g.end && g.start < p.end;
  const valueOk = (v: number, g: GoldFigure): boolean =>
    g.vague === true || [g.value, ...(g.value_max === undefined ? [] : [g.value_max])].some((gv) => Math.abs(v - gv) <= Math.max(1e-9, 0.005 * Math.abs(gv)));
  const pairs: [number, number, number][] = [];
  predicted.forEach((p, i) => labels.figures.forEach((g, j) => overlaps(p, g) && valueOk(p.value, g) && pairs.push([1, i, j])));
  const matched = greedy(pairs);
  const ignored = predicted.filter((p, i) => !matched.has(i) && labels.figures_optional.some((o) => overlaps(p, o))).length;
  return { tp: matched.size, fp: predicted.length - matched.size - ignored, gold: labels.figures.length };
}

/** score.py's headline metrics over a whole set. */
export interface SetScores {
  quoteRecall: number;
  quotePrecision: number;
  speakerAccuracy: number;
  figureRecall: number;
  figurePrecision: number;
}

/** Runs the engine over every article of a set and scores it as score.py does. */
export function scoreEvalSet(articles: readonly EvalArticle[]): SetScores {
  const totals = { qTp: 0, qFp: 0, qGold: 0, spkOk: 0, spkTotal: 0, fTp: 0, fFp: 0, fGold: 0 };
  for (const article of articles) {
    const analysis = analyzeArticle({ title: article.title, text: article.text });
    const q = scoreQuotes(analysis.quotes, article.labels.quotes);
    const f = scoreFigures(analysis.figures, article.labels);
    totals.qTp += q.tp;
    totals.qFp += q.fp;
    totals.qGold += q.gold;
    totals.spkOk += q.speakerOk;
    totals.spkTotal += q.speakerTotal;
    totals.fTp += f.tp;
    totals.fFp += f.fp;
    totals.fGold += f.gold;
  }
  return {
    quoteRecall: totals.qTp / totals.qGold,
    quotePrecision: totals.qTp / (totals.qTp + totals.qFp),
    speakerAccuracy: totals.spkOk / totals.spkTotal,
    figureRecall: totals.fTp / totals.fGold,
    figurePrecision: totals.fTp / (totals.fTp + totals.fFp),
  };
}
