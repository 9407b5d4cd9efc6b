/**
 * Turns a reference into a speaker: a name into the fullest name the article gives, a pronoun ("she",
 * "a-t-elle") into the centre of attention (the named subject just before) or else the most recent fitting speaker
 * or person, a definite job description ("the president", "le haut-commissaire") into the person the article gave
 * that job or else the named subject of the sentence before, a definite outlet noun (« le quotidien ») into the
 * outlet last cited, and any other description into its words.
 *
 * @example
 *   resolveSpeaker(reading, { kind: 'pronoun', gender: 'f', at: 812 }, history); // { name: 'Choe Son Hui', … }
 */
import type { Gender } from './lang/rules.ts';
import { jobInfo, singulars, type Person } from './names.ts';
import type { Reading, SpeakerRef } from './noun-phrases.ts';
import { tokenAt } from './tokens.ts';

/** Who is speaking, as shown to readers. */
export interface Speaker {
  name: string;
  person: Person | null;
  gender: Gender;
  /** A person or a group of people (or an organisation speaking), not a thing. */
  human: boolean;
}

/** Someone the article reports as speaking, where. */
export interface SpeechEvent {
  speaker: Speaker;
  offset: number;
  paragraph: number;
  /** Direct speech (a quotation) rather than reported speech. */
  quoted: boolean;
}

/** A description looks back over this many sentences whose subject is a thing for its centre. */
const CENTRE_SENTENCES = 2;
/** A subject that is a thing, not a person or a group. */
const THING = 'thing';

/** Job words between an organisation's name and its holder's ("chair", "national security adviser"). */
const MAX_JOB_WORDS = 3;
/** Pronouns look back this many paragraphs at most. */
const PRONOUN_WINDOW = 3;
/** The last speaker is the antecedent of choice this many paragraphs back. */
const SPEAKER_WINDOW = 2;

/**
 * The speaker a reference stands for, or null when it cannot be told. `speaking` says the reference is the
 * subject of a speech verb: then any description but a document's is taken for a person or a group.
 */
export function resolveSpeaker(reading: Reading, ref: SpeakerRef, history: readonly SpeechEvent[], speaking = false): Speaker | null {
  const { doc, names } = reading;
  switch (ref.kind) {
    case 'name': {
      const person = names.personOfChunk[ref.chunk] ?? null;
      if (!person) return { name: names.chunks[ref.chunk]!.text, person: null, gender: null, human: true };
      return { name: person.name, person, gender: person.gender, human: true };
    }
    case 'pronoun':
      return resolvePronoun(reading, ref.gender, ref.at, history);
    case 'phrase': {
      const { tokens, rules } = doc;
      if (ref.definite && jobInfo(ref.head, rules)) {
        const person = personWithJob(reading, ref.head, ref.at) ?? describedCentre(reading, ref.head, ref.gender, ref.at);
        if (person) return { name: person.name, person, gender: person.gender, human: true };
      }
      // « le quotidien du soir », "the paper": a definite description of a publication is the outlet last cited.
      if (ref.definite && singulars(ref.head).some((form) => rules.outletNouns.has(form))) {
        const outlet = resolvePronoun(reading, 'n', ref.at, history);
        if (outlet) return outlet;
      }
      const name = doc.text.slice(tokens[ref.first]!.start, tokens[ref.last]!.end);
      const forms = singulars(ref.head);
      const human = speaking
        ? !forms.some((form) => rules.documentNouns.has(form))
        : jobInfo(ref.head, rules) !== null || forms.some((form) => rules.humanNouns.has(form));
      return { name, person: null, gender: ref.gender, human };
    }
    case 'clause':
    case 'passive':
      return null;
  }
}

/**
 * « Emmanuel Macron a reçu les syndicats. « … », a déclaré le chef de l'Etat »: news copy varies its references,
 * so a definite role no one was given takes up the named subject of the sentence before — if the article gave
 * that person no other role. Within one sentence a second mention would be a pronoun, so a role there is someone
 * else (« X a obtenu un non-lieu, a expliqué le juge »).
 */
