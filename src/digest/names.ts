/**
 * Proper names in an article and the people behind them: capitalised word runs with their titles stripped
 * ("le ministre russe des Affaires étrangères Sergueï Lavrov" → "Sergueï Lavrov"), grammatical gender from
 * titles, job nouns, determiners and first names, and surnames linked to the fullest name given
 * ("Lavrov", "M. Lavrov" → "Sergueï Lavrov").
 *
 * @example
 *   const names = findNames(doc);
 *   names.persons.find((p) => p.name === 'Choe Son Hui')?.gender; // 'f' ("la ministre nord-coréenne …")
 */
import type { ParsedDocument } from './document.ts';
import type { Gender, LanguageRules } from './lang/rules.ts';
import { tokenAt, type Token } from './tokens.ts';

/** A run of capitalised words read as one name. */
export interface NameChunk {
  /** First and last token of the run, titles included. */
  first: number;
  last: number;
  /** The name as written, titles and possessive "'s" removed. */
  text: string;
  /** Lower-case, accent-free name words without particles and initials, for matching. */
  key: string[];
  /** Gender marked by a title inside the run ("Mme", "Mr"). */
  gender: Gender;
  /** A title or job noun was part of the run ("President", "Oceanographer"). */
  titled: boolean;
  /** The jobs its titles name ("Gov." → governor, « le juge » → juge), which a later « le juge » takes up. */
  jobs: string[];
  /** Ends with a possessive "'s": a determiner of the next noun, never a subject. */
  possessive: boolean;
  inQuote: boolean;
}

/** Someone (or something named) the article mentions, under the fullest name it gives. */
export interface Person {
  id: number;
  name: string;
  key: string[];
  gender: Gender;
  /** Job nouns the article attaches to the name ("ministre", "spokesman"). */
  jobs: Set<string>;
  /** Evidence that this is a person: a title, a job description, a known first name, or speech. */
  human: boolean;
  /** Named by a role only ("le Premier ministre", "the president"), never by a proper name. */
  role: boolean;
  /**
   * Evidence that the name is not a person's: an acronym ("CGT"), a determiner before it ("la Corée", "the
   * Pentagon"), or a preposition of place ("en France", "at Chatham House").
   */
  thing: boolean;
  /**
   * Where the gender comes from: the text ('text': a title, a determiner, a job noun, a set-off pronoun), a first name
   * alone ('first-name'), or a pronoun resolved to the person ('pronoun', which things have too in French).
   */
  genderFrom: GenderSource;
}

/** The evidence behind a person's gender, strongest first. */
export type GenderSource = 'text' | 'first-name' | 'pronoun' | null;

/** One occurrence of a person's name outside quotations. */
export interface Mention {
  person: Person;
  offset: number;
  paragraph: number;
}

/** The names of an article. */
export interface ArticleNames {
  chunks: NameChunk[];
  /** For each token, the index in `chunks` of the name run it belongs to, or -1. */
  chunkOf: Int32Array;
  persons: Person[];
  /** Mentions in text order. */
  mentions: Mention[];
  /** The person each chunk (by index) refers to, or null for chunks inside quotations. */
  personOfChunk: (Person | null)[];
}

/** Particles that belong to a name whatever surrounds them ("van Sebille", "bin Laden"). */
const STRONG_PARTICLES = new Set(['van', 'von', 'der', 'den', 'da', 'di', 'del', 'della', 'dos', 'das', 'bin', 'ibn', 'al', 'el', 'ter', 'ten']);
const POSSESSIVE = /['’]s$/u;
/** A lower-case particle hyphenated to a capitalised name word ("al-Sisi", "el-Sissi", "ben-Gvir"). */
const PARTICLE_JOINED = /^(?:al|el|ben|bin|ibn|abu|ould|ag)-\p{Lu}/u;
const ACRONYM = /^\p{Lu}{2,}$/u;
/** "J", "S.B": initials before a name. */
const INITIALS = /^\p{Lu}(?:\.\p{Lu})*$/u;
const COMBINING = /\p{M}/gu;
/** Added to the offset a name was last seen at, so that a surname's own full name always wins. */
const SURNAME_PREFERENCE = Number.MAX_SAFE_INTEGER / 2;

/**
 * Finds the name runs of the article and links them into persons. Names inside quotations are someone's
 * words, not mentions, except inside `plain` stretches (attributions written within the marks).
 */
export function findNames(doc: ParsedDocument, plain: readonly { start: number; end: number }[] = []): ArticleNames {
  const { tokens } = doc;
  const lowercaseWords = new Set<string>();
  const capitalisedInside = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!token.word) continue;
    if (!token.capitalized) lowercaseWords.add(token.lower);
    else if (!isSentenceInitial(doc, i)) capitalisedInside.add(token.lower);
  }
  const chunks: NameChunk[] = [];
  const chunkOf = new Int32Array(tokens.length).fill(-1);
  for (let i = 0; i < tokens.length; i++) {
    const handle = handleChunk(doc, i);
    if (handle) {
      for (let k = handle.first; k <= handle.last; k++) chunkOf[k] = chunks.length;
      chunks.push(handle);
      i = handle.last;
      continue;
    }
    if (!isNameWord(doc, i, lowercaseWords, capitalisedInside) && !startsWithParticle(doc, i, lowercaseWords, capitalisedInside)) {
      continue;
    }
    let last = extendChunk(doc, i);
    // « la ministre des Sports Laura Flessel »: the domain of a job and the name of its holder are two runs.
    if (isJobDomain(doc, i, last) || isPartyLabel(doc, i, last)) last = i;
    else last = labelBeforeHolder(doc, i, last);
    last = outletBeforeSpeaker(doc, i, last);
    const chunk = makeChunk(doc, i, last);
    if (chunk && chunk.inQuote) {
      const at = tokens[i]!.start;
      chunk.inQuote = !plain.some((range) => range.start <= at && at < range.end);
    }
    if (chunk) {
      for (let k = i; k <= last; k++) chunkOf[k] = chunks.length;
      chunks.push(chunk);
    }
    i = last;
  }
  addShortMentions(doc, chunks, chunkOf, lowercaseWords);
  return linkPersons(doc, chunks, chunkOf);
}

