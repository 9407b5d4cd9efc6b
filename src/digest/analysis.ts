/**
 * What the digest engine reads out of one article: the values behind `precis analyze --json`.
 *
 * @example
 *   const analysis = analyzeArticle({ title: 'Headline', text: 'First paragraph.\nSecond.' });
 *   analysis.quotes[0]?.speaker; // 'Choe Son Hui'
 */

/** The plain text of one article, as the engine reads it. */
export interface ArticleText {
  title: string | null;
  /** Paragraphs separated by "\n". */
  text: string;
  /** ISO 639-1 code when the feed declares one; detected otherwise. */
  lang?: string | undefined;
}

/** A direct quotation worth showing: the quoted words without their marks, and who said them. */
export interface Quote {
  text: string;
  /** The fullest name the article gives, titles removed; null when the article does not say. */
  speaker: string | null;
  /** Offsets in the article text, from the first to the last quoted character. */
  start: number;
  end: number;
}

/** A number that counts or measures something, with what it counts. */
export interface Figure {
  /** The figure as written, with the head noun when adjacent ("10 000 soldats"). */
  surface: string;
  /** The plain number ("3,2 milliards de dollars" → 3200000000, "12 %" → 12). */
  value: number;
  /** What is counted or the unit ("soldats", "%", "dollars"); null when nothing says. */
  unit: string | null;
  /** True for hedged or vague quantities ("environ", "about", "des milliers"). */
  approximate: boolean;
  /** The hedge or bound as written ("pas moins de", "more than"), when there is one. */
  qualifier?: string;
  /** The high end of a range ("50 to 100" → 100). */
  valueMax?: number;
  /** An order of magnitude rather than a count ("des milliers", "tens of thousands"). */
  vague?: boolean;
  /** Offsets of `surface` in the article text. */
  start: number;
  end: number;
  /** The sentence the figure comes from. */
  sentence: string;
}

/** The engine's reading of one article. */
export interface ArticleAnalysis {
  /** ISO 639-1 code ('fr', 'en', …) or 'und' when unknown. */
  lang: string;
  title: string | null;
  /** One to three key sentences, in article order. */
  summary: string[];
  /** Key quotes only: short scare quotes are left out. */
  quotes: Quote[];
  figures: Figure[];
}
