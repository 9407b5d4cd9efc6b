/**
 * The digest engine's reading of one article: its language, key quotes with their speakers, key figures and
 * one to three key sentences. A pure function of its input.
 *
 * @example
 *   const analysis = analyzeArticle({ title: 'Séisme au Népal', text: '…' });
 *   analysis.quotes[0]; // { text: 'Pour certains d’entre eux on est très interrogatif', speaker: 'Laurent Fabius', … }
 */
import type { ArticleAnalysis, ArticleText, Quote } from './analysis.ts';
import { parseDocument } from './document.ts';
import { detectLanguage } from './language.ts';
import { rulesFor } from './lang/registry.ts';
import { findFigures } from './figures.ts';
import { keySentences } from './key-sentences.ts';
import { findNames } from './names.ts';
import { findQuotations } from './quotes.ts';
import type { Focus } from './salience.ts';
import { attributeQuotations } from './speakers.ts';

/** Analyses one article: language, key quotes with speakers, figures and key sentences. */
export function analyzeArticle(input: ArticleText): ArticleAnalysis {
  const lang = detectLanguage(input);
  const rules = rulesFor(lang);
  const doc = parseDocument(input.text, rules);
  const quotations = findQuotations(doc);
  const names = findNames(doc, quotations.flatMap((quotation) => quotation.gaps));
  const plain = new Uint8Array(doc.quotes.length);
  for (const quotation of quotations) if (quotation.short && quotation.spans.length === 1) plain[quotation.spans[0]!] = 1;
  const reading = { doc, names, plain, focus: { settled: 0, foci: new Array<Focus | undefined>(doc.sentences.length) } };
  const speakers = attributeQuotations(reading, quotations);
  const quotes: Quote[] = [];
  quotations.forEach((quotation, i) => {
    if (quotation.short || quotation.nonSpeech) return;
    const first = quotation.parts[0];
    const last = quotation.parts.at(-1);
    if (!first || !last) return;
    quotes.push({ text: quotation.text, speaker: speakers[i]?.name ?? null, start: first.start, end: last.end });
  });
  const title = input.title?.trim() || null;
  return { lang, title, summary: keySentences(doc, title, quotations), quotes, figures: findFigures(doc) };
}