/** Pieces a handle is written with besides letters and digits ("@benoit_ric", "@un.livre.par.jour"). */
const HANDLE_JOINERS = new Set(['_', '.']);

/**
 * « …, analyse @lecteur_du_soir. »: a lower-case social-media handle is a name as written, "@" included (a handle
 * opening on a capital is read as a name word already). The "@" must not follow a word ("contact@site.fr").
 */
function handleChunk(doc: ParsedDocument, i: number): NameChunk | null {
  const { tokens, text } = doc;
  const at = tokens[i]!;
  const first = tokens[i + 1];
  if (at.text !== '@' || !first?.word || first.capitalized || first.start !== at.end || /[\p{L}\p{N}]/u.test(text[at.start - 1] ?? '')) return null;
  let last = i + 1;
  while (tokens[last + 1] && tokens[last + 1]!.start === tokens[last]!.end && (tokens[last + 1]!.word || (HANDLE_JOINERS.has(tokens[last + 1]!.text) && tokens[last + 2]?.word === true && tokens[last + 2]!.start === tokens[last + 1]!.end))) last++;
  const key: string[] = [];
  for (let k = i + 1; k <= last; k++) if (tokens[k]!.word) key.push(normaliseName(tokens[k]!.text));
  return { first: i + 1, last, text: text.slice(at.start, tokens[last]!.end), key, gender: null, titled: false, jobs: [], possessive: false, inQuote: doc.quoteOf[i] !== -1 };
}

/**
 * "Kim Jong Un oversaw the launch. Kim said …": a capitalised word opening a sentence, before a lower-case word, is a
 * name when it is the first or last word of a full name the article gives elsewhere (not one of a place or a thing).
 */
function addShortMentions(doc: ParsedDocument, chunks: NameChunk[], chunkOf: Int32Array, lowercaseWords: ReadonlySet<string>): void {
  const { tokens } = doc;
  const ends = new Set<string>();
  for (const chunk of chunks) {
    if (chunk.inQuote || chunk.key.length < 2 || namedAsThing(doc, chunk)) continue;
    ends.add(chunk.key[0]!);
    ends.add(chunk.key.at(-1)!);
  }
  let added = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (chunkOf[i] !== -1 || !token.capitalized || !isSentenceInitial(doc, i) || lowercaseWords.has(token.lower) || isFunctionWord(token.lower, doc.rules)) continue;
    const next = tokens[i + 1];
    if (!next?.word || next.capitalized || !ends.has(normaliseName(token.text))) continue;
    const chunk = makeChunk(doc, i, i);
    if (!chunk) continue;
    chunks.push(chunk);
    added = true;
  }
  if (!added) return;
  chunks.sort((a, b) => a.first - b.first);
  chunkOf.fill(-1);
  chunks.forEach((chunk, index) => {
    for (let k = chunk.first; k <= chunk.last; k++) chunkOf[k] = index;
  });
}

/**
 * « le député LFI François Ruffin », "Democratic Sen. …": an acronym opening a run of three words or more, after a
 * job noun or before a first name, is the label of a party or an organisation, not part of the holder's name.
 */
function isPartyLabel(doc: ParsedDocument, first: number, last: number): boolean {
  const { tokens, rules } = doc;
  if (last - first < 2 || !ACRONYM.test(tokens[first]!.text)) return false;
  const before = tokens[first - 1];
  const job = before !== undefined && before.word && !before.capitalized && jobInfo(before.lower, rules) !== null;
  return job || firstNameGender(rules, tokens[first + 1]!.lower) !== undefined;
}

/**
 * « le sénateur Les Républicains François Bonhomme », « le député Renaissance Sacha Houlié »: after a job noun, a run
 * whose holder's name starts later, at a known first name, opens with the label of a party or an organisation.
 * Returns the last token of the label, or `last` when the run is one name.
 */
function labelBeforeHolder(doc: ParsedDocument, first: number, last: number): number {
  const { tokens, rules } = doc;
  // The label may keep its article (« Les Républicains »).
  const before = tokens[rules.determiners.has(tokens[first - 1]?.lower ?? '') ? first - 2 : first - 1];
  if (last - first < 2 || !before?.word || before.capitalized || jobInfo(before.lower, rules) === null) return last;
  if (firstNameGender(rules, tokens[first]!.lower) !== undefined || rules.titles.has(tokens[first]!.lower)) return last;
  for (let j = first + 1; j < last; j++) {
    const previous = tokens[j - 1]!.lower;
    if (firstNameGender(rules, tokens[j]!.lower) === undefined || firstNameGender(rules, previous) !== undefined || rules.titles.has(previous)) continue;
    return j - 1;
  }
  return last;
}

/**
 * Whether the capitalised run `first`..`last` opens with the domain of a job noun it follows through "de"/"of"
 * (« ministre des Sports Laura Flessel », « ministre de l'Economie Bruno Le Maire »): a single domain word, then a
 * name of two words or more.
 */
function isJobDomain(doc: ParsedDocument, first: number, last: number): boolean {
  const { tokens, rules } = doc;
  if (last - first < 2) return false;
  let k = first - 1;
  if (!isNounLink(rules, tokens[k]?.lower ?? '') && rules.determiners.has(tokens[k]?.lower ?? '')) k--;
  if (!isNounLink(rules, tokens[k]?.lower ?? '')) return false;
  const job = tokens[k - 1];
  return job !== undefined && job.word && !job.capitalized && jobInfo(job.lower, rules) !== null;
}

