import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/digest/analyze.ts';
import { parseDigits } from '../../src/digest/figures.ts';
import { english } from '../../src/digest/lang/en.ts';
import { french } from '../../src/digest/lang/fr.ts';

function figures(text: string, lang: string): [string, number][] {
  return analyzeArticle({ title: null, text, lang }).figures.map((f) => [f.surface, f.value]);
}

describe('parseDigits', () => {
  it('reads each locale\'s separators', () => {
    expect(parseDigits('10 000', french)).toBe(10000);
    expect(parseDigits('10\u202F000', french)).toBe(10000);
    expect(parseDigits('1,5', french)).toBe(1.5);
    expect(parseDigits('800.000', french)).toBe(800000);
    expect(parseDigits('10,000', english)).toBe(10000);
    expect(parseDigits('1.5', english)).toBe(1.5);
    expect(parseDigits('1,234.5', english)).toBe(1234.5);
    expect(parseDigits('12.12.2019', french)).toBeNull();
    expect(parseDigits('49.3', french)).toBeNull();
    expect(parseDigits('1,5', english)).toBeNull();
  });
});

describe('figures in French', () => {
  it('reads numbers with their head noun and scale', () => {
    expect(figures('La Corée du Nord aurait envoyé environ 10 000 soldats en Russie et pas moins de 8\u00A0000 soldats nord-coréens sont stationnés à Koursk.', 'fr')).toEqual([
      ['10 000 soldats', 10000],
      ['8\u00A0000 soldats nord-coréens', 8000],
    ]);
    expect(figures('Le budget atteint 3,2 milliards de dollars, soit une hausse de 12 % et 2,22% du total.', 'fr')).toEqual([
      ['3,2 milliards de dollars', 3.2e9],
      ['12 %', 12],
      ['2,22%', 2.22],
    ]);
  });

  it('never takes an adjective before its noun for the thing a unit measures after « de »', () => {
    expect(figures('La ville prévoit 250 kilomètres de nouvelles pistes et 40 millions de nouveaux crédits.', 'fr')).toEqual([
      ['250 kilomètres', 250],
      ['40 millions de nouveaux crédits', 40000000],
    ]);
  });

  it('reads number words, collectives and vague quantities', () => {
    expect(figures('Deux personnes sont mortes et une trentaine de pesticides sont analysés. Des dizaines de milliers de personnes sont sans abri.', 'fr')).toEqual([
      ['Deux personnes', 2],
      ['une trentaine de pesticides', 30],
      ['dizaines de milliers de personnes', 10000],
    ]);
    expect(figures('Le séisme touche huit des 28 millions d’habitants du pays.', 'fr')).toEqual([
      ['huit', 8e6],
      ['28 millions d’habitants', 28e6],
    ]);
  });

  it('keeps two figures for a change and one for a range', () => {
    expect(figures('Le taux est passé de 3,5 % à 4 %. Entre 10 et 15 % des salariés sont concernés.', 'fr')).toEqual([
      ['3,5 %', 3.5],
      ['4 %', 4],
      ['10 et 15 %', 10],
    ]);
  });

  it('reads a rate followed by the level it reached, and a downward pair, as two figures', () => {
    expect(figures('Le CAC 40 gagne 0,55 % à 7.612,52 points. Les ventes passent de 800.000 à 750.000 unités.', 'fr')).toEqual([
      ['0,55 %', 0.55],
      ['7.612,52 points', 7612.52],
      ['800.000', 800000],
      ['750.000 unités', 750000],
    ]);
  });

  it('signs a rate in brackets beside a level, not a bare dash', () => {
    expect(figures('Les ventes ont baissé à 2 596 199 unités (-7%). Le déficit atteint même -3,5% en 2020.', 'fr')).toEqual([
      ['2 596 199 unités', 2596199],
      ['-7%', -7],
      ['3,5%', 3.5],
    ]);
  });

  it('reads « de N à M » after a verb of change as two figures, and a quarter after an ordinal as no fraction', () => {
    expect(figures("Son chiffre d'affaires s'est accru de 9 milliards à 12,5 milliards.", 'fr')).toEqual([
      ['9 milliards', 9e9],
      ['12,5 milliards', 12.5e9],
    ]);
    expect(figures('It marked the sixth consecutive quarter of growth, and a quarter of the firms grew.', 'en')).toEqual([['quarter', 0.25]]);
  });

  it('marks hedged figures approximate', () => {
    const [figure] = analyzeArticle({ title: null, text: 'Près de 45 tonnes de chlorothalonil ont été utilisées.', lang: 'fr' }).figures;
    expect(figure).toMatchObject({ value: 45, approximate: true, qualifier: 'près de', unit: 'tonnes de chlorothalonil' });
  });

  it('leaves out years, dates, times, ordinals, list markers, phones, versions and names', () => {
    const text =
      "1. Le programme\nLe 14 juillet 2023, à 10 h 30, le G7 s'est réuni dans le 3e arrondissement. Un troisième Français est mort. " +
      "Le Boeing 737 reste au sol depuis les années 1990. Le COVID-19 et l'article 49.3 ; appelez le 01 23 45 67 89 pour la version 2.1. " +
      'Créé: 12.12.2019, 07h36. Un homme a été blessé il y a deux ans.';
    expect(figures(text, 'fr')).toEqual([]);
  });
});

