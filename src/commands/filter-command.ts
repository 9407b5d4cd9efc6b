import { KeywordTermsError, MAX_TERMS, parseTermList } from '../delivery/filters/keyword-terms.ts';
import type { ChatSettings } from '../store/records.ts';
import { reply, type CommandContext, type CommandDefinition, type CommandReply } from './command.ts';
import { updateChatSettings } from './update-chat-settings.ts';

type Action = 'include' | 'exclude' | 'language' | 'clear';

const ACTIONS: Record<string, Action> = {
  include: 'include',
  inclure: 'include',
  exclude: 'exclude',
  exclure: 'exclude',
  language: 'language',
  languages: 'language',
  lang: 'language',
  langue: 'language',
  langues: 'language',
  clear: 'clear',
  effacer: 'clear',
  vider: 'clear',
};

function quoted(terms: readonly string[]): string {
  return terms.map((term) => (term.includes(' ') ? `"${term}"` : term)).join(', ');
}

function currentFilters(settings: ChatSettings, lang: 'en' | 'fr'): string {
  const none = lang === 'fr' ? '(aucun)' : '(none)';
  const lines =
    lang === 'fr'
      ? [`Inclure (au moins un) : ${settings.include.length ? quoted(settings.include) : none}`, `Exclure : ${settings.exclude.length ? quoted(settings.exclude) : none}`, `Langues : ${settings.languages.length ? settings.languages.join(', ') : '(toutes)'}`]
      : [`Include (any of): ${settings.include.length ? quoted(settings.include) : none}`, `Exclude: ${settings.exclude.length ? quoted(settings.exclude) : none}`, `Languages: ${settings.languages.length ? settings.languages.join(', ') : '(all)'}`];
  return lines.join('\n');
}

const USAGE = {
  en: 'Usage: /filter include <words> · /filter exclude <words> · /filter language <codes|all> · /filter clear [include|exclude|language]\nWords and phrases match whole words, ignoring case and accents; separate them with commas when one has spaces ("carbon tax", climate); climat* matches any word starting with climat.',
  fr: 'Usage : /filter include <mots> · /filter exclude <mots> · /filter language <codes|toutes> · /filter clear [include|exclude|language]\nLes mots et expressions sont cherchés en mots entiers, sans tenir compte des majuscules ni des accents ; séparez-les par des virgules si l’un contient des espaces ("taxe carbone", climat) ; climat* trouve tout mot commençant par climat.',
};

async function addTerms(context: CommandContext, list: 'include' | 'exclude', text: string): Promise<CommandReply> {
  const terms = parseTermList(text);
  const existing = context.chat.settings[list];
  const known = new Set(existing.map((term) => term.toLowerCase()));
  const merged = [...existing, ...terms.filter((term) => !known.has(term.toLowerCase()))];
  if (merged.length > MAX_TERMS) throw new KeywordTermsError('too_many', null);
  const updated = await updateChatSettings(context, { [list]: merged });
  return reply(context, {
    en: `Filters updated.\n${currentFilters(updated.settings, 'en')}`,
    fr: `Filtres mis à jour.\n${currentFilters(updated.settings, 'fr')}`,
  });
}

async function setLanguages(context: CommandContext, text: string): Promise<CommandReply> {
  const codes = text
    .toLowerCase()
    .split(/[\s,;]+/)
    .filter(Boolean);
  const all = codes.length === 0 || codes.some((code) => ['all', 'any', 'toutes', 'tout'].includes(code));
  const invalid = codes.find((code) => !/^[a-z]{2,3}$/.test(code) && !['all', 'any', 'toutes', 'tout'].includes(code));
  if (invalid) {
    return reply(context, {
      en: `“${invalid}” is not a language code. Use two-letter codes, e.g. /filter language fr en, or /filter language all.`,
      fr: `« ${invalid} » n’est pas un code de langue. Utilisez des codes à deux lettres, par ex. /filter language fr en, ou /filter language toutes.`,
    });
  }
  const updated = await updateChatSettings(context, { languages: all ? [] : [...new Set(codes)] });
  return reply(context, {
    en: `Filters updated.\n${currentFilters(updated.settings, 'en')}`,
    fr: `Filtres mis à jour.\n${currentFilters(updated.settings, 'fr')}`,
  });
}

async function clear(context: CommandContext, which: string): Promise<CommandReply> {
  const target = which ? ACTIONS[which.toLowerCase()] : undefined;
  if (which && target !== 'include' && target !== 'exclude' && target !== 'language') {
    return reply(context, { en: `Clear what? ${USAGE.en}`, fr: `Effacer quoi ? ${USAGE.fr}` });
  }
  const patch: Partial<ChatSettings> =
    target === 'include' ? { include: [] } : target === 'exclude' ? { exclude: [] } : target === 'language' ? { languages: [] } : { include: [], exclude: [], languages: [] };
  const updated = await updateChatSettings(context, patch);
  return reply(context, {
    en: `Filters cleared.\n${currentFilters(updated.settings, 'en')}`,
    fr: `Filtres effacés.\n${currentFilters(updated.settings, 'fr')}`,
  });
}

/**
 * `/filter include|exclude <words>`, `/filter language <codes>`, `/filter clear`: which news
 * reaches this chat. Include words: an item must contain one; exclude words: it must contain
 * none; languages: only items in these languages (items of unknown language pass). Matching is
 * whole words and phrases, case- and accent-insensitive, in linear time.
 */
export const filterCommand: CommandDefinition = {
  name: 'filter',
  argument: {
    name: 'rule',
    description: { en: 'include|exclude|language|clear <words>', fr: 'include|exclude|language|clear <mots>' },
    required: false,
  },
  description: { en: 'Keep or drop news by keyword or language', fr: 'Garder ou écarter des nouvelles par mot-clé ou langue' },
  manages: true,
  async run(context) {
    const { args, chat } = context;
    const [first = '', ...rest] = args.split(/\s+/);
    const action = ACTIONS[first.toLowerCase()];
    const text = rest.join(' ').trim();
    if (!args || !action) {
      const prefix = args ? { en: `Unknown filter action “${first}”.\n`, fr: `Action de filtre inconnue « ${first} ».\n` } : { en: '', fr: '' };
      return reply(context, {
        en: `${prefix.en}${currentFilters(chat.settings, 'en')}\n\n${USAGE.en}`,
        fr: `${prefix.fr}${currentFilters(chat.settings, 'fr')}\n\n${USAGE.fr}`,
      });
    }
    try {
      if (action === 'clear') return await clear(context, text);
      if (action === 'language') return await setLanguages(context, text);
      return await addTerms(context, action, text);
    } catch (error) {
      if (!(error instanceof KeywordTermsError)) throw error;
      return reply(context, {
        en: `${error.message}. ${USAGE.en}`,
        fr: `${error.problem === 'too_many' ? `au plus ${MAX_TERMS} termes par liste` : error.problem === 'too_long' ? `« ${error.term ?? ''} » est trop long (100 caractères au plus)` : 'aucun mot donné'}. ${USAGE.fr}`,
      });
    }
  },
};