/**
 * « a confié à France Info Claire Dumas », "told Sky News Anna Roe": after a speech verb and the preposition of the
 * person or outlet spoken to, a run of capitals holds the outlet and then the speaker, who starts at a first name.
 * Returns the last token of the outlet's run (or `last` when the run is one name).
 */
function outletBeforeSpeaker(doc: ParsedDocument, first: number, last: number): number {
  const { tokens, rules } = doc;
  if (last - first < 2) return last;
  let k = first - 1;
  if (!OUTLET_PREPOSITIONS.has(tokens[k]?.lower ?? '')) return last;
  k--;
  while (k >= 0 && rules.verbGlue.has(tokens[k]!.lower)) k--;
  if (k < 0 || !rules.speechVerbs.has(tokens[k]!.lower)) return last;
  for (let j = first + 1; j < last; j++) {
    const lower = tokens[j]!.lower;
    if (rules.firstNames.has(lower) && !rules.firstNames.has(tokens[j - 1]!.lower) && !rules.titles.has(tokens[j - 1]!.lower)) return j - 1;
    // « a résumé à Paperjam.lu Claude Wiseler »: a web address names the outlet, whatever the first name after it.
    if (WEB_ADDRESS.test(tokens[j - 1]!.text)) return j - 1;
  }
  return last;
}

/** "Paperjam.lu", "Politico.eu": a name ending in a top-level domain is a website's. */
const WEB_ADDRESS = /^\p{Lu}[\p{L}\d-]*\.\p{Ll}{2,3}$/u;

/** Prepositions of the person or outlet spoken to, right after a speech verb. */
const OUTLET_PREPOSITIONS = new Set(['à', 'au', 'sur', 'to', 'on']);

function isNounLink(rules: LanguageRules, lower: string): boolean {
  return rules.nounLinks.has(lower) || lower === 'of';
}

/** Whether token `i` is the first word of its sentence. */
export function isSentenceInitial(doc: ParsedDocument, i: number): boolean {
  const sentence = doc.sentenceOf[i]!;
  for (let k = i - 1; k >= 0; k--) {
    if (doc.sentenceOf[k] !== sentence) return true;
    if (doc.tokens[k]!.word) return false;
  }
  return true;
}

function isNameWord(doc: ParsedDocument, i: number, lowercaseWords: Set<string>, capitalisedInside: Set<string>): boolean {
  const token = doc.tokens[i]!;
  if (!token.capitalized || doc.headings[token.paragraph]) return false;
  const { rules } = doc;
  const lower = token.lower.replace(POSSESSIVE, '');
  if (isFunctionWord(lower, rules)) return false;
  if (isShouted(doc, token)) return false;
  if (rules.code === 'en' && rules.numbers.months.has(lower)) return false;
  if (!isSentenceInitial(doc, i)) return true;
  // A capitalised first word is a name only when the article treats it as one elsewhere.
  if (lowercaseWords.has(lower)) return false;
  if (capitalisedInside.has(lower) || rules.firstNames.has(lower) || rules.titles.has(lower)) return true;
  const next = doc.tokens[i + 1];
  // "Smith, who has led the company since 2015, …": a relative pronoun for people makes it a name.
  if (next?.text === ',' && rules.personRelatives.has(doc.tokens[i + 2]?.lower ?? '')) return true;
  // « Olena, 34 ans, … », "Maria, a nurse, …": an age or a job set off after the word describes a person.
  if (next?.text === ',' && describedAfterComma(doc, i + 2)) return true;
  // "Zelensky said …", « Macron a déclaré … »: an unknown word opening a sentence right before a speech verb is its subject.
  if (speaksNext(doc, i)) return true;
  return next !== undefined && adjacent(token, next) && next.capitalized && !isFunctionWord(next.lower, rules);
}

/** Whether an age (« 34 ans », "34") or a job, with or without its article, starts at token `k`. */
function describedAfterComma(doc: ParsedDocument, k: number): boolean {
  const { tokens, rules } = doc;
  const first = tokens[k];
  if (!first) return false;
  if (/^\d{1,3}$/u.test(first.text)) return tokens[k + 1]?.text === ',' || rules.numbers.timeUnits.has(tokens[k + 1]?.lower ?? '');
  const job = rules.determiners.has(first.lower) ? tokens[k + 1] : first;
  return job !== undefined && job.word && !job.capitalized && jobInfo(job.lower, rules) !== null;
}

/** Whether a speech verb in the past or present follows token `i`, after at most one auxiliary. */
function speaksNext(doc: ParsedDocument, i: number): boolean {
  const { tokens, rules } = doc;
  let k = i + 1;
  if (rules.auxiliaries.has(tokens[k]?.lower ?? '')) k++;
  const verb = tokens[k];
  if (verb === undefined || !verb.word || verb.capitalized || !rules.speechVerbs.has(verb.lower) || rules.speechVerbBases.has(verb.lower)) return false;
  // "Witnesses said", "Critics say": a noun for people or documents is no name.
  const lower = tokens[i]!.lower;
  return !rules.stopwords.has(lower) && jobInfo(lower, rules) === null && !singulars(lower).some((form) => rules.humanNouns.has(form) || rules.documentNouns.has(form));
}

/** "Stephenson DENIES that": a common word in capitals is shouting, not a name. */
function isShouted(doc: ParsedDocument, token: Token): boolean {
  const { rules } = doc;
  return ACRONYM.test(token.text) && token.text.length > 3 && (rules.speechVerbs.has(token.lower) || rules.stopwords.has(token.lower));
}

function startsWithParticle(doc: ParsedDocument, i: number, lowercaseWords: Set<string>, capitalisedInside: Set<string>): boolean {
  const token = doc.tokens[i]!;
  const next = doc.tokens[i + 1];
  return (
    STRONG_PARTICLES.has(token.text) &&
    next !== undefined &&
    adjacent(token, next) &&
    isNameWord(doc, i + 1, lowercaseWords, capitalisedInside)
  );
}