function describedCentre(reading: Reading, head: string, gender: Gender, at: number): Person | null {
  // « Jean Martin a été interpellé. « … », a indiqué le procureur »: an office brings in its holder, someone new.
  if (singulars(head).some((form) => reading.doc.rules.officeNouns.has(form))) return null;
  const person = centre(reading, at, gender, true);
  if (!person || person.jobs.size > 0) return null;
  person.jobs.add(jobInfo(head, reading.doc.rules)?.job ?? head);
  return person;
}

function personWithJob(reading: Reading, head: string, before: number): Person | null {
  const forms = singulars(head);
  let found: Person | null = null;
  // The description itself may be a mention of the person it takes up ("the young woman" → Priya Raman).
  for (const mention of reading.names.mentions) {
    if (mention.offset > before) break;
    if (!mention.person.role && forms.some((form) => mention.person.jobs.has(form))) found = mention.person;
  }
  return found;
}

/**
 * The most recent fitting antecedent of a subject pronoun: the last speaker nearby whose gender fits (same,
 * or not marked), then the last person of the same gender, then the last person whose gender is not marked.
 */
export function resolvePronoun(reading: Reading, gender: Gender, at: number, history: readonly SpeechEvent[]): Speaker | null {
  const { doc, names } = reading;
  const paragraph = doc.tokens[Math.max(0, tokenIndexBefore(reading, at))]?.paragraph ?? 0;
  const within = (p: number, window: number): boolean => paragraph - p <= window;
  const lastEvent = (test: (speaker: Speaker) => boolean, window: number): Speaker | null => {
    for (let k = history.length - 1; k >= 0; k--) {
      const event = history[k]!;
      if (event.offset >= at) continue;
      if (!within(event.paragraph, window)) return null;
      if (test(event.speaker)) return event.speaker;
    }
    return null;
  };
  const lastMention = (test: (person: Person) => boolean): Person | null => {
    for (let k = names.mentions.length - 1; k >= 0; k--) {
      const mention = names.mentions[k]!;
      if (mention.offset >= at) continue;
      if (!within(mention.paragraph, PRONOUN_WINDOW)) return null;
      if (test(mention.person)) return mention.person;
    }
    return null;
  };
  if (gender === 'p') return lastEvent((s) => s.gender === 'p', PRONOUN_WINDOW);
  // "it said": an organisation or a document, never a person.
  if (gender === 'n') return lastEvent((s) => s.gender !== 'p' && !(s.person && (s.person.gender === 'm' || s.person.gender === 'f' || s.person.role)), PRONOUN_WINDOW);
  const found =
    asSpeaker(centre(reading, at, gender)) ??
    lastEvent((s) => s.human && (s.gender === gender || s.gender === null), SPEAKER_WINDOW) ??
    asSpeaker(lastMention((p) => gender !== null && p.gender === gender)) ??
    asSpeaker(lastMention((p) => p.gender === null && p.human));
  if (found?.person && gender && found.person.gender === null) found.person.gender = gender;
  return found ? { ...found, gender: found.gender ?? gender } : null;
}

/**
 * The person a personal pronoun most likely continues (the centre of attention): the subject of its own
 * sentence when a name stands before the pronoun ("Isaac said he chose…"), else the subject of the sentence
 * before it in the same or the previous paragraph ("Chandor attributed … \n “…,” he said"). The subject is the
 * first noun phrase that no preposition governs; only a name of a person with a fitting gender is a centre — a
 * description ("un chiraquien s’est souvenu…") leaves the choice to the other rules. Pronouns of the same
 * gender before it are the same person ("Although he said…, Isaac stopped").
 */
function centre(reading: Reading, at: number, gender: Gender, previousOnly = false): Person | null {
  const { doc } = reading;
  const { tokens } = doc;
  const index = tokenIndexBefore(reading, at);
  const sentence = doc.sentenceOf[index]!;
  const paragraph = tokens[index]!.paragraph;
  const own = subjectName(reading, tokenAt(tokens, doc.sentences[sentence]!.start), index, gender);
  if (own !== undefined) return previousOnly || own === THING ? null : own;
  // A sentence about a thing ("La facture a triplé.") keeps the person before it at the centre of a description.
  for (let s = sentence - 1; s >= 0 && s >= sentence - (previousOnly ? CENTRE_SENTENCES : 1); s--) {
    const previous = doc.sentences[s]!;
    if (paragraph - previous.paragraph > 1) return null;
    const found = subjectName(reading, tokenAt(tokens, previous.start), tokenAt(tokens, previous.end), gender);
    if (found !== THING) return found ?? null;
  }
  return null;
}

