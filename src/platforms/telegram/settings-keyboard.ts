import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import { describeSettingValue, settingOptionsFor, type ChatSettingOption } from '../../commands/chat-setting-options.ts';
import type { InterfaceLanguage } from '../../commands/command.ts';
import type { ChatRecord } from '../../store/records.ts';
import { encodeButton } from './callback-data.ts';

/** The stories-per-digest values offered as buttons; any other in range is typed (/settings stories 12). */
const STORY_CHOICES = [3, 5, 8, 10, 15];

/** The mark of each setting's row, repeated in the message above the keyboard. */
const ROW_MARKS: Record<ChatSettingOption['key'], string> = { stories: '📰', language: '🌐', nothing_new: '💬', quiet_hours: '🌙', thread_per_digest: '🧵' };

function valuesOf(option: ChatSettingOption, current: string, lang: InterfaceLanguage): { value: string; label: string }[] {
  const kind = option.kind;
  if (kind.type === 'integer') {
    const numbers = STORY_CHOICES.filter((value) => value >= kind.min && value <= kind.max);
    const currentNumber = Number(current);
    if (!numbers.includes(currentNumber)) numbers.push(currentNumber);
    return numbers.sort((a, b) => a - b).map((value) => ({ value: String(value), label: String(value) }));
  }
  if (kind.type === 'boolean') return ['on', 'off'].map((value) => ({ value, label: describeSettingValue(option, value, lang) }));
  const choices = kind.choices.map((choice) => ({ value: choice.value, label: choice.label[lang] }));
  if (!choices.some((choice) => choice.value === current)) choices.push({ value: current, label: current });
  return choices;
}

/**
 * The text above the settings keyboard: each setting with its current value, marked like its row.
 *
 * @example
 *   settingsText(chat, 'en'); // '⚙️ Settings of this chat — tap to change:\n📰 Stories per digest: 5\n…'
 */
export function settingsText(chat: ChatRecord, lang: InterfaceLanguage, where: string | null = null): string {
  const lines = settingOptionsFor(chat.platform).map((option) => `${ROW_MARKS[option.key]} ${option.label[lang]}: ${describeSettingValue(option, option.read(chat.settings), lang)}`);
  const title = where
    ? lang === 'fr'
      ? `⚙️ Réglages de ${where} — touchez pour changer :`
      : `⚙️ Settings of ${where} — tap to change:`
    : lang === 'fr'
      ? '⚙️ Réglages de ce chat — touchez pour changer :'
      : '⚙️ Settings of this chat — tap to change:';
  const typed = lang === 'fr' ? 'Ou tapez par ex. /settings stories 12 quiet_hours 22:30-06:45' : 'Or type e.g. /settings stories 12 quiet_hours 22:30-06:45';
  return `${title}\n${lines.join('\n')}\n\n${typed}`;
}

/**
 * The chat's settings as an inline keyboard: one row per setting (its mark, then its values,
 * the current one ticked), built from the shared settings-as-data so Telegram offers exactly
 * what `/settings <setting> <value>` accepts.
 *
 * @example
 *   await api.sendMessage(chatId, settingsText(chat, 'en'), { reply_markup: settingsKeyboard(chat, 'en') });
 */
export function settingsKeyboard(chat: ChatRecord, lang: InterfaceLanguage): InlineKeyboardMarkup {
  const rows: InlineKeyboardButton[][] = settingOptionsFor(chat.platform).map((option) => {
    const current = option.read(chat.settings);
    return [
      { text: ROW_MARKS[option.key], callback_data: encodeButton({ kind: 'label', chatRef: chat.id, key: option.key }) },
      ...valuesOf(option, current, lang).map(({ value, label }) => ({
        text: value === current ? `✓ ${label}` : label,
        callback_data: encodeButton({ kind: 'setting', chatRef: chat.id, key: option.key, value }),
      })),
    ];
  });
  return { inline_keyboard: rows };
}