function isFunctionWord(lower: string, rules: LanguageRules): boolean {
  return (
    rules.stopwords.has(lower) ||
    rules.sentenceStarters.has(lower) ||
    rules.determiners.has(lower) ||
    rules.adverbs.has(lower) ||
    rules.pronouns.has(lower) ||
    rules.phraseBreakers.has(lower) ||
    rules.numbers.words.has(lower) ||
    rules.speechVerbs.has(lower)
  );
}

function adjacent(a: Token, b: Token): boolean {
  return b.start - a.end <= 1 && a.paragraph === b.paragraph;
}

function extendChunk(doc: ParsedDocument, first: number): number {
  const { tokens } = doc;
  let last = first;
  for (;;) {
    const current = tokens[last]!;
    if (POSSESSIVE.test(current.text)) return last;
    // "à l'AFP Jean-Marc Durand", "de l'ONU António Guterres": an acronym after its article ends the run.
    if (last === first && ACRONYM.test(current.text) && doc.rules.determiners.has(tokens[first - 1]?.lower ?? '')) return last;
    const next = tokens[last + 1];
    if (!next || !adjacent(current, next)) return last;
    // Inside a run, capitalised function words belong to the name ("Choe Son Hui", "Kim Jong Un").
    if (next.word && next.capitalized && !doc.headings[next.paragraph] && !isSentenceInitial(doc, last + 1) && !isShouted(doc, next)) {
      // "said Gov. Spencer Cox Thursday": a time word after a full name is the clause's adverb, not a name word.
      if (last > first && doc.rules.adverbs.has(next.lower)) return last;
      last++;
      continue;
    }
    // "Nasser al-Khelaïfi", "Abdel Fattah al-Sisi": a particle joined to a capitalised name by a hyphen.
    if (next.word && PARTICLE_JOINED.test(next.text)) {
      last++;
      continue;
    }
    // Initials and abbreviated titles: "Donald J. Trump", "M. Véran", "Mr. Reeves".
    const afterDot = tokens[last + 2];
    if (
      next.text === '.' &&
      afterDot?.capitalized &&
      adjacent(next, afterDot) &&
      (INITIALS.test(current.text) || doc.rules.titles.has(current.lower))
    ) {
      last += 2;
      continue;
    }
    const afterParticle = tokens[last + 2];
    if (next.word && !next.capitalized && afterParticle && adjacent(next, afterParticle) && afterParticle.capitalized) {
      if (STRONG_PARTICLES.has(next.lower)) {
        last += 2;
        continue;
      }
      // "Corée du Nord", "Bank of England", "Charles de Gaulle": a weak particle joins two single words only.
      const afterName = tokens[last + 3];
      const joinsSingles =
        (doc.rules.nounLinks.has(next.lower) || next.lower === 'of') &&
        last === first &&
        !(afterName && adjacent(afterParticle, afterName) && afterName.capitalized);
      if (joinsSingles) {
        last += 2;
        continue;
      }
    }
    return last;
  }
}

/** Kinship nouns, which also occur capitalised inside names (the Korean "Son" of "Choe Son Hui"). */
const KINSHIP = new Set(['son', 'sons', 'daughter', 'father', 'mother', 'brother', 'sister', 'uncle', 'aunt', 'fils', 'fille', 'père', 'mère', 'frère', 'sœur', 'oncle', 'tante']);

function makeChunk(doc: ParsedDocument, first: number, last: number): NameChunk | null {
  const { tokens, rules, text } = doc;
  let nameFirst = first;
  let gender: Gender = null;
  let titled = false;
  const jobs: string[] = [];
  for (let k = first; k <= last; k++) {
    const lower = tokens[k]!.lower;
    if (lower === '.') continue;
    // "Bruno Le Maire", "John Bishop": a title word closing a run after a name is a surname.
    if (k === last && k > nameFirst) break;
    const title = rules.titles.get(lower);
    // "Choe Son Hui": a kinship word after a name word is part of the name, not a title before the name.
    const job = title === undefined && !(k > nameFirst && KINSHIP.has(lower)) ? jobInfo(lower, rules) : null;
    if (title !== undefined || job) {
      titled = true;
      gender = title ?? job?.gender ?? gender;
      const held = job?.job ?? rules.titleJobs.get(lower) ?? jobInfo(lower, rules)?.job;
      if (held) jobs.push(held);
      nameFirst = k + 1;
      if (tokens[nameFirst]?.text === '.') nameFirst++;
    }
  }
  if (nameFirst > last) return null;
  const lastToken = tokens[last]!;
  const possessive = POSSESSIVE.test(lastToken.text);
  const end = possessive ? lastToken.end - 2 : lastToken.end;
  const nameText = text.slice(tokens[nameFirst]!.start, end);
  const key: string[] = [];
  for (let k = nameFirst; k <= last; k++) {
    const token = tokens[k]!;
    if (!token.word || INITIALS.test(token.text) || rules.nameParticles.has(token.lower)) continue;
    key.push(normaliseName(token.text));
  }
  if (key.length === 0) return null;
  return { first, last, text: nameText, key, gender, titled, jobs, possessive, inQuote: doc.quoteOf[first] !== -1 };
}

/** Lower-case, accent-free form of a name word, possessive removed. */
export function normaliseName(word: string): string {
  return word.replace(POSSESSIVE, '').normalize('NFD').replace(COMBINING, '').toLowerCase();
}

