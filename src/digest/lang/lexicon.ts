/**
 * Helpers to write word lists compactly in the language files.
 *
 * @example
 *   const titles = genderedWords({ m: 'mr sir', f: 'mrs ms', null: 'dr' });
 *   titles.get('mrs'); // 'f'
 */
import type { Gender } from './rules.ts';

/** A set of the whitespace-separated words of the given lists; "_" stands for a space inside an entry. */
export function wordSet(...lists: string[]): ReadonlySet<string> {
  const set = new Set<string>();
  for (const list of lists) {
    for (const word of list.split(/\s+/)) if (word) set.add(word.replace(/_/g, ' '));
  }
  return set;
}

/** A map from each word of the lists to the gender its list marks. */
export function genderedWords(lists: { m?: string; f?: string; n?: string; p?: string; null?: string }): ReadonlyMap<string, Gender> {
  const map = new Map<string, Gender>();
  const add = (list: string | undefined, gender: Gender): void => {
    for (const word of (list ?? '').split(/\s+/)) if (word) map.set(word, gender);
  };
  add(lists.null, null);
  add(lists.m, 'm');
  add(lists.f, 'f');
  add(lists.n, 'n');
  add(lists.p, 'p');
  return map;
}

/** Phrases given as "près_de environ more_than" → [['près','de'],['environ'],['more','than']]. */
export function phrases(list: string): readonly (readonly string[])[] {
  return list
    .split(/\s+/)
    .filter(Boolean)
    .map((phrase) => phrase.split('_'));
}

/** A map from each word to a number, from "deux:2 trois:3". */
export function numberWords(list: string): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  for (const entry of list.split(/\s+/)) {
    if (!entry) continue;
    const [word, value] = entry.split(':');
    if (word && value) map.set(word, Number(value));
  }
  return map;
}

/**
 * The inflected forms of English verbs from "say:said tell:told note": base, -s, past, -ing.
 * Regular pasts are derived; irregular ones are given after a colon (and an -ing form after a second one).
 */
export function englishVerbForms(list: string): ReadonlySet<string> {
  const forms = new Set<string>();
  for (const entry of list.split(/\s+/)) {
    if (!entry) continue;
    const [base = '', past, ing] = entry.split(':');
    forms.add(base);
    forms.add(/(s|sh|ch|x|z)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`);
    forms.add(past ?? (base.endsWith('e') ? `${base}d` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : `${base}ed`));
    forms.add(ing ?? (base.endsWith('e') && !base.endsWith('ee') ? `${base.slice(0, -1)}ing` : `${base}ing`));
  }
  return forms;
}

/**
 * The forms of French verbs in -er that report speech: present, past participle, imperfect, participle, simple past.
 * Irregular verbs are listed with their forms separated by "|" ("dire|dit|disent|disait").
 */
export function frenchVerbForms(list: string): ReadonlySet<string> {
  const forms = new Set<string>();
  for (const entry of list.split(/\s+/)) {
    if (!entry) continue;
    if (entry.includes('|')) {
      for (const form of entry.split('|')) if (form) forms.add(form);
      continue;
    }
    const stem = entry.slice(0, -2);
    for (const ending of ['e', 'ent', 'é', 'ée', 'és', 'ées', 'er', 'ait', 'aient', 'ant', 'a', 'èrent', 'era', 'eront', 'erait', 'eraient']) {
      forms.add(stem + ending);
    }
  }
  return forms;
}

/** Phrases with the gender their possessive marks, from { m: 'in_his_view', f: 'in_her_view' }. */
export function genderedPhrases(lists: { m?: string; f?: string; p?: string; null?: string }): readonly (readonly [readonly string[], Gender])[] {
  return [...genderedWords(lists)].map(([phrase, gender]) => [phrase.split('_'), gender] as const);
}
