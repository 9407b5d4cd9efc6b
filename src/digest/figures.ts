/**
 * Figures: numbers that count or measure something, in digits written the locale's way ("10 000", "1,5",
 * "12 %", "10,000", "$3.2bn", "€78bn") or in words ("deux personnes", "tens of thousands"), each with the noun
 * phrase it quantifies, its hedge ("environ", "more than") and its sentence. Years, dates, times, ordinals,
 * list markers, phone numbers, versions and numbers inside names ("G7", "COVID-19", "Boeing 737") are left out.
 *
 * @example
 *   findFigures(doc)[0]; // { surface: '10 000 soldats', value: 10000, unit: 'soldats', approximate: true, … }
 */
import type { Figure } from './analysis.ts';
import type { ParsedDocument } from './document.ts';
import type { LanguageRules } from './lang/rules.ts';
import { isSentenceInitial, singulars } from './names.ts';
import { readNumberWords, type WordQuantity } from './number-words.ts';
import { tokenAt, type Token } from './tokens.ts';

const DIGITS = /(?<![\p{L}\p{N}.,])(?:\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+(?!\d)(?:[.,]\d+)?|\d+(?:[.,]\d+)*)/gu;
const DIGITS_AT = new RegExp(`^(?:${DIGITS.source})`, 'u');
const GROUP_SPACES = /[ \u00A0\u202F\u2009]/g;
const ALTERNATIVES = new Set(['et', 'and', 'or', 'ou']);
/** A verb of change this many words before "de N à M" makes it a change, not a range. */
const CHANGE_WINDOW = 8;
const IRREGULAR_PLURALS = new Set(['people', 'men', 'women', 'children', 'police', 'staff', 'crew', 'personnel', 'feet', 'teeth', 'mice', 'geese', 'cattle', 'sheep', 'fish', 'aircraft']);
/** Street names after a number make it an address ("3300 Gallows Road", "12 rue de Rivoli"). */
const STREET_WORDS = new Set(['road', 'rd', 'street', 'st', 'avenue', 'ave', 'boulevard', 'blvd', 'drive', 'dr', 'lane', 'ln', 'way', 'place', 'pl', 'court', 'ct', 'pike', 'highway', 'hwy', 'parkway', 'pkwy', 'terrace', 'circle', 'square', 'rue', 'chemin', 'allée', 'impasse', 'quai', 'cours']);
/** Comparatives after a number ("0.02 higher") are not what it counts. */
const COMPARATIVES = new Set(['higher', 'lower', 'more', 'less', 'fewer', 'greater', 'bigger', 'smaller', 'larger', 'plus', 'moins', 'supplémentaires']);
/** "5-1/2", "2 1/2": a whole number and a fraction. */
const MIXED_FRACTION = /^[- ](\d)\/(\d{1,2})(?!\d)/u;
/** "10-year", "30-year-old": the number qualifies the noun it is joined to. */
const HYPHEN_COMPOUND = /^-(\p{L}+(?:-\p{L}+)*)/u;
const ATTACHED = /^[\p{L}°%‰µ²]+(?:\/[\p{L}]+)?/u;
const ORDINAL_SUFFIX = /^(?:er|re|ère|e|ème|eme|è|ᵉ|ᵉʳ|nd|rd|th|st|d|nde|nd)$/iu;
/** Unit abbreviations written against the number ("1g/l", "50km", "3.2bn"). */
const ATTACHED_UNITS = new Set([
  'km', 'kg', 'g', 'mg', 'µg', 'l', 'ml', 'cl', 'dl', 'm', 'cm', 'mm', 't', 'kt', 'mw', 'gw', 'kw', 'kwh', 'mwh', 'gwh',
  'twh', 'ha', 'mo', 'go', 'gb', 'mb', 'tb', 'bn', 'k', '%', '‰', '°', '°c', '°f', 'm²', 'km²', 'm2', 'km2', 'hz',
  'ghz', 'mhz', 'mph', 'kmh', 'kph', 'km/h', 'min', 'mn', 'md', 'mds', 'mrd', 'tn', 'cc', 'hp', 'kn', 'c', 'f',
]);
/** Unit words after which an English noun phrase is complete ("50 km", "353 knots"). */
const UNIT_WORDS = new Set(['km', 'kg', 'g', 'mg', 'l', 'ml', 'm', 'cm', 'mm', 't', 'mph', 'ha', 'per', 'percent']);
const CURRENCY_SYMBOLS = new Set(['$', '€', '£', '¥', '₹', '₽', '₩', 'us$', 'c$', 'a$', 'chf', 'usd', 'eur', 'gbp', 'jpy', 'cny', 'cad', 'aud', 'fcfa', 'cfa']);
const SCALED_SUFFIX: Readonly<Record<string, number>> = { bn: 1e9, tn: 1e12, md: 1e9, mds: 1e9, mrd: 1e9, m: 1e6, k: 1e3 };
/** Attached scale suffixes that need no currency sign to mean a multiple ("5m" alone is five metres). */
const STANDALONE_SCALES = new Set(['bn', 'tn', 'md', 'mds', 'mrd']);
const CLOCK_WORDS = new Set(['h', 'am', 'pm', 'a.m', 'p.m', "o'clock", 'gmt', 'utc', 'cet', 'bst']);
const HOUR_WORDS = new Set(['heures', 'heure']);
/** « peu avant 7 heures », « peu après 18 heures »: a moment, not a duration. */
const SHORTLY = new Set(['peu']);
const NEAR_TIME = new Set(['avant', 'après']);
/** Verbs of change « de N à M » follows, beside those of the language rules (« s'est accru de 9 à 12 milliards »). */
const MORE_CHANGE_VERBS = new Set([
  'accru', 'accrue', 'accrus', 'accrues', 'accroît', 'accroissant', 'gonflé', 'gonflant', 'doublé', 'triplé', 'plongé',
  'dégringolé', 'envolé', 'envolée', 'rebondi', 'fondu', 'glissé', 'remonté', 'redescendu', 'évoluant',
]);
/** Verbs whose object number is dialled. */
const DIAL_VERBS = new Set(['call', 'calling', 'called', 'calls', 'dial', 'dialled', 'dialed', 'dialling', 'dialing', 'appeler', 'appelez', 'appelé', 'composer', 'composez', 'composé']);
const TIME_BEFORE = new Set(['à', 'vers', 'dès', 'at', 'by', 'jusqu\'à']);
/** Telephone numbers: French (01 23 45 67 89), international (+33 1 …), North American (555-0100). */
const PHONE = /(?:\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]\d{2,4}){2,}|\b0\d(?:[\s.]\d{2}){4}\b|\(?\b\d{3}\)?[\s.-]\d{3}-\d{4}\b|\b\d{3}-\d{4}\b)/gu;
const CLOCK = /^(?:[01]?\d|2[0-3])[.:h][0-5]\d$/u;
const MIN_YEAR = 1000;
const MAX_YEAR = 2100;
const MAX_DAY = 31;
const MAX_HOUR = 24;
/** The dash between a list number and its item: "1-prendre", "4- activer". */
const DASH_ITEM = /^\s?[-–]\s?\p{L}/u;
const LINE_NUMBER = /^\s*(\d{1,2})\s?[-–.)]/u;
const NOTE_LINE = /(?:^|\n)\s*\(\d{1,2}\)/u;
const DOT_DECIMAL = /^\d+\.\d{1,2}$/u;
/** ", 50 €": the cents of a price split from its euros; group 2 is the currency, left for the unit reader. */
const SPLIT_PRICE = /^, (\d{2})(\s?(?:€|euros?\b))/u;
/** Multiples written as one word. */
const MULTIPLES = new Map([['double', 2], ['triple', 3], ['quadruple', 4], ['twice', 2], ['thrice', 3]]);
/** After a number word, the times something happened or the multiple it makes (« cinq fois », "three times"). */
const TIMES = new Set(['fois', 'times']);
/** Number words that are never a count on their own, as in number-words.ts. */
const ONE_WORDS = new Set(['un', 'une', 'one', 'a', 'an']);
const OPENING_QUOTE = /^["'‘“«]$/u;
/** A minus sign right after an opening bracket, before a number. */
const MINUS = /^[([][-−]$/u;
/** Footnote calls and bare list numbers in brackets: "(1)", "(12)". */
const MAX_FOOTNOTE = 99;

interface Span {
  start: number;
  end: number;
}

/** The figures of the article, in text order. */
export function findFigures(doc: ParsedDocument): Figure[] {
  const figures: Figure[] = [];
  const used = new Uint8Array(doc.tokens.length);
  for (const phone of doc.text.matchAll(PHONE)) {
    for (let k = tokenAt(doc.tokens, phone.index); k < doc.tokens.length && doc.tokens[k]!.start < phone.index + phone[0].length; k++) used[k] = 1;
  }
  for (const match of doc.text.matchAll(DIGITS)) {
    const figure = readDigits(doc, match.index, match[0], used);
    if (figure) figures.push(figure);
  }
  const { tokens } = doc;
  const { words, collectives, fractions } = doc.rules.numbers;
  for (let i = 0; i < tokens.length; i++) {
    if (used[i] || !tokens[i]!.word) continue;
    const lower = tokens[i]!.lower;
    const head = lower.includes('-') ? (lower.split('-')[0] ?? '') : lower;
    const multiple = MULTIPLES.get(lower);
    if (multiple !== undefined) {
      const figure = multipleFigure(doc, i, multiple);
      if (figure) figures.push(figure);
      continue;
    }
    if (!words.has(head) && !collectives.has(lower) && !fractions.has(lower)) continue;
    const low = readNumberWords(tokens, i, doc.rules);
    if (!low) continue;
    const high = wordRangeEnd(doc, low);
    const quantity = high ? { ...high, first: low.first, value: low.value } : low;
    const figure = wordFigure(doc, quantity, used, figures, high?.value);
    if (figure) figures.push(figure);
    i = quantity.last;
  }
  return figures.sort((a, b) => a.start - b.start);
}

/** The plain value of digits written with the locale's separators, or null for versions and dates. */
export function parseDigits(raw: string, rules: LanguageRules): number | null {
  const compact = raw.replace(GROUP_SPACES, '');
  if (compact !== raw) return Number(compact.replace(',', '.'));
  const dots = compact.split('.').length - 1;
  const commas = compact.split(',').length - 1;
  if (dots > 0 && commas > 0) {
    const decimalIsDot = compact.lastIndexOf('.') > compact.lastIndexOf(',');
    return Number(decimalIsDot ? compact.replace(/,/g, '') : compact.replace(/\./g, '').replace(',', '.'));
  }
  const groups = compact.split(/[.,]/);
  const grouped = groups.length > 1 && groups[0]!.length <= 3 && groups.slice(1).every((g) => g.length === 3);
  if (commas + dots > 1) return grouped ? Number(groups.join('')) : null;
  // A separator that is neither the locale's decimal mark nor a thousands group is an identifier ("le 49.3").
  if (commas === 1) {
    if (rules.numbers.decimal === ',') return Number(compact.replace(',', '.'));
    return grouped ? Number(groups.join('')) : null;
  }
  if (dots === 1) {
    if (rules.numbers.dotGroupsThousands && grouped) return Number(groups.join(''));
    return rules.numbers.decimal === '.' || rules.code === 'und' ? Number(compact) : null;
  }
  return Number(compact);
}

function readDigits(doc: ParsedDocument, start: number, raw: string, used: Uint8Array): Figure | null {
  const { text, tokens, rules } = doc;
  const first = tokenAt(tokens, start);
  if (used[first]) return null;
  let end = start + raw.length;
  let last = tokenAt(tokens, end) - 1;
  let value = parseDigits(raw, rules);
  // « 23.1% » in a French text: a decimal point before a percent or a currency is a decimal, not an identifier.
  if (value === null && DOT_DECIMAL.test(raw) && unitFollows(doc, end, last)) value = Number(raw);
  if (value === null || !Number.isFinite(value)) return null;
  // « 7, 50 € »: a price whose decimal comma was followed by a stray space.
  const cents = rules.numbers.decimal === ',' && /^\d{1,3}$/u.test(raw) ? SPLIT_PRICE.exec(text.slice(end, end + 12)) : null;
  if (cents) {
    value += Number(cents[1]) / 100;
    end += cents[0].length - (cents[2]?.length ?? 0);
    last = tokenAt(tokens, end) - 1;
  }
  const mixed = MIXED_FRACTION.exec(text.slice(end, end + 8));
  if (mixed) {
    value += Number(mixed[1]) / Number(mixed[2]);
    end += mixed[0].length;
  }
  if (!mixed && isIdentifierOrDate(doc, start, end, raw, value, first, last, used)) return null;
  let unit: string | null = null;
  let scaled = false;
  const attached = ATTACHED.exec(text.slice(end, end + 12))?.[0];
  const currencyBefore = currencyPrefix(doc, start, first);
  const from = currencyBefore?.start ?? start;
  if (attached) {
    const lower = attached.toLowerCase();
    const scale = SCALED_SUFFIX[lower];
    if (scale !== undefined && (currencyBefore || STANDALONE_SCALES.has(lower))) {
      value *= scale;
      scaled = true;
    } else {
      unit = lower;
    }
    end += attached.length;
    last = tokenAt(tokens, end) - 1;
  }
  if (currencyBefore) unit = currencyBefore.unit;
  ({ value, end, last, scaled, unit } = readScaleAndUnit(doc, value, end, last, scaled, unit));
  const range = readRange(doc, start, last, used, unit, scaled, value);
  let valueMax: number | undefined;
  if (range) {
    value *= range.sharedScale;
    valueMax = range.value;
    end = range.end;
    last = range.last;
    if (range.unit) unit = range.unit;
  }
  let surfaceEnd = end;
  const compound = unit === null && !range ? HYPHEN_COMPOUND.exec(text.slice(end, end + 30)) : null;
  if (compound) {
    unit = compound[1] ?? null;
    surfaceEnd = end + compound[0].length;
    last = tokenAt(tokens, surfaceEnd) - 1;
  } else if (unit === null) {
    const head = headNoun(doc, last + 1, scaled);
    if (head) {
      unit = head.words;
      surfaceEnd = head.end;
      last = head.last;
    }
  }
  for (let k = first; k <= last; k++) used[k] = 1;
  const hedge = hedgeBefore(tokens, tokenAt(tokens, from), rules);
  // « 2 596 199 unités (-7%) »: a signed rate in brackets is the change beside a level, its sign is its direction.
  // A bare « déficit … -3,5 % » states a size, so only the bracketed form is signed.
  if ((unit === '%' || unit === '‰') && from === start && MINUS.test(text.slice(start - 2, start))) {
    return makeFigure(doc, start - 1, surfaceEnd, -value, unit, hedge, valueMax === undefined ? undefined : -valueMax, false);
  }
  return makeFigure(doc, from, surfaceEnd, value, unit, hedge, valueMax, false);
}

function makeFigure(
  doc: ParsedDocument,
  start: number,
  end: number,
  value: number,
  unit: string | null,
  hedge: string | null,
  valueMax: number | undefined,
  vague: boolean,
): Figure {
  const sentence = doc.sentences[doc.sentenceOf[Math.min(doc.tokens.length - 1, tokenAt(doc.tokens, start))]!];
  const exact = hedge !== null && doc.rules.numbers.exactHedges.has(hedge.split(' ').at(-1) ?? '');
  const figure: Figure = {
    surface: doc.text.slice(start, end),
    value,
    unit,
    approximate: vague || (hedge !== null && !exact),
    start,
    end,
    sentence: sentence?.text ?? '',
  };
  if (hedge) figure.qualifier = hedge;
  if (valueMax !== undefined) figure.valueMax = valueMax;
  if (vague) figure.vague = true;
  return figure;
}

/** Everything that is written with digits but does not count: see the module comment. */
function isIdentifierOrDate(
  doc: ParsedDocument,
  start: number,
  end: number,
  raw: string,
  value: number,
  first: number,
  last: number,
  used: Uint8Array,
): boolean {
  const { text, tokens, rules } = doc;
  const before = text.charAt(start - 1);
  const before2 = text.charAt(start - 2);
  if (/[\p{L}\p{M}_#@/\\:]/u.test(before)) return true;
  if (/[-‐]/u.test(before) && /[\p{L}\p{N}]/u.test(before2)) return true;
  if (/['’]/u.test(before)) return true;
  const after = text.slice(end, end + 12);
  const attached = ATTACHED.exec(after)?.[0];
  if (attached) {
    const letters = attached.toLowerCase();
    if (ORDINAL_SUFFIX.test(letters) || letters === 's') return true;
    if (/^h\d/u.test(after) || letters === 'h') return true;
    // « depuis + de 120ans » in a tweet: a time unit glued to the number is still its unit.
    const known = ATTACHED_UNITS.has(letters) || ATTACHED_UNITS.has(letters.split('/')[0] ?? '') || rules.numbers.timeUnits.has(letters);
    if (!known) return true;
  }
  if (/^[/:]\d/u.test(after) || /^[.,]\d/u.test(after)) return true;
  const plainInteger = /^\d+$/.test(raw);
  const next = tokens[last + 1];
  const previous = tokens[first - 1];
  const months = rules.numbers.months;
  const isMonth = (token: Token | undefined): boolean =>
    token !== undefined && token.word && months.has(token.lower.replace(/\.$/, '')) && (rules.code !== 'en' || token.capitalized);
  if (plainInteger && value >= MIN_YEAR && value <= MAX_YEAR && raw.length === 4 && !unitFollows(doc, end, last)) return true;
  // "Dec. 31", "Oct. 5, 2017": an abbreviated month keeps its period.
  const monthBefore = previous?.text === '.' && start - previous.end <= 1 ? tokens[first - 2] : previous;
  if (plainInteger && value <= MAX_DAY && (isMonth(next) || (rules.numbers.dayAfterMonth && isMonth(monthBefore)) || dateRangeFollows(doc, last))) {
    return true;
  }
  // « à 1 607 heures » is a duration: only hours of the day are times.
  // « peu avant 7 heures », « (6 heures GMT) »: an hour of the day, by the time word before it or the zone after it.
  const hourOfDay =
    next !== undefined &&
    HOUR_WORDS.has(next.lower) &&
    value <= MAX_HOUR &&
    (TIME_BEFORE.has(previous?.lower ?? '') || CLOCK_WORDS.has(tokens[last + 2]?.lower ?? '') || (SHORTLY.has(tokens[first - 2]?.lower ?? '') && NEAR_TIME.has(previous?.lower ?? '')));
  if (next && (CLOCK_WORDS.has(next.lower) || hourOfDay)) return true;
  // "calling 911", « composer le 17 »: a number that is dialled is a phone number.
  if (plainInteger && (DIAL_VERBS.has(previous?.lower ?? '') || (DIAL_VERBS.has(tokens[first - 2]?.lower ?? '') && rules.determiners.has(previous?.lower ?? '')))) return true;
  if (previous?.lower === 'h' && /^\d/.test(tokens[first - 2]?.text ?? '')) return true;
  if (isRelativeDate(doc, first, last)) return true;
  // "16.06 AirAsia made…", "08:21": a live-blog time opening a paragraph.
  if (CLOCK.test(raw) && (!previous || previous.paragraph !== tokens[first]!.paragraph)) return true;
  const label = previous?.text === '.' ? tokens[first - 2] : previous;
  if (label?.word && (rules.numbers.labelNouns.has(label.lower) || label.lower === 'n°' || label.lower === 'nº')) return true;
  if (previous?.text === '#' || previous?.text === '°' || previous?.text === 'º') return true;
  // "Boeing 737", "G 7" name things; "Arizona 4.1 percent", « Benalla 15 jours » measure them.
  const measured = !plainInteger || unitFollows(doc, end, last) || rules.numbers.timeUnits.has(next?.lower ?? '');
  if (!measured && previous?.word && /\p{Lu}/u.test(previous.text) && previous.paragraph === tokens[first]!.paragraph && start - previous.end <= 1) {
    // "Calgary's 17 losses", "Despite 15 separate rounds", "Social Democrats 43 seats": a possessive, a word that
    // opens the sentence or a plural names no model; a number with a plural noun after it then counts that noun.
    const owner = /['’]s$|s['’]$/u.test(previous.text);
    const nameless = owner || ((isSentenceInitial(doc, first - 1) || /s$/u.test(previous.text)) && pluralNounFollows(doc, last));
    const lower = previous.lower;
    const known =
      months.has(lower) ||
      CURRENCY_SYMBOLS.has(lower) ||
      rules.stopwords.has(lower) ||
      rules.determiners.has(lower) ||
      rules.adverbs.has(lower) ||
      rules.phraseBreakers.has(lower) ||
      rules.conjunctions.has(lower) ||
      rules.numbers.hedges.some((h) => h.includes(lower));
    if (!known && !nameless) return true;
  }
  // "42 Division's Primary Response Unit": in a language that capitalises names only (not German's "850 Euro"), a
  // number before a singular capitalised word that counts nothing after it ("18 Calgary seats" does) names a unit.
  const afterNext = tokens[last + 2];
  const countsAfter = afterNext?.word === true && /[sx]$/u.test(afterNext.lower) && !afterNext.lower.endsWith('ss');
  if (rules.stopwords.size > 0 && plainInteger && next?.word && /^\p{Lu}\p{Ll}+(?:['’]s)?$/u.test(next.text) && !/s$/u.test(next.text.replace(/['’]s$/u, '')) && next.start - end <= 1 && !countsAfter) {
    const lower = next.lower.replace(/['’]s$/u, '');
    if (!months.has(lower) && !CURRENCY_SYMBOLS.has(lower) && !rules.numbers.currencyWords.has(lower) && !rules.stopwords.has(lower)) return true;
  }
  if (isListMarker(doc, first, last, used) || (plainInteger && isDashListMarker(text, start, end, value))) return true;
  // "(1)" alone in its brackets is a footnote call or note when the article has notes — a line opening with one;
  // otherwise it may be a count ("Murali Vijay (11) was out").
  if (plainInteger && value <= MAX_FOOTNOTE && previous?.text === '(' && next?.text === ')' && NOTE_LINE.test(text)) return true;
  // "a 5-day San Francisco court hearing": a number joined to its noun by a hyphen is never a street number.
  if (plainInteger && !HYPHEN_COMPOUND.test(after) && isAddress(doc, last)) return true;
  // English groups thousands with commas: "21677", "4125" without them are codes, ZIP codes or street numbers.
  if (plainInteger && rules.numbers.decimal === '.' && raw.length >= 4 && !CURRENCY_SYMBOLS.has(previous?.lower ?? '') && !unitFollows(doc, end, last)) {
    const nextWord = tokens[last + 1];
    if (!nextWord?.word || nextWord.capitalized || raw.length >= 5) return true;
  }
  return false;
}

/**
 * « 1-prendre …», « 4- activer … »: a number opening its line with a dash before the item is a list marker
 * when the line before or after opens with the number before or after it.
 */
function isDashListMarker(text: string, start: number, end: number, value: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() !== '' || !DASH_ITEM.test(text.slice(end, end + 4))) return false;
  const previousStart = lineStart > 0 ? text.lastIndexOf('\n', lineStart - 2) + 1 : -1;
  const nextBreak = text.indexOf('\n', end);
  return (previousStart !== -1 && lineOpensWith(text, previousStart, value - 1)) || (nextBreak !== -1 && lineOpensWith(text, nextBreak + 1, value + 1));
}

function lineOpensWith(text: string, from: number, expected: number): boolean {
  const match = LINE_NUMBER.exec(text.slice(from, from + 8));
  return match !== null && Number(match[1]) === expected;
}

/** "3300 Gallows Road", "12 rue de Rivoli": a street number. */
function isAddress(doc: ParsedDocument, last: number): boolean {
  const { tokens } = doc;
  for (let k = last + 1; k < tokens.length && k <= last + 4; k++) {
    const token = tokens[k]!;
    if (!token.word) return false;
    if (STREET_WORDS.has(token.lower) && (k > last + 1 || token.lower === 'rue' || token.lower === 'avenue' || token.lower === 'boulevard' || token.lower === 'chemin')) return true;
    if (!token.capitalized && !doc.rules.nounLinks.has(token.lower)) return false;
  }
  return false;
}

function unitFollows(doc: ParsedDocument, end: number, last: number): boolean {
  const next = doc.tokens[last + 1];
  if (/^\s?%/u.test(doc.text.slice(end, end + 2))) return true;
  if (next === undefined) return false;
  const { numbers } = doc.rules;
  const { tokens } = doc;
  const percent = numbers.percentWords.some((phrase) => phrase.every((word, k) => tokens[last + 1 + k]?.lower === word));
  return percent || numbers.currencyWords.has(next.lower) || CURRENCY_SYMBOLS.has(next.lower);
}

/** "15 rounds", "15 separate rounds": a lowercase plural noun, maybe after one modifier, right after the number. */
function pluralNounFollows(doc: ParsedDocument, last: number): boolean {
  const { tokens } = doc;
  for (let k = last + 1; k <= last + 2; k++) {
    const token = tokens[k];
    if (!token || token.capitalized || !isNounCandidate(doc, k, true)) return false;
    if (/[sx]$/u.test(token.lower) && !token.lower.endsWith('ss')) return true;
  }
  return false;
}

/** "le 11 et le 28 mars", "11-28 March". */
function dateRangeFollows(doc: ParsedDocument, last: number): boolean {
  const { tokens, rules } = doc;
  let k = last + 1;
  if (!rules.numbers.rangeJoiners.has(tokens[k]?.lower ?? '') && tokens[k]?.lower !== 'au' && tokens[k]?.lower !== 'and') return false;
  k++;
  if (rules.determiners.has(tokens[k]?.lower ?? '')) k++;
  if (!/^\d{1,2}$/.test(tokens[k]?.text ?? '')) return false;
  const month = tokens[k + 1];
  return month !== undefined && rules.numbers.months.has(month.lower);
}

/** "four years ago", "il y a deux ans": relative dates. */
function isRelativeDate(doc: ParsedDocument, first: number, last: number): boolean {
  const { tokens, rules } = doc;
  const unitToken = tokens[last + 1];
  if (!unitToken || !rules.numbers.timeUnits.has(unitToken.lower)) return false;
  if (rules.numbers.agoAfter.has(tokens[last + 2]?.lower ?? '')) return true;
  return rules.numbers.agoBefore.some((phrase) => phrase.every((word, k) => tokens[first - phrase.length + k]?.lower === word));
}

/** "1. " or "2)" opening a paragraph, and gallery counters ("1 of 4.", "2/5"). */
function isListMarker(doc: ParsedDocument, first: number, last: number, used: Uint8Array): boolean {
  const { tokens, rules } = doc;
  const token = tokens[first]!;
  const previous = tokens[first - 1];
  if (previous && previous.paragraph === token.paragraph) return false;
  const next = tokens[last + 1];
  if (next && (next.text === '.' || next.text === ')') && next.paragraph === token.paragraph) return true;
  const outOf = rules.numbers.outOf.find((phrase) => phrase.every((word, k) => tokens[last + 1 + k]?.lower === word)) ?? (next?.lower === 'of' ? ['of'] : null);
  const counter = outOf ? tokens[last + 1 + outOf.length] : undefined;
  const afterCounter = outOf ? tokens[last + 2 + outOf.length] : undefined;
  if (outOf && counter && /^\d+$/.test(counter.text) && (afterCounter?.text === '.' || afterCounter?.paragraph !== token.paragraph)) {
    used[last + 1 + outOf.length] = 1;
    return true;
  }
  return false;
}

/** "$", "US$", "€", "CHF" right before the number. */
function currencyPrefix(doc: ParsedDocument, start: number, first: number): { start: number; unit: string } | null {
  const previous = doc.tokens[first - 1];
  if (!previous || start - previous.end > 1) return null;
  if (CURRENCY_SYMBOLS.has(previous.lower)) {
    const beforeSymbol = doc.tokens[first - 2];
    const from = beforeSymbol?.text === 'US' && beforeSymbol.end === previous.start ? beforeSymbol.start : previous.start;
    return { start: from, unit: previous.text };
  }
  return null;
}

/** Scale words ("milliards", "million"), percent, currencies after the number. */
function readScaleAndUnit(
  doc: ParsedDocument,
  value: number,
  end: number,
  last: number,
  scaled: boolean,
  unit: string | null,
): { value: number; end: number; last: number; scaled: boolean; unit: string | null } {
  const { tokens, rules } = doc;
  let k = last + 1;
  let result = { value, end, last, scaled, unit };
  const scaleToken = tokens[k];
  const scale = scaleToken ? rules.numbers.scales.get(scaleToken.lower) : undefined;
  if (scaleToken && scale !== undefined && scaleToken.start - end <= 1 && !scaled) {
    result = { ...result, value: value * scale, end: scaleToken.end, last: k, scaled: true };
    k++;
  } else if (scaleToken?.text === 'M' && tokens[k + 1]?.text === '€') {
    result = { ...result, value: value * 1e6, end: tokens[k + 1]!.end, last: k + 1, scaled: true, unit: '€' };
    return result;
  }
  const next = tokens[k];
  if (!next || next.paragraph !== tokens[last]!.paragraph) return result;
  if (next.text === '%' || next.text === '‰') return { ...result, end: next.end, last: k, unit: next.text };
  const percent = rules.numbers.percentWords.find((phrase) => phrase.every((word, j) => tokens[k + j]?.lower === word));
  if (percent) return { ...result, end: tokens[k + percent.length - 1]!.end, last: k + percent.length - 1, unit: '%' };
  if (CURRENCY_SYMBOLS.has(next.lower) && next.start - result.end <= 1) return { ...result, end: next.end, last: k, unit: next.text };
  let c = k;
  if (result.scaled && rules.numbers.of.has(tokens[c]?.lower ?? '')) c++;
  const currency = tokens[c];
  if (currency && rules.numbers.currencyWords.has(currency.lower)) {
    return { ...result, end: currency.end, last: c, unit: currency.lower };
  }
  return result;
}

/**
 * "50 to 100", "10-20", "entre 10 et 20": the high end of a range. Changes ("from 5 to 7"), scores ("52 to 40")
 * and a rate followed by a level (« gagne 0,55 % à 7.612 points ») are two figures.
 */
function readRange(
  doc: ParsedDocument,
  start: number,
  last: number,
  used: Uint8Array,
  unit: string | null,
  scaled: boolean,
  low: number,
): { value: number; end: number; last: number; unit: string | null; sharedScale: number } | null {
  const { tokens, rules, text } = doc;
  const first = tokenAt(tokens, start);
  const sign = CURRENCY_SYMBOLS.has(tokens[first - 1]?.lower ?? '') ? 1 : 0;
  const opener = tokens[first - 1 - sign]?.lower ?? '';
  const joiner = tokens[last + 1];
  // "$24 to $28", "between $5 and $6": the high end may repeat the currency sign of the low end.
  const repeated = unit !== null && tokens[last + 2]?.text === unit && CURRENCY_SYMBOLS.has(unit.toLowerCase()) ? 1 : 0;
  const second = tokens[last + 2 + repeated];
  if (!joiner || !second || !/^\d/.test(second.text) || (repeated === 1 && second.start - tokens[last + 2]!.end > 0)) return null;
  const between = opener === 'between' || opener === 'entre';
  const joins = rules.numbers.rangeJoiners.has(joiner.lower) && !ALTERNATIVES.has(joiner.lower);
  if (!(joins || (between && (joiner.lower === 'and' || joiner.lower === 'et')))) return null;
  // "rose from 5 to 7", "passant de près de 0 à 60 000": a change between two figures, not a range.
  const hedge = hedgeBefore(tokens, first - sign, rules);
  const beforeHedge = tokens[first - sign - (hedge ? hedge.split(' ').length : 0) - 1]?.lower ?? '';
  if (opener === 'from' || beforeHedge === 'from' || (hedge !== null && beforeHedge === 'de')) return null;
  if (rules.numbers.rangeOpeners.has(opener) && opener !== 'between' && opener !== 'entre') {
    for (let k = first - sign - 2; k >= 0 && k >= first - sign - CHANGE_WINDOW && tokens[k]!.word; k--) {
      if (isChangeVerb(rules, tokens[k]!.lower)) return null;
    }
  }
  const match = DIGITS_AT.exec(text.slice(second.start, second.start + 24));
  if (!match) return null;
  const value = parseDigits(match[0], rules);
  if (value === null) return null;
  let end = second.start + match[0].length;
  let secondLast = tokenAt(tokens, end) - 1;
  if (/^\d{4}$/.test(match[0]) && value >= MIN_YEAR && value <= MAX_YEAR) return null;
  const after = readScaleAndUnit(doc, value, end, secondLast, false, null);
  // "rose 12 percent to 1.5 million units": different units or scales make two figures;
  // "5 to 10 million people": the scale of the high end applies to the low end.
  if (unit !== null && after.unit !== null && after.unit !== unit) return null;
  if (after.scaled && !scaled && unit !== null) return null;
  // A percentage ranges only to another percentage: « 1,6 % à 2.868 points » is a rate, then the level it reached.
  if ((unit === '%') !== (after.unit === '%') && unit !== null) return null;
  const sharedScale = after.scaled && !scaled && value !== 0 ? after.value / value : 1;
  // A range runs upwards: "leads 52 per cent to 40", « de 800.000 à 750.000 » are two values side by side.
  if (after.value <= low * sharedScale) return null;
  end = after.end;
  secondLast = after.last;
  for (let k = last + 1; k <= secondLast; k++) used[k] = 1;
  return { value: after.value, end, last: secondLast, unit: after.unit, sharedScale };
}

/** "rose", « s'est accru »: the language's verbs of change, and a few French ones its list lacks. */
function isChangeVerb(rules: LanguageRules, lower: string): boolean {
  return rules.numbers.changeVerbs.has(lower) || MORE_CHANGE_VERBS.has(lower);
}

/** The hedge or bound right before token `first` ("près de", "more than"), or null. */
export function hedgeBefore(tokens: readonly Token[], first: number, rules: LanguageRules): string | null {
  let best: readonly string[] | null = null;
  for (const phrase of rules.numbers.hedges) {
    if (best && phrase.length <= best.length) continue;
    if (phrase.every((word, k) => tokens[first - phrase.length + k]?.lower === word)) best = phrase;
  }
  return best ? best.join(' ') : null;
}

/** French adjectives that come before their noun, so never stand for it after « de » (« de nouvelles pistes »). */
const PRENOMINAL_ADJECTIVES = new Set(
  `nouveau nouvel nouvelle nouveaux nouvelles premier première premiers premières dernier dernière derniers dernières
  autre autres grand grande grands grandes petit petite petits petites jeune jeunes vieux vieil vieille vieilles bon bonne
  bons bonnes mauvais mauvaise mauvaises gros grosse grosses seul seule seuls seules même mêmes prochain prochaine
  prochains prochaines ancien ancienne anciens anciennes`.split(/\s+/),
);

/**
 * The noun phrase a number quantifies: French noun + adjective or "de" + bare noun ("55 personnels de santé",
 * "8 000 soldats nord-coréens"), English modifiers up to the head noun ("10,000 square nautical miles").
 */
function headNoun(doc: ParsedDocument, from: number, afterScale: boolean): { words: string; end: number; last: number } | null {
  const { tokens, rules, text } = doc;
  let k = from;
  if (afterScale && rules.numbers.of.has(tokens[k]?.lower ?? '')) k++;
  // "two 'Final Verdicts'", « deux “premières” »: an opening quote mark does not end the counted phrase.
  if (OPENING_QUOTE.test(tokens[k]?.text ?? '') && tokens[k]!.start - tokens[k - 1]!.end <= 1 && tokens[k + 1]?.start === tokens[k]!.end) k++;
  // "two other people", « deux autres personnes »: the adjective belongs to the counted phrase.
  if (rules.numbers.postModifiers.has(tokens[k]?.lower ?? '') && isNounCandidate(doc, k + 1, true)) k++;
  const firstToken = tokens[k];
  const paragraph = tokens[from - 1]?.paragraph;
  // English modifiers may be participles: "five remaining bodies", "two injured people".
  const modifier = rules.code === 'en' && isNounCandidate(doc, k, true) && isNounCandidate(doc, k + 1);
  if (!firstToken || !(isNounCandidate(doc, k) || modifier) || firstToken.paragraph !== paragraph) return null;
  let last = k;
  const english = rules.code === 'en';
  for (let steps = 0; steps < 3; steps++) {
    const current = tokens[last]!;
    const next = tokens[last + 1];
    if (!next || next.paragraph !== paragraph || next.start - current.end > 1) break;
    if (english) {
      if (isPluralOrUnit(current.lower) || !isNounCandidate(doc, last + 1, true)) break;
      last++;
      continue;
    }
    if (rules.numbers.perWords.has(next.lower) && tokens[last + 2]?.word && !rules.determiners.has(tokens[last + 2]!.lower)) {
      last += 2;
      break;
    }
    if (rules.nounLinks.has(next.lower) && !rules.determiners.has(next.lower) && next.lower !== 'des' && next.lower !== 'du') {
      const bare = tokens[last + 2];
      // « 250 kilomètres de nouvelles pistes »: an adjective before its noun is no bare noun of the unit.
      if (bare && isNounCandidate(doc, last + 2) && !rules.determiners.has(bare.lower) && !bare.capitalized && !PRENOMINAL_ADJECTIVES.has(bare.lower)) last += 2;
      break;
    }
    if (isNounCandidate(doc, last + 1) && !next.capitalized && steps === 0) {
      last++;
      continue;
    }
    break;
  }
  // A capitalised head is a plural people ("2 209 Français", "155 Indonesians"), never a name.
  while (rules.stopwords.size > 0 && last >= k && tokens[last]!.capitalized && !/[sx]$/u.test(tokens[last]!.lower)) last--;
  if (last < k) return null;
  return { words: text.slice(tokens[k]!.start, tokens[last]!.end), end: tokens[last]!.end, last };
}

function isPluralOrUnit(lower: string): boolean {
  return (lower.endsWith('s') && !lower.endsWith('ss')) || UNIT_WORDS.has(lower) || IRREGULAR_PLURALS.has(lower);
}

function isNounCandidate(doc: ParsedDocument, k: number, participles = false): boolean {
  const { tokens, rules } = doc;
  const token = tokens[k];
  if (!token?.word || /^\d/.test(token.text)) return false;
  const lower = token.lower;
  if (rules.stopwords.has(lower) && !rules.numbers.timeUnits.has(lower)) return false;
  if (rules.verbGlue.has(lower) || rules.phraseBreakers.has(lower) || rules.conjunctions.has(lower)) return false;
  if (rules.determiners.has(lower) || rules.pronouns.has(lower) || rules.numbers.months.has(lower)) return false;
  // "two demands", "three claims": plural forms of speech verbs that double as nouns.
  if (rules.speechVerbs.has(lower) && !(lower.endsWith('s') && singulars(lower).some((form) => rules.speechVerbBases.has(form)))) return false;
  if (rules.adverbs.has(lower)) return false;
  if (!participles && /(?:ant|ing)$/u.test(lower) && lower.length > 5) return false;
  if (COMPARATIVES.has(lower)) return false;
  return !rules.numbers.scales.has(lower) || rules.numbers.currencyWords.has(lower);
}

/**
 * "around two to three per cent", « deux à trois jours »: the high end of a range written in words, which then
 * carries the noun or the percent. A change ("from two to three", « passé de deux à trois ») is not a range.
 */
function wordRangeEnd(doc: ParsedDocument, low: WordQuantity): WordQuantity | null {
  const { tokens, rules } = doc;
  const joiner = tokens[low.last + 1];
  const next = tokens[low.last + 2];
  if (low.vague || low.fraction || low.attachedNoun !== null || !joiner || !next || next.paragraph !== joiner.paragraph) return null;
  if (!rules.numbers.rangeJoiners.has(joiner.lower) || ALTERNATIVES.has(joiner.lower)) return null;
  if (!rules.numbers.words.has(next.lower.split('-')[0] ?? '')) return null;
  const opener = tokens[low.first - 1]?.lower ?? '';
  if (opener === 'from') return null;
  for (let k = low.first - 1; k >= 0 && k >= low.first - CHANGE_WINDOW && tokens[k]!.word; k--) {
    if (isChangeVerb(rules, tokens[k]!.lower)) return null;
  }
  const high = readNumberWords(tokens, low.last + 2, rules);
  if (!high || high.vague || high.fraction || high.value <= low.value) return null;
  return high;
}

/** "more than triple the usual increase", "nearly double its size": a bounded multiple of what follows. */
function multipleFigure(doc: ParsedDocument, i: number, multiple: number): Figure | null {
  const { tokens, rules } = doc;
  const hedge = hedgeBefore(tokens, i, rules);
  const next = tokens[i + 1]?.lower ?? '';
  if (hedge === null || !rules.determiners.has(next) || ONE_WORDS.has(next)) return null;
  return makeFigure(doc, tokens[i]!.start, tokens[i]!.end, multiple, tokens[i]!.lower, hedge, undefined, false);
}

/**
 * "18 seats won by Notley's party and eight for Smith's": a bare number word after « et » / "and", before a
 * preposition, counts what the figure before it in the sentence counts.
 */
function elidedCount(doc: ParsedDocument, first: number, figures: readonly Figure[]): Figure | undefined {
  const { tokens } = doc;
  const link = tokens[first - 1]?.lower ?? '';
  // The count is followed by what it is for ("eight for Smith's", « neuf pour la gauche »); « solide et neuf, » is no count.
  const next = tokens[first + 1];
  if ((link !== 'and' && link !== 'et') || !next?.word || !(doc.rules.phraseBreakers.has(next.lower) || doc.rules.nounLinks.has(next.lower))) return undefined;
  const sentence = doc.sentenceOf[first];
  const before = figures.filter((f) => f.end <= tokens[first - 1]!.start && doc.sentenceOf[tokenAt(tokens, f.start)] === sentence).at(-1);
  return before?.unit && before.unit !== '%' && /\p{L}{3}/u.test(before.unit) ? before : undefined;
}

function wordFigure(doc: ParsedDocument, quantity: WordQuantity, used: Uint8Array, figures: readonly Figure[], valueMax?: number): Figure | null {
  const { tokens, rules, text } = doc;
  const first = tokens[quantity.first]!;
  if (first.capitalized && !isSentenceInitial(doc, quantity.first) && !rules.numbers.collectives.has(first.lower)) return null;
  if (isRelativeDate(doc, quantity.first, quantity.last)) return null;
  // "day five", "round two": a number word after a label or a singular time unit is an ordinal label.
  const label = tokens[quantity.first - 1]?.lower ?? '';
  if (!quantity.fraction && (rules.numbers.labelNouns.has(label) || (rules.numbers.timeUnits.has(label) && !/s$/u.test(label)))) return null;
  const hedge = hedgeBefore(tokens, quantity.first, rules);
  let value = quantity.value;
  let end = tokens[quantity.last]!.end;
  let last = quantity.last;
  let unit: string | null = quantity.attachedNoun;
  const percent = rules.numbers.percentWords.find((phrase) => phrase.every((word, j) => tokens[quantity.last + 1 + j]?.lower === word));
  if (percent && unit === null) {
    unit = '%';
    last = quantity.last + percent.length;
    end = tokens[last]!.end;
  } else if (unit === null) {
    const ofPart = partOfScaled(doc, quantity.last);
    if (ofPart !== null) {
      value *= ofPart;
    } else {
      // « Soixante millions d'Américains »: after a scale word, « de » links the noun as it does after « des milliers ».
      const afterScale = quantity.vague || quantity.approximate || rules.numbers.scales.has(tokens[quantity.last]!.lower);
      const head = quantity.fraction ? null : headNoun(doc, quantity.last + 1, afterScale);
      if (head) {
        unit = head.words;
        end = head.end;
        last = head.last;
      } else if (!quantity.fraction && TIMES.has(tokens[quantity.last + 1]?.lower ?? '')) {
        // « a enfilé cinq fois la veste », "three times the size": a count of occurrences or a multiple.
        last = quantity.last + 1;
        end = tokens[last]!.end;
        unit = tokens[last]!.text;
      } else if (
        !quantity.fraction &&
        !quantity.vague &&
        !quantity.approximate &&
        hedge === null &&
        !isPartitive(doc, quantity.last) &&
        !isScore(doc, quantity.first, quantity.last)
      ) {
        const elided = elidedCount(doc, quantity.first, figures);
        if (!elided) return null;
        unit = elided.unit;
      }
    }
  }
  const partOf = rules.numbers.of.has(tokens[quantity.last + 1]?.lower ?? '') || rules.determiners.has(tokens[quantity.last + 1]?.lower ?? '');
  if (quantity.fraction && hedge === null && !partOf && quantity.first === quantity.last) {
    return null;
  }
  for (let k = quantity.first; k <= last; k++) used[k] = 1;
  const span: Span = { start: first.start, end };
  const figure = makeFigure(doc, span.start, span.end, value, unit, hedge, valueMax, quantity.vague);
  if (quantity.approximate) figure.approximate = true;
  figure.surface = text.slice(span.start, span.end);
  return figure;
}

/**
 * "three of four in the shootout", « trois sur quatre »: a count out of a total written as a number, and that total.
 * Both count what the sentence is about, even with no noun after them.
 */
function isScore(doc: ParsedDocument, first: number, last: number): boolean {
  const { tokens, rules } = doc;
  const isNumber = (token: Token | undefined): boolean =>
    token !== undefined && (/^\d/.test(token.text) || (rules.numbers.words.has(token.lower) && !ONE_WORDS.has(token.lower)));
  const link = (token: Token | undefined): boolean => token !== undefined && (rules.numbers.of.has(token.lower) || token.lower === 'sur');
  return (link(tokens[last + 1]) && isNumber(tokens[last + 2])) || (link(tokens[first - 1]) && isNumber(tokens[first - 2]));
}

/** "four of their overs", « deux d'entre eux », « trois des otages »: a count of part of a set named after it. */
function isPartitive(doc: ParsedDocument, last: number): boolean {
  const { tokens, rules } = doc;
  const link = tokens[last + 1]?.lower ?? '';
  if (!rules.numbers.of.has(link)) return false;
  const next = tokens[last + 2]?.lower ?? '';
  return rules.determiners.has(next) || next === "d'entre" || next === 'entre' || link === 'des';
}

/** "huit des 28 millions d'habitants": the count shares the scale of the total it is part of. */
function partOfScaled(doc: ParsedDocument, last: number): number | null {
  const { tokens, rules } = doc;
  let k = last + 1;
  const link = tokens[k]?.lower ?? '';
  if (!rules.numbers.of.has(link) && link !== 'sur') return null;
  k++;
  if (tokens[k]?.lower === 'the' || tokens[k]?.lower === 'les') k++;
  if (!/^\d/.test(tokens[k]?.text ?? '')) return null;
  const scale = rules.numbers.scales.get(tokens[k + 1]?.lower ?? '');
  return scale !== undefined && scale >= 1e6 ? scale : null;
}
