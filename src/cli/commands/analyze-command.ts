import { analyzeArticle } from '../../digest/analyze.ts';
import type { ArticleAnalysis } from '../../digest/analysis.ts';
import { locatableSurface } from '../locatable-surface.ts';
import { parseCommandLine } from '../parse-command-line.ts';
import { readArticleInput } from '../read-article-input.ts';
import { UsageError } from '../usage-error.ts';

export const analyzeHelp = `Usage: precis analyze [--json] <file|url>

Reads one article and prints what the digest engine finds in it: language, key sentences,
key quotes with their speakers, key figures with what they count.

The input is plain text (title on the first line), an HTML page, or a feed (its first item),
from a file or an http(s) URL.

Options:
  --json      print {"lang","title","summary","quotes":[{"text","speaker"}],"figures":[{"surface","value","unit"}]}
  -h, --help  show this help`;

/**
 * The stable JSON contract of `precis analyze --json` (the quality benchmark reads it). Each figure's surface is
 * as written in `text`, with the words around it when the bare figure appears earlier in the text too.
 */
export function analysisToJson(analysis: ArticleAnalysis, text: string) {
  const taken = new Set<string>();
  return {
    lang: analysis.lang,
    title: analysis.title,
    summary: analysis.summary,
    quotes: analysis.quotes.map((quote) => ({ text: quote.text, speaker: quote.speaker })),
    figures: analysis.figures.map((figure) => ({ surface: locatableSurface(text, figure, taken), value: figure.value, unit: figure.unit })),
  };
}

function humanReadable(analysis: ArticleAnalysis): string {
  const lines = [`Title:    ${analysis.title ?? '(none)'}`, `Language: ${analysis.lang}`, '', 'Key sentences:'];
  for (const sentence of analysis.summary) lines.push(`  - ${sentence}`);
  lines.push('', `Quotes (${analysis.quotes.length}):`);
  for (const quote of analysis.quotes) lines.push(`  - "${quote.text}" — ${quote.speaker ?? '(speaker not given)'}`);
  lines.push('', `Figures (${analysis.figures.length}):`);
  for (const figure of analysis.figures) lines.push(`  - ${figure.surface}  = ${figure.value}${figure.unit ? ` (${figure.unit})` : ''}${figure.approximate ? ', approximate' : ''}`);
  return lines.join('\n');
}

/** `precis analyze`: the digest engine's reading of one article. */
export async function analyzeCommand(args: string[], output: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseCommandLine('analyze', args, { json: { type: 'boolean' } });
  if (values.help) {
    output.write(`${analyzeHelp}\n`);
    return 0;
  }
  if (positionals.length !== 1 || !positionals[0]) {
    throw new UsageError(positionals.length ? 'analyze takes exactly one file or URL' : 'analyze needs a file or URL to read', 'precis analyze --help');
  }
  const article = await readArticleInput(positionals[0]);
  const analysis = analyzeArticle(article);
  output.write(values.json ? `${JSON.stringify(analysisToJson(analysis, article.text))}\n` : `${humanReadable(analysis)}\n`);
  return 0;
}
