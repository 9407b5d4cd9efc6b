/**
 * Who a speech verb is about: its subject before it ("Pentagon spokesman Mark Wright said"), after it when
 * inverted ("a ajouté un ténor de la droite", "said Mr. Reeves"), or the subject of the whole sentence for a
 * participle ("…, complaining about …"). Returns references; `coreference.ts` turns them into speakers.
 *
 * @example
 *   subjectBefore(reading, indexOfSaid, sentenceStart); // { kind: 'name', chunk: 3, at: 12 }
 */
import type { ParsedDocument } from './document.ts';
import type { Gender } from './lang/rules.ts';
import { jobInfo, singulars, type ArticleNames } from './names.ts';
import type { FocusMemo } from './salience.ts';

/** The parsed article with its names: what the attribution rules read. */
export interface Reading {
  doc: ParsedDocument;
  names: ArticleNames;
  /** A quotation (index in `doc.quotes`) whose words are read as plain text: an incise inside its marks. */
  open?: number;
  /** For each quotation of `doc.quotes`, 1 when it is a scare quote read as part of the text around it. */
  plain?: Uint8Array;
  /** The focus of each finished sentence, filled in as attribution reads the article (see `salience.ts`). */
  focus?: FocusMemo;
}

/**
 * Whether token `i` is a speech verb used as a verb: "the demands of many teachers", "his claims" are nouns.
 */