describe('figures in English', () => {
  it('reads money, percentages, ranges and conversions', () => {
    expect(figures('The company lost $3.2bn and €78bn (£57bn), while unemployment fell to 4.1%.', 'en')).toEqual([
      ['$3.2bn', 3.2e9],
      ['€78bn', 78e9],
      ['£57bn', 57e9],
      ['4.1%', 4.1],
    ]);
    expect(figures('Halibut sells for $24 to $28 a pound; fishermen are paid between $5 and $6 a pound, up from $3 to $4.', 'en')).toEqual([
      ['$24 to $28', 24],
      ['$5 and $6', 5],
      ['$3', 3],
      ['$4', 4],
    ]);
    expect(figures('Debris would drift up to 50 km (31 miles) a day; the sea is only 50 to 100 metres deep.', 'en')).toEqual([
      ['50 km', 50],
      ['31 miles', 31],
      ['50 to 100 metres', 50],
    ]);
  });

  it('reads number words, fractions and vague quantities', () => {
    expect(figures('Three airline disasters killed tens of thousands of people; nearly half of the cases and a dozen soldiers for six months.', 'en')).toEqual([
      ['Three airline disasters', 3],
      ['tens of thousands of people', 10000],
      ['half', 0.5],
      ['a dozen soldiers', 12],
      ['six months', 6],
    ]);
  });

  it('never counts "one" or "a" alone, and keeps two figures for a change', () => {
    expect(figures('One person each came from Singapore and a plane crashed; prices rose from 5% to 7%.', 'en')).toEqual([
      ['5%', 5],
      ['7%', 7],
    ]);
  });

  it('reads a score or a poll result ("52 per cent to 40", "48 to 33") as two figures', () => {
    expect(figures('The party leads the NDP 52 per cent to 40 and trails 33 to 48 in the north.', 'en')).toEqual([
      ['52 per cent', 52],
      ['40', 40],
      ['33 to 48', 33],
    ]);
  });

  it('reads the noun after participles and leaves live-blog times out', () => {
    expect(figures('16.06 Rescuers hope to bring the five remaining bodies back. 08:21 Update.', 'en')).toEqual([['five remaining bodies', 5]]);
  });

  it('leaves out street numbers and ZIP codes', () => {
    expect(figures('The clinic is at 3300 Gallows Road, Falls Church, VA 22042; it has 4125 members.', 'en')).toEqual([['4125 members', 4125]]);
    expect(figures('Rendez-vous au 12 rue de Rivoli avec 2500 manifestants.', 'fr')).toEqual([['2500 manifestants', 2500]]);
  });

  it('leaves out dates, years, times, identifiers and relative dates', () => {
    const text =
      '1 of 4. A view of the site on December 29, 2014.\nFlight MH17, the A320-200 and the iPhone 15 were cited in the 1990s at 3 p.m. ' +
      'on 9/11; call 555-0100 about No. 10 and Article 5. It happened four years ago.';
    expect(figures(text, 'en')).toEqual([]);
  });
});

describe('figures: what digits do not count', () => {
  it('leaves out days after an abbreviated month, footnote calls of an article with notes, and dash list markers', () => {
    expect(figures('The film opens on Dec. 31 and the sequel on Oct. 5, 2027, in 300 theaters.', 'en')).toEqual([['300 theaters', 300]]);
    expect(figures('Le rapport (1) recense 40 cas.\n(1) Source : ministère.', 'fr')).toEqual([['40 cas', 40]]);
    expect(figures('Le plan prévoit :\n1-recruter des enseignants ;\n2-ouvrir 30 classes ;\n3- rénover les écoles.', 'fr')).toEqual([['30 classes', 30]]);
  });

  it('leaves out hours of the day by the time word before or the zone after, and dialled numbers', () => {
    expect(figures('La police a été appelée peu avant 7 heures (6 heures GMT), après 3 heures de négociations.', 'fr')).toEqual([['3 heures de négociations', 3]]);
    expect(figures('They were helping out and calling 911 for the 12 swimmers.', 'en')).toEqual([['12 swimmers', 12]]);
  });

  it('keeps a count in brackets when the article has no notes, and « à N heures » beyond a day as a duration', () => {
    expect(figures('Opener Sam Reid (27) was caught behind.', 'en')).toEqual([['27', 27]]);
    expect(figures('Le temps de travail passe à 1 550 heures par an. Le train part à 15 heures.', 'fr')).toEqual([['1 550 heures par an', 1550]]);
  });
});

