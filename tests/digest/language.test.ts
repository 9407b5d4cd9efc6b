import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/digest/language.ts';

describe('detectLanguage', () => {
  it('recognises French and English news copy', () => {
    expect(detectLanguage({ title: null, text: "Le ministre des Affaires étrangères a déclaré jeudi que la situation restait préoccupante dans la région." })).toBe('fr');
    expect(detectLanguage({ title: null, text: 'The foreign minister said on Thursday that the situation in the region remained worrying.' })).toBe('en');
  });

  it('lets the declared language win, region dropped', () => {
    expect(detectLanguage({ title: null, text: 'The foreign minister said on Thursday that the situation remained worrying.', lang: 'fr-CH' })).toBe('fr');
  });

  it('falls back to function words for very short text', () => {
    expect(detectLanguage({ title: null, text: 'Le chat est là' })).toBe('fr');
    expect(detectLanguage({ title: null, text: 'It is the end' })).toBe('en');
    expect(detectLanguage({ title: null, text: '…' })).toBe('und');
  });

  it('names other languages so that generic rules apply', () => {
    expect(detectLanguage({ title: null, text: 'Der Bundeskanzler sagte am Montag in Berlin, die Regierung werde das Gesetz im Herbst ändern.' })).toBe('de');
    expect(detectLanguage({ title: null, text: 'Министр иностранных дел заявил в понедельник, что переговоры будут продолжены.' })).toBe('ru');
  });
});
