import { createRequire } from 'node:module';

type Franc = typeof import('franc').franc;

/** ISO 639-3 (what franc returns) → ISO 639-1 (what Précis stores), for the languages we detect. */
const TWO_LETTER: Record<string, string> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', rus: 'ru', ukr: 'uk', pol: 'pl',
  swe: 'sv', dan: 'da', nob: 'no', fin: 'fi', tur: 'tr', ces: 'cs', ron: 'ro', hun: 'hu', ell: 'el', cat: 'ca',
};
const CANDIDATES = Object.keys(TWO_LETTER);

let franc: Franc | null = null;

/**
 * franc, loaded on the first text that needs it: its trigram tables weigh several MB, and most
 * feeds declare their language, so ingestion usually never needs them. (franc is an ES module:
 * require() of one is synchronous on Node ≥ 20.19.)
 */
function loadFranc(): Franc {
  franc ??= (createRequire(import.meta.url)('franc') as typeof import('franc')).franc;
  return franc;
}

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
  const code = loadFranc()(sample, { only: CANDIDATES, minLength: 20 });
  return TWO_LETTER[code] ?? null;
}