/** Whether a lower-case word is a job or role noun, and the gender it marks. Plurals are recognised. */
export function jobInfo(lower: string, rules: LanguageRules): { job: string; gender: Gender } | null {
  for (const form of singulars(lower)) {
    const gender = rules.jobNouns.get(form);
    if (gender !== undefined) return { job: form, gender };
  }
  if (rules.code === 'en') {
    if (/(?:woman|women)$/.test(lower)) return { job: lower, gender: 'f' };
    // "the 52-year-old said": an age stands for the person.
    if (/^\d{1,3}-year-olds?$/.test(lower)) return { job: 'year-old', gender: null };
    if (/(?:ist|ists|ologist|grapher|graphers|ician|icians|person)$/.test(lower) && lower.length > 5) return { job: lower, gender: null };
  }
  if (rules.code === 'fr') {
    if (/(?:iste|istes|logue|logues|pathe|pathes|iatre|iatres|graphe|graphes|naute|nautes)$/.test(lower) && lower.length > 5) return { job: lower, gender: null };
    if (/(?:icienne|iciennes|trice|trices)$/.test(lower)) return { job: lower, gender: 'f' };
    if (/(?:icien|iciens)$/.test(lower)) return { job: lower, gender: 'm' };
  }
  return null;
}

/** The word and its plausible singular forms ("ministres" → "ministre", "experts" → "expert"). */
export function singulars(lower: string): string[] {
  const forms = [lower];
  if (lower.endsWith('ies')) forms.push(`${lower.slice(0, -3)}y`);
  if (lower.endsWith('es')) forms.push(lower.slice(0, -2));
  if (lower.endsWith('s') || lower.endsWith('x')) forms.push(lower.slice(0, -1));
  if (lower.endsWith('men')) forms.push(`${lower.slice(0, -3)}man`);
  return forms;
}

function linkPersons(doc: ParsedDocument, chunks: NameChunk[], chunkOf: Int32Array): ArticleNames {
  const persons: Person[] = [];
  const mentions: Mention[] = [];
  const personOfChunk: (Person | null)[] = [];
  const lastSeen = new Map<Person, number>();
  for (const chunk of chunks) {
    if (chunk.inQuote) {
      personOfChunk.push(null);
      continue;
    }
    const context = describe(doc, chunk, chunkOf);
    // A masculine job noun is also the epicene default ("professeur", "médecin"): a first name outweighs it.
    const sureGender = chunk.gender ?? context.gender;
    const gender = sureGender ?? firstNameGender(doc.rules, chunk.key[0] ?? '') ?? context.weakGender;
    let person = handleOwner(doc, chunk, persons) ?? findContaining(persons, chunk.key, gender, lastSeen);
    if (!person) {
      person = findContained(persons, chunk.key, lastSeen);
      if (person) {
        person.name = chunk.text;
        person.key = chunk.key;
      }
    }
    if (!person) {
      person = { id: persons.length, name: chunk.text, key: chunk.key, gender: null, jobs: new Set(), human: false, role: false, thing: false, genderFrom: null };
      persons.push(person);
    }
    if (person.gender === null || (person.genderFrom !== 'text' && sureGender !== null)) {
      person.gender = gender;
      person.genderFrom = sureGender !== null ? 'text' : gender !== null ? 'first-name' : null;
    }
    for (const job of [...context.jobs, ...chunk.jobs]) person.jobs.add(job);
    if (chunk.titled || context.jobs.length > 0 || context.human || gender !== null || initialled(doc, chunk)) person.human = true;
    if (!chunk.titled && namedAsThing(doc, chunk)) person.thing = true;
    const offset = doc.tokens[chunk.first]!.start;
    lastSeen.set(person, offset);
    mentions.push({ person, offset, paragraph: doc.tokens[chunk.first]!.paragraph });
    personOfChunk.push(person);
  }
  const named = mentions.slice();
  for (const role of findRoles(doc, chunkOf, named)) {
    if (role.person.role) persons.push(role.person);
    mentions.push(role);
  }
  mentions.sort((a, b) => a.offset - b.offset);
  return { chunks, chunkOf, persons, mentions, personOfChunk };
}

/** Letters of a handle before the surname it holds ("@GDarmanin": one initial). */
const MAX_HANDLE_PREFIX = 3;
const MIN_HANDLE_SURNAME = 4;

/**
 * "@GDarmanin", "@EmmanuelMacron": a social-media handle is a mention of the person named in the article whose
 * surname closes it after an initial or a first name.
 */
function handleOwner(doc: ParsedDocument, chunk: NameChunk, persons: readonly Person[]): Person | null {
  if (chunk.key.length !== 1 || doc.text[doc.tokens[chunk.first]!.start - 1] !== '@') return null;
  const handle = chunk.key[0]!;
  for (const person of persons) {
    const surname = person.key.at(-1);
    if (person.key.length < 2 || !surname || surname.length < MIN_HANDLE_SURNAME || !handle.endsWith(surname)) continue;
    const prefix = handle.slice(0, -surname.length);
    if (prefix.length <= MAX_HANDLE_PREFIX || person.key.slice(0, -1).join('') === prefix) return person;
  }
  return null;
}

/** Prepositions of place that never introduce a person ("en France", "in Leeds", "at Chatham House"). */
const PLACE_PREPOSITIONS = new Set(['en', 'dans', 'in', 'at']);

/** Whether the way a name is written says it is not a person's: an acronym, after a determiner or a preposition of place. */
function namedAsThing(doc: ParsedDocument, chunk: NameChunk): boolean {
  const { tokens, rules } = doc;
  // "in J.C. Chandor's film": the preposition governs what the name possesses.
  if (chunk.possessive || initialled(doc, chunk)) return false;
  if (chunk.first === chunk.last && ACRONYM.test(tokens[chunk.first]!.text)) return true;
  const before = tokens[chunk.first - 1]?.lower ?? '';
  return (rules.determiners.has(before) && !rules.nounLinks.has(before)) || PLACE_PREPOSITIONS.has(before);
}

