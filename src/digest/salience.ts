/**
 * What each sentence is about — its focus: the subject of its main clause, reduced to the person, group or thing
 * it stands for. A subject pronoun continues the focus it refers to (« Le juge Martin l'a défendue. Il a dit … » —
 * both sentences are about the judge); a sentence that opens with a quotation is about the quotation's speaker. The
 * focus of the sentences just before a pronoun or a description is its likeliest antecedent (centering).
 *
 * @example
 *   const focus = sentenceFocus(reading, 3, resolve, history);
 *   focus.kind === 'person' && focus.speaker.name; // 'Ruth Mbeki'
 */
import type { Speaker, SpeechEvent } from './coreference.ts';
import type { Person } from './names.ts';
import { sentenceSubject, type Reading, type SpeakerRef } from './noun-phrases.ts';
import { tokenAt } from './tokens.ts';

/** What a sentence is about: a person, another speaker (an organisation, a group), a thing, or nothing said. */
export type Focus =
  | { kind: 'person'; speaker: Speaker }
  | { kind: 'entity'; speaker: Speaker }
  | { kind: 'thing' }
  | { kind: 'none' };

/**
 * The foci of an article's sentences, kept once known. Attribution reads the article in order: a sentence's focus is
 * kept only when it ends before `settled`, the offset up to which every quotation and speech verb has been read.
 */
export interface FocusMemo {
  settled: number;
  foci: (Focus | undefined)[];
}

/** Turns the subject reference found in a sentence into the speaker it stands for. */
export type SubjectResolver = (ref: SpeakerRef) => Speaker | null;

const NONE: Focus = { kind: 'none' };
const THING: Focus = { kind: 'thing' };

/**
 * The focus of sentence `index`; `history` supplies the speakers of sentences without a subject of their own.
 */
export function sentenceFocus(reading: Reading, index: number, resolve: SubjectResolver, history: readonly SpeechEvent[]): Focus {
  const memo = reading.focus;
  const cached = memo?.foci[index];
  if (cached) return cached;
  const { doc } = reading;
  const sentence = doc.sentences[index]!;
  const last = tokenAt(doc.tokens, sentence.end) - 1;
  // The speaker a sentence reports is what it is about, unless its subject is a person ("X met Y, Z said").
  const subject = cleftFocus(reading, sentence.start, last, resolve) ?? focusOfSubject(reading, last, resolve);
  const spoken = subject?.kind === 'person' ? NONE : spokenFocus(reading, sentence.start, sentence.end, history);
  let focus = spoken.kind === 'none' ? (subject ?? NONE) : spoken;
  // "Trudeau's response has been firm": a sentence about what a known person owns or does is about that person.
  if (focus.kind === 'thing') focus = ownerFocus(reading, last, resolve) ?? focus;
  if (memo && sentence.end <= memo.settled) memo.foci[index] = focus;
  return focus;
}

/** The pronoun and copula that open a cleft sentence ("it was X who", « c'est X qui »). */
const CLEFT_PRONOUNS = new Set(['it', "c'", 'ce']);
const CLEFT_COPULAS = new Set(['is', 'was', 'est', 'était', 'fut']);
const CLEFT_RELATIVES = new Set(['who', 'qui']);

/**
 * "After X won on Monday, it was Katie Boulter who got the ball rolling … over Diane Parry": a cleft sentence is about
 * the person it puts in focus, a name between the copula and the relative.
 */
function cleftFocus(reading: Reading, start: number, last: number, resolve: SubjectResolver): Focus | undefined {
  const { tokens } = reading.doc;
  const { chunkOf, chunks } = reading.names;
  for (let k = tokenAt(tokens, start); k + 2 <= last; k++) {
    if (!CLEFT_PRONOUNS.has(tokens[k]!.lower) || !CLEFT_COPULAS.has(tokens[k + 1]!.lower)) continue;
    const chunk = chunkOf[k + 2] ?? -1;
    if (chunk === -1 || chunks[chunk]!.first !== k + 2 || !CLEFT_RELATIVES.has(tokens[chunks[chunk]!.last + 1]?.lower ?? '')) continue;
    const ref: SpeakerRef = { kind: 'name', chunk, at: tokens[k + 2]!.start };
    const speaker = resolve(ref);
    if (speaker?.person && isPerson(speaker.person)) return classify(reading, ref, speaker);
  }
  return undefined;
}