/** Words of a subject phrase searched for a noun of people. */
const MAX_SUBJECT_WORDS = 4;

/** The chunk of the name that a job noun after token `last` introduces ("… chair Ronna McDaniel"), or -1. */
function headAfterModifier(reading: Reading, last: number): number {
  const { doc, names } = reading;
  const { tokens, rules } = doc;
  let k = last + 1;
  while (k <= last + MAX_JOB_WORDS && tokens[k]?.word && !tokens[k]!.capitalized && !rules.stopwords.has(tokens[k]!.lower)) k++;
  if (k === last + 1 || !jobInfo(tokens[k - 1]!.lower, rules)) return -1;
  const chunk = names.chunkOf[k] ?? -1;
  return chunk !== -1 && names.chunks[chunk]!.first === k ? chunk : -1;
}

/** Whether the noun phrase opened by the determiner at token `k` names a person or a group (a job or human noun). */
function namesPerson(reading: Reading, k: number): boolean {
  const { tokens, rules } = reading.doc;
  for (let j = k + 1; j < tokens.length && j <= k + MAX_SUBJECT_WORDS && tokens[j]!.word; j++) {
    const lower = tokens[j]!.lower;
    if (jobInfo(lower, rules) || singulars(lower).some((form) => rules.humanNouns.has(form))) return true;
    if (rules.phraseBreakers.has(lower) && !rules.nounLinks.has(lower)) break;
  }
  return false;
}

/**
 * The person named as subject between tokens `from` and `to`; null for another subject (a pronoun of another
 * gender, a description of people); THING for a description of a thing; undefined for no subject.
 */
function subjectName(reading: Reading, from: number, to: number, gender: Gender): Person | typeof THING | null | undefined {
  const { doc, names } = reading;
  const { tokens, rules } = doc;
  let governed = false;
  for (let k = from; k < to; k++) {
    const token = tokens[k]!;
    if (doc.quoteOf[k] !== -1) continue;
    if (!token.word) {
      governed = false;
      continue;
    }
    const lower = token.lower;
    let c = names.chunkOf[k]!;
    if (c !== -1) {
      // "Republican National Committee chair Ronna McDaniel": a name before a job noun modifies the name after it.
      const head = headAfterModifier(reading, names.chunks[c]!.last);
      if (head !== -1) c = head;
      const chunk = names.chunks[c]!;
      k = chunk.last;
      if (governed || chunk.possessive) continue;
      const person = names.personOfChunk[c];
      if (!person || person.role || (!person.human && person.gender === null)) return null;
      return gender && person.gender && person.gender !== gender ? null : person;
    }
    if (rules.phraseBreakers.has(lower) && !rules.conjunctions.has(lower) && !rules.pronouns.has(lower)) {
      governed = true;
      continue;
    }
    if (governed || rules.nounLinks.has(tokens[k - 1]?.lower ?? '')) continue;
    const pronoun = rules.pronouns.get(lower);
    if (pronoun !== undefined) {
      if (pronoun !== gender) return null;
      continue;
    }
    // « Le 4 septembre, … », "The 12th of May …": a date opening the sentence is an adverbial.
    if (rules.determiners.has(lower) && /^\d/u.test(tokens[k + 1]?.text ?? '')) {
      governed = true;
      continue;
    }
    if (rules.determiners.has(lower)) return namesPerson(reading, k) ? null : THING;
  }
  return undefined;
}

function asSpeaker(person: Person | null): Speaker | null {
  return person ? { name: person.name, person, gender: person.gender, human: true } : null;
}

function tokenIndexBefore(reading: Reading, offset: number): number {
  const { tokens } = reading.doc;
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