export function isSpeechVerb(reading: Reading, i: number): boolean {
  const { tokens, rules } = reading.doc;
  const token = tokens[i];
  if (!token?.word) return false;
  // "the United States", "Consumer Reports": a word of a name is no verb.
  if (token.capitalized && (reading.names.chunkOf[i] ?? -1) !== -1) return false;
  if (periphrasisBefore(reading, i) > 0) return true;
  // "has pointed out", "spelled out": a verb and its particle report speech together.
  const particle = rules.particleSpeechVerbs.get(token.lower);
  if (particle !== undefined) return tokens[i + 1]?.lower === particle;
  if (!rules.speechVerbs.has(token.lower)) return false;
  const previous = tokens[i - 1]?.lower ?? '';
  // English base forms are nouns as often as verbs ("a briefing note"): only after an auxiliary or "to".
  if (rules.speechVerbBases.has(token.lower) && !rules.auxiliaries.has(previous) && !MODALS.has(previous)) return false;
  // "the explanatory notes of the bill", "claims of fraud": a complement with "of" makes them nouns.
  const next = tokens[i + 1]?.lower ?? '';
  if ((next === 'of' || rules.nounLinks.has(next)) && singulars(token.lower).some((form) => rules.speechVerbBases.has(form))) return false;
  if (/['’]s$/u.test(tokens[i - 1]?.text ?? '')) return false;
  // "children's social media posts would …": a form a modal follows is the modal's subject, a noun.
  if (FUTURE_MODALS.has(next)) return false;
  if (!rules.determiners.has(previous)) return true;
  // « il le juge » is a clitic and a verb; « a expliqué le juge », « pour le juge », « , le juge » an article and a noun.
  return rules.objectClitics.has(previous) && cliticCanFollow(reading, i - 2);
}

/** « a fait valoir que »: how many words of a speech periphrasis stand before its last word at token `i` (0 if none). */
export function periphrasisBefore(reading: Reading, i: number): number {
  const { tokens, rules } = reading.doc;
  const light = rules.speechPeriphrases.get(tokens[i]?.lower ?? '');
  return light?.has(tokens[i - 1]?.lower ?? '') ? 1 : 0;
}

/** Whether token `k` can stand before an object clitic: a subject, "ne", not a verb, a preposition or punctuation. */
function cliticCanFollow(reading: Reading, k: number): boolean {
  const { tokens, rules } = reading.doc;
  const token = tokens[k];
  if (!token?.word) return false;
  if (rules.speechVerbs.has(token.lower) || rules.auxiliaries.has(token.lower)) return false;
  return !(rules.phraseBreakers.has(token.lower) && !rules.pronouns.has(token.lower) && !rules.relativeSubjects.has(token.lower));
}

/** Whether token `i` (a word or a mark) belongs to a scare quote read as part of the text around it. */
export function inScareQuote(reading: Reading, i: number): boolean {
  const quote = reading.doc.quoteOf[i];
  return quote !== undefined && quote !== -1 && reading.plain?.[quote] === 1;
}

/**
 * Whether token `i` is inside a quotation other than the one being read as plain text. Scare quotes are part
 * of the phrase they sit in ("one source with “direct knowledge” of the talks told …").
 */
export function quoted(reading: Reading, i: number): boolean {
  const quote = reading.doc.quoteOf[i];
  return quote !== undefined && quote !== -1 && quote !== reading.open && reading.plain?.[quote] !== 1;
}

/** What a speech verb's subject turned out to be. */
export type SpeakerRef =
  | { kind: 'name'; chunk: number; at: number }
  | { kind: 'pronoun'; gender: Gender; at: number }
  | { kind: 'phrase'; first: number; last: number; head: string; gender: Gender; definite: boolean; at: number }
  /** A participle or a passive: the speaker is the subject of the sentence, or the agent. */
  | { kind: 'clause'; at: number }
  | { kind: 'passive'; at: number };

const MAX_SEGMENT = 14;
const MODALS = new Set(['to', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should', "won't", "didn't", "don't", 'not']);
const MAX_PARENTHESIS = 25;
const MAX_ASIDE = 4;
const MAX_PHRASE = 14;
/** Job words between an organisation's name and its holder's ("chair", "national security adviser"). */
const MAX_JOB_WORDS = 3;
/** Words of a job's complement searched for the name of its holder. */
const MAX_COMPLEMENT = 8;
const DEFINITE = new Set(['the', 'le', 'la', "l'", 'les']);
const CLOSES_APPOSITION = new Set([',', '.', ';', ')', '—', '–']);
const COORDINATORS = new Set(['and', 'but', 'et', 'mais', 'puis']);
/** Modals that never follow a verb of speech directly, only a noun (their subject). */
const FUTURE_MODALS = new Set(['will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should']);
/** Marks that may stand inside an apposition between a subject and its verb. */
const APPOSITION_MARKS = new Set(['.', '-', '(', ')']);
const GOVERNING_ADJECTIVES = new Set(['familiar', 'close', 'briefed', 'knowledgeable', 'involved', 'proche', 'proches']);

function isSkippable(reading: Reading, i: number): boolean {
  const { rules, tokens } = reading.doc;
  const token = tokens[i]!;
  if (!token.word || quoted(reading, i)) return false;
  if (rules.pronouns.has(token.lower) && !rules.verbGlue.has(token.lower)) return false;
  return rules.verbGlue.has(token.lower) || rules.adverbs.has(token.lower) || rules.preverbAdverbs.has(token.lower) || isSuffixAdverb(reading, i);
}

/** "eventually", "publicly": an adverb by its ending — not a name, not one of the nouns that end alike ("family"). */
function isSuffixAdverb(reading: Reading, i: number): boolean {
  const { rules } = reading.doc;
  const token = reading.doc.tokens[i]!;
  return !token.capitalized && (rules.adverbSuffix?.test(token.lower) ?? false) && !rules.notAdverbs.has(token.lower);
}

/** A participle ("insisting", "soulignant") has no subject of its own: it shares the sentence's. */
export function isParticiple(reading: Reading, verb: number): boolean {
  return reading.doc.rules.participleSuffix?.test(reading.doc.tokens[verb]!.lower) ?? false;
}

/** The subject of the verb at `verb`, searching back no further than token `bound`. */
export function subjectBefore(reading: Reading, verb: number, bound: number): SpeakerRef | null {
  const { doc, names } = reading;
  const { tokens, rules } = doc;
  // « Gérald Darmanin a fait valoir que »: the subject stands before the light verb of a periphrasis.
  let i = verb - 1 - periphrasisBefore(reading, verb);
  const progressive = i >= bound && rules.auxiliaries.has(tokens[i]!.lower);
  if (progressive && rules.passiveAuxiliaries.has(tokens[i]!.lower) && !isParticiple(reading, verb)) return { kind: 'passive', at: tokens[verb]!.start };
  for (let moved = true; moved; ) {
    while (i >= bound && (isSkippable(reading, i) || rules.objectClitics.has(tokens[i]!.lower))) i--;
    const before = skipAsideBackward(reading, i, bound);
    moved = before !== i;
    i = before;
  }
  if (i < bound || quoted(reading, i)) return null;
  const token = tokens[i]!;
  const pronoun = rules.pronouns.get(token.lower);
  if (pronoun !== undefined) return { kind: 'pronoun', gender: pronoun, at: token.start };
  const chunkEnd = names.chunkOf[i] !== -1 && names.chunks[names.chunkOf[i]!]!.last === i;
  if (isParticiple(reading, verb) && !progressive && !chunkEnd) return { kind: 'clause', at: token.start };
  if (!token.word) {
    if (token.text === ',' && i - 1 >= bound) return subjectBeforeParenthesis(reading, i, bound);
    return null;
  }
  if (rules.relativeSubjects.has(token.lower)) {
    let j = i - 1;
    if (tokens[j]?.text === ',') j--;
    // "the head of the Dialogue Group, which says …": a relative for things takes up the nearest noun phrase.
    const nearest = rules.personRelatives.size > 0 && !rules.personRelatives.has(token.lower);
    return j >= bound ? phraseEndingAt(reading, j, bound, nearest) : null;
  }
  // "He arrived and said …": a coordinated verb shares the subject of its sentence.
  if (COORDINATORS.has(token.lower)) return { kind: 'clause', at: token.start };
  if (rules.conjunctions.has(token.lower) || isPreposition(reading, token.lower)) return null;
  const chunkIndex = names.chunkOf[i]!;
  if (chunkIndex !== -1) {
    const chunk = names.chunks[chunkIndex]!;
    if (!chunk.possessive && chunk.last === i && !governedName(reading, chunk.first)) {
      return { kind: 'name', chunk: chunkIndex, at: tokens[chunk.first]!.start };
    }
  }
  return phraseEndingAt(reading, i, bound);
}

/**
 * The token before an aside that ends at token `i` — ", for example," « , par exemple, », a parenthesis "(D-Ore.)" —
 * or `i` when none does: "State Sen. Ann Roe (D-Ore.), for example, said …".
 */
function skipAsideBackward(reading: Reading, i: number, bound: number): number {
  const { tokens, rules } = reading.doc;
  const token = tokens[i];
  if (i < bound || !token) return i;
  if (token.text === ')') {
    for (let k = i - 1; k >= bound && k >= i - MAX_PARENTHESIS; k--) {
      if (tokens[k]!.text === '(') return k - 1;
      if (quoted(reading, k)) return i;
    }
    return i;
  }
  if (token.text !== ',') return i;
  for (const aside of rules.subjectAsides) {
    const open = i - aside.length - 1;
    if (open >= bound && tokens[open]!.text === ',' && aside.every((word, k) => tokens[open + 1 + k]!.lower === word)) return open - 1;
  }
  return i;
}

/**
 * "Mark Addison, then her private secretary for home affairs, said", "Smith, who was elected in 2019, said":
 * the subject stands before a parenthesis (an apposition or a relative clause) closed by the comma at `comma`.
 */
function subjectBeforeParenthesis(reading: Reading, comma: number, bound: number): SpeakerRef | null {
  const { doc, names } = reading;
  const apposed = phraseEndingAt(reading, comma - 1, bound);
  if (apposed?.kind !== 'name') return subjectBeforeAside(reading, comma, bound);
  // "Le porte-parole du Kremlin, Dmitri Peskov, a déclaré": a name filling the parenthesis is the subject;
  // "Priya Shah, a researcher at the think tank Bruegel, said": a name ending a description is not.
  const before = doc.tokens[names.chunks[apposed.chunk]!.first - 1];
  if (!before?.word || doc.rules.titles.has(before.lower)) return apposed;
  return subjectBeforeAside(reading, comma, bound) ?? apposed;
}

/** The subject before the aside (an apposition, a relative clause) closed by the comma at `comma`. */
function subjectBeforeAside(reading: Reading, comma: number, bound: number): SpeakerRef | null {
  const { doc, names } = reading;
  const { tokens, rules } = doc;
  let open = comma - 1;
  while (open >= bound && open > comma - MAX_PARENTHESIS && tokens[open]!.text !== ',') {
    // « Patrick Baudouin, avocat et président de la FIDH (…), a confirmé »: a parenthesis may close the apposition.
    if (!tokens[open]!.word && !APPOSITION_MARKS.has(tokens[open]!.text)) return null;
    if (quoted(reading, open)) return null;
    open--;
  }
  if (open < bound || tokens[open]!.text !== ',') return null;
  const opener = tokens[open + 1]!.lower;
  // Relative clauses, appositions, and short asides ("Smith, 45,", "Tom Carper, D-Del.,").
  const aside = comma - open <= MAX_ASIDE;
  // "The report, published by Amnesty, describes": a participle opens an apposition too.
  const participial = (rules.pastSuffix?.test(opener) ?? false) || isParticiple(reading, open + 1);
  // "Warren Buffett, in his annual letter to shareholders, wrote": a prepositional phrase is an aside too.
  const prepositional = governs(reading, opener);
  if (!aside && !participial && !prepositional && !rules.relativeSubjects.has(opener) && !rules.conjunctions.has(opener) && !opensDescription(reading, open + 1, comma - 1)) {
    return null;
  }
  const end = open - 1;
  if (end < bound) return null;
  const chunk = names.chunkOf[end] ?? -1;
  if (chunk !== -1 && names.chunks[chunk]!.last === end && !names.chunks[chunk]!.possessive && !governedName(reading, names.chunks[chunk]!.first)) {
    return { kind: 'name', chunk, at: tokens[names.chunks[chunk]!.first]!.start };
  }
  return rules.pronouns.has(tokens[end]!.lower) ? null : phraseEndingAt(reading, end, bound);
}

/** A noun phrase ending at token `end`: an apposition's name, a name, or the phrase itself. */
function phraseEndingAt(reading: Reading, end: number, bound: number, nearest = false): SpeakerRef | null {
  const { doc, names } = reading;
  const { tokens, rules } = doc;
  const chunkIndex = names.chunkOf[end]!;
  if (chunkIndex !== -1 && !names.chunks[chunkIndex]!.possessive) {
    const chunk = names.chunks[chunkIndex]!;
    if (!governedName(reading, chunk.first)) return { kind: 'name', chunk: chunkIndex, at: tokens[chunk.first]!.start };
  }
  let start = end;
  while (start - 1 >= bound && end - start < MAX_SEGMENT) {
    const token = tokens[start - 1]!;
    if ((!token.word && !inScareQuote(reading, start - 1)) || quoted(reading, start - 1) || rules.conjunctions.has(token.lower)) break;
    start--;
  }
  // "Mark Addison, then her private secretary for home affairs, said": the apposition names the speaker.
  const boundary = tokens[start - 1];
  const nameBefore = names.chunkOf[start - 2] ?? -1;
  if (boundary?.text === ',' && nameBefore !== -1 && opensDescription(reading, start, end)) {
    const chunk = names.chunks[nameBefore]!;
    if (!chunk.possessive && chunk.last === start - 2 && !governedName(reading, chunk.first)) {
      return { kind: 'name', chunk: nameBefore, at: tokens[chunk.first]!.start };
    }
  }
  if (end - start >= MAX_SEGMENT) return null;
  // "Patrol Chief James Hall with the New York Police Department said", "Dr. Maria Van Kerkhove of the WHO said":
  // a name heads the segment.
  const leading = names.chunkOf[start] ?? -1;
  if (leading !== -1) {
    const chunk = names.chunks[leading]!;
    const after = tokens[chunk.last + 1];
    const linked = after !== undefined && (rules.nounLinks.has(after.lower) || after.lower === 'of');
    if (!nearest && !chunk.possessive && chunk.last < end && after !== undefined && (isPreposition(reading, after.lower) || linked) && !rules.auxiliaries.has(after.lower)) {
      return { kind: 'name', chunk: leading, at: tokens[chunk.first]!.start };
    }
  }
  let first = start;
  for (let k = start; k <= end; k++) {
    // « « une trahison » pour ses opposants au sein du parti »: a determiner inside a scare quote, fused with a
    // preposition (« au », « aux ») or linking a complement after a word (« du parti ») opens no phrase.
    const lower = tokens[k]!.lower;
    if (!rules.determiners.has(lower) || rules.locativePrepositions.has(lower) || inScareQuote(reading, k)) continue;
    if (k > start && rules.nounLinks.has(lower) && tokens[k - 1]!.word) continue;
    const previous = tokens[k - 1];
    if (k > start && previous && isPreposition(reading, previous.lower)) continue;
    first = k;
    if (!nearest) break;
  }
  while (first < end && (isPreposition(reading, tokens[first]!.lower) || rules.adverbs.has(tokens[first]!.lower) || inScareQuote(reading, first))) first++;
  return makePhrase(reading, first, end);
}

function opensDescription(reading: Reading, start: number, end: number): boolean {
  const { rules, tokens } = reading.doc;
  for (let k = start; k <= end && k < start + 4; k++) {
    const lower = tokens[k]!.lower;
    if (rules.determiners.has(lower) || jobInfo(lower, rules)) return true;
    if (!rules.adverbs.has(lower) && lower !== 'then' && lower !== 'now' && lower !== 'alors') return false;
  }
  return false;
}

/** "par l'AFP", "of Sudan": a name that a preposition governs is not a subject. */
function governedName(reading: Reading, first: number): boolean {
  const { tokens, rules } = reading.doc;
  let k = first - 1;
  if (rules.determiners.has(tokens[k]?.lower ?? '')) k--;
  const before = tokens[k];
  return before !== undefined && before.word && (isPreposition(reading, before.lower) || rules.nounLinks.has(before.lower) || before.lower === 'of');
}

function isPreposition(reading: Reading, lower: string): boolean {
  const { rules } = reading.doc;
  return rules.phraseBreakers.has(lower) && !rules.conjunctions.has(lower) && !rules.determiners.has(lower);
}

/**
 * The noun phrase starting at token `start` (after skippable adverbs), no further than token `bound`:
 * a pronoun, a name, or a description whose apposed name wins ("le ministre des Affaires étrangères Laurent Fabius").
 */
export function phraseAfter(reading: Reading, start: number, bound: number): SpeakerRef | null {
  const { doc, names } = reading;
  const { tokens, rules } = doc;
  let i = start;
  for (;;) {
    while (i < bound && isSkippable(reading, i) && !rules.determiners.has(tokens[i]!.lower)) i++;
    const aside = rules.subjectAsides.find((phrase) => phrase.every((word, k) => tokens[i + k]?.lower === word));
    if (!aside) break;
    i += aside.length;
  }
  // "@benoit_ric": a handle's name starts after its "@".
  if (tokens[i]?.text === '@' && i + 1 < bound && names.chunkOf[i + 1] !== -1) i++;
  if (i >= bound || quoted(reading, i) || !tokens[i]!.word) return null;
  const token = tokens[i]!;
  const pronoun = rules.pronouns.get(token.lower);
  if (pronoun !== undefined) return { kind: 'pronoun', gender: pronoun, at: token.start };
  const chunkIndex = names.chunkOf[i]!;
  if (chunkIndex !== -1 && !names.chunks[chunkIndex]!.possessive) {
    // "Republican National Committee chair Ronna McDaniel": a name before a job noun modifies the name after it.
    const holder = nameAfterJob(reading, names.chunks[chunkIndex]!.last, bound);
    return holder === -1 ? { kind: 'name', chunk: chunkIndex, at: token.start } : { kind: 'name', chunk: holder, at: tokens[names.chunks[holder]!.first]!.start };
  }
  const determiner = rules.determiners.has(token.lower);
  if (!determiner && (rules.nounLinks.has(token.lower) || isPreposition(reading, token.lower) || rules.conjunctions.has(token.lower))) return null;
  let last = i;
  while (last + 1 < bound && last + 1 - i < MAX_PHRASE) {
    const next = tokens[last + 1]!;
    if ((!next.word && !inScareQuote(reading, last + 1)) || quoted(reading, last + 1)) break;
    // "people familiar with the matter", « une source proche du dossier »: the complement belongs to the phrase.
    const governs = GOVERNING_ADJECTIVES.has(tokens[last]!.lower);
    if (rules.phraseBreakers.has(next.lower) && !rules.nounLinks.has(next.lower) && !governs) {
      // « le commissaire aux transports Henri Valmy »: the holder's name closes the complement of the job.
      const holder = hasJobNoun(reading, i, last) ? holderAfterComplement(reading, last + 2, bound) : -1;
      if (holder !== -1) return { kind: 'name', chunk: holder, at: tokens[names.chunks[holder]!.first]!.start };
      break;
    }
    if (rules.verbGlue.has(next.lower) && !rules.determiners.has(next.lower) && !rules.nounLinks.has(next.lower)) break;
    // « souligne l'établissement français le communiqué »: a second determiner, with no preposition before it, opens
    // another noun phrase (a number word may be the noun's rank: « le numéro un du parti »).
    if (determiner && secondDeterminer(reading, last + 1)) break;
    if (isSpeechVerb(reading, last + 1)) break;
    // « a indiqué le juge mardi (soir) »: time words closing the clause after the noun are adverbs.
    if (last > i && rules.adverbs.has(next.lower) && !rules.determiners.has(next.lower) && closesWithAdverbs(reading, last + 1)) break;
    // "the prime minister believed …": a past tense after the noun starts the predicate.
    // "the party's elated leader Petteri Orpo": after a possessive the word is an adjective, as after a determiner.
    if (rules.pastSuffix?.test(next.lower) && !rules.determiners.has(tokens[last]!.lower) && !/['’]s$/u.test(tokens[last]!.text)) break;
    // « Les commentaires allaient de … »: an imperfect or a conditional after the noun is the verb.
    if (rules.finiteSuffix?.test(next.lower)) break;
    // « Les syndicats appellent … »: after a plural, a word in « -ent » is its verb (adjectives agree: « présents »).
    if (rules.pluralVerbSuffix?.test(next.lower) && /[sx]$/u.test(tokens[last]!.lower) && !rules.determiners.has(tokens[last]!.lower)) break;
    last++;
  }
  while (last > i && (rules.nounLinks.has(tokens[last]!.lower) || rules.determiners.has(tokens[last]!.lower))) last--;
  // "le Premier ministre, Michel Barnier, …": a name in apposition after a comma is the speaker.
  // « l'avocat de la famille, Me Jean Dupond »: a courtesy title may open the apposition.
  const nameStart = rules.titles.has(tokens[last + 2]?.lower ?? '') ? last + 3 : last + 2;
  const apposed = names.chunkOf[nameStart] ?? -1;
  if (tokens[last + 1]?.text === ',' && apposed !== -1 && names.chunks[apposed]!.first === nameStart) {
    const chunk = names.chunks[apposed]!;
    const after = tokens[chunk.last + 1];
    if (!chunk.possessive && (!after || after.paragraph !== tokens[last]!.paragraph || CLOSES_APPOSITION.has(after.text))) {
      return { kind: 'name', chunk: apposed, at: tokens[chunk.first]!.start };
    }
  }
  // « la directrice de la communication et porte-parole de l'agence, Claire Dumas, »: a job coordinated with another
  // still closes on the name apposed after the comma.
  if (determiner && tokens[last + 1]?.text !== ',' && hasJobNoun(reading, i, last)) {
    const holder = nameAfterCoordinatedJob(reading, last + 1, bound);
    if (holder !== -1) return { kind: 'name', chunk: holder, at: tokens[names.chunks[holder]!.first]!.start };
  }
  for (let k = i + 1; k <= last; k++) {
    const inner = names.chunkOf[k]!;
    if (inner === -1) continue;
    const chunk = names.chunks[inner]!;
    // « le ministère de l'Intérieur »: a name that "de"/"of" governs, through its article or not, is a complement.
    const before = tokens[chunk.first - 1]?.lower ?? '';
    // « du Sénat », « des Vosges »: an article fused with « de » links the complement itself.
    const link = rules.determiners.has(before) && !rules.nounLinks.has(before) ? tokens[chunk.first - 2] : tokens[chunk.first - 1];
    const complement = link !== undefined && (rules.nounLinks.has(link.lower) || link.lower === 'of');
    if (chunk.first === k && chunk.last === last && !chunk.possessive && !complement && !namesTheNoun(reading, inner)) {
      return { kind: 'name', chunk: inner, at: tokens[k]!.start };
    }
    k = chunk.last;
  }
  return makePhrase(reading, i, last);
}

/** « le syndicat SUD », "the party ADR": an acronym right after a common noun is that noun's name, not a holder's. */
function namesTheNoun(reading: Reading, chunk: number): boolean {
  const { tokens } = reading.doc;
  const { first, last } = reading.names.chunks[chunk]!;
  return first === last && /^\p{Lu}{2,}$/u.test(tokens[first]!.text) && tokens[first - 1]?.word === true && !tokens[first - 1]!.capitalized;
}

/**
 * Whether a name after a common noun is a person's rather than the noun's own name (« le chalutier Punta Roja »):
 * it opens with a title or a known first name.
 */
function looksPersonal(reading: Reading, chunk: number): boolean {
  const { rules, tokens } = reading.doc;
  const { first } = reading.names.chunks[chunk]!;
  const word = tokens[first]!.lower;
  return rules.titles.has(word) || rules.firstNames.has(word) || rules.firstNames.has(word.split('-')[0] ?? '');
}

/** Whether a job noun stands among tokens `first`..`last`. */
function hasJobNoun(reading: Reading, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) if (jobInfo(reading.doc.tokens[k]!.lower, reading.doc.rules)) return true;
  return false;
}

/**
 * The name that closes a job's complement starting at token `from` (« à l'économie Pierre Moscovici », "at the
 * port authority Daniel Okafor"): a name right after a common noun, before any punctuation or verb; -1 if none.
 */
function holderAfterComplement(reading: Reading, from: number, bound: number): number {
  const { doc, names } = reading;
  const { tokens, rules } = doc;
  for (let k = from; k < bound && k < from + MAX_COMPLEMENT; k++) {
    const token = tokens[k]!;
    if (!token.word || quoted(reading, k) || rules.auxiliaries.has(token.lower) || rules.conjunctions.has(token.lower) || isSpeechVerb(reading, k)) return -1;
    const chunk = names.chunkOf[k] ?? -1;
    if (chunk === -1) continue;
    const previous = tokens[k - 1]!;
    const common = previous.word && !previous.capitalized && !rules.phraseBreakers.has(previous.lower) && !rules.nounLinks.has(previous.lower) && !rules.determiners.has(previous.lower);
    if (common && !names.chunks[chunk]!.possessive && names.chunks[chunk]!.first === k && looksPersonal(reading, chunk)) return chunk;
    k = names.chunks[chunk]!.last;
  }
  return -1;
}

/** Words that join a second job to the first one (« directrice et porte-parole »). */
const JOB_COORDINATORS = new Set(['et', 'and']);

/**
 * The name apposed after the comma that ends a coordinated job description starting at token `from` (« et
 * porte-parole de l'agence régionale, Claire Dumas, »), or -1: the description must open on a coordinator, hold
 * no verb, pronoun or clause, and the name must close the apposition.
 */
function nameAfterCoordinatedJob(reading: Reading, from: number, bound: number): number {
  const { doc, names } = reading;
  const { tokens, rules } = doc;
  if (!JOB_COORDINATORS.has(tokens[from]?.lower ?? '')) return -1;
  for (let k = from + 1; k < bound && k <= from + MAX_PHRASE; k++) {
    const token = tokens[k]!;
    if (token.text === ',') {
      const start = rules.titles.has(tokens[k + 1]?.lower ?? '') ? k + 2 : k + 1;
      const chunk = names.chunkOf[start] ?? -1;
      if (chunk === -1 || names.chunks[chunk]!.first !== start || names.chunks[chunk]!.possessive) return -1;
      const after = tokens[names.chunks[chunk]!.last + 1];
      return !after || after.paragraph !== token.paragraph || CLOSES_APPOSITION.has(after.text) ? chunk : -1;
    }
    if (!token.word || quoted(reading, k) || rules.pronouns.has(token.lower) || (rules.conjunctions.has(token.lower) && !JOB_COORDINATORS.has(token.lower))) return -1;
    if ((rules.auxiliaries.has(token.lower) && !rules.nounLinks.has(token.lower)) || isSpeechVerb(reading, k)) return -1;
  }
  return -1;
}

/** The chunk of the name that job words after token `last` introduce ("… chair Ronna McDaniel"), or -1. */
function nameAfterJob(reading: Reading, last: number, bound: number): number {
  const { doc, names } = reading;
  const { tokens, rules } = doc;
  let k = last + 1;
  while (k < bound && k <= last + MAX_JOB_WORDS && tokens[k]!.word && !tokens[k]!.capitalized && !rules.stopwords.has(tokens[k]!.lower)) k++;
  if (k === last + 1 || k >= bound || !jobInfo(tokens[k - 1]!.lower, rules)) return -1;
  const chunk = names.chunkOf[k] ?? -1;
  return chunk !== -1 && names.chunks[chunk]!.first === k && !names.chunks[chunk]!.possessive ? chunk : -1;
}

/** Whether token `k` is a determiner after a word that neither links nor governs it: the start of another phrase. */
function secondDeterminer(reading: Reading, k: number): boolean {
  const { tokens, rules } = reading.doc;
  const lower = tokens[k]!.lower;
  // « le sénateur Les Républicains François Bonhomme »: a capitalised article opens a name, not a phrase.
  if (!rules.determiners.has(lower) || tokens[k]!.capitalized || rules.nounLinks.has(lower) || rules.numbers.words.has(lower)) return false;
  const previous = tokens[k - 1]!;
  return previous.word && !rules.determiners.has(previous.lower) && !rules.phraseBreakers.has(previous.lower) && !rules.nounLinks.has(previous.lower) && previous.lower !== 'of';
}

/** Whether only adverbs stand from token `k` to the next punctuation mark. */
function closesWithAdverbs(reading: Reading, k: number): boolean {
  const { tokens, rules } = reading.doc;
  for (let j = k; j < tokens.length && j < k + 3; j++) {
    if (!tokens[j]!.word) return true;
    if (!rules.adverbs.has(tokens[j]!.lower)) return false;
  }
  return false;
}

function makePhrase(reading: Reading, first: number, last: number): SpeakerRef | null {
  const { rules, tokens } = reading.doc;
  if (first > last) return null;
  // A speaker is a noun phrase: no pronoun, auxiliary, conjunction or adverb inside, no verb before its noun.
  for (let k = first; k <= last; k++) {
    const lower = tokens[k]!.lower;
    if ((!tokens[k]!.word && !inScareQuote(reading, k)) || rules.pronouns.has(lower) || rules.conjunctions.has(lower) || isSuffixAdverb(reading, k)) return null;
    if (rules.auxiliaries.has(lower) && !rules.nounLinks.has(lower)) return null;
    if (isSpeechVerb(reading, k) || (lower === 'to' && k === first)) return null;
  }
  let headIndex = last;
  for (let k = first + 1; k <= last; k++) {
    if (rules.nounLinks.has(tokens[k]!.lower) || tokens[k]!.lower === 'of' || isPreposition(reading, tokens[k]!.lower)) {
      headIndex = k - 1;
      break;
    }
  }
  // The head is the last noun before the complements: "a source close to the investigation" → "source".
  let head = tokens[headIndex]!.lower;
  for (let k = headIndex; k >= first; k--) {
    const forms = singulars(tokens[k]!.lower);
    if (jobInfo(tokens[k]!.lower, rules) || forms.some((f) => rules.humanNouns.has(f) || rules.documentNouns.has(f))) {
      head = tokens[k]!.lower;
      break;
    }
  }
  const determiner = rules.determiners.get(tokens[first]!.lower);
  let gender: Gender = determiner ?? null;
  if (gender === null) {
    const job = jobInfo(head, rules);
    if (job?.gender) gender = job.gender;
    else if (head.endsWith('s') && !head.endsWith('ss') && singulars(head).length > 1 && rules.code === 'en') gender = 'p';
  }
  return {
    kind: 'phrase',
    first,
    last,
    head,
    gender,
    definite: DEFINITE.has(tokens[first]!.lower),
    at: tokens[first]!.start,
  };
}

/**
 * The subject of the sentence that contains token `at`: its first pronoun, name or determiner that no
 * preposition governs, which skips fronted adverbials ("Dans une démonstration de force, la Corée du Nord …"),
 * a subordinate clause opening the sentence ("Although he said little, David Clarke …"), parentheses
 * ("Quant à Paul Roux (LFI), il …") and the object of an infinitive (« loin de condamner la pratique, le juge … »).
 * A topic set out in front (« Quant à Paul Roux, il … », "As for Roux, he …") is the subject its pronoun takes up.
 */
export function sentenceSubject(reading: Reading, at: number): SpeakerRef | null {
  const { doc, names } = reading;
  const { tokens, rules } = doc;
  const sentence = doc.sentences[doc.sentenceOf[at]!]!;
  let first = at;
  while (first > 0 && tokens[first - 1]!.start >= sentence.start) first--;
  const topic = rules.topicFrames.find((phrase) => phrase.every((word, k) => tokens[first + k]?.lower === word));
  if (topic) {
    const ref = phraseAfter(reading, first + topic.length, at);
    if (ref && ref.kind !== 'clause' && ref.kind !== 'passive') return ref;
  }
  let governed = false;
  let subordinate = false;
  for (let i = first; i < at; i++) {
    const token = tokens[i]!;
    if (quoted(reading, i)) return null;
    if (!token.word) {
      // "Paul Roux (LFI) said": a parenthesis is an aside, never the subject; so is a stretch between dashes
      // ("While he rarely buys it — he's got a freezer full of it — Bassi keeps …"), which then closes like a comma.
      if (token.text === '(') i = closingParenthesis(reading, i, at);
      else {
        if (DASHES.has(token.text)) i = closingDash(reading, i, at);
        governed = false;
        subordinate = false;
      }
      continue;
    }
    const previous = i > first ? tokens[i - 1]!.lower : '';
    // "a claim that he had offered …", "Although he said …,": a clause opened by a conjunction is subordinate.
    if (opensSubordinate(reading, i, first)) {
      governed = true;
      subordinate = true;
      continue;
    }
    const linked =
      i > first && (governs(reading, previous) || rules.nounLinks.has(previous) || previous === 'of' || isParticiple(reading, i - 1) || isGovernedInfinitive(reading, i - 1, first));
    // A subject pronoun is never a preposition's object ("in early April she …"), but may open a subordinate clause.
    if (rules.pronouns.has(token.lower) && !linked && !subordinate) return phraseAfter(reading, i, at);
    // « Originaire d'Alcúdia »: "d'" and "des" are articles only where a clause starts; after a word they link a complement.
    // « au sommet », « aux urgences »: an article fused with a preposition of place never opens the subject.
    const determiner =
      rules.determiners.has(token.lower) && !rules.locativePrepositions.has(token.lower) && (!rules.nounLinks.has(token.lower) || i === first || !tokens[i - 1]!.word);
    if (!subordinate && (determiner || names.chunkOf[i] !== -1) && !linked && (!governed || determiner)) return phraseAfter(reading, i, at);
    if (names.chunkOf[i] !== -1) i = names.chunks[names.chunkOf[i]!]!.last;
    // "Answering a claim …, the owner said": a participle opens an adverbial clause, like a preposition.
    if (governs(reading, token.lower) || rules.nounLinks.has(token.lower) || (!token.capitalized && isParticiple(reading, i))) governed = true;
  }
  return null;
}

/** A preposition that governs the noun phrase after it; "said", "was" also end noun phrases but govern none. */
function governs(reading: Reading, lower: string): boolean {
  const { rules } = reading.doc;
  return isPreposition(reading, lower) && !rules.auxiliaries.has(lower) && !rules.speechVerbs.has(lower);
}

/** Conjunctions that coordinate or link sentences rather than open a subordinate clause when they start one. */
const LINKING_CONJUNCTIONS = new Set(['car', 'or', 'ou', 'donc', 'alors', 'bien', 'nor', 'so', 'yet']);

/** Whether the conjunction at token `i` opens a subordinate clause: inside a sentence, or opening it ("Although …,"). */
function opensSubordinate(reading: Reading, i: number, first: number): boolean {
  const { tokens, rules } = reading.doc;
  const lower = tokens[i]!.lower;
  if (!rules.conjunctions.has(lower) || COORDINATORS.has(lower)) return false;
  if (i > first) return tokens[i - 1]!.word;
  return !LINKING_CONJUNCTIONS.has(lower) && !rules.determiners.has(lower) && !rules.relativeSubjects.has(lower);
}

/** The token of the parenthesis closing the one opened at token `open`, within the clause (or `open` itself). */
function closingParenthesis(reading: Reading, open: number, bound: number): number {
  const { tokens } = reading.doc;
  for (let k = open + 1; k < bound && k <= open + MAX_PARENTHESIS; k++) {
    if (tokens[k]!.text === ')') return k;
  }
  return open;
}

const DASHES = new Set(['—', '–']);

/** The token of the dash closing the aside a dash opens at token `open`, within the clause (or `open` itself). */
function closingDash(reading: Reading, open: number, bound: number): number {
  const { tokens } = reading.doc;
  for (let k = open + 1; k < bound && k <= open + MAX_PARENTHESIS; k++) {
    if (tokens[k]!.text === tokens[open]!.text) return k;
    if (quoted(reading, k)) return open;
  }
  return open;
}

/** « loin de condamner la pratique », "to reach the town": an infinitive after its preposition governs its object. */
function isGovernedInfinitive(reading: Reading, k: number, first: number): boolean {
  const { tokens, rules } = reading.doc;
  const token = tokens[k]!;
  if (k <= first || !token.word || token.capitalized) return false;
  const before = tokens[k - 1]!.lower;
  if (rules.code === 'en') return before === 'to';
  return /\p{L}{2,}(?:er|ir|re)$/u.test(token.lower) && (isPreposition(reading, before) || rules.nounLinks.has(before));
}