/**
 * The focus of the stretch of a sentence that ends before token `at`: its subject if one stands there
 * ("Isaac said he chose …" → Isaac), undefined when none does.
 */
export function focusBefore(reading: Reading, at: number, resolve: SubjectResolver): Focus | undefined {
  return focusOfSubject(reading, at, resolve);
}

function focusOfSubject(reading: Reading, at: number, resolve: SubjectResolver): Focus | undefined {
  const ref = sentenceSubject(reading, at);
  if (!ref) return undefined;
  if (ref.kind === 'clause' || ref.kind === 'passive') return NONE;
  const speaker = resolve(ref);
  if (!speaker) return ref.kind === 'phrase' ? THING : NONE;
  return classify(reading, ref, speaker);
}

/** The person whose possessive "'s" opens the subject of the sentence ending before token `at`, if the text knows them as one. */
function ownerFocus(reading: Reading, at: number, resolve: SubjectResolver): Focus | undefined {
  const ref = sentenceSubject(reading, at);
  if (ref?.kind !== 'phrase') return undefined;
  const { chunks, chunkOf } = reading.names;
  const chunk = chunkOf[ref.first] ?? -1;
  if (chunk === -1 || !chunks[chunk]!.possessive || chunks[chunk]!.first !== ref.first) return undefined;
  const owner: SpeakerRef = { kind: 'name', chunk, at: ref.at };
  const speaker = resolve(owner);
  const person = speaker?.person;
  if (!speaker || !person || person.role || !(person.human || person.gender === 'm' || person.gender === 'f')) return undefined;
  return classify(reading, owner, speaker);
}

function classify(reading: Reading, ref: SpeakerRef, speaker: Speaker): Focus {
  const person = speaker.person;
  if (person) {
    // A name with no sign of being a thing may be a person's whose first name the engine does not know.
    return { kind: isPerson(person) ? 'person' : 'entity', speaker };
  }
  if (ref.kind === 'phrase') {
    if (!speaker.human) return THING;
    // « le Premier ministre », « cette jeune fille »: a description of one person is a mention of that person,
    // named before or known by the role only.
    const person = mentionAt(reading, ref.at);
    if (person) return { kind: 'person', speaker: { name: person.name, person, gender: person.gender, human: true } };
    return { kind: 'entity', speaker };
  }
  return { kind: 'entity', speaker };
}

/** Whether what a name stands for can be taken for a person: nothing marks it as a thing, or a gender or a job does. */
export function isPerson(person: Person): boolean {
  return person.role || person.gender === 'm' || person.gender === 'f' || person.jobs.size > 0 || !person.thing;
}

/** The person mentioned at `offset`, if any. */
function mentionAt(reading: Reading, offset: number): Person | null {
  const { mentions } = reading.names;
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.offset < offset) lo = mid + 1;
    else hi = mid;
  }
  const mention = mentions[lo];
  return mention?.offset === offset ? mention.person : null;
}

/** A sentence without a subject of its own (« « … », a déclaré X. ») is about the last speaker reported in it. */
function spokenFocus(reading: Reading, start: number, end: number, history: readonly SpeechEvent[]): Focus {
  for (let k = history.length - 1; k >= 0; k--) {
    const event = history[k]!;
    if (event.offset >= end) continue;
    if (event.offset < start) break;
    const { speaker } = event;
    // A speaker known by a description only (« la présidence », "a diplomat") may be an institution: not a person.
    const person = speaker.person !== null && isPerson(speaker.person) && (speaker.person.human || speaker.person.role);
    return { kind: person && speaker.gender !== 'p' && speaker.gender !== 'n' ? 'person' : 'entity', speaker };
  }
  return NONE;
}
