/**
 * A definite description speaking (« réagit l'intéressé », « confie le champion », « explique le parti », "the
 * veteran pollster said", "the digital privacy advocacy group said", « dit celui qui … ») stands for someone the
 * article named before, as a pronoun does: news copy varies its references and introduces new people by name. Its
 * antecedent is the most salient earlier mention whose type fits the head noun — a person for a job or person noun, an
 * organisation for « parti », « association », "group" — and the description itself is the answer only when there is
 * none. Offices (« le procureur », "the spokesman") bring in their holder, someone new, and descriptions that name
 * their own complement (« le président du Sénat », « le parquet de Paris ») say who they are: both are left alone. A
 * speaker known only by a description with the same head noun ("a senior official … the official added") comes first.
 *
 * @example
 *   resolveDescription(reading, refOfLeChampion, history, resolve)?.name; // 'Tiger Woods'
 */
import type { Speaker, SpeechEvent } from './coreference.ts';
import type { Gender } from './lang/rules.ts';
import { jobInfo, singulars, type Person } from './names.ts';
import type { Reading, SpeakerRef } from './noun-phrases.ts';
import { focusBefore, isPerson, sentenceFocus, type Focus, type SubjectResolver } from './salience.ts';
import { tokenAt } from './tokens.ts';

/** A noun phrase reference. */
type Phrase = SpeakerRef & { kind: 'phrase' };

/** What a description stands for: a person, an organisation, or the person a matter concerns (« l'intéressé »). */
type DescribedKind = 'person' | 'organisation' | 'concerned';

/** Scores of the ways a candidate can be salient. */
const OWN_SUBJECT = 6;
/** The speaker reported in the description's sentence or the one before ("X says. “…,” the pollster said"). */
const NEAR_SPEAKER = 6;
const PREVIOUS_FOCUS = 5;
const PER_SENTENCE_BACK = 1;
/** The speaker reported further back in the paragraph or the one before. */
const FAR_SPEAKER = 4;
const RECENT_MENTION = 1.5;
/** An organisation whose name sits next to the description's head noun (« la LDH, association fondée en 1898 »). */
const HEAD_NEXT_TO_NAME = 3;
const CORROBORATION = 0.5;
/** A name that nothing marks as a thing, offered for an organisation. */
const UNSURE_ORGANISATION = -1;

/** Sentences searched back for a focus. */
const FOCUS_SENTENCES = 3;
/** Paragraphs searched back for a speaker or a mention. */
const SPEAKER_PARAGRAPHS = 1;
const MENTION_PARAGRAPHS = 2;
/** Tokens on either side of a name searched for the description's head noun. */
const HEAD_DISTANCE = 3;
const DEFINITE = new Set(['the', 'le', 'la', "l'", 'l’']);

interface Candidate {
  speaker: Speaker;
  score: number;
  sources: number;
}

/**
 * The person or organisation a definite description that is the subject of a speech verb stands for, or null when
 * it is not such a description or no earlier mention fits.
 */
