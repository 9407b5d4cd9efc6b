/**
 * Rules for languages without their own file: quote marks, digits and layout only, no vocabulary. Quotes are
 * found but get no speaker, figures are read with the continental convention (decimal comma, grouped thousands).
 *
 * @example
 *   rulesFor('de') === generic; // true
 */
import { genderedWords, numberWords, phrases, wordSet } from './lexicon.ts';
import type { LanguageRules } from './rules.ts';

const NONE = wordSet();

/** The rules for any language without its own: layout, quote marks and digits only. */
export const generic: LanguageRules = {
  code: 'und',
  abbreviations: wordSet('dr mr mrs ms prof st nr no vol etc bzw usw ca vgl z.b d.h т.е т.д т.п г гг'),
  sentenceStarters: NONE,
  elision: null,
  stopwords: NONE,
  speechVerbs: NONE,
  thatIsOptional: false,
  speechVerbBases: NONE,
  continuationVerbs: NONE,
  characterisationVerbs: NONE,
  namingCues: NONE,
  demonstratives: NONE,
  offenceCues: NONE,
  offencePrepositions: NONE,
  crossReferences: [],
  hypotheticalMarkers: [],
  accordingTo: [],
  opinionFrames: [],
  subjectAsides: [],
  agentPrepositions: NONE,
  pronouns: genderedWords({}),
  invertedPronoun: null,
  relativeSubjects: NONE,
  verbGlue: NONE,
  adverbSuffix: null,
  notAdverbs: NONE,
  participleSuffix: null,
  pastSuffix: null,
  objectClitics: NONE,
  copulas: NONE,
  auxiliaries: NONE,
  passiveAuxiliaries: NONE,
  adverbs: NONE,
  determiners: genderedWords({}),
  nounLinks: NONE,
  phraseBreakers: NONE,
  conjunctions: NONE,
  titles: genderedWords({ m: 'mr herr', f: 'mrs ms frau', null: 'dr prof' }),
  jobNouns: genderedWords({}),
  personNouns: NONE,
  locativePrepositions: NONE,
  humanNouns: NONE,
  documentNouns: NONE,
  nameParticles: wordSet('van von der den de du da di del della dos das bin ibn al el ter ten zu'),
  firstNames: genderedWords({}),
  numbers: {
    decimal: ',',
    dotGroupsThousands: true,
    words: numberWords(''),
    scales: numberWords(''),
    collectives: numberWords(''),
    fractions: numberWords(''),
    hedges: phrases(''),
    exactHedges: NONE,
    months: NONE,
    dayAfterMonth: false,
    timeUnits: NONE,
    agoAfter: NONE,
    agoBefore: phrases(''),
    rangeJoiners: wordSet('- –'),
    rangeOpeners: NONE,
    changeVerbs: NONE,
    of: NONE,
    outOf: phrases(''),
    labelNouns: NONE,
    percentWords: phrases(''),
    currencyWords: NONE,
    perWords: wordSet('/'),
  },
};