describe('figures: how digits are written', () => {
  it('reads a decimal point before a percent sign in a French text, and a price split after its comma', () => {
    expect(figures('Le chômage est passé de 15.3% à 9,8% en un an.', 'fr')).toEqual([
      ['15.3%', 15.3],
      ['9,8%', 9.8],
    ]);
    expect(figures('Le livre est vendu 12, 90 € en librairie.', 'fr')).toEqual([['12, 90 €', 12.9]]);
  });

  it('reads a measure or a count after a capitalised name but not a model number or a named unit, and units glued to the number', () => {
    expect(figures('Ohio lost 3.2 percent of its jobs, Texas 1.4 percent. The Boeing 737 is grounded.', 'en')).toEqual([
      ['3.2 percent', 3.2],
      ['1.4 percent', 1.4],
    ]);
    expect(figures("Calgary's 17 losses are the most. Despite 15 separate rounds of talks, the Democrats won 46 seats and the Social Democrats 43 seats.", 'en')).toEqual([
      ['17 losses', 17],
      ['15 separate rounds', 15],
      ['46 seats', 46],
      ['43 seats', 43],
    ]);
    expect(figures('Das iPhone kostet 850 Euro auch im Handel.', 'de').map(([, value]) => value)).toEqual([850]);
    expect(figures("Officers of 42 Division's Primary Response Unit found 18 Calgary seats and 26 First Nations.", 'en')).toEqual([
      ['18 Calgary seats', 18],
      ['26 First Nations', 26],
    ]);
    expect(figures('He bowled at 145kph.', 'en')).toEqual([['145kph', 145]]);
    expect(figures('Temperatures reached 41C (106F) in Seville on Tuesday.', 'en')).toEqual([
      ['41C', 41],
      ['106F', 106],
    ]);
  });
});

describe('figures: number words', () => {
  it('reads counts with an adjective before the noun, plural nouns that are also speech verbs, and partitives', () => {
    expect(figures('Two other people and two earlier reports were cited; it was one of three demands.', 'en')).toEqual([
      ['Two other people', 2],
      ['two earlier reports', 2],
      ['three demands', 3],
    ]);
    expect(figures('They had a further six of their overs left, and an extra dozen overs.', 'en')).toEqual([
      ['six', 6],
      ['dozen overs', 12],
    ]);
  });

  it('reads the noun after a scale word, a time unit glued to the number, and a hyphen compound before a place name', () => {
    expect(figures('Soixante millions d’Américains se trouvent sur le parcours. La LDH agit depuis + de 120ans.', 'fr')).toEqual([
      ['Soixante millions d’Américains', 6e7],
      ['120ans', 120],
    ]);
    expect(figures('Microsoft won a 5-day San Francisco court hearing.', 'en')).toEqual([['5-day', 5]]);
  });

  it('reads a range written in words as one figure, but not a change in words', () => {
    const [range] = analyzeArticle({ title: null, text: "Margins are around two to three per cent; we came from about three to four villages.", lang: 'en' }).figures;
    expect(range).toMatchObject({ surface: 'two to three per cent', value: 2, valueMax: 3, unit: '%', qualifier: 'around' });
    expect(figures('Margins are around two to three per cent; we came from about three to four villages.', 'en')).toEqual([
      ['two to three per cent', 2],
      ['three to four villages', 3],
    ]);
    expect(figures('Le nombre de sièges est passé de deux à trois sièges.', 'fr')).toEqual([['trois sièges', 3]]);
  });

  it('reads a bounded multiple, and a bare count after "and" that shares the noun of the figure before it', () => {
    expect(figures("This year's adjustment is more than triple the usual increase.", 'en')).toEqual([['triple', 3]]);
    expect(figures("That gives 18 Calgary seats to Notley's party and eight for Smith's.", 'en')).toEqual([
      ['18 Calgary seats', 18],
      ['eight', 8],
    ]);
    expect(figures('Sans ce fondement de 3 chercheurs, solide et neuf, la formation s’affaiblit.', 'fr')).toEqual([['3 chercheurs', 3]]);
  });

  it('reads the noun after an opening quote mark', () => {
    expect(figures('"I lost two \'Final Verdicts\' and both hurt."', 'en')).toEqual([["two 'Final Verdicts", 2]]);
  });

  it('reads a count out of a total in words, occurrences with « fois » / "times", and "half the"', () => {
    expect(figures('Saros stopped 42 of 44 shots, and three of four in the shootout. "You take half the OT losses."', 'en')).toEqual([
      ['42', 42],
      ['44 shots', 44],
      ['three', 3],
      ['four', 4],
      ['half', 0.5],
    ]);
    expect(figures('Tiger Woods a enfilé cinq fois la veste verte, trois sur quatre ans.', 'fr')).toEqual([
      ['cinq fois', 5],
      ['trois', 3],
      ['quatre ans', 4],
    ]);
  });

  it('reads "billions in", « deux tiers » as fractions, and leaves out positional halves and labels like "day three"', () => {
    expect(figures('The plan will cost billions in public money.', 'en')).toEqual([['billions', 1e9]]);
    expect(figures('Deux tiers des salariés sont concernés.', 'fr')).toEqual([['Deux tiers', 0.6666]]);
    expect(figures('The bottom half of the league struggled on day three.', 'en')).toEqual([]);
  });
});
