import { franc } from 'franc';

/** ISO 639-3 (what franc returns) → ISO 639-1 (what Précis stores), for the languages we detect. */
const TWO_LETTER: Record<string, string> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', rus: 'ru', ukr: 'uk', pol: 'pl',
  swe: 'sv', dan: 'da', nob: 'no', fin: 'fi', tur: 'tr', ces: 'cs', ron: 'ro', hun: 'hu', ell: 'el', cat: 'ca',
};
const CANDIDATES = Object.keys(TWO_LETTER);

/**
 * The language of a text as an ISO 639-1 code, or null when the text is too short or unclear.
 * Detection is restricted to common news languages (franc alone reads short English as Scots).
 *
 * @example
 *   detectLanguage('Le gouvernement a annoncé mardi une hausse des impôts locaux.'); // 'fr'
 */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, 1000);
  if (sample.replace(/\s+/g, '').length < 20) return null;
  const code = franc(sample, { only: CANDIDATES, minLength: 20 });
  return TWO_LETTER[code] ?? null;
}
