/** Words the renderers put around feed text, per interface language. */
export interface DigestLabels {
  digestTitle: string;
  stories: (count: number) => string;
  sources: string;
  keyFigures: string;
  keyQuotes: string;
  approximately: string;
  more: (count: number) => string;
  empty: string;
  readMore: string;
  locale: string;
}

const en: DigestLabels = {
  digestTitle: 'Précis digest',
  stories: (count) => `${count} ${count === 1 ? 'story' : 'stories'}`,
  sources: 'Sources',
  keyFigures: 'Key figures',
  keyQuotes: 'Key quotes',
  approximately: 'about',
  more: (count) => `+${count} more ${count === 1 ? 'story' : 'stories'} not shown`,
  empty: 'Nothing new since the last digest.',
  readMore: 'Read',
  locale: 'en-GB',
};

const fr: DigestLabels = {
  digestTitle: 'Digest Précis',
  stories: (count) => `${count} ${count === 1 ? 'sujet' : 'sujets'}`,
  sources: 'Sources',
  keyFigures: 'Chiffres clés',
  keyQuotes: 'Citations',
  approximately: 'environ',
  more: (count) => `+${count} ${count === 1 ? 'autre sujet non affiché' : 'autres sujets non affichés'}`,
  empty: 'Rien de nouveau depuis le dernier digest.',
  readMore: 'Lire',
  locale: 'fr-FR',
};

/** Labels for an interface language; English for anything not translated. */
export function labelsFor(lang: string | null | undefined): DigestLabels {
  return lang?.toLowerCase().startsWith('fr') ? fr : en;
}

/** Opening and closing quotation marks in a language's typographic convention. */
export function quoteMarks(lang: string): [string, string] {
  if (lang === 'fr') return ['« ', ' »'];
  if (lang === 'de') return ['„', '“'];
  return ['“', '”'];
}

/**
 * "mer. 6 nov. 2024, 09:41" in the given zone and locale; in UTC when the zone is unknown (a
 * digest is still worth sending with the wrong clock).
 *
 * @example
 *   formatDateTime(Date.UTC(2024, 10, 6, 8, 41), 'Europe/Paris', 'fr-FR'); // 'mer. 6 nov. 2024, 09:41'
 */
export function formatDateTime(time: number, timezone: string, locale: string): string {
  const options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' };
  const when = Number.isFinite(time) ? time : 0;
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: timezone }).format(when);
  } catch {
    return `${new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(when)} UTC`;
  }
}
