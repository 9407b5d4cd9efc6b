import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/digest/analyze.ts';

function speakers(text: string, lang: string): (string | null)[] {
  return analyzeArticle({ title: null, text, lang }).quotes.map((q) => q.speaker);
}

describe('descriptions: a description speaking takes up a person named before', () => {
  it('reads « l’intéressé » as the person the matter concerns, the last one named', () => {
    const text =
      "Le conseil de discipline a voté l'exclusion de Marc Delorme, a annoncé Sophie Rival, secrétaire générale de la fédération. « Je suis profondément blessé », réagit l'intéressé.";
    expect(speakers(text, 'fr')).toEqual(['Marc Delorme']);
  });

  it('reads « le champion » and « celui qui » as the person the sentences before are about', () => {
    const champion =
      "Aujourd'hui, à 41 ans, Bruno Lacaze n'espère plus grand-chose. « Je veux juste profiter de chaque course et partager des souvenirs avec le public », confie le champion.";
    expect(speakers(champion, 'fr')).toEqual(['Bruno Lacaze']);
    const relative =
      "Julien Morel a pris la parole sur son compte, affirmant que l'affaire lui avait gâché la vie. « Je remercie toutes celles et tous ceux qui m'ont écrit ces derniers jours », dit celui qui avait interrompu sa campagne.";
    expect(speakers(relative, 'fr')).toEqual(['Julien Morel']);
  });

  it('reads "the veteran pollster" as the speaker reported just before, not the subject of that sentence', () => {
    const text =
      'Premier Danielle Smith leads in the north. Smith is ahead, but it is a fragile lead, Laura Chen says. "If I were the party, I would not be comfortable with this advantage," the veteran pollster said.';
    expect(speakers(text, 'en')).toEqual(['Laura Chen']);
  });

  it('keeps an office for its holder, someone new', () => {
    const office = "Jean Martin a été interpellé mardi. « L'enquête ne fait que commencer », a indiqué le procureur.";
    expect(speakers(office, 'fr')).toEqual(['le procureur']);
  });
});

describe('descriptions: an organisation description takes up the organisation named before', () => {
  it('reads « le parti » and « l’association » as the organisation named before', () => {
    const party =
      "Le même jour, Luc Ferrand, alors secrétaire général des Indépendants, annonce une procédure d'exclusion. « Nous ne pouvons que condamner ces méthodes », explique le parti dans un communiqué.";
    expect(speakers(party, 'fr')).toEqual(['Indépendants']);
    const association =
      "Sur le recours, la LPA explique avoir « formé un recours de principe contre l'arrêté. La LPA contestait la définition retenue », détaille l'association.";
    expect(speakers(association, 'fr')).toEqual(['LPA']);
  });

  it('reads "the advocacy group" as the organisation the sentences before are about', () => {
    const text =
      'The Digital Rights Foundation earlier this month demanded a veto of the bill, saying it would infringe on free speech. If the law is implemented, the digital privacy advocacy group said in a statement, "young people will find themselves locked out of much of the web."';
    expect(speakers(text, 'en')).toEqual(['Digital Rights Foundation']);
  });
});

describe('descriptions: companies and clubs', () => {
  it('reads "the airline" and « l’entreprise » as the company the sentences before are about', () => {
    const airline = 'Northwind Airways cancelled 40 flights on Friday after the storm. "The safety of our passengers comes first," the airline said.';
    expect(speakers(airline, 'en')).toEqual(['Northwind Airways']);
    const company = "Valmonde a annoncé la fermeture de deux usines en Lorraine. « Cette décision a été mûrement réfléchie », a indiqué l'entreprise.";
    expect(speakers(company, 'fr')).toEqual(['Valmonde']);
  });
});

describe('descriptions: where a description ends', () => {
  it('ends a noun phrase before a second determiner', () => {
    const text = 'La fondation présentera ses collections en 2026, « une version enrichie de celle déjà présentée en 2014 », souligne l’établissement public le communiqué.';
    expect(speakers(text, 'fr')[0]).not.toContain('communiqué');
  });
});

describe('descriptions: a speaker known only by a description', () => {
  it('keeps "the official" for the unnamed official who spoke before, not the person named nearby', () => {
    const text =
      'President Joe Carter met the delegation on Monday. A senior official said the talks had stalled over the border. "We are not there yet, and nobody expects a deal this week," the official added.';
    expect(speakers(text, 'en')[0]).not.toBe('Joe Carter');
  });
});

describe('descriptions: an unnamed speaker’s complement', () => {
  it('does not take « le président » for « un conseiller du président »', () => {
    const text =
      "Marc Olivier a présidé la réunion de crise lundi. « La situation reste très tendue dans le pays », a confié un conseiller du président. « Nous ne céderons rien sur ce dossier », a déclaré le président.";
    expect(speakers(text, 'fr').at(-1)).not.toBe('un conseiller du président');
  });
});