/** "J.C. Chandor", "Donald J. Trump": initials inside a name of two parts or more mark a person. */
function initialled(doc: ParsedDocument, chunk: NameChunk): boolean {
  const { tokens } = doc;
  if (chunk.key.length !== 1 && chunk.key.length !== 2) return false;
  for (let k = chunk.first; k < chunk.last; k++) {
    const token = tokens[k]!;
    if (INITIALS.test(token.text) && tokens[k + 1]?.text === '.' && token.text.length <= 3 && !doc.rules.stopwords.has(token.lower)) return true;
  }
  return false;
}

/** "Marie-Pierre" → 'f', "Jean-Marc" → 'm': a compound first name has the gender of its first part. */
function firstNameGender(rules: LanguageRules, first: string): Gender | undefined {
  return rules.firstNames.get(first) ?? (first.includes('-') ? rules.firstNames.get(first.split('-')[0] ?? '') : undefined);
}

/**
 * The person a shorter name stands for. A surname alone goes to a name it ends ("Yearout" → "Kevin Yearout")
 * before a name it only begins ("Yearout Mechanical Inc", the company named after him).
 */
function findContaining(persons: readonly Person[], key: readonly string[], gender: Gender, lastSeen: Map<Person, number>): Person | null {
  let best: Person | null = null;
  let bestRank = -1;
  for (const person of persons) {
    if (person.role || !key.every((word) => person.key.includes(word))) continue;
    // "Haidar Fauzi" is not "Khairunisa Haidar Fauzi": a full name only matches the same first name.
    if (key.length > 1 && person.key[0] !== key[0]) continue;
    if (gender && person.gender && gender !== person.gender) continue;
    const surname = key.length === 1 && person.key.at(-1) === key[0];
    const rank = (lastSeen.get(person) ?? -1) + (surname ? SURNAME_PREFERENCE : 0);
    if (rank > bestRank) {
      best = person;
      bestRank = rank;
    }
  }
  return best;
}

function findContained(persons: readonly Person[], key: readonly string[], lastSeen: Map<Person, number>): Person | null {
  let best: Person | null = null;
  let bestSeen = -1;
  for (const person of persons) {
    if (person.role || person.key.length >= key.length || !person.key.every((word) => key.includes(word))) continue;
    const seen = lastSeen.get(person) ?? -1;
    if (seen > bestSeen) {
      best = person;
      bestSeen = seen;
    }
  }
  return best;
}

/** What the text says about a name: job nouns, and gender — `weakGender` from a masculine job noun alone. */
interface Description {
  jobs: string[];
  gender: Gender;
  weakGender: Gender;
  /** A relative pronoun for people follows the name ("Smith, who …"). */
  human: boolean;
}

/**
 * Job nouns and gender the text attaches to a name: a description right before it ("la ministre
 * nord-coréenne des Affaires étrangères Choe Son Hui"), an apposition right after it ("Ana Sofia Cardenal,
 * professeure de sciences politiques et essayiste"), a predicate ("Léa Martin est une architecte reconnue") or a
 * dislocated pronoun ("Soona, elle, n’a pas changé").
 */
function describe(doc: ParsedDocument, chunk: NameChunk, chunkOf: Int32Array): Description {
  const { tokens, rules } = doc;
  const jobs: string[] = [];
  const found: Description = { jobs, gender: null, weakGender: null, human: false };
  // « la dirigeante de la CGT », "the head of the Commission": a name a complement links to a job names its domain.
  const link = rules.determiners.has(tokens[chunk.first - 1]?.lower ?? '') && !isNounLink(rules, tokens[chunk.first - 1]!.lower) ? chunk.first - 2 : chunk.first - 1;
  const governed = isNounLink(rules, tokens[link]?.lower ?? '');
  // « le capitaine du chalutier Punta Roja »: through a complement, a job reaches only a name that looks like a person's.
  const personal = rules.titles.has(tokens[chunk.first]!.lower) || firstNameGender(rules, chunk.key[0] ?? '') !== undefined;
  // "the experts recommend you consider a Boston Fern plant": a name after its own article heads its noun phrase, so
  // the words before that article describe something else.
  const headed = rules.determiners.has(tokens[chunk.first - 1]?.lower ?? '') && !rules.titles.has(tokens[chunk.first - 1]!.lower);
  for (let k = chunk.first - 1, steps = 0; !governed && !headed && k >= 0 && steps < 8; k--, steps++) {
    const token = tokens[k]!;
    if (!token.word || doc.quoteOf[k] !== -1) break;
    if (chunkOf[k] !== -1) continue;
    // « Me Pierre Martin »: a courtesy title left out of the run still names the job.
    const titleJob = k === chunk.first - 1 && token.capitalized ? rules.titleJobs.get(token.lower) : undefined;
    if (titleJob) jobs.push(titleJob);
    // « le ministre de l’Intérieur Gérald Darmanin »: an elided article is not the clitic of a verb.
    if ((rules.verbGlue.has(token.lower) && !rules.determiners.has(token.lower)) || rules.pronouns.has(token.lower)) break;
    if (rules.phraseBreakers.has(token.lower) && !rules.nounLinks.has(token.lower)) break;
    // « « … », juge Mme Binet »: a speech verb right after a pause or an auxiliary is a verb, not a job.
    if (rules.speechVerbs.has(token.lower) && (!tokens[k - 1]?.word || rules.verbGlue.has(tokens[k - 1]!.lower))) break;
    if ((rules.nounLinks.has(token.lower) || token.lower === 'of') && !personal && commonNounAfter(doc, k)) break;
    noteJob(doc, k, found);
  }
  if (tokens[chunk.first - 1]?.text === ',') describedBeforeComma(doc, chunk, found);
  let afterName = chunk.last + 1;
  // "Francisca Joly-Gomez (2), professeure …": a footnote call between the name and its apposition.
  if (tokens[afterName]?.text === '(' && /^\d{1,2}$/.test(tokens[afterName + 1]?.text ?? '') && tokens[afterName + 2]?.text === ')') afterName += 3;
  const after = tokens[afterName];
  if (after?.text === ',') {
    // "Soona, elle, n’a pas changé": a pronoun set off after the name marks its gender.
    const pronoun = rules.pronouns.get(tokens[afterName + 1]?.lower ?? '');
    if ((pronoun === 'm' || pronoun === 'f') && tokens[afterName + 2]?.text === ',') found.gender ??= pronoun;
    if (rules.personRelatives.has(tokens[afterName + 1]?.lower ?? '')) found.human = true;
    let described = false;
    for (let k = afterName + 1, steps = 0; k < tokens.length && steps < MAX_APPOSITION; k++, steps++) {
      const token = tokens[k]!;
      if (!token.word || doc.quoteOf[k] !== -1) break;
      // "chercheuse au CNRS": a name inside the description is the employer's.
      if (chunkOf[k] !== -1) {
        if (!described) break;
        continue;
      }
      // "professeure de nutrition au CHU et gastro-entérologue": the description runs on through its complements
      // and coordinated job nouns, up to a verb or a clause.
      if (described) {
        const coordinated = COORDINATION.has(token.lower);
        if (rules.auxiliaries.has(token.lower) || rules.speechVerbs.has(token.lower) || (rules.conjunctions.has(token.lower) && !coordinated)) break;
      } else if (rules.phraseBreakers.has(token.lower) && !rules.nounLinks.has(token.lower)) {
        break;
      }
      if (!jobInfo(token.lower, rules)) continue;
      if (!described && (describesNextName(doc, k, chunkOf) || !closedApposition(doc, k))) break;
      noteJob(doc, k, found);
      described = true;
    }
  } else if (after && rules.copulas.has(after.lower)) {
    // "Park Minwoo est un architecte aisé", "Smith is a veteran diplomat".
    for (let k = afterName + 1; k < tokens.length && k <= afterName + 3 && tokens[k]!.word && chunkOf[k] === -1; k++) {
      if (!jobInfo(tokens[k]!.lower, rules)) continue;
      if (rules.determiners.has(tokens[afterName + 1]!.lower)) noteJob(doc, k, found);
      break;
    }
  }
  return found;
}

