/**
 * The antecedent of a personal pronoun ("she said", « a-t-il ajouté »), chosen by salience rather than by the first
 * rule that fires. Every candidate earns a score from explicit features, and the best one wins:
 * - where it was seen: the subject of the pronoun's own sentence before it ("Isaac said he chose"), the focus of the
 *   sentences just before (nearer is better), the last speaker reported nearby, any person mentioned nearby;
 * - agreement: a gender or number that contradicts the pronoun excludes a candidate, an unknown gender costs a
 *   little, and something that is not a person (an organisation, a place) costs a lot;
 * - corroboration: a candidate found by several of these ways gains a little.
 * The search never crosses a heading, and reaches at most one paragraph back for a sentence's focus.
 *
 * @example
 *   chooseAntecedent(reading, 'f', offsetOfShe, history, resolve)?.name; // 'Ruth Mbeki'
 */
import type { Speaker, SpeechEvent } from './coreference.ts';
import type { Gender } from './lang/rules.ts';
import type { Person } from './names.ts';
import type { Reading } from './noun-phrases.ts';
import { focusBefore, sentenceFocus, type Focus, type SubjectResolver } from './salience.ts';

/** Scores of the ways a candidate can be salient. */
const OWN_SUBJECT = 6;
const PREVIOUS_FOCUS = 5;
/** What each sentence further back costs a focus. */
const PER_SENTENCE_BACK = 1;
const LAST_SPEAKER = 3;
const REPORTED_SPEAKER = 2.5;
const SAME_GENDER_MENTION = 2;
const HUMAN_MENTION = 1;
/** Adjustments. */
const UNKNOWN_GENDER = -0.5;
const NOT_A_PERSON = -2.5;
const CORROBORATION = 0.5;

/** Sentences searched back for a focus. */
const FOCUS_SENTENCES = 3;
/** The last speaker is a candidate this many paragraphs back. */
const SPEAKER_WINDOW = 2;
/** Persons mentioned this many paragraphs back are candidates. */
const MENTION_WINDOW = 3;

interface Candidate {
  speaker: Speaker;
  score: number;
  sources: number;
}

/**
 * The antecedent of a singular personal pronoun of grammatical gender `gender` ('m', 'f' or null) at offset
 * `at`, or null when nobody fits. `resolve` turns a subject reference into a speaker.
 */
export function chooseAntecedent(
  reading: Reading,
  gender: Gender,
  at: number,
  history: readonly SpeechEvent[],
  resolve: SubjectResolver,
): Speaker | null {
  const { doc, names } = reading;
  const index = tokenIndexBefore(reading, at);
  const sentence = doc.sentenceOf[index]!;
  const paragraph = doc.tokens[index]!.paragraph;
  const candidates = new Map<Person | string, Candidate>();
  const offer = (speaker: Speaker, base: number, human: boolean): void => {
    const known = speaker.person?.gender ?? speaker.gender;
    if (gender !== null && known !== null && known !== gender) return;
    if (known === 'p' || known === 'n') return;
    const score = base + (known === null ? UNKNOWN_GENDER : 0) + (human ? 0 : NOT_A_PERSON);
    const key = speaker.person ?? speaker.name;
    const found = candidates.get(key);
    if (!found) candidates.set(key, { speaker, score, sources: 1 });
    else {
      found.score = Math.max(found.score, score);
      found.sources++;
    }
  };
  const offerFocus = (focus: Focus | undefined, base: number): boolean => {
    if (focus?.kind === 'person') offer(focus.speaker, base, true);
    else if (focus?.kind === 'entity') offer(focus.speaker, base, false);
    else return false;
    return true;
  };

  offerFocus(focusBefore(reading, index, resolve), OWN_SUBJECT);
  for (let s = sentence - 1, back = 0; s >= 0 && back < FOCUS_SENTENCES; s--, back++) {
    const previous = doc.sentences[s]!;
    if (paragraph - previous.paragraph > 1 || doc.headings[previous.paragraph]) break;
    if (offerFocus(sentenceFocus(reading, s, resolve, history), PREVIOUS_FOCUS - back * PER_SENTENCE_BACK)) break;
  }
  for (let k = history.length - 1; k >= 0; k--) {
    const event = history[k]!;
    if (event.offset >= at) continue;
    if (paragraph - event.paragraph > SPEAKER_WINDOW) break;
    const { speaker } = event;
    const known = speaker.person?.gender ?? speaker.gender;
    if (!speaker.human || (gender !== null && known !== null && known !== gender)) continue;
    offer(speaker, event.quoted ? LAST_SPEAKER : REPORTED_SPEAKER, true);
    break;
  }
  let sameGender = gender === null;
  let unknown = false;
  for (let k = names.mentions.length - 1; k >= 0 && !(sameGender && unknown); k--) {
    const mention = names.mentions[k]!;
    if (mention.offset >= at) continue;
    if (paragraph - mention.paragraph > MENTION_WINDOW) break;
    const person = mention.person;
    const speaker = { name: person.name, person, gender: person.gender, human: true };
    if (!sameGender && person.gender === gender) {
      offer(speaker, SAME_GENDER_MENTION, true);
      sameGender = true;
    } else if (!unknown && person.gender === null && person.human) {
      offer(speaker, HUMAN_MENTION, true);
      unknown = true;
    }
  }

  let best: Candidate | null = null;
  for (const candidate of candidates.values()) {
    const total = candidate.score + (candidate.sources - 1) * CORROBORATION;
    if (!best || total > best.score + (best.sources - 1) * CORROBORATION) best = candidate;
  }
  return best?.speaker ?? null;
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
