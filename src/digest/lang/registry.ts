/**
 * Which rules apply to a language code.
 *
 * @example
 *   rulesFor('fr').code; // 'fr'
 *   rulesFor('ru').code; // 'und' (generic rules)
 */
import { english } from './en.ts';
import { french } from './fr.ts';
import { generic } from './generic.ts';
import type { LanguageRules } from './rules.ts';

const BY_CODE: ReadonlyMap<string, LanguageRules> = new Map([
  ['en', english],
  ['fr', french],
]);

/** The rules of an ISO 639-1 code; the generic rules for any language without its own. */
export function rulesFor(code: string): LanguageRules {
  return BY_CODE.get(code) ?? generic;
}
