import type { ChatSettings, StoredArticle } from '../../store/records.ts';
import { articleMatchText, compileTerms, matchesTerm } from './keyword-terms.ts';

/** The rule that kept an article out of a chat's digests. */
export type FilterRule =
  | { kind: 'language'; lang: string; allowed: readonly string[] }
  | { kind: 'exclude'; term: string }
  | { kind: 'include'; terms: readonly string[] };

/** Whether a chat's filters let an article through, and if not, which rule stopped it. */
export type FilterVerdict = { kept: true; matched: string | null } | { kept: false; rule: FilterRule };

/** A chat's filters, compiled once per digest. */
export interface ItemFilter {
  readonly active: boolean;
  verdict(article: StoredArticle): FilterVerdict;
}

/**
 * Compiles a chat's filters: the language filter first (an article whose language is unknown
 * passes), then exclude words, then include words (when there are any, an article must contain
 * one). Words and phrases match whole words, ignoring case and accents; "climat*" matches any
 * word starting with "climat".
 *
 * @example
 *   const filter = compileItemFilter({ include: ['climat*'], exclude: ['sport'], languages: ['fr'] }, () => null);
 *   filter.verdict(article); // { kept: false, rule: { kind: 'exclude', term: 'sport' } }
 */
export function compileItemFilter(
  settings: Pick<ChatSettings, 'include' | 'exclude' | 'languages'>,
  feedLanguage: (feedId: string) => string | null,
): ItemFilter {
  const include = compileTerms(settings.include);
  const exclude = compileTerms(settings.exclude);
  const languages = settings.languages.map((lang) => lang.toLowerCase());
  const active = include.length > 0 || exclude.length > 0 || languages.length > 0;
  return {
    active,
    verdict(article) {
      if (!active) return { kept: true, matched: null };
      const lang = (article.lang ?? feedLanguage(article.feedId))?.toLowerCase() ?? null;
      if (languages.length && lang && !languages.some((wanted) => lang === wanted || lang.startsWith(`${wanted}-`))) {
        return { kept: false, rule: { kind: 'language', lang, allowed: settings.languages } };
      }
      if (!include.length && !exclude.length) return { kept: true, matched: null };
      const text = articleMatchText(article);
      const excluded = exclude.find((term) => matchesTerm(text, term));
      if (excluded) return { kept: false, rule: { kind: 'exclude', term: excluded.text } };
      if (!include.length) return { kept: true, matched: null };
      const included = include.find((term) => matchesTerm(text, term));
      if (!included) return { kept: false, rule: { kind: 'include', terms: settings.include } };
      return { kept: true, matched: included.text };
    },
  };
}
