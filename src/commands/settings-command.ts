import type { ChatRecord, ChatSettings } from '../store/records.ts';
import { describeSettingValue, findSettingOption, settingOptionsFor, type ChatSettingOption } from './chat-setting-options.ts';
import { reply, type CommandDefinition, type InterfaceLanguage } from './command.ts';
import { updateChatSettings } from './update-chat-settings.ts';

function usage(option: ChatSettingOption): string {
  const kind = option.kind;
  if (kind.type === 'integer') return `${option.key} ${kind.min}–${kind.max}`;
  if (kind.type === 'choice') return `${option.key} ${kind.choices.map((choice) => choice.value).join('|')}`;
  return `${option.key} on|off`;
}

function listing(chat: ChatRecord, lang: InterfaceLanguage): string {
  return settingOptionsFor(chat.platform)
    .map((option) => `• ${option.label[lang]}: ${describeSettingValue(option, option.read(chat.settings), lang)}`)
    .join('\n');
}

function usageLine(chat: ChatRecord, lang: InterfaceLanguage): string {
  const forms = settingOptionsFor(chat.platform)
    .map((option) => usage(option))
    .join(' · ');
  return lang === 'fr' ? `Pour changer : /settings <réglage> <valeur> — ${forms}` : `To change: /settings <setting> <value> — ${forms}`;
}

/** Reads "stories 8 language fr" or "stories=8, language=fr" as (name, value) pairs. */
function pairs(args: string): [string, string][] | null {
  const words = args
    // A colon between digits is a time ("quiet_hours 22:30-06:45"); elsewhere it separates like "=".
    .replace(/[=,]|:(?!\d)|(?<!\d):/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length % 2) return null;
  const result: [string, string][] = [];
  for (let index = 0; index < words.length; index += 2) result.push([words[index]!, words[index + 1]!]);
  return result;
}

/**
 * `/settings [<setting> <value>…]`: this chat's stories per digest (1–20), interface language
 * (en, fr, auto), "nothing new" messages (on/off) and, on Discord, a new thread per digest.
 * Without arguments, shows them. The settings are data (`CHAT_SETTING_OPTIONS`): Telegram can
 * offer them as buttons and Discord as typed options, both ending here as text.
 */
export const settingsCommand: CommandDefinition = {
  name: 'settings',
  argument: { name: 'changes', description: { en: 'e.g. stories 8, language fr', fr: 'ex. stories 8, language fr' }, required: false },
  description: { en: 'Stories per digest, language and other settings', fr: 'Sujets par digest, langue et autres réglages' },
  manages: true,
  async run(context) {
    const { chat, args, lang } = context;
    if (!args) {
      return reply(context, {
        en: `Settings of this chat:\n${listing(chat, 'en')}\n\n${usageLine(chat, 'en')}`,
        fr: `Réglages de ce chat :\n${listing(chat, 'fr')}\n\n${usageLine(chat, 'fr')}`,
      });
    }
    const requested = pairs(args);
    if (!requested) {
      return reply(context, {
        en: `Each setting needs a value: “${args}”.\n${usageLine(chat, 'en')}`,
        fr: `Chaque réglage demande une valeur : « ${args} ».\n${usageLine(chat, 'fr')}`,
      });
    }
    let patch: Partial<ChatSettings> = {};
    for (const [name, value] of requested) {
      const option = findSettingOption(name, chat.platform);
      if (!option) {
        return reply(context, {
          en: `There is no setting “${name}” here.\n${usageLine(chat, 'en')}`,
          fr: `Il n’y a pas de réglage « ${name} » ici.\n${usageLine(chat, 'fr')}`,
        });
      }
      const change = option.parse(value);
      if (!change) {
        return reply(context, {
          en: `“${value}” is not a value for ${option.key} (expected ${usage(option)}).`,
          fr: `« ${value} » n’est pas une valeur pour ${option.key} (attendu : ${usage(option)}).`,
        });
      }
      patch = { ...patch, ...change };
    }
    const updated = await updateChatSettings(context, patch);
    // A chosen interface language applies to this very answer.
    const shownIn: InterfaceLanguage = updated.settings.lang === 'fr' || updated.settings.lang === 'en' ? updated.settings.lang : lang;
    return {
      kind: 'text',
      text: shownIn === 'fr' ? `Réglages enregistrés :\n${listing(updated, 'fr')}` : `Settings saved:\n${listing(updated, 'en')}`,
    };
  },
};