/** « du chalutier », "of the trawler": a lower-case noun follows the link at token `k` (not a domain: « des Affaires »). */
function commonNounAfter(doc: ParsedDocument, k: number): boolean {
  let next = k + 1;
  if (doc.rules.determiners.has(doc.tokens[next]?.lower ?? '')) next++;
  const token = doc.tokens[next];
  return token !== undefined && token.word && !token.capitalized;
}

/**
 * « Le porte-parole du Kremlin, Dmitri Peskov, … », "The mayor of Kediri, Sri Wulandari, …": a definite job
 * description that opens its clause and ends at the comma before the name is the name's apposition.
 */
function describedBeforeComma(doc: ParsedDocument, chunk: NameChunk, found: Description): void {
  const { tokens, rules } = doc;
  const after = tokens[chunk.last + 1];
  if (!after || (after.text !== ',' && after.word && !rules.verbGlue.has(after.lower) && !rules.speechVerbs.has(after.lower))) return;
  let start = chunk.first - 2;
  while (start > 0 && chunk.first - 2 - start < MAX_APPOSITION && tokens[start - 1]!.word && doc.quoteOf[start - 1] === -1) start--;
  if (start > 0 && tokens[start - 1]!.word) return;
  if (!rules.determiners.has(tokens[start]?.lower ?? '')) return;
  for (let k = start + 1; k <= start + 1 + MAX_ROLE_ADJECTIVES && k < chunk.first - 1; k++) {
    if (!jobInfo(tokens[k]!.lower, rules)) continue;
    noteJob(doc, k, found);
    return;
  }
}

/** Records the job noun at token `k` in `found`, with the gender its determiner or its form marks. */
function noteJob(doc: ParsedDocument, k: number, found: Description): void {
  const { tokens, rules } = doc;
  const job = jobInfo(tokens[k]!.lower, rules);
  if (!job) return;
  found.jobs.push(job.job);
  const determiner = rules.determiners.get(tokens[k - 1]?.lower ?? '');
  if (determiner === 'm' || determiner === 'f') found.gender ??= determiner;
  // French masculine job nouns double as the epicene form ("Marie Dupont, professeur d'histoire").
  else if (job.gender === 'm' && rules.code === 'fr') found.weakGender ??= 'm';
  else if (job.gender) found.gender ??= job.gender;
}

/** "Ana Sofia Cardenal, professeure de …," is an apposition; "Franceinfo, la députée a affirmé" is a new clause. */
function closedApposition(doc: ParsedDocument, job: number): boolean {
  const { tokens, rules } = doc;
  for (let k = job + 1; k < tokens.length && k < job + 15; k++) {
    const token = tokens[k]!;
    if (!token.word) return true;
    if (rules.auxiliaries.has(token.lower) || rules.speechVerbs.has(token.lower)) return false;
  }
  return true;
}

/** "Moscou, la ministre … Choe Son Hui": the job noun after the comma describes the name that follows it. */
function describesNextName(doc: ParsedDocument, job: number, chunkOf: Int32Array): boolean {
  const { tokens, rules } = doc;
  for (let k = job + 1; k < tokens.length && k < job + 8; k++) {
    const token = tokens[k]!;
    if (!token.word) return false;
    if (chunkOf[k] !== -1) return !rules.nounLinks.has(tokens[k - 1]!.lower) && tokens[k - 1]!.lower !== 'of';
    if (rules.phraseBreakers.has(token.lower) && !rules.nounLinks.has(token.lower)) return false;
  }
  return false;
}