export function resolveDescription(reading: Reading, ref: Phrase, history: readonly SpeechEvent[], resolve: SubjectResolver): Speaker | null {
  const kind = describedKind(reading, ref);
  if (!kind) return null;
  if (kind === 'concerned') return lastPersonNamed(reading, ref);
  const unnamed = unnamedSpeaker(reading, ref, history);
  if (unnamed) return unnamed;
  const gender = kind === 'person' ? personGender(reading, ref) : null;
  const fits = kind === 'person' ? (speaker: Speaker) => fitsPerson(speaker, gender) : isOrganisation;
  const { doc, names } = reading;
  const index = tokenIndexAt(reading, ref.at);
  const sentence = doc.sentenceOf[index]!;
  const paragraph = doc.tokens[index]!.paragraph;
  const candidates = new Map<Person | string, Candidate>();
  const offer = (speaker: Speaker, base: number): void => {
    if (!fits(speaker)) return;
    const score = base + (kind === 'organisation' ? organisationDoubt(speaker.person) : 0);
    const key = speaker.person ?? speaker.name;
    const found = candidates.get(key);
    if (!found) candidates.set(key, { speaker, score, sources: 1 });
    else {
      found.score = Math.max(found.score, score);
      found.sources++;
    }
  };
  const offerFocus = (focus: Focus | undefined, score: number): void => {
    if (focus?.kind === 'person' || focus?.kind === 'entity') offer(focus.speaker, score);
  };

  // Within one sentence a second mention of a person would be a pronoun: a person description there is someone else.
  if (kind === 'organisation') offerFocus(focusBefore(reading, index, resolve), OWN_SUBJECT);
  for (let s = sentence - 1, back = 0; s >= 0 && back < FOCUS_SENTENCES; s--, back++) {
    const previous = doc.sentences[s]!;
    if (paragraph - previous.paragraph > 1 || doc.headings[previous.paragraph]) break;
    offerFocus(sentenceFocus(reading, s, resolve, history), PREVIOUS_FOCUS - back * PER_SENTENCE_BACK);
  }
  for (let k = history.length - 1; k >= 0; k--) {
    const event = history[k]!;
    if (event.offset >= ref.at) continue;
    if (paragraph - event.paragraph > SPEAKER_PARAGRAPHS) break;
    if (!fits(event.speaker)) continue;
    const eventSentence = doc.sentenceOf[tokenIndexAt(reading, event.offset)]!;
    offer(event.speaker, sentence - eventSentence <= 1 ? NEAR_SPEAKER : FAR_SPEAKER);
    break;
  }
  const recent = doc.sentences[Math.max(0, sentence - 1)]!.start;
  for (let k = names.mentions.length - 1; k >= 0; k--) {
    const mention = names.mentions[k]!;
    if (mention.offset >= ref.at) continue;
    if (paragraph - mention.paragraph > MENTION_PARAGRAPHS) break;
    const speaker = speakerOf(mention.person);
    if (kind === 'organisation' && placeMention(reading, mention.offset)) continue;
    if (mention.offset >= recent) offer(speaker, RECENT_MENTION);
    if (kind === 'organisation' && headNextToName(reading, ref.head, mention.offset)) offer(speaker, HEAD_NEXT_TO_NAME);
  }

  let best: Candidate | null = null;
  const total = (candidate: Candidate): number => candidate.score + (candidate.sources - 1) * CORROBORATION;
  for (const candidate of candidates.values()) {
    if (!best || total(candidate) > total(best)) best = candidate;
  }
  const job = kind === 'person' ? jobInfo(ref.head, reading.doc.rules) : null;
  // The job is now known to be theirs: the same description further on is them again.
  if (job && best?.speaker.person) best.speaker.person.jobs.add(job.job);
  return best?.speaker ?? null;
}

/**
 * "A senior official said … “…,” the official added", « un proche … a ajouté le proche »: a speaker known only by a
 * description with the same head noun is who the definite description takes up, not anyone named; null if none.
 */
