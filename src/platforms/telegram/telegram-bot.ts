import type { Api } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { ChatCooldown } from '../../commands/chat-cooldown.ts';
import type { RunningService } from '../../service/start-service.ts';
import type { ChannelSessions } from './channel-sessions.ts';
import type { TelegramAccess } from './telegram-access.ts';
import type { TelegramFiles } from './telegram-files.ts';

/**
 * What the update handlers share while the Telegram bot runs: the service, the API used for
 * replies (paced ahead of digests on the delivery core's throttle, and retried), who the bot
 * is, where files download from, the per-chat cooldowns and the channels users manage from
 * their private chat.
 *
 * @example
 *   await handleMessage(bot, ctx.message);
 */
export interface TelegramBot {
  service: RunningService;
  api: Api;
  me: UserFromGetMe;
  files: TelegramFiles;
  /** Who may use the bot (the instance's allow-list, and groups that became supergroups meanwhile). */
  access: TelegramAccess;
  /** One `/digest` per chat (or topic) per interval. */
  digestCooldown: ChatCooldown;
  /** One "this instance is private" answer per chat per interval, however much a stranger writes. */
  strangerCooldown: ChatCooldown;
  channels: ChannelSessions;
}
