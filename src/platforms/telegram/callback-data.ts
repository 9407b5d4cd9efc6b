import { createHash } from 'node:crypto';

/**
 * What an inline keyboard button asks for, carried in its callback_data (1–64 bytes): a setting
 * of a chat, a feed to unsubscribe from, or nothing (a row's label). The chat is Précis's own
 * chat number, so a button pressed in a private chat can change the channel it manages.
 */
export type ButtonAction =
  | { kind: 'setting'; chatRef: number; key: string; value: string }
  | { kind: 'unsubscribe'; chatRef: number; feedKey: string }
  | { kind: 'label'; chatRef: number; key: string };

/** Telegram's limit on callback_data. */
export const MAX_CALLBACK_DATA_BYTES = 64;

/**
 * A short stable key for a feed id (feed ids can be longer than callback_data allows).
 *
 * @example
 *   feedKey('lemonde-fr-1a2b3c4d'); // 10 hex characters
 */
export function feedKey(feedId: string): string {
  return createHash('sha256').update(feedId).digest('hex').slice(0, 10);
}

/**
 * A button action as callback_data ("s:12:stories:8", "u:12:0a1b2c3d4e", "l:12:stories").
 *
 * @example
 *   encodeButton({ kind: 'setting', chatRef: 12, key: 'stories', value: '8' }); // 's:12:stories:8'
 */
export function encodeButton(action: ButtonAction): string {
  const data = action.kind === 'setting' ? `s:${action.chatRef}:${action.key}:${action.value}` : action.kind === 'unsubscribe' ? `u:${action.chatRef}:${action.feedKey}` : `l:${action.chatRef}:${action.key}`;
  if (Buffer.byteLength(data, 'utf8') > MAX_CALLBACK_DATA_BYTES) throw new RangeError(`callback_data longer than ${MAX_CALLBACK_DATA_BYTES} bytes: ${data}`);
  return data;
}

/**
 * The action a button's callback_data carries, or null for data this bot never wrote (an old
 * keyboard, a forged query).
 *
 * @example
 *   decodeButton('s:12:language:fr'); // { kind: 'setting', chatRef: 12, key: 'language', value: 'fr' }
 */
export function decodeButton(data: string): ButtonAction | null {
  const setting = /^s:(\d{1,15}):([a-z_]{1,32}):([\w.:-]{1,32})$/.exec(data);
  if (setting) return { kind: 'setting', chatRef: Number(setting[1]), key: setting[2]!, value: setting[3]! };
  const unsubscribe = /^u:(\d{1,15}):([0-9a-f]{10})$/.exec(data);
  if (unsubscribe) return { kind: 'unsubscribe', chatRef: Number(unsubscribe[1]), feedKey: unsubscribe[2]! };
  const label = /^l:(\d{1,15}):([a-z_]{1,32})$/.exec(data);
  if (label) return { kind: 'label', chatRef: Number(label[1]), key: label[2]! };
  return null;
}
