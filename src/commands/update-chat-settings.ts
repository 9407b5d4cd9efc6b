import type { ChatRecord, ChatSettings } from '../store/records.ts';
import type { CommandContext } from './command.ts';

/**
 * Applies a change to the chat's settings from its latest stored state (not the possibly stale
 * copy the adapter read), stores it, and reschedules the chat. Returns the updated chat.
 *
 * @example
 *   const chat = await updateChatSettings(context, { timezone: 'Europe/Paris', scheduleSince: now });
 */
export async function updateChatSettings(context: Pick<CommandContext, 'service' | 'chat'>, patch: Partial<ChatSettings>): Promise<ChatRecord> {
  const { store } = context.service;
  const current = (await store.getChatById(context.chat.id)) ?? context.chat;
  const settings: ChatSettings = { ...current.settings, ...patch };
  await store.updateChatSettings(current.id, settings);
  const updated = { ...current, settings };
  context.service.scheduleChat(updated);
  return updated;
}
