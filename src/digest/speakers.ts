/**
 * Who said each quotation. In order of strength: the attribution between its parts ("X," she said, "Y"), the
 * attribution right after it ("…", a-t-elle proclamé / said Mr. Reeves / selon un proche de … / peut-on lire dans
 * Les Échos), the speech verb before it in its sentence (Mrs Thatcher said: "…") — which outranks a trailing
 * "according to" (the reporter) — and, for the quoted grounds of a legal act, the authority that performed it.
 * A quotation with none of these takes, in order, the speaker of a following quotation attributed with a verb of
 * continuation ("…", a ajouté Laurent Fabius), the publication behind a clause of hearsay (« il aurait … »), the
 * human subject of the clause it is embedded in or of the clause its colon closes, the speaker of the next
 * quotation of its paragraph, or the speaker of the last words reported nearby; otherwise nobody.
 *
 * @example
 *   attributeQuotations(reading, quotations)[0]?.name; // 'Choe Son Hui'
 */
import { continuesPrevious } from './continuations.ts';
import { resolvePronoun, resolveSpeaker, type Speaker, type SpeechEvent } from './coreference.ts';
import type { ParsedDocument } from './document.ts';
import { jobInfo, singulars } from './names.ts';
import { inScareQuote, isParticiple, isSpeechVerb, quoted, phraseAfter, sentenceSubject, subjectBefore, type Reading, type SpeakerRef } from './noun-phrases.ts';
import { offenceCueBefore, type Quotation } from './quotes.ts';
import { isPerson, sentenceFocus } from './salience.ts';
import { tokenAt } from './tokens.ts';

interface Attribution {
  ref: SpeakerRef;
  /** The token of the speech verb, or -1 ("selon X"). */
  verb: number;
}

type Explicit = Attribution | 'hypothetical' | null;

/** A headline quote has at most this many words; its speaker is looked for this many paragraphs below. */
const MAX_HEADLINE_WORDS = 14;
const HEADLINE_PARAGRAPHS = 3;
/** A quotation without attribution inherits the last reported speaker up to this many paragraphs back. */
const CARRY_PARAGRAPHS = 2;
const AFTER_WINDOW = 20;
/** Tokens from a verb of characterisation to the quotation it governs ("called the impact of the weather “…”"). */
const MAX_CHARACTERISATION_GAP = 10;
/** Tokens of a sentence that only attributes the quotation before it ("Forte said, laughing."). */
const MAX_ATTRIBUTION_SENTENCE = 12;
/** Punctuation that ends a sentence inside the closing mark. */
const SENTENCE_END = /[.!?…]/u;
const MAX_EMBEDDING_SUBJECT = 4;
const LEADING_PUNCTUATION = new Set([',', '—', '–', '-', '(']);
/** Prepositions of the person spoken to, between an inverted speech verb and its subject. */
const INDIRECT_OBJECT = new Set(['à', 'au', 'aux', 'sur']);
const INDEFINITE = new Set(['un', 'une', 'a', 'an']);
/** Adjectives between a demonstrative and the noun for words said (« cette petite phrase »). */
const MAX_REMARK_ADJECTIVES = 2;

/** The speaker of each quotation, in the same order; null when the article does not say. */
export function attributeQuotations(reading: Reading, quotations: readonly Quotation[]): (Speaker | null)[] {
  const { doc } = reading;
  const { tokens } = doc;
  const explicit = new Map<number, Explicit>();
  const explicitOf = (q: number): Explicit => {
    if (!explicit.has(q)) explicit.set(q, findExplicit(reading, quotations[q]!));
    return explicit.get(q) ?? null;
  };
  const history: SpeechEvent[] = [];
  const speakers: (Speaker | null)[] = [];
  const consumed = new Set<number>();
  const verbs = findSpeechTokens(reading);
  const headlines: number[] = [];
  let v = 0;
  for (let q = 0; q < quotations.length; q++) {
    const quotation = quotations[q]!;
    if (reading.focus) reading.focus.settled = quotation.open;
    for (; v < verbs.length && tokens[verbs[v]!]!.start < quotation.open; v++) recordIndirect(reading, verbs[v]!, consumed, history);
    const found = explicitOf(q);
    let speaker: Speaker | null = null;
    if (found === 'hypothetical') {
      speaker = null;
    } else if (found) {
      consumed.add(found.verb);
      speaker = resolveAttribution(reading, found, history);
    }
    let carried = false;
    if (!found && isHeadlineQuote(doc, quotation)) {
      // A headline quoting someone announces the passage below it: it is never the words of the speaker above.
      speaker = headlineSpeaker(reading, quotations, q, explicitOf, verbs, history);
      carried = true;
      headlines.push(q);
    } else if (!found) {
      // A paragraph that opens a mark it does not close continues the quotation before it.
      speaker = (continuesPrevious(doc, quotations, q) ? speakers[q - 1] : null) ?? inferSpeaker(reading, quotations, q, explicitOf, history);
      if (!speaker) {
        speaker = carriedSpeaker(reading, quotation, history);
        carried = true;
      }
      // With no one reported nearby, the person the sentence before is about.
      if (!speaker) speaker = previousFocus(reading, quotation, history);
    }
    speakers.push(speaker);
    // A quotation given to the last speaker by default is no new evidence of who is speaking.
    if (speaker && !carried) {
      if (speaker.person) speaker.person.human = true;
      history.push({ speaker, offset: quotation.open, paragraph: paragraphAt(doc, quotation.close - 1), quoted: true });
    }
  }
  for (const q of headlines) {
    const repeated = repeatingQuotation(doc, quotations, q);
    if (repeated !== -1 && speakers[repeated]) speakers[q] = speakers[repeated]!;
  }
  return speakers;
}

