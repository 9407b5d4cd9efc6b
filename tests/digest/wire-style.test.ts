import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/digest/analyze.ts';

// Two wire-style articles written for these tests (not from the evaluation set): every rule family at once.
const FRENCH = {
  title: 'Grève à la SNCF : le trafic fortement perturbé jeudi',
  text: [
    "Le trafic ferroviaire restera très perturbé jeudi, avec seulement 40 % des trains régionaux, a annoncé mercredi la SNCF, au deuxième jour d'une grève contre la réforme des retraites.",
    "« Nous demandons aux voyageurs de reporter leurs déplacements si possible », a indiqué à l'AFP un porte-parole de l'entreprise. Selon la direction, près de 35 % des conducteurs étaient grévistes mercredi.",
    "La ministre des Transports, Élisabeth Borne, a dénoncé une grève « irresponsable ». « Les Français n'ont pas à être pris en otage par une minorité », a-t-elle déclaré sur BFMTV.",
    '« Tant que le projet ne sera pas retiré, nous continuerons », prévient Laurent Brun, secrétaire général de la CGT-Cheminots.',
    "Plus de 800 000 personnes ont manifesté dans toute la France, selon le ministère de l'Intérieur, 1,5 million selon la CGT.",
    "La réforme prévoit de reculer l'âge légal de départ de 62 à 64 ans d'ici à 2030. Le coût de la grève est estimé à 20 millions d'euros par jour.",
  ].join('\n'),
};

const ENGLISH = {
  title: 'Wildfire forces thousands to flee in California',
  text: [
    'LOS ANGELES (AP) — A fast-moving wildfire tore through dry brush in Southern California on Tuesday, forcing more than 10,000 residents to flee and destroying at least 45 homes, officials said.',
    'The blaze, which started shortly after 2 p.m. near the town of Hemet, had burned about 12 square miles (31 square kilometers) by nightfall and was 5% contained.',
    '"This fire is moving extremely fast, and we are asking everyone in the evacuation zone to leave now," Cal Fire Capt. Maria Lopez told reporters. "Don\'t wait for a knock on your door."',
    'Two firefighters suffered minor injuries, she said. Gov. Gavin Newsom declared a state of emergency late Tuesday.',
    '"We will provide every resource needed to protect lives and property," Newsom said in a statement.',
  ].join('\n'),
};

describe('a French wire story', () => {
  const analysis = analyzeArticle(FRENCH);

  it('attributes every key quote and skips the scare quote', () => {
    expect(analysis.quotes.map((q) => q.speaker)).toEqual(["un porte-parole de l'entreprise", 'Élisabeth Borne', 'Laurent Brun']);
  });

  it('reads its figures, a change as two figures', () => {
    expect(analysis.figures.map((f) => [f.surface, f.value])).toEqual([
      ['40 %', 40],
      ['35 %', 35],
      ['800 000 personnes', 800000],
      ['1,5 million', 1500000],
      ['62', 62],
      ['64 ans', 64],
      ["20 millions d'euros", 20e6],
    ]);
  });

  it('summarises with its lead', () => {
    expect(analysis.summary[0]).toMatch(/^Le trafic ferroviaire restera très perturbé jeudi/);
  });
});

describe('an English wire story', () => {
  const analysis = analyzeArticle(ENGLISH);

  it('joins the interrupted quote and resolves the speakers', () => {
    expect(analysis.quotes.map((q) => [q.text.slice(0, 20), q.speaker])).toEqual([
      ['This fire is moving ', 'Maria Lopez'],
      ['We will provide ever', 'Gavin Newsom'],
    ]);
    expect(analysis.quotes[0]?.text).toMatch(/leave now Don't wait for a knock on your door\.$/);
  });

  it('reads its figures and leaves the time out', () => {
    expect(analysis.figures.map((f) => [f.surface, f.value])).toEqual([
      ['10,000 residents', 10000],
      ['45 homes', 45],
      ['12 square miles', 12],
      ['31 square kilometers', 31],
      ['5%', 5],
      ['Two firefighters', 2],
    ]);
  });

  it('strips the dateline from its key sentence', () => {
    expect(analysis.summary[0]).toMatch(/^A fast-moving wildfire/);
  });
});