const DEFINITE = new Set(['le', 'la', "l'", 'the']);
/** A generic noun for a person ("la jeune femme") looks back this many sentences for the name it stands for. */
const GENERIC_ANTECEDENT_SENTENCES = 2;
/** Prenominal adjectives allowed between a determiner and a role noun ("la jeune femme", "the former minister"). */
const MAX_ROLE_ADJECTIVES = 2;
const COORDINATION = new Set(['et', 'and']);
/** An apposition after a name is searched this many words for its job nouns. */
const MAX_APPOSITION = 8;
const MAX_ROLE_TOKENS = 7;

/**
 * Definite and demonstrative descriptions of people ("le Premier ministre", "l’architecte", "cette jeune fille",
 * "the president"): antecedents for pronouns. A description followed by a name ("le ministre russe Sergueï
 * Lavrov") is that name's and is skipped. A description takes up the person the article gave that job before
 * ("Léa Martin est architecte. … l’architecte"), and a generic noun for a person ("la jeune femme") the person
 * named in the sentences just before; otherwise it is a person known by the role only.
 */
function findRoles(doc: ParsedDocument, chunkOf: Int32Array, mentioned: readonly Mention[]): Mention[] {
  const { tokens, rules, text } = doc;
  const roles: Mention[] = [];
  for (let i = 0; i < tokens.length - 1; i++) {
    const lower = tokens[i]!.lower;
    if (!(DEFINITE.has(lower) || rules.demonstratives.has(lower)) || doc.quoteOf[i] !== -1) continue;
    let j = i + 1;
    if (tokens[j]!.capitalized && !jobInfo(tokens[j]!.lower, rules)) j++;
    while (j <= i + MAX_ROLE_ADJECTIVES && isPrenominalAdjective(doc, j)) j++;
    const jobToken = tokens[j];
    if (!jobToken?.word || jobToken.capitalized) continue;
    const job = jobInfo(jobToken.lower, rules);
    if (!job || job.job !== jobToken.lower) continue;
    let end = j;
    let named = false;
    for (let k = j + 1; k < tokens.length && k <= j + MAX_ROLE_TOKENS; k++) {
      const token = tokens[k]!;
      if (!token.word || token.paragraph !== jobToken.paragraph) {
        named = token.text === ',' && (chunkOf[k + 1] !== -1 || (rules.titles.has(tokens[k + 1]?.lower ?? '') && chunkOf[k + 2] !== -1));
        break;
      }
      if (chunkOf[k] !== -1 && !rules.nounLinks.has(tokens[k - 1]!.lower) && tokens[k - 1]!.lower !== 'of' && !rules.determiners.has(tokens[k - 1]!.lower)) {
        named = true;
        break;
      }
      if (rules.auxiliaries.has(token.lower) || rules.speechVerbs.has(token.lower) || rules.conjunctions.has(token.lower)) break;
      if (rules.phraseBreakers.has(token.lower) && !rules.nounLinks.has(token.lower) && token.lower !== 'of') break;
      if (!rules.nounLinks.has(token.lower) && token.lower !== 'of' && !rules.determiners.has(token.lower)) end = k;
    }
    if (named) continue;
    const determiner = rules.determiners.get(tokens[i]!.lower);
    const gender = determiner === 'm' || determiner === 'f' ? determiner : job.gender;
    const offset = tokens[i]!.start;
    const antecedent = holderOfJob(mentioned, job.job, offset) ?? (rules.personNouns.has(job.job) ? namedJustBefore(doc, mentioned, i, gender) : null);
    if (antecedent) {
      antecedent.jobs.add(job.job);
      antecedent.human = true;
      if (antecedent.gender === null && gender !== null) {
        antecedent.gender = gender;
        antecedent.genderFrom = 'text';
      }
      roles.push({ person: antecedent, offset, paragraph: tokens[i]!.paragraph });
      i = end;
      continue;
    }
    const person: Person = {
      id: -1,
      name: text.slice(tokens[i]!.start, tokens[end]!.end),
      key: [],
      gender,
      jobs: new Set([job.job]),
      human: true,
      role: true,
      thing: false,
      genderFrom: gender === null ? null : 'text',
    };
    roles.push({ person, offset, paragraph: tokens[i]!.paragraph });
    i = end;
  }
  return roles;
}

/** "la jeune femme", "the former minister": a lower-case word before the noun that is neither a job nor a function word. */
function isPrenominalAdjective(doc: ParsedDocument, k: number): boolean {
  const token = doc.tokens[k];
  if (!token?.word || token.capitalized || doc.tokens[k + 1]?.word !== true) return false;
  return !isFunctionWord(token.lower, doc.rules) && !jobInfo(token.lower, doc.rules);
}

/** The person most recently mentioned before `offset` whose job the article gave as `job`. */
function holderOfJob(named: readonly Mention[], job: string, offset: number): Person | null {
  for (let k = named.length - 1; k >= 0; k--) {
    const mention = named[k]!;
    if (mention.offset < offset && mention.person.jobs.has(job)) return mention.person;
  }
  return null;
}

/**
 * "… avec Pasiphae. Cette jeune fille de 20 ans étudie …": the last name of a fitting gender in the sentences
 * just before, unless a locative preposition makes it a place.
 */
function namedJustBefore(doc: ParsedDocument, named: readonly Mention[], i: number, gender: Gender): Person | null {
  const { tokens, rules } = doc;
  const sentence = doc.sentenceOf[i]!;
  const offset = tokens[i]!.start;
  for (let k = named.length - 1; k >= 0; k--) {
    const mention = named[k]!;
    if (mention.offset >= offset) continue;
    const at = tokenAt(tokens, mention.offset);
    if (sentence - doc.sentenceOf[at]! > GENERIC_ANTECEDENT_SENTENCES) return null;
    const person = mention.person;
    if (person.role || (gender && person.gender && person.gender !== gender)) continue;
    const before = tokens[at - 1]?.lower ?? '';
    if (!person.human && (rules.locativePrepositions.has(before) || person.key.length > 1 || ACRONYM.test(person.name))) continue;
    return person;
  }
  return null;
}
