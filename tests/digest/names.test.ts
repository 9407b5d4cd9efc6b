import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/digest/document.ts';
import { english } from '../../src/digest/lang/en.ts';
import { french } from '../../src/digest/lang/fr.ts';
import type { LanguageRules } from '../../src/digest/lang/rules.ts';
import { findNames } from '../../src/digest/names.ts';

function persons(text: string, rules: LanguageRules) {
  return findNames(parseDocument(text, rules))
    .persons.filter((p) => p.human)
    .map((p) => ({ name: p.name, gender: p.gender }));
}

describe('findNames', () => {
  it('strips job descriptions and keeps names with particles and function words', () => {
    const found = persons(
      'Le ministre russe des Affaires étrangères Sergueï Lavrov a rencontré le dirigeant Kim Jong Un et Choe Son Hui. Le chercheur Erik van Sebille a parlé.',
      french,
    );
    expect(found.map((p) => p.name)).toEqual(expect.arrayContaining(['Sergueï Lavrov', 'Kim Jong Un', 'Erik van Sebille']));
    expect(found.map((p) => p.name)).not.toContain('Affaires');
  });

  it('keeps a capitalised kinship word inside a name (the Korean "Son"), never a title that makes the rest a man', () => {
    const found = persons("North Korea's foreign minister Choe Son Hui met her counterpart Sergei Lavrov. President Yoon's son Kim spoke.", english);
    expect(found).toContainEqual({ name: 'Choe Son Hui', gender: null });
    expect(found.map((p) => p.name)).not.toContain('Hui');
  });

  it('reads gender from determiners, titles, job nouns and first names', () => {
    const found = persons(
      "La ministre nord-coréenne Choe Son Hui et le ministre russe Sergueï Lavrov. Mme Cardenal, M. Véran et Ana Sofia Cardenal, professeure à l'université.",
      french,
    );
    const gender = (name: string) => found.find((p) => p.name === name)?.gender;
    expect(gender('Choe Son Hui')).toBe('f');
    expect(gender('Sergueï Lavrov')).toBe('m');
    expect(gender('Véran')).toBe('m');
    expect(gender('Ana Sofia Cardenal')).toBe('f');
  });

  it('lets a first name outweigh a masculine job noun, which French also uses for women', () => {
    const found = persons("Anne-Laure Vidal, professeur de droit, et Jean-Marc Roux, médecin, ont pris la parole. Léa Moreau, docteur en chimie, a suivi.", french);
    const gender = (name: string) => found.find((p) => p.name === name)?.gender;
    expect(gender('Anne-Laure Vidal')).toBe('f');
    expect(gender('Jean-Marc Roux')).toBe('m');
    expect(found.find((p) => p.name === 'Léa Moreau')?.gender ?? null).not.toBe('m');
  });

  it('reads gender from a dislocated pronoun, and jobs from coordinated appositions and predicates', () => {
    const doc = parseDocument(
      "Il a retrouvé Kaoru. Kaoru, elle, n'a pas changé. Inès Ferrand, chercheuse au CNRS et épidémiologiste, a publié. Tomas Leroy est un architecte reconnu.",
      french,
    );
    const names = findNames(doc);
    const person = (name: string) => names.persons.find((p) => p.name === name);
    expect(person('Kaoru')?.gender).toBe('f');
    expect([...(person('Inès Ferrand')?.jobs ?? [])]).toEqual(['chercheuse', 'épidémiologiste']);
    expect([...(person('Tomas Leroy')?.jobs ?? [])]).toEqual(['architecte']);
  });

  it('links surnames and titled names to the fullest name', () => {
    const found = persons('President Barack Obama spoke. Mr Obama said he was confident. Obama left for Kenya.', english);
    expect(found.filter((p) => p.name.includes('Obama'))).toEqual([{ name: 'Barack Obama', gender: 'm' }]);
  });

  it('does not take capitalised sentence openers for names', () => {
    const found = persons('Previously unseen papers show the plan. Searchers found nothing. Officials said searchers would return.', english);
    expect(found).toEqual([]);
  });
});
