import { formatQuietHours, parseQuietHours } from '../delivery/quiet-hours.ts';
import type { ChatSettings, Platform } from '../store/records.ts';
import type { InterfaceLanguage } from './command.ts';

/** The kind of value a setting takes, which decides how each platform offers it. */
export type SettingKind =
  | { type: 'integer'; min: number; max: number }
  | { type: 'choice'; choices: readonly { value: string; label: Record<InterfaceLanguage, string> }[] }
  | { type: 'boolean' };

/**
 * One setting of a chat, described as data so each platform can offer it its own way: Telegram as
 * an inline keyboard, Discord as slash-command options (an integer with bounds, choices, a
 * boolean). Values travel as text ("8", "fr", "on") so `/settings stories 8` works everywhere.
 *
 * @example
 *   const stories = CHAT_SETTING_OPTIONS.find((option) => option.key === 'stories')!;
 *   stories.parse('8'); // { stories: 8 }
 */
export interface ChatSettingOption {
  /** The canonical name, also the Discord option name. */
  key: 'stories' | 'language' | 'nothing_new' | 'thread_per_digest' | 'quiet_hours';
  /** Other names accepted in text (French forms). */
  aliases: readonly string[];
  label: Record<InterfaceLanguage, string>;
  kind: SettingKind;
  /** Platforms where the setting means something; null for all. */
  platforms: readonly Platform[] | null;
  /** The current value as canonical text ("8", "fr", "auto", "on", "off"). */
  read(settings: ChatSettings): string;
  /** The change a text value asks for, or null when the value is not acceptable. */
  parse(value: string): Partial<ChatSettings> | null;
}

const TRUE = new Set(['on', 'true', 'yes', '1', 'oui', 'activé', 'active']);
const FALSE = new Set(['off', 'false', 'no', '0', 'non', 'désactivé', 'desactive']);

function parseBoolean(value: string): boolean | null {
  const word = value.trim().toLowerCase();
  if (TRUE.has(word)) return true;
  if (FALSE.has(word)) return false;
  return null;
}

/** Stories per digest a chat may choose. */
export const STORIES_RANGE = { min: 1, max: 20 } as const;

/**
 * The settings `/settings` changes: stories per digest, interface language, "nothing new"
 * messages, and on Discord a new thread or forum post per digest.
 */
export const CHAT_SETTING_OPTIONS: readonly ChatSettingOption[] = [
  {
    key: 'stories',
    aliases: ['sujets', 'stories_per_digest'],
    label: { en: 'Stories per digest', fr: 'Sujets par digest' },
    kind: { type: 'integer', ...STORIES_RANGE },
    platforms: null,
    read: (settings) => String(settings.stories),
    parse: (value) => {
      const number = Number(value);
      return Number.isInteger(number) && number >= STORIES_RANGE.min && number <= STORIES_RANGE.max ? { stories: number } : null;
    },
  },
  {
    key: 'language',
    aliases: ['langue', 'lang'],
    label: { en: 'Interface language', fr: 'Langue de l’interface' },
    kind: {
      type: 'choice',
      choices: [
        { value: 'auto', label: { en: 'automatic (each user’s)', fr: 'automatique (celle de chacun)' } },
        { value: 'en', label: { en: 'English', fr: 'anglais' } },
        { value: 'fr', label: { en: 'French', fr: 'français' } },
      ],
    },
    platforms: null,
    read: (settings) => settings.lang ?? 'auto',
    parse: (value) => {
      const word = value.trim().toLowerCase();
      if (['auto', 'automatic', 'automatique'].includes(word)) return { lang: null };
      if (['en', 'english', 'anglais'].includes(word)) return { lang: 'en' };
      if (['fr', 'french', 'français', 'francais'].includes(word)) return { lang: 'fr' };
      return null;
    },
  },
  {
    key: 'nothing_new',
    aliases: ['rien_de_nouveau', 'post_when_empty'],
    label: { en: 'Post “nothing new” when a digest is empty', fr: 'Publier « rien de nouveau » quand un digest est vide' },
    kind: { type: 'boolean' },
    platforms: null,
    read: (settings) => (settings.postWhenEmpty ? 'on' : 'off'),
    parse: (value) => {
      const flag = parseBoolean(value);
      return flag === null ? null : { postWhenEmpty: flag };
    },
  },
  {
    key: 'thread_per_digest',
    aliases: ['fil_par_digest', 'thread'],
    label: { en: 'A new thread per digest (forum channels always get a new post)', fr: 'Un nouveau fil par digest (les forums ont toujours un nouveau post)' },
    kind: { type: 'boolean' },
    platforms: ['discord'],
    read: (settings) => (settings.threadPerDigest ? 'on' : 'off'),
    parse: (value) => {
      const flag = parseBoolean(value);
      return flag === null ? null : { threadPerDigest: flag };
    },
  },
  {
    key: 'quiet_hours',
    aliases: ['heures_calmes', 'quiet', 'silence'],
    label: { en: 'Quiet hours (digests arrive without a sound)', fr: 'Heures calmes (les digests arrivent sans son)' },
    // The usual spans; any other ("22:30-06:45") is accepted as text.
    kind: {
      type: 'choice',
      choices: [
        { value: 'off', label: { en: 'none', fr: 'aucune' } },
        { value: '22-07', label: { en: '22:00–07:00', fr: '22:00–07:00' } },
        { value: '23-08', label: { en: '23:00–08:00', fr: '23:00–08:00' } },
        { value: '21-06', label: { en: '21:00–06:00', fr: '21:00–06:00' } },
      ],
    },
    platforms: ['telegram'],
    read: (settings) => formatQuietHours(settings.quietHours),
    parse: (value) => {
      const parsed = parseQuietHours(value);
      return parsed.ok ? { quietHours: parsed.value } : null;
    },
  },
];

/**
 * The settings a platform shows.
 *
 * @example
 *   settingOptionsFor('telegram').map((option) => option.key); // ['stories', 'language', 'nothing_new']
 */
export function settingOptionsFor(platform: Platform): ChatSettingOption[] {
  return CHAT_SETTING_OPTIONS.filter((option) => option.platforms === null || option.platforms.includes(platform));
}

/**
 * The setting a typed name refers to ("stories", "sujets", "nothing-new"…), if any, among the platform's.
 *
 * @example
 *   findSettingOption('langue', 'telegram')?.key; // 'language'
 */
export function findSettingOption(name: string, platform: Platform): ChatSettingOption | undefined {
  const wanted = name.trim().toLowerCase().replace(/-/g, '_');
  return settingOptionsFor(platform).find((option) => option.key === wanted || option.aliases.includes(wanted));
}

/**
 * How a value shows in a reply ("on" → "on"/"oui", "fr" → "French"/"français").
 *
 * @example
 *   describeSettingValue(languageOption, 'fr', 'en'); // 'French'
 */
export function describeSettingValue(option: ChatSettingOption, value: string, lang: InterfaceLanguage): string {
  if (option.kind.type === 'choice') return option.kind.choices.find((choice) => choice.value === value)?.label[lang] ?? value;
  if (option.kind.type === 'boolean') return value === 'on' ? (lang === 'fr' ? 'oui' : 'on') : lang === 'fr' ? 'non' : 'off';
  return value;
}
