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
import { focusBefore, isPerson, sentenceFocus, type Focus, type SubjectResolver } from './salience.ts';
import { tokenBefore } from './tokens.ts';

/** Scores of the ways a candidate can be salient. */
const OWN_SUBJECT = 6;
const PREVIOUS_FOCUS = 5;
/** What each sentence further back costs a focus. */
const PER_SENTENCE_BACK = 1;
const LAST_SPEAKER = 3;
const REPORTED_SPEAKER = 2.5;
/** A person named in the pronoun's sentence or the one before, in any role. */
const RECENT_MENTION = 1.5;
const SAME_GENDER_MENTION = 2;
const HUMAN_MENTION = 1;
/** Adjustments. */
const UNKNOWN_GENDER = -0.5;
const NOT_A_PERSON = -2.5;
/** The pronoun contradicts a gender guessed from a first name. */
const GUESSED_GENDER_DISAGREES = -4;
/** A name with no sign either way (no known first name, title or job). */
const MAYBE_A_PERSON = -1;
const CORROBORATION = 0.5;
/** "…, he added", « a-t-il poursuivi »: a verb of continuation says the last speaker goes on. */
const CONTINUATION = 2;

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
  const index = tokenBefore(reading.doc.tokens, at);
  const sentence = doc.sentenceOf[index]!;
  const paragraph = doc.tokens[index]!.paragraph;
  const candidates = new Map<Person | string, Candidate>();
  const offer = (speaker: Speaker, base: number, human: boolean): boolean => {
    const known = speaker.person?.gender ?? speaker.gender;
    if (known === 'p' || known === 'n') return false;
    // A gender guessed from a first name alone gives way to the pronoun, at a cost ("Joan" is a man in Catalan).
    const guessed = speaker.person !== null && speaker.person.genderFrom !== 'text';
    const disagrees = gender !== null && known !== null && known !== gender;
    if (disagrees && !guessed) return false;
    const unsure = speaker.person !== null && !speaker.person.human && !speaker.person.role && known === null;
    const score =
      base + (known === null ? UNKNOWN_GENDER : 0) + (disagrees ? GUESSED_GENDER_DISAGREES : 0) + (human ? 0 : NOT_A_PERSON) + (unsure ? MAYBE_A_PERSON : 0);
    const key = speaker.person ?? speaker.name;
    const found = candidates.get(key);
    if (!found) candidates.set(key, { speaker, score, sources: 1 });
    else {
      found.score = Math.max(found.score, score);
      found.sources++;
    }
    return true;
  };
  // A focus that does not agree with the pronoun leaves the search to the sentences before it.
  const offerFocus = (focus: Focus | undefined, base: number): boolean => {
    if (focus?.kind === 'person') return offer(focus.speaker, base, true);
    if (focus?.kind === 'entity') return offer(focus.speaker, base, false);
    return false;
  };

  offerFocus(focusBefore(reading, index, resolve), OWN_SUBJECT);
  for (let s = sentence - 1, back = 0; s >= 0 && back < FOCUS_SENTENCES; s--, back++) {
    const previous = doc.sentences[s]!;
    if (paragraph - previous.paragraph > 1 || doc.headings[previous.paragraph]) break;
    const focus = sentenceFocus(reading, s, resolve, history);
    // "Ana Silva moved to Lisbon. Her landlord raised the rent. “…,” she said": a description owned by someone (her
    // landlord) that may not be a person does not hide the person before it, its owner.
    if (offerFocus(focus, PREVIOUS_FOCUS - back * PER_SENTENCE_BACK) && !(focus.kind === 'entity' && ownedDescription(focus.speaker))) break;
  }
  const continuing = continues(reading, index);
  // The last speaker quoted and the last one reported, if another.
  let quoted = false;
  let reported = false;
  for (let k = history.length - 1; k >= 0 && !quoted; k--) {
    const event = history[k]!;
    if (event.offset >= at) continue;
    if (paragraph - event.paragraph > SPEAKER_WINDOW) break;
    const { speaker } = event;
    if (!speaker.human || (event.quoted ? quoted : reported)) continue;
    const score = event.quoted ? LAST_SPEAKER + (continuing ? CONTINUATION : 0) : REPORTED_SPEAKER;
    if (!offer(speaker, score, speaker.person === null || isPerson(speaker.person))) continue;
    if (event.quoted) quoted = true;
    else reported = true;
  }
  let sameGender = gender === null;
  let unknown = false;
  const recent = doc.sentences[Math.max(0, sentence - 1)]!.start;
  for (let k = names.mentions.length - 1; k >= 0; k--) {
    const mention = names.mentions[k]!;
    if (mention.offset >= at) continue;
    const person = mention.person;
    const speaker = { name: person.name, person, gender: person.gender, human: true };
    const isRecent = mention.offset >= recent;
    if (isRecent && (person.human || person.gender !== null)) offer(speaker, RECENT_MENTION, true);
    else if (paragraph - mention.paragraph > MENTION_WINDOW || (sameGender && unknown)) break;
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

/** Possessive determiners of English and French: a description they open is someone's (« son avocat », "her landlord"). */
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'son', 'sa', 'ses', 'leur', 'leurs']);

function ownedDescription(speaker: Speaker): boolean {
  return speaker.person === null && POSSESSIVES.has(speaker.name.split(/\s/u)[0]?.toLowerCase() ?? '');
}

/** Whether the pronoun at token `k` is the subject of a verb of continuation (« ajoute-t-il », "he added"). */
function continues(reading: Reading, k: number): boolean {
  const { tokens, rules } = reading.doc;
  const inverted = rules.invertedPronoun?.exec(tokens[k]!.lower);
  if (inverted) {
    const verb = tokens[k]!.lower.slice(0, inverted.index);
    return rules.continuationVerbs.has(verb) || rules.continuationVerbs.has(tokens[k + 1]?.lower ?? '');
  }
  return [1, 2].some((step) => rules.continuationVerbs.has(tokens[k + step]?.lower ?? ''));
}