function unnamedSpeaker(reading: Reading, ref: Phrase, history: readonly SpeechEvent[]): Speaker | null {
  const forms = new Set(singulars(ref.head));
  const paragraph = reading.doc.tokens[tokenIndexAt(reading, ref.at)]!.paragraph;
  for (let k = history.length - 1; k >= 0; k--) {
    const event = history[k]!;
    if (event.offset >= ref.at) continue;
    if (paragraph - event.paragraph > MENTION_PARAGRAPHS) return null;
    if (event.speaker.person) continue;
    // Only the words before a complement: « un conseiller du président » is no president.
    const words = event.speaker.name.toLowerCase().split(/[\s'’]+/u);
    const complement = words.findIndex((word) => reading.doc.rules.phraseBreakers.has(word) || reading.doc.rules.nounLinks.has(word) || word === 'of');
    const head = complement === -1 ? words : words.slice(0, complement);
    if (head.some((word) => singulars(word).some((form) => forms.has(form)))) return event.speaker;
  }
  return null;
}

/** Whether a phrase is a definite description of a person or an organisation that may take up an earlier mention. */
function describedKind(reading: Reading, ref: Phrase): DescribedKind | null {
  const { tokens, rules } = reading.doc;
  const first = tokens[ref.first]!.lower;
  if (ref.gender === 'p') return null;
  // « celui qui avait interrompu sa campagne »: a demonstrative pronoun heading a relative clause.
  if (rules.demonstrativeHeads.has(first)) return tokens[ref.first + 1]?.lower && rules.relativeSubjects.has(tokens[ref.first + 1]!.lower) ? 'person' : null;
  if (!DEFINITE.has(first)) return null;
  // « le président du Sénat », « le parquet de Paris »: a complement says who the description is.
  for (let k = ref.first + 1; k <= ref.last; k++) {
    const lower = tokens[k]!.lower;
    if (reading.names.chunkOf[k] !== -1 || rules.nounLinks.has(lower) || lower === 'of') return null;
  }
  const forms = singulars(ref.head);
  if (forms.some((form) => rules.concernedNouns.has(form))) return 'concerned';
  if (forms.some((form) => rules.officeNouns.has(form))) return null;
  if (forms.some((form) => rules.organisationNouns.has(form))) return 'organisation';
  if (jobInfo(ref.head, rules) || forms.some((form) => rules.personNouns.has(form))) return 'person';
  return null;
}

/** The gender a person description marks: its determiner's, else its job noun's, else its demonstrative's. */
function personGender(reading: Reading, ref: Phrase): Gender {
  const { rules, tokens } = reading.doc;
  return ref.gender ?? jobInfo(ref.head, rules)?.gender ?? rules.demonstrativeHeads.get(tokens[ref.first]!.lower) ?? null;
}

function fitsPerson(speaker: Speaker, gender: Gender): boolean {
  const person = speaker.person;
  if (!person || person.role || !isPerson(person)) return false;
  const known = person.gender ?? speaker.gender;
  if (known === 'p' || known === 'n') return false;
  return !gender || !known || known === gender;
}

/**
 * A named organisation: a name with no sign of being a person's — no job, no title, no known first name (a gender
 * taken from a pronoun is no sign: « la LDH … elle rectifie »).
 */
function isOrganisation(speaker: Speaker): boolean {
  const person = speaker.person;
  if (!person || person.role || person.jobs.size > 0) return false;
  return person.genderFrom !== 'text' && person.genderFrom !== 'first-name';
}

/** What a name with no sign either way costs an organisation description: it may be a person's. */
function organisationDoubt(person: Person | null): number {
  return person && !person.thing ? UNSURE_ORGANISATION : 0;
}

function speakerOf(person: Person): Speaker {
  return { name: person.name, person, gender: person.gender, human: true };
}

/** « l'intéressé »: the person the matter concerns, the last one named before it. */
function lastPersonNamed(reading: Reading, ref: Phrase): Speaker | null {
  const { mentions } = reading.names;
  const gender = ref.gender ?? reading.doc.rules.concernedNouns.get(ref.head) ?? null;
  const paragraph = reading.doc.tokens[tokenIndexAt(reading, ref.at)]!.paragraph;
  for (let k = mentions.length - 1; k >= 0; k--) {
    const mention = mentions[k]!;
    if (mention.offset >= ref.at) continue;
    if (paragraph - mention.paragraph > MENTION_PARAGRAPHS) return null;
    const speaker = speakerOf(mention.person);
    if ((mention.person.human || mention.person.gender) && fitsPerson(speaker, gender)) return speaker;
  }
  return null;
}

/** « à Melle », "in Utah": a name a preposition of place governs is a place, not an organisation. */
function placeMention(reading: Reading, offset: number): boolean {
  const { tokens, rules } = reading.doc;
  let k = tokenIndexAt(reading, offset) - 1;
  if (rules.determiners.has(tokens[k]?.lower ?? '') && !rules.locativePrepositions.has(tokens[k]!.lower)) k--;
  return rules.locativePrepositions.has(tokens[k]?.lower ?? '');
}

/** Whether the description's head noun stands right before or after the name mentioned at `offset`. */
function headNextToName(reading: Reading, head: string, offset: number): boolean {
  const { doc, names } = reading;
  const forms = new Set(singulars(head));
  const start = tokenIndexAt(reading, offset);
  const chunk = names.chunkOf[start] ?? -1;
  const end = chunk === -1 ? start : names.chunks[chunk]!.last;
  for (let k = Math.max(0, start - HEAD_DISTANCE); k <= end + HEAD_DISTANCE && k < doc.tokens.length; k++) {
    if (k >= start && k <= end) continue;
    if (doc.quoteOf[k] === -1 && singulars(doc.tokens[k]!.lower).some((form) => forms.has(form))) return true;
  }
  return false;
}

function tokenIndexAt(reading: Reading, offset: number): number {
  return Math.max(0, Math.min(reading.doc.tokens.length - 1, tokenAt(reading.doc.tokens, offset)));
}