/** Lower-case words of a quotation, typographic apostrophes normalised, joined by one space. */
function wordsOf(text: string): string {
  return (text.toLowerCase().replace(/’/gu, "'").match(/[\p{L}\p{N}']+/gu) ?? []).join(' ');
}

/**
 * « "Casser, brûler, ça n'a jamais aidé aucune cause" » as an intertitle, then « X pensait à ces "… Casser, brûler,
 * ça n’a jamais aidé aucune cause ni personne." »: a pull quote whose words recur in a quotation of the passage below
 * is that quotation's speaker's. The index of that quotation, or -1.
 */
function repeatingQuotation(doc: ParsedDocument, quotations: readonly Quotation[], q: number): number {
  const headline = wordsOf(quotations[q]!.text);
  if (headline === '') return -1;
  const paragraph = paragraphAt(doc, quotations[q]!.close - 1);
  for (let r = q + 1; r < quotations.length; r++) {
    const later = paragraphAt(doc, quotations[r]!.open);
    if (later - paragraph > HEADLINE_PARAGRAPHS) break;
    if (later > paragraph && (' ' + wordsOf(quotations[r]!.text) + ' ').includes(' ' + headline + ' ')) return r;
  }
  return -1;
}

function paragraphAt(doc: ParsedDocument, offset: number): number {
  const index = Math.min(doc.tokens.length - 1, tokenAt(doc.tokens, offset));
  return doc.tokens[Math.max(0, index)]?.paragraph ?? 0;
}

function resolveAttribution(reading: Reading, attribution: Attribution, history: readonly SpeechEvent[]): Speaker | null {
  const { ref } = attribution;
  if (ref.kind === 'clause') return clauseSpeaker(reading, attribution.verb, history);
  if (ref.kind === 'passive') return passiveSource(reading, attribution.verb, history);
  return resolveSpeaker(reading, ref, history, true);
}

/** A participle ("…, complaining about …"): the last speaker of the sentence, else its subject. */
function clauseSpeaker(reading: Reading, verb: number, history: readonly SpeechEvent[]): Speaker | null {
  const { doc } = reading;
  const sentence = doc.sentences[doc.sentenceOf[verb]!]!;
  const last = history.at(-1);
  if (last && last.offset >= sentence.start && last.offset < doc.tokens[verb]!.start) return last.speaker;
  const subject = sentenceSubject(reading, verb);
  if (!subject) return null;
  const speaker = resolveSpeaker(reading, subject, history);
  return speaker && (speaker.human || subject.kind === 'name') ? speaker : null;
}

/** "She was warned by X that…" → X; "In one briefing note she was warned that…" → the document. */
function passiveSource(reading: Reading, verb: number, history: readonly SpeechEvent[]): Speaker | null {
  const { doc } = reading;
  const { tokens, rules } = doc;
  const sentence = doc.sentenceOf[verb]!;
  for (let k = verb + 1; k < tokens.length && k < verb + 4 && doc.sentenceOf[k] === sentence; k++) {
    if (rules.agentPrepositions.has(tokens[k]!.lower)) {
      const ref = phraseAfter(reading, k + 1, verb + 12);
      return ref ? resolveSpeaker(reading, ref, history) : null;
    }
  }
  for (let k = verb - 1; k >= 0 && doc.sentenceOf[k] === sentence; k--) {
    if (!rules.documentNouns.has(tokens[k]!.lower) || quoted(reading, k)) continue;
    let first = k;
    while (first > 0 && doc.sentenceOf[first - 1] === sentence && tokens[first - 1]!.word && !rules.agentPrepositions.has(tokens[first - 1]!.lower)) {
      const lower = tokens[first - 1]!.lower;
      if (rules.phraseBreakers.has(lower) && !rules.nounLinks.has(lower)) break;
      first--;
    }
    return { name: doc.text.slice(tokens[first]!.start, tokens[k]!.end), person: null, gender: null, human: true };
  }
  return null;
}

/** Tokens outside quotations that report speech: speech verbs, inverted pronouns, "selon"/"according to". */
function findSpeechTokens(reading: Reading): number[] {
  const { doc } = reading;
  const found: number[] = [];
  for (let i = 0; i < doc.tokens.length; i++) {
    if (doc.quoteOf[i] === -1 && reportsSpeech(reading, i)) found.push(i);
  }
  return found;
}

function reportsSpeech(reading: Reading, i: number): boolean {
  const { doc } = reading;
  const lower = doc.tokens[i]!.lower;
  return (
    isSpeechVerb(reading, i) ||
    (doc.rules.invertedPronoun?.test(lower) ?? false) ||
    accordingToAt(doc, i) > 0 ||
    doc.rules.publicationVerbs.has(lower) ||
    (doc.rules.readingVerbs.has(lower) && readSource(reading, i) !== null)
  );
}

/**
 * « on lit sur Le Point que … », « peut-on lire dans Les Échos », "we read in the Guardian": an impersonal reader
 * and a verb of reading name the publication whose text it is. Returns the token after the preposition, or null.
 */
function readSource(reading: Reading, verb: number): number | null {
  const { tokens, rules } = reading.doc;
  if (!rules.readingVerbs.has(tokens[verb]!.lower)) return null;
  const before = tokens[verb - 1]?.lower ?? '';
  const inverted = rules.invertedPronoun?.exec(before);
  if (!rules.impersonalPronouns.has(before) && !(inverted && rules.impersonalPronouns.has(inverted[1] ?? ''))) return null;
  const preposition = tokens[verb + 1];
  return preposition && rules.sourcePrepositions.has(preposition.lower) ? verb + 2 : null;
}

/**
 * The source after "selon" / "according to": the phrase there, or the author a document or an account comes with —
 * « selon ce texte transmis par le PS » → le PS, « d'après le récit qu'elle livre au Monde » → elle, "according to a
 * statement released by the ministry" → the ministry.
 */
function sourceAfter(reading: Reading, from: number, bound: number): SpeakerRef | null {
  const ref = phraseAfter(reading, from, bound);
  // "according to Brown's estimates": the owner of the estimate is the source.
  if (ref?.kind === 'phrase') {
    const owner = reading.names.chunkOf[ref.first] ?? -1;
    const chunk = reading.names.chunks[owner];
    if (chunk?.possessive && chunk.first === ref.first) return { kind: 'name', chunk: owner, at: ref.at };
  }
  if (ref?.kind !== 'phrase' || !singulars(ref.head).some((form) => reading.doc.rules.documentNouns.has(form))) return ref;
  const { tokens, rules } = reading.doc;
  let next = ref.last + 1;
  if (next >= bound) return ref;
  // "a statement released by X", « ce texte transmis par X »: the participle's agent wrote it.
  if (rules.pastSuffix?.test(tokens[next]!.lower) && rules.agentPrepositions.has(tokens[next + 1]?.lower ?? '')) next++;
  const lower = tokens[next]!.lower;
  if (rules.agentPrepositions.has(lower) && next > ref.first + 1) return phraseAfter(reading, next + 1, bound) ?? ref;
  // « le récit qu'elle livre », "the account she gave": the subject of the relative clause wrote or told it.
  const relative = lower === 'que' || lower === "qu'" || lower === 'qu’' || lower === 'that' ? next + 1 : next;
  const subject = tokens[relative];
  if (subject && relative < bound && (rules.pronouns.has(subject.lower) || reading.names.chunkOf[relative] !== -1)) {
    const author = phraseAfter(reading, relative, bound);
    if (author?.kind === 'pronoun' || author?.kind === 'name') return author;
  }
  return ref;
}

function accordingToAt(doc: ParsedDocument, i: number): number {
  for (const phrase of doc.rules.accordingTo) {
    if (phrase.every((word, k) => doc.tokens[i + k]?.lower === word)) return phrase.length;
  }
  return 0;
}

/**
 * The attribution an inverted pronoun at token `k` gives: « a-t-elle dit » → a pronoun; the impersonal
 * « peut-on lire (dans Les Échos) » → the publication named after it, or else the last source cited ("it").
 */
function invertedAttribution(reading: Reading, first: number, bound: number): Attribution | null {
  const { tokens, rules } = reading.doc;
  // « s'est-il inquiété », « se serait-elle dite », « lui a-t-il répondu »: an object clitic before the inverted verb.
  const k = rules.objectClitics.has(tokens[first]!.lower) && first + 1 < bound ? first + 1 : first;
  const pronoun = rules.invertedPronoun?.exec(tokens[k]!.lower);
  if (!pronoun) return null;
  const subject = pronoun[1] ?? '';
  const at = tokens[k]!.start;
  if (!rules.impersonalPronouns.has(subject)) return { ref: { kind: 'pronoun', gender: rules.pronouns.get(subject) ?? null, at }, verb: k };
  for (let j = k + 1; j < bound && j <= k + 2 && tokens[j]!.word; j++) {
    const source = readSource(reading, j);
    if (source === null) continue;
    const ref = phraseAfter(reading, source, bound);
    if (ref) return { ref, verb: k };
  }
  return { ref: { kind: 'pronoun', gender: 'n', at }, verb: k };
}

/** Reported speech without a quotation ("Sawadogo a déclaré que…", ", a déclaré le ministre"): who spoke last. */
function recordIndirect(reading: Reading, verb: number, consumed: ReadonlySet<number>, history: SpeechEvent[]): void {
  if (consumed.has(verb)) return;
  const { doc } = reading;
  const { tokens, rules } = doc;
  const sentence = doc.sentences[doc.sentenceOf[verb]!]!;
  const start = tokenAt(tokens, sentence.start);
  const end = tokenAt(tokens, sentence.end);
  let ref: SpeakerRef | null = null;
  const according = accordingToAt(doc, verb);
  const complement = hasSpeechComplement(reading, verb, end);
  const source = readSource(reading, verb);
  if (according > 0) {
    ref = sourceAfter(reading, verb + according, end);
  } else if (source !== null) {
    ref = phraseAfter(reading, source, end);
  } else if (rules.invertedPronoun?.test(tokens[verb]!.lower)) {
    return;
  } else if (rules.publicationVerbs.has(tokens[verb]!.lower)) {
    // "Mediapart publie un article sur …": the outlet becomes the source of what is read next.
    const subject = subjectBefore(reading, verb, start);
    ref = subject?.kind === 'name' ? subject : null;
  } else if (afterPause(reading, verb, start)) {
    // "Mark Addison, then her private secretary, said …" has its subject before the pause.
    const before = subjectBefore(reading, verb, start);
    const addressee = rules.addresseeVerbs.has(tokens[verb]!.lower);
    ref = before?.kind === 'name' || addressee ? before : phraseAfter(reading, skipIndirectObject(reading, verb + 1, end), end);
  } else {
    // « X dénonce un budget injuste », « X évoque un manque de diplomatie »: with an object rather than a clause,
    // a speech verb still reports speech when a person — a name or a pronoun — is its subject.
    const subject = subjectBefore(reading, verb, start);
    if (complement || rules.thatIsOptional || namesPerson(reading, subject)) ref = subject;
  }
  if (!ref || ref.kind === 'clause' || ref.kind === 'passive' || !canSpeak(reading, ref)) return;
  // A description is taken for a speaker on its own only when a clause of speech follows ("… que", "… that").
  const speaker = resolveSpeaker(reading, ref, history, complement);
  // Documents speak too ("le projet de loi énonce…"): they are kept for quotes without attribution, and
  // pronouns skip them because they are not human.
  if (!speaker || (!speaker.human && !isDocument(reading, ref))) return;
  // "Sadeq Amer told the AP": a name that speaks is taken for a person, as the speaker of a quotation is.
  if (ref.kind === 'name' && speaker.person) speaker.person.human = true;
  history.push({ speaker, offset: tokens[verb]!.start, paragraph: tokens[verb]!.paragraph, quoted: false });
}

/** A reference to one person: a personal pronoun, a person's name, a definite job (« l'ancien président du parti »). */
function namesPerson(reading: Reading, ref: SpeakerRef | null): boolean {
  if (ref?.kind === 'pronoun') return ref.gender === 'm' || ref.gender === 'f';
  if (ref?.kind === 'name') {
    const person = reading.names.personOfChunk[ref.chunk];
    return person !== null && person !== undefined && isPerson(person);
  }
  return ref?.kind === 'phrase' && ref.definite && ref.gender !== 'p' && jobInfo(ref.head, reading.doc.rules) !== null;
}

function isDocument(reading: Reading, ref: SpeakerRef): boolean {
  return ref.kind === 'phrase' && singulars(ref.head).some((form) => reading.doc.rules.documentNouns.has(form));
}

/** ", a déclaré le ministre": the verb follows a comma, its subject comes after it. */
function afterPause(reading: Reading, verb: number, start: number): boolean {
  const { tokens, rules } = reading.doc;
  let k = verb - 1;
  while (k >= start && rules.verbGlue.has(tokens[k]!.lower) && !rules.pronouns.has(tokens[k]!.lower) && !rules.passiveAuxiliaries.has(tokens[k]!.lower)) {
    k--;
  }
  return k >= start && (tokens[k]!.text === ',' || tokens[k]!.text === '—') && !rules.passiveAuxiliaries.has(tokens[verb - 1]!.lower);
}

/** The verb introduces what was said: "que", "that", a colon or a quotation follows within a few words. */
function hasSpeechComplement(reading: Reading, verb: number, end: number): boolean {
  const { tokens } = reading.doc;
  for (let k = verb + 1; k < end && k <= verb + 6; k++) {
    const token = tokens[k]!;
    if (token.lower === 'que' || token.lower === "qu'" || token.lower === 'that' || token.text === ':') return true;
    if (quoted(reading, k)) return true;
    if (isSpeechVerb(reading, k)) return false;
  }
  return false;
}

/** The attribution the text gives a quotation, or 'hypothetical' ("as if to say"), or null. */
function findExplicit(reading: Reading, quotation: Quotation): Explicit {
  const { doc } = reading;
  const { tokens } = doc;
  const openToken = tokenAt(tokens, quotation.open);
  const closeToken = tokenAt(tokens, quotation.close) - 1;
  if (isHypothetical(doc, openToken)) return 'hypothetical';
  for (const gap of quotation.gaps) {
    const found = attributionInGap(reading, quotation, gap.start, gap.end);
    if (found) return found;
  }
  const after = attributionAfter(reading, openToken, closeToken + 1);
  const before = after && after.verb !== -1 ? null : attributionBefore(reading, openToken);
  // 'X said “…,” according to CNN': the verb introducing the quotation names the speaker, "according to" the reporter.
  if (after && before && before.verb !== -1 && introduces(reading, before.verb, openToken)) return before;
  if (after) return after;
  // 'That mobility remains low suggests “…” …, Burtless said.', '“…” while they were in power, Azzouz said.':
  // an attribution closing the sentence covers the quotation in it that no verb introduces.
  if (!before || !namesSpeaker(reading, before.ref)) {
    const closing = closingAttribution(reading, closeToken + 1) ?? attributionInNextSentence(reading, quotation, openToken, closeToken + 1);
    if (closing) return closing;
  }
  return before ?? offenceAuthority(reading, openToken) ?? remarkAfter(reading, closeToken + 1);
}

/**
 * « « … ». Cette petite phrase d'Arnaud Montebourg augure-t-elle … », '“…” Those remarks by the senator drew …': the
 * sentence after a quotation takes it up with a demonstrative and a noun for words said, and names whose they are.
 */
function remarkAfter(reading: Reading, first: number): Attribution | null {
  const { tokens, rules } = reading.doc;
  const demonstrative = tokens[first];
  if (!demonstrative || !rules.demonstratives.has(demonstrative.lower) || reading.doc.sentenceOf[first] === reading.doc.sentenceOf[first - 1]) return null;
  if (demonstrative.paragraph !== tokens[first - 1]!.paragraph) return null;
  for (let k = first + 1; k < tokens.length && k <= first + 1 + MAX_REMARK_ADJECTIVES; k++) {
    const token = tokens[k]!;
    if (!token.word || quoted(reading, k)) return null;
    if (!rules.remarkNouns.has(token.lower)) continue;
    if (!rules.remarkLinks.has(tokens[k + 1]?.lower ?? '')) return null;
    const ref = phraseAfter(reading, k + 2, tokenAt(tokens, reading.doc.sentences[reading.doc.sentenceOf[k]!]!.end));
    return ref && (ref.kind === 'name' || namesPerson(reading, ref)) ? { ref, verb: -1 } : null;
  }
  return null;
}

/**
 * '“Do they take the profit …?” Forte said.': a quotation that ends its sentence with its own punctuation may be
 * attributed by a short clause that follows as a sentence of its own (a subject and a speech verb, and nothing the
 * verb reports).
 */
function attributionInNextSentence(reading: Reading, quotation: Quotation, openToken: number, first: number): Attribution | null {
  const { doc } = reading;
  const { tokens } = doc;
  const next = tokens[first];
  if (!next || doc.sentenceOf[first] === doc.sentenceOf[first - 1] || next.paragraph !== tokens[first - 1]!.paragraph) return null;
  if (!SENTENCE_END.test(doc.text.slice((quotation.parts.at(-1)?.end ?? quotation.close) - 1, quotation.close))) return null;
  const sentence = doc.sentences[doc.sentenceOf[first]!]!;
  const end = tokenAt(tokens, sentence.end);
  if (end - first > MAX_ATTRIBUTION_SENTENCE) return null;
  for (let k = first; k < end; k++) if (quoted(reading, k)) return null;
  const found = attributionAfter(reading, openToken, first, true);
  if (!found || found.verb === -1) return null;
  // "Forte said the chain would …": a verb with a clause of its own reports something else.
  const after = tokens[found.verb + 1];
  return after && (after.word && !reachesEnd(reading, found.verb + 1, end)) ? null : found;
}

/** Whether only the speaker's name and closing punctuation follow token `k` up to `end`. */
function reachesEnd(reading: Reading, k: number, end: number): boolean {
  const { names, doc } = reading;
  const chunk = names.chunkOf[k] ?? -1;
  const after = chunk === -1 ? k : names.chunks[chunk]!.last + 1;
  return after >= end || !doc.tokens[after]!.word;
}

/** The speech verb at `verb` introduces the quotation at `openToken`: only "that", a colon or a comma between. */
function introduces(reading: Reading, verb: number, openToken: number): boolean {
  const { tokens, rules } = reading.doc;
  for (let k = verb + 1; k < openToken; k++) {
    const token = tokens[k]!;
    if (token.word ? !rules.conjunctions.has(token.lower) : token.text !== ':' && token.text !== ',') return false;
  }
  return isSpeechVerb(reading, verb);
}

/** Whether a reference names someone who can speak: a name or pronoun, or a phrase with a person, group or document noun. */
function namesSpeaker(reading: Reading, ref: SpeakerRef): boolean {
  if (ref.kind !== 'phrase') return true;
  const { tokens, rules } = reading.doc;
  for (let k = ref.first; k <= ref.last; k++) {
    const lower = tokens[k]!.lower;
    if (jobInfo(lower, rules) || singulars(lower).some((form) => rules.humanNouns.has(form) || rules.documentNouns.has(form))) return true;
  }
  return false;
}

/** "…, Burtless said." ending the sentence of the quotation that closes before token `first`. */
function closingAttribution(reading: Reading, first: number): Attribution | null {
  const { doc } = reading;
  const { tokens } = doc;
  const sentence = doc.sentenceOf[first - 1]!;
  let comma = -1;
  for (let k = first; k < tokens.length && doc.sentenceOf[k] === sentence; k++) {
    if (quoted(reading, k)) return null;
    if (tokens[k]!.text === ',') comma = k;
  }
  return comma === -1 ? null : attributionAfter(reading, first - 1, comma + 1);
}

/**
 * « une enquête a été ouverte par le parquet pour « … » », « le tribunal a ouvert une information pour des
 * soupçons de « … » »: the quoted grounds of a legal act are the words of the authority that performed it —
 * the agent of a passive, else the subject of an active clause (never the person charged).
 */
function offenceAuthority(reading: Reading, openToken: number): Attribution | null {
  const { doc } = reading;
  const { tokens, rules } = doc;
  const cue = offenceCueBefore(doc, openToken);
  if (cue === -1) return null;
  const start = tokenAt(tokens, doc.sentences[doc.sentenceOf[openToken]!]!.start);
  for (let k = openToken - 1; k >= start; k--) {
    if (!rules.agentPrepositions.has(tokens[k]!.lower) || quoted(reading, k)) continue;
    const ref = phraseAfter(reading, k + 1, openToken);
    if (ref && ref.kind !== 'pronoun') return { ref, verb: -1 };
  }
  const subject = sentenceSubject(reading, cue);
  if (!subject || subject.kind === 'clause' || subject.kind === 'passive' || subject.kind === 'pronoun') return null;
  const subjectEnd = subject.kind === 'name' ? reading.names.chunks[subject.chunk]!.last : subject.last;
  for (let k = subjectEnd + 1; k < cue; k++) {
    if (rules.passiveAuxiliaries.has(tokens[k]!.lower) || rules.copulas.has(tokens[k]!.lower)) return null;
  }
  return { ref: subject, verb: -1 };
}

function isHypothetical(doc: ParsedDocument, openToken: number): boolean {
  return doc.rules.hypotheticalMarkers.some((phrase) =>
    phrase.every((word, k) => doc.tokens[openToken - phrase.length + k]?.lower === word),
  );
}

function attributionInGap(reading: Reading, quotation: Quotation, start: number, end: number): Attribution | null {
  const { doc } = reading;
  const { tokens } = doc;
  const first = tokenAt(tokens, start);
  const last = tokenAt(tokens, end);
  const span = quotation.spans.find((s) => doc.quotes[s]!.open <= start && doc.quotes[s]!.close >= end);
  const inside: Reading = span === undefined ? reading : { ...reading, open: span };
  for (let k = first; k < last; k++) {
    const inverted = invertedAttribution(inside, k, last);
    if (inverted) return inverted;
    const according = accordingToAt(doc, k);
    if (according > 0) {
      const ref = sourceAfter(inside, k + according, last);
      if (ref) return { ref, verb: -1 };
    }
    if (!isSpeechVerb(inside, k)) continue;
    const ref = opensClause(inside, k, first)
      ? (phraseAfter(inside, skipIndirectObject(inside, k + 1, last), last) ?? subjectBefore(inside, k, first))
      : (subjectBefore(inside, k, first) ?? phraseAfter(inside, k + 1, last));
    if (ref) return { ref, verb: k };
  }
  return null;
}

/** Whether only punctuation and auxiliaries stand between `from` and the verb: the subject follows the verb. */
function opensClause(reading: Reading, verb: number, from: number): boolean {
  const { tokens, rules } = reading.doc;
  for (let k = verb - 1; k >= from; k--) {
    const token = tokens[k]!;
    if (token.word && !(rules.verbGlue.has(token.lower) && !rules.pronouns.has(token.lower))) return false;
  }
  return true;
}

/** "…", a-t-elle proclamé / said Mr. Reeves / the Scottish government said / selon un proche de… */
function attributionAfter(reading: Reading, openToken: number, first: number, ownSentence = false): Attribution | null {
  const { doc } = reading;
  const { tokens, rules } = doc;
  const sentence = doc.sentenceOf[ownSentence ? first : first - 1]!;
  let bound = first;
  while (bound < tokens.length && doc.sentenceOf[bound] === sentence && !quoted(reading, bound)) bound++;
  let k = first;
  while (k < bound && k < first + 2 && LEADING_PUNCTUATION.has(tokens[k]!.text)) k++;
  if (k >= bound) return null;
  const lower = tokens[k]!.lower;
  const inverted = invertedAttribution(reading, k, bound);
  if (inverted) return inverted;
  const according = accordingToAt(doc, k);
  if (according > 0) {
    const ref = sourceAfter(reading, k + according, bound);
    return ref ? { ref, verb: -1 } : null;
  }
  if (rules.agentPrepositions.has(lower) && characterisedBefore(reading, openToken)) {
    const ref = phraseAfter(reading, k + 1, bound);
    return ref ? { ref, verb: -1 } : null;
  }
  const verb = skipGlue(reading, k, bound);
  // "…' Continue reading": a capitalised verb after a quote starts something else.
  if ((isSpeechVerb(reading, verb) || rules.publicationVerbs.has(tokens[verb]!.lower)) && !tokens[verb]!.capitalized) {
    const inverted = invertedAttribution(reading, verb - 1, bound);
    if (inverted) return { ref: inverted.ref, verb };
    const ref = phraseAfter(reading, skipIndirectObject(reading, verb + 1, bound), bound);
    return ref ? { ref, verb } : null;
  }
  for (let v = k + 1; v < bound && v < k + AFTER_WINDOW; v++) {
    if (!isSpeechVerb(reading, v)) continue;
    if (takesObject(reading, v)) return null;
    // "…," the town with the nearest airstrip, said Soelistyo. After "told" comes the person told, not the speaker,
    // and after a participle its object (« …, évoquant en particulier la défense »): no subject follows either.
    if (afterPause(reading, v, k) && !rules.addresseeVerbs.has(tokens[v]!.lower) && !isParticiple(reading, v)) {
      const inverted = phraseAfter(reading, skipIndirectObject(reading, v + 1, bound), bound);
      if (inverted) return { ref: inverted, verb: v };
    }
    const ref = subjectBefore(reading, v, k);
    if (ref && ref.kind !== 'clause' && ref.kind !== 'passive' && startsAdjacent(reading, k, ref.at)) return { ref, verb: v };
    return null;
  }
  return null;
}

/** The first token from `k` that is not an auxiliary, a clitic or an aside (« a par exemple résumé »). */
function skipGlue(reading: Reading, k: number, bound: number): number {
  const { tokens, rules } = reading.doc;
  let verb = k;
  for (;;) {
    while (verb < bound - 1 && rules.verbGlue.has(tokens[verb]!.lower) && !rules.pronouns.has(tokens[verb]!.lower)) verb++;
    const aside = rules.subjectAsides.find((phrase) => phrase.every((word, j) => tokens[verb + j]?.lower === word));
    if (!aside || verb + aside.length >= bound) return verb;
    verb += aside.length;
  }
}

/**
 * "…", un chiraquien s'est souvenu du surnom…: a verb with its own object or clause after it reports
 * something else, not the quotation before it.
 */
function takesObject(reading: Reading, verb: number): boolean {
  const { tokens, rules } = reading.doc;
  const next = tokens[verb + 1];
  if (!next) return false;
  // "told the Financial Times": the object of a verb of telling is the person told, the quotation stays its object.
  if (rules.addresseeVerbs.has(tokens[verb]!.lower) && !rules.conjunctions.has(next.lower) && next.text !== ':') return false;
  return rules.determiners.has(next.lower) || rules.nounLinks.has(next.lower) || rules.conjunctions.has(next.lower) || next.text === ':';
}

/** "a confié à l'AFP un diplomate", "told Reuters": the subject comes after the person spoken to. */
function skipIndirectObject(reading: Reading, from: number, bound: number): number {
  const { doc, names } = reading;
  const { tokens, rules } = doc;
  const first = tokens[from];
  if (!first || !INDIRECT_OBJECT.has(first.lower)) return from;
  let k = from + 1;
  if (rules.determiners.has(tokens[k]?.lower ?? '')) k++;
  const chunk = names.chunkOf[k] ?? -1;
  k = chunk === -1 ? k + 1 : names.chunks[chunk]!.last + 1;
  return k < bound ? k : from;
}

/** Only words of one noun phrase stand between token `k` and the offset `at`. */
function startsAdjacent(reading: Reading, k: number, at: number): boolean {
  const { tokens, rules } = reading.doc;
  for (let i = k; i < tokens.length && tokens[i]!.start < at; i++) {
    const token = tokens[i]!;
    if (!token.word && token.text !== ',' && !inScareQuote(reading, i)) return false;
    if (rules.phraseBreakers.has(token.lower) || rules.verbGlue.has(token.lower)) return false;
  }
  return true;
}

function characterisedBefore(reading: Reading, openToken: number): boolean {
  const { tokens, rules } = reading.doc;
  for (let k = openToken - 1; k >= 0 && k >= openToken - 3; k--) {
    if (rules.characterisationVerbs.has(tokens[k]!.lower)) return true;
  }
  return false;
}

/** The nearest speech verb before the quotation in its sentence, and its subject. */
function attributionBefore(reading: Reading, openToken: number): Attribution | null {
  const { doc } = reading;
  const { tokens, rules } = doc;
  const sentence = doc.sentences[doc.sentenceOf[openToken]!]!;
  const start = tokenAt(tokens, sentence.start);
  for (let k = openToken - 1; k >= start; k--) {
    const quote = doc.quoteOf[k]!;
    if (quote !== -1 && quote !== reading.open) {
      k = tokenAt(tokens, doc.quotes[quote]!.open);
      continue;
    }
    const lower = tokens[k]!.lower;
    const according = accordingToAt(doc, k);
    if (according > 0) {
      const ref = sourceAfter(reading, k + according, openToken);
      return ref ? { ref, verb: -1 } : null;
    }
    const opinion = k === start ? opinionFrameAt(reading, k, openToken) : null;
    if (opinion) return { ref: opinion, verb: -1 };
    const inverted = invertedAttribution(reading, k, openToken);
    if (inverted) return inverted;
    // « qualifié de « … » », "described as “…”": a verb of characterisation introduces only the quotation it governs.
    if (!isSpeechVerb(reading, k) && !(rules.characterisationVerbs.has(lower) && characterises(reading, k, openToken))) continue;
    const ref = subjectBefore(reading, k, start) ?? (opensClause(reading, k, start) ? phraseAfter(reading, k + 1, openToken) : null);
    // « un œil critique sur son travail : » — an indefinite thing is no speaker: the word was an adjective.
    if (ref && !canSpeak(reading, ref)) continue;
    return ref ? { ref, verb: k } : null;
  }
  return null;
}

/**
 * « qualifié de « … » », "called the impact of the weather “…”": a verb of characterisation introduces a quotation
 * that only its object separates from it. With a verb between, it was an adjective (« la situation décrite par le
 * ministre est « … » »): the quotation belongs to that verb.
 */
function characterises(reading: Reading, verb: number, openToken: number): boolean {
  const { tokens, rules } = reading.doc;
  if (openToken - verb > MAX_CHARACTERISATION_GAP) return false;
  for (let k = verb + 1; k < openToken; k++) {
    const lower = tokens[k]!.lower;
    if (!tokens[k]!.word || quoted(reading, k) || rules.copulas.has(lower) || rules.conjunctions.has(lower) || isSpeechVerb(reading, k)) return false;
    if (rules.auxiliaries.has(lower) && !rules.nounLinks.has(lower)) return false;
  }
  return true;
}

/**
 * A speaker is a person, a group, an organisation or a document; an indefinite phrase must name one
 * ("un diplomate", "une des dispositions du projet de loi"), not a thing ("un œil critique").
 */
function canSpeak(reading: Reading, ref: SpeakerRef): boolean {
  return ref.kind !== 'phrase' || !INDEFINITE.has(reading.doc.tokens[ref.first]!.lower) || namesSpeaker(reading, ref);
}

/**
 * "Pour le ministre de l'Intérieur, Gérald Darmanin, « … »", « À ses yeux, la situation est « … » », "In her view,
 * the plan is “…”": a person's opinion framed at the sentence start covers the quotations of the sentence.
 */
function opinionFrameAt(reading: Reading, k: number, openToken: number): SpeakerRef | null {
  const { doc, names } = reading;
  const { tokens, rules } = doc;
  const possessive = rules.possessiveFrames.find(([phrase]) => phrase.every((word, j) => tokens[k + j]?.lower === word));
  if (possessive && tokens[k + possessive[0].length]?.text === ',') return { kind: 'pronoun', gender: possessive[1], at: tokens[k]!.start };
  const frame = rules.opinionFrames.find((phrase) => phrase.every((word, j) => tokens[k + j]?.lower === word));
  if (!frame) return null;
  let comma = k + frame.length;
  while (comma < openToken && tokens[comma]!.text !== ',') comma++;
  if (comma >= openToken) return null;
  if (names.chunkOf[comma + 1] !== -1 && tokens[names.chunks[names.chunkOf[comma + 1]!]!.last + 1]?.text === ',') {
    // "Pour le ministre, Gérald Darmanin, …": the apposed name is part of the frame.
    comma = names.chunks[names.chunkOf[comma + 1]!]!.last + 1;
  }
  const ref = phraseAfter(reading, k + frame.length, comma);
  if (!ref || ref.kind === 'clause' || ref.kind === 'passive') return null;
  if (ref.kind === 'phrase' && !jobInfo(ref.head, rules) && !singulars(ref.head).some((form) => rules.humanNouns.has(form))) return null;
  return ref;
}

/** Speaker of a quotation the text does not attribute: see the module comment for the order of the rules. */
function inferSpeaker(
  reading: Reading,
  quotations: readonly Quotation[],
  q: number,
  explicitOf: (q: number) => Explicit,
  history: readonly SpeechEvent[],
): Speaker | null {
  const { doc } = reading;
  const { tokens, rules } = doc;
  const quotation = quotations[q]!;
  const paragraph = paragraphAt(doc, quotation.close - 1);
  const closeSentence = doc.sentenceOf[tokenAt(tokens, quotation.close) - 1]!;
  const next = quotations[q + 1];
  const nextFound = next && paragraphAt(doc, next.open) === paragraph ? explicitOf(q + 1) : null;
  const nextSentence = next ? doc.sentenceOf[tokenAt(tokens, next.open)]! : -1;
  if (nextFound && nextFound !== 'hypothetical' && nextSentence <= closeSentence + 1 && nextFound.verb !== -1) {
    if (rules.continuationVerbs.has(tokens[nextFound.verb]!.lower)) return resolveAttribution(reading, nextFound, history);
  }
  const openToken = tokenAt(tokens, quotation.open);
  const subject = embeddingSubject(reading, openToken, history) ?? colonSubject(reading, openToken, history) ?? (quotation.nonSpeech ? null : namedSubject(reading, openToken, history));
  if (subject) return subject;
  if (nextFound && nextFound !== 'hypothetical' && nextSentence <= closeSentence + 2) {
    const speaker = resolveAttribution(reading, nextFound, history);
    if (speaker) return speaker;
  }
  return null;
}

/**
 * "'There is only one place for him'" standing alone as a short paragraph without a full stop: a headline or a
 * pull quote, not a quotation in the flow of the text.
 */
function isHeadlineQuote(doc: ParsedDocument, quotation: Quotation): boolean {
  if (quotation.words > MAX_HEADLINE_WORDS || quotation.gaps.length > 0) return false;
  const lineStart = doc.text.lastIndexOf('\n', quotation.open - 1) + 1;
  let lineEnd = doc.text.indexOf('\n', quotation.close);
  if (lineEnd === -1) lineEnd = doc.text.length;
  if (doc.text.slice(lineStart, quotation.open).trim() !== '' || doc.text.slice(quotation.close, lineEnd).trim() !== '') return false;
  return !/[.…]\s*$/u.test(quotation.text);
}

/**
 * The speaker a headline quote announces: whoever the passage below it first reports as speaking, within a few
 * paragraphs and before the next heading — by an attributed quotation or by reported speech.
 */
function headlineSpeaker(
  reading: Reading,
  quotations: readonly Quotation[],
  q: number,
  explicitOf: (q: number) => Explicit,
  verbs: readonly number[],
  history: readonly SpeechEvent[],
): Speaker | null {
  const { doc } = reading;
  const { tokens } = doc;
  const quotation = quotations[q]!;
  const paragraph = paragraphAt(doc, quotation.close - 1);
  const within = (p: number): boolean => p > paragraph && p - paragraph <= HEADLINE_PARAGRAPHS && !doc.headings[p];
  // The headline is a paragraph of its own: the next quotation is below it.
  const later = quotations[q + 1];
  const laterFound = later && within(paragraphAt(doc, later.open)) ? explicitOf(q + 1) : null;
  const scratch = [...history];
  for (const verb of verbs) {
    if (tokens[verb]!.start < quotation.close) continue;
    if (!within(tokens[verb]!.paragraph) || (later && laterFound && tokens[verb]!.start > later.open)) break;
    recordIndirect(reading, verb, new Set(), scratch);
    if (scratch.length > history.length) return scratch.at(-1)!.speaker;
  }
  return laterFound && laterFound !== 'hypothetical' ? resolveAttribution(reading, laterFound, history) : null;
}

/**
 * "Draper wrapped up his win in two hours. ¶ “Having other Brits do well is amazing …”": a quotation that starts its
 * own sentence with no attribution is said by the person the sentence just before is about, when that sentence names
 * a person as its subject.
 */
function previousFocus(reading: Reading, quotation: Quotation, history: readonly SpeechEvent[]): Speaker | null {
  const { doc } = reading;
  const openToken = tokenAt(doc.tokens, quotation.open);
  const sentence = doc.sentenceOf[openToken]!;
  if (sentence === 0 || doc.sentences[sentence]!.start < quotation.open - 1) return null;
  const previous = sentence - 1;
  if (doc.headings[doc.sentences[previous]!.paragraph]) return null;
  const focus = sentenceFocus(reading, previous, (ref) => resolveSpeaker(reading, ref, history), history);
  return focus.kind === 'person' && focus.speaker.person?.human ? focus.speaker : null;
}

/** The last speaker reported nearby, who by default said a quotation nothing else attributes. */
function carriedSpeaker(reading: Reading, quotation: Quotation, history: readonly SpeechEvent[]): Speaker | null {
  const paragraph = paragraphAt(reading.doc, quotation.close - 1);
  const recent = history.filter((event) => paragraph - event.paragraph <= CARRY_PARAGRAPHS);
  return (recent.findLast((event) => event.quoted) ?? recent.at(-1))?.speaker ?? null;
}

/**
 * « Il porte un regard sévère sur son travail : « … » »: a clause closed by a colon introduces the words of its
 * subject when that subject is a person.
 */
function colonSubject(reading: Reading, openToken: number, history: readonly SpeechEvent[]): Speaker | null {
  const { doc } = reading;
  const colon = openToken - 1;
  if (doc.tokens[colon]?.text !== ':' || doc.sentenceOf[colon] !== doc.sentenceOf[openToken]) return null;
  const ref = sentenceSubject(reading, colon);
  if (!ref || ref.kind === 'clause' || ref.kind === 'passive') return null;
  const speaker = resolveSpeaker(reading, ref, history);
  if (!speaker) return null;
  return (ref.kind === 'name' ? speaker.person?.human : speaker.human) ? speaker : null;
}

/**
 * « Marc Baum a osé la comparaison avec Juncker, lequel était « … » », « La police avait été appelée dans le
 * quartier, « … » »: a quotation deeper in a sentence whose subject is a person's name or a definite group or
 * institution, with no clause subject of its own, is their words — unless a speech verb between them
 * has another subject ("Ann Ruiz pointed to a leaflet that promised “…”": the leaflet's words).
 */
function namedSubject(reading: Reading, openToken: number, history: readonly SpeechEvent[]): Speaker | null {
  const ref = sentenceSubject(reading, openToken);
  const { tokens, rules } = reading.doc;
  let end: number;
  if (ref?.kind === 'name') end = reading.names.chunks[ref.chunk]!.last;
  else if (ref?.kind === 'phrase' && ref.definite && singulars(ref.head).some((form) => rules.humanNouns.has(form) || rules.documentNouns.has(form))) end = ref.last;
  else return null;
  const institution = ref.kind === 'phrase';
  for (let k = end + 1; k < openToken; k++) {
    if (isSpeechVerb(reading, k) || rules.speechVerbs.has(tokens[k]!.lower)) return null;
  }
  const speaker = resolveSpeaker(reading, ref, history);
  // "The report, by the GAO, found that the Pentagon “…”": a document words what it holds.
  if (institution) return speaker?.human || isDocument(reading, ref) ? speaker : null;
  return speaker?.person?.human && isPerson(speaker.person) ? speaker : null;
}

/** "Alors que d'anciens amis n'en gardent « … »": the human subject of the clause the quotation sits in. */
function embeddingSubject(reading: Reading, openToken: number, history: readonly SpeechEvent[]): Speaker | null {
  const { doc } = reading;
  const { tokens, rules } = doc;
  const sentence = doc.sentences[doc.sentenceOf[openToken]!]!;
  const start = tokenAt(tokens, sentence.start);
  const before = tokens[openToken - 1];
  if (openToken <= start || !before || before.text === ':') return null;
  // « Le maire est mis en examen pour « … » »: the person charged does not word the charge.
  if (offenceCueBefore(doc, openToken) !== -1) return null;
  let k = openToken - 1;
  while (k >= start && tokens[k]!.word && !quoted(reading, k) && !rules.conjunctions.has(tokens[k]!.lower)) k--;
  // « Il aurait travaillé à une stratégie pour « … » »: the conditional of hearsay reports a publication's words.
  for (let j = k + 1; j < openToken; j++) {
    if (!rules.hearsayMarkers.has(tokens[j]!.lower)) continue;
    const source = resolvePronoun(reading, 'n', tokens[openToken]!.start, history);
    if (source) return source;
    break;
  }
  const ref = phraseAfter(reading, k + 1, openToken);
  if (!ref || ref.kind === 'clause' || ref.kind === 'passive') return null;
  // Only a short subject with a determiner: longer runs are likely to swallow the verb ("the star thanks fans").
  if (ref.kind === 'phrase' && (ref.last - ref.first >= MAX_EMBEDDING_SUBJECT || !rules.determiners.has(tokens[ref.first]!.lower))) return null;
  const speaker = resolveSpeaker(reading, ref, history);
  if (!speaker) return null;
  if (ref.kind === 'name') return speaker.person?.human ? speaker : null;
  // « Le rapport évoque « … » », « Les commentaires allaient de « … » à « … » »: a document words what it holds.
  return speaker.human || isDocument(reading, ref) ? speaker : null;
}
