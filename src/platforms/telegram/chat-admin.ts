import { GrammyError, type Api } from 'grammy';
import type { ChatMember } from 'grammy/types';

/**
 * Whether a chat member may change the chat's subscriptions: its creator or an administrator.
 *
 * @example
 *   isAdministrator(await api.getChatMember(chatId, userId)); // true for 'creator' and 'administrator'
 */
export function isAdministrator(member: ChatMember): boolean {
  return member.status === 'creator' || member.status === 'administrator';
}

/**
 * Whether a user is the creator or an administrator of a chat, asked of Telegram (getChatMember).
 * False when Telegram will not say (the bot is not in the chat any more).
 *
 * @example
 *   if (!(await isChatAdmin(api, -1001234, 42))) return refuse();
 */
export async function isChatAdmin(api: Api, chatId: number, userId: number): Promise<boolean> {
  try {
    return isAdministrator(await api.getChatMember(chatId, userId));
  } catch (error) {
    if (error instanceof GrammyError && (error.error_code === 400 || error.error_code === 403)) return false;
    throw error;
  }
}

/** Why the bot cannot post in a channel, or that it can. */
export type ChannelPostingCheck = { ok: true } | { ok: false; problem: 'not_member' | 'cannot_post'; detail: string };

/**
 * Whether the bot is an administrator of a channel with the right to post messages.
 *
 * @example
 *   const check = await botCanPostInChannel(api, channelId, me.id);
 */
export async function botCanPostInChannel(api: Api, channelId: number, botId: number): Promise<ChannelPostingCheck> {
  let member: ChatMember;
  try {
    member = await api.getChatMember(channelId, botId);
  } catch (error) {
    if (error instanceof GrammyError && (error.error_code === 400 || error.error_code === 403)) return { ok: false, problem: 'not_member', detail: error.description };
    throw error;
  }
  if (member.status === 'creator') return { ok: true };
  if (member.status !== 'administrator') return { ok: false, problem: 'not_member', detail: `the bot is ${member.status} there` };
  return member.can_post_messages === false ? { ok: false, problem: 'cannot_post', detail: 'no right to post messages' } : { ok: true };
}
