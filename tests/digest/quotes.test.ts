import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/digest/document.ts';
import { english } from '../../src/digest/lang/en.ts';
import { french } from '../../src/digest/lang/fr.ts';
import type { LanguageRules } from '../../src/digest/lang/rules.ts';
import { findQuotations } from '../../src/digest/quotes.ts';

function quotations(text: string, rules: LanguageRules) {
  return findQuotations(parseDocument(text, rules));
}

describe('findQuotations', () => {
  it('joins a quote interrupted by its attribution ("X," said Y. "Z")', () => {
    const [quote, ...rest] = quotations('“There is no reason to believe them,” said Mr. Reeves, a senior fellow at Harvard. “These guys are the worst.”', english);
    expect(rest).toEqual([]);
    expect(quote?.text).toBe('There is no reason to believe them These guys are the worst.');
    expect(quote?.parts).toHaveLength(2);
  });

  it('splits « X, a-t-il dit, Y » around the incise inside the marks', () => {
    const [quote] = quotations('« Nous allons reconstruire, a-t-il promis, pierre par pierre et maison par maison. »', french);
    expect(quote?.text).toBe('Nous allons reconstruire pierre par pierre et maison par maison.');
    expect(quote?.gaps).toHaveLength(1);
  });

  it('keeps two quotes with their own attributions apart', () => {
    const found = quotations('"We are ready to talk," she said. "They are not," he replied.', english);
    expect(found.map((q) => q.text)).toEqual(['We are ready to talk', 'They are not']);
  });

  it('marks scare quotes as short', () => {
    const found = quotations('Lavrov a souligné les « liens très étroits » et une « grande victoire ».', french);
    expect(found.every((q) => q.short)).toBe(true);
  });

  it('marks quoted titles and names as non-speech', () => {
    const found = quotations(
      'Amnesty a publié un rapport intitulé « Ils nous ont tout pris cette nuit-là ». The study, published in "Misinformation Review Journal", was cited.',
      french,
    );
    expect(found.map((q) => q.nonSpeech)).toEqual([true, true]);
  });

  it('marks names introduced by "known as" as non-speech', () => {
    const [quote] = quotations('Le projet, connu sous le nom de « plan de relance pour tous », a été voté.', french);
    expect(quote?.nonSpeech).toBe(true);
  });

  it('marks short verbless quotations listed with commas or a conjunction as names, unless a speech verb governs them', () => {
    const found = quotations('Le festival propose des ateliers (« Écrire une chanson », « Monter un court métrage » ou « Photographier la nuit »).', french);
    expect(found.map((q) => q.nonSpeech)).toEqual([true, true, true]);
    const speech = quotations('The memo said the plan "is a recipe for chaos in the schools" and "will cost far too much".', english);
    expect(speech.map((q) => q.nonSpeech)).toEqual([false, false]);
    const denounced = quotations('Le député a dénoncé « une dérive très autoritaire », « un mépris des institutions » et « une faute politique grave ».', french);
    expect(denounced.map((q) => q.nonSpeech)).toEqual([false, false, false]);
    const charges = quotations("Il est mis en examen pour « complicité d'abus de biens sociaux » et « recel d'abus de biens sociaux ».", french);
    expect(charges.map((q) => q.nonSpeech)).toEqual([true, true]);
  });

  it('marks the name of an offence after a word of criminal procedure as non-speech, not a long charge text', () => {
    expect(quotations("L'ancien maire a été mis en examen pour « abus de biens sociaux aggravé » mardi.", french)[0]?.nonSpeech).toBe(true);
    expect(quotations('The senator was charged with "obstruction of an official proceeding" on Friday.', english)[0]?.nonSpeech).toBe(true);
    const charge = quotations("Le parquet a ouvert une enquête pour « mise en danger de la vie d'autrui, blessures involontaires et omission de porter secours ».", french);
    expect(charge[0]?.nonSpeech).toBe(false);
  });

  it('marks quotations taken up as terms by a demonstrative and a naming noun', () => {
    const found = quotations('« Prendre le taureau par les cornes », « mettre les bouchées doubles »… Ces formules reviennent dans chaque discours.', french);
    expect(found.map((q) => q.nonSpeech)).toEqual([true, true]);
  });

  it('marks a quotation that opens its sentence and runs into a verb as a name', () => {
    expect(quotations('« La maison des lanceurs d’alerte » organise une soirée de soutien jeudi.', french)[0]?.nonSpeech).toBe(true);
    expect(quotations('“A house for every family” has raised two million euros since March.', english)[0]?.nonSpeech).toBe(true);
    expect(quotations('“We will not stop now,” one organiser told the crowd.', english)[0]?.nonSpeech).toBe(false);
  });

  it('marks titles in cross-reference lines and after "lire", and capitalised titles with a subtitle', () => {
    const lines = quotations('Lire aussi Jeanne Martin, « Les oubliés de la croissance verte », Le Monde, mai 2021.\nIl a enquêté sur les canuts (lire « Un siècle de luttes ouvrières à Lyon »).', french);
    expect(lines.map((q) => q.nonSpeech)).toEqual([true, true]);
    expect(quotations('She starred in “Dark Harbour: The Return of the Tide” last year.', english)[0]?.nonSpeech).toBe(true);
    const american = quotations('He asked if she had read “Letters From Another Shore.” She laughed. “It is a miracle.”', english);
    expect(american.map((q) => q.nonSpeech)).toEqual([true, false]);
  });

  it('does not take a capitalised contraction for a title word: "It’s", "We’re" are function words', () => {
    const found = quotations('“We’re not done with Ottawa,” a union organiser told the crowd. “It’s all about NATO,” she added.', english);
    expect(found.map((q) => [q.text, q.short, q.nonSpeech])).toEqual([
      ['We’re not done with Ottawa', false, false],
      ['It’s all about NATO', false, false],
    ]);
  });

  it('drops the comma that belongs to the attribution', () => {
    const [quote] = quotations('"The risk to others is considered extremely low," the government said.', english);
    expect(quote?.text).toBe('The risk to others is considered extremely low');
  });
});
