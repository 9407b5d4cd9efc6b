/**
 * Turns a reference into a speaker: a name into the fullest name the article gives, a pronoun ("she",
 * "a-t-elle") into its most salient fitting antecedent (`antecedents.ts`), a definite job description ("the
 * president", "le haut-commissaire") into the person the article gave that job or else the person the sentences
 * before are about (their focus, `salience.ts`), a definite outlet noun (« le quotidien ») into the outlet last
 * cited, and any other description into its words.
 *
 * @example
 *   resolveSpeaker(reading, { kind: 'pronoun', gender: 'f', at: 812 }, history); // { name: 'Choe Son Hui', … }
 */
import type { Gender } from './lang/rules.ts';
import { chooseAntecedent } from './antecedents.ts';
import { resolveDescription } from './descriptions.ts';
import { jobInfo, singulars, type Person } from './names.ts';
import type { Reading, SpeakerRef } from './noun-phrases.ts';
import { focusBefore, isPerson, sentenceFocus, type Focus, type SubjectResolver } from './salience.ts';
import { tokenBefore } from './tokens.ts';

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
/** A description takes up the last person quoted this many paragraphs back at most. */
const DESCRIBED_SPEAKER_PARAGRAPHS = 2;
/** Pronouns of groups and things look back this many paragraphs at most. */
const PRONOUN_WINDOW = 3;

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
      const apposed = speaking ? apposedEarlier(reading, ref) : null;
      if (apposed) return { name: apposed.name, person: apposed, gender: apposed.gender, human: true };
      // « réagit l'intéressé », « explique le parti »: a description speaking takes up someone named before, unless
      // the article gave its job to someone (below).
      const holder = ref.definite && jobInfo(ref.head, rules) ? personWithJob(reading, ref.head, ref.at) : null;
      const described = speaking && !holder ? resolveDescription(reading, ref, history, subjectResolver(reading, history)) : null;
      if (described) return described;
      if (ref.definite && jobInfo(ref.head, rules)) {
        const person =
          personWithJob(reading, ref.head, ref.at) ??
          describedCentre(reading, ref.head, ref.gender, ref.at, history, namesOrganisation(reading, ref)) ??
          (speaking ? describedSpeaker(reading, ref.head, ref.gender, ref.at, history) : null);
        if (person) return { name: person.name, person, gender: person.gender, human: true };
      }
      // « le quotidien du soir », "the paper": a definite description of a publication is the outlet last cited.
      if (ref.definite && singulars(ref.head).some((form) => rules.outletNouns.has(form))) {
        const outlet = resolvePronoun(reading, 'n', ref.at, history);
        // « précise l'hebdomadaire » after « souligne la famille »: an outlet is a named source, never a group.
        if (outlet?.person) return outlet;
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
 * so a definite role no one was given takes up the person the sentences before are about (their focus, looking past
 * up to two sentences about a thing: « Karima Haddad fait les comptes. La facture a triplé. « … », confie la
 * commerçante »). An epithet takes up a person given other jobs too (« Le patron de Renault, Luca de Meo, … « … »,
 * assure le dirigeant italien »); a role that names its organisation only a person given no job (« le ministre X …
 * a déclaré le président du Sénat » is someone else). Within one sentence a second mention would be a pronoun, so a
 * role there is someone else (« X a obtenu un non-lieu, a expliqué le juge »).
 */
function describedCentre(reading: Reading, head: string, gender: Gender, at: number, history: readonly SpeechEvent[], specified: boolean): Person | null {
  const { doc } = reading;
  // « Jean Martin a été interpellé. « … », a indiqué le procureur »: an office brings in its holder, someone new.
  if (singulars(head).some((form) => doc.rules.officeNouns.has(form))) return null;
  const resolve = subjectResolver(reading, history);
  const index = tokenBefore(reading.doc.tokens, at);
  if (focusBefore(reading, index, resolve) !== undefined) return null;
  const sentence = doc.sentenceOf[index]!;
  const paragraph = doc.tokens[index]!.paragraph;
  for (let s = sentence - 1; s >= 0 && s >= sentence - CENTRE_SENTENCES; s--) {
    if (paragraph - doc.sentences[s]!.paragraph > 1) return null;
    const focus = sentenceFocus(reading, s, resolve, history);
    // A description of a person looks past sentences about things, organisations and groups.
    if (focus.kind !== 'person') continue;
    const person = focus.speaker.person;
    if (!person || person.role) return null;
    if (gender && person.gender && person.gender !== gender) return null;
    const job = jobInfo(head, doc.rules)?.job ?? head;
    if (specified && person.jobs.size > 0 && !person.jobs.has(job)) return null;
    person.jobs.add(job);
    return person;
  }
  return null;
}

/**
 * « « … », argumente-t-elle. Pour la syndicaliste, « … » »: a definite description no one was given, speaking where
 * no sentence before is about a person, is the last person quoted nearby — one of its gender, never for an office
 * (« le procureur » brings in someone new).
 */
function describedSpeaker(reading: Reading, head: string, gender: Gender, at: number, history: readonly SpeechEvent[]): Person | null {
  const { doc } = reading;
  if (gender === 'p' || singulars(head).some((form) => doc.rules.officeNouns.has(form))) return null;
  const paragraph = doc.tokens[tokenBefore(reading.doc.tokens, at)]!.paragraph;
  for (let k = history.length - 1; k >= 0; k--) {
    const event = history[k]!;
    if (event.offset >= at) continue;
    if (paragraph - event.paragraph > DESCRIBED_SPEAKER_PARAGRAPHS) return null;
    if (!event.quoted) continue;
    const person = event.speaker.person;
    if (!person || person.role || !isPerson(person) || !person.human) return null;
    if (gender && person.gender && person.gender !== gender) return null;
    return person;
  }
  return null;
}

/**
 * "He had gone with his son, Alex. … “…,” his son told reporters": a description the article already set in
 * apposition before a name, in the same words, is that name again. The nearest such apposition wins.
 */
function apposedEarlier(reading: Reading, ref: SpeakerRef & { kind: 'phrase' }): Person | null {
  const { doc, names } = reading;
  const { tokens } = doc;
  const size = ref.last - ref.first + 1;
  for (let c = names.chunks.length - 1; c >= 0; c--) {
    const chunk = names.chunks[c]!;
    if (tokens[chunk.first]!.start >= ref.at || tokens[chunk.first - 1]?.text !== ',' || chunk.first - 1 - size < 0) continue;
    const person = names.personOfChunk[c];
    if (!person || chunk.possessive) continue;
    let same = true;
    for (let k = 0; k < size && same; k++) same = tokens[chunk.first - 1 - size + k]!.lower === tokens[ref.first + k]!.lower;
    if (same) return person;
  }
  return null;
}

/** Whether a description names an organisation in its complement (« le président du Sénat », "the head of the FBI"). */
function namesOrganisation(reading: Reading, ref: SpeakerRef & { kind: 'phrase' }): boolean {
  for (let k = ref.first + 1; k <= ref.last; k++) if (reading.names.chunkOf[k] !== -1) return true;
  return false;
}

/** Resolves the subjects the focus of a sentence is made of, with the speakers reported so far. */
function subjectResolver(reading: Reading, history: readonly SpeechEvent[]): SubjectResolver {
  return (ref) => resolveSpeaker(reading, ref, history);
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
 * The antecedent of a subject pronoun: for "they" / « ils » the last group that spoke, for "it" the last
 * organisation or document that spoke, for "he", "she", « il », « elle » the most salient fitting person
 * (`antecedents.ts`).
 */
export function resolvePronoun(reading: Reading, gender: Gender, at: number, history: readonly SpeechEvent[]): Speaker | null {
  const { doc } = reading;
  const paragraph = doc.tokens[Math.max(0, tokenBefore(reading.doc.tokens, at))]?.paragraph ?? 0;
  const lastEvent = (test: (speaker: Speaker) => boolean): Speaker | null => {
    for (let k = history.length - 1; k >= 0; k--) {
      const event = history[k]!;
      if (event.offset >= at) continue;
      if (paragraph - event.paragraph > PRONOUN_WINDOW) return null;
      if (test(event.speaker)) return event.speaker;
    }
    return null;
  };
  if (gender === 'p') return pluralFocus(reading, at, history) ?? lastEvent((s) => s.gender === 'p');
  // "it said": an organisation or a document, never a person.
  if (gender === 'n') return lastEvent((s) => s.gender !== 'p' && !(s.person && (s.person.role || s.person.genderFrom === 'text' || s.person.genderFrom === 'first-name')));
  const found = chooseAntecedent(reading, gender, at, history, subjectResolver(reading, history));
  if (found?.person && gender && found.person.genderFrom !== 'text' && found.person.gender !== gender) {
    found.person.gender = gender;
    found.person.genderFrom = 'pronoun';
  }
  return found ? { ...found, gender: found.gender ?? gender } : null;
}

/**
 * « Les syndicats appellent à la grève. « … », ont-ils déclaré »: a plural pronoun takes up the group its own
 * sentence, or the sentence before in the same paragraph, is about.
 */
function pluralFocus(reading: Reading, at: number, history: readonly SpeechEvent[]): Speaker | null {
  const { doc } = reading;
  const resolve = subjectResolver(reading, history);
  const index = tokenBefore(reading.doc.tokens, at);
  const group = (focus: Focus | undefined): Speaker | null =>
    focus?.kind === 'entity' && focus.speaker.gender === 'p' && focus.speaker.human ? focus.speaker : null;
  const own = group(focusBefore(reading, index, resolve));
  if (own) return own;
  const sentence = doc.sentenceOf[index]!;
  const previous = doc.sentences[sentence - 1];
  if (!previous || previous.paragraph !== doc.tokens[index]!.paragraph) return null;
  return group(sentenceFocus(reading, sentence - 1, resolve, history));
}
