import { isAllowed } from '../../commands/access.ts';
import type { AccessConfig } from '../../config/schema.ts';
import type { Logger } from '../../logger.ts';

/**
 * The allow-list as the Telegram bot applies it: the instance's `access` rule, plus the new ids
 * of allowed groups that Telegram turned into supergroups while Précis ran (a group's id changes
 * then, and its members should not suddenly be refused). Those last until a restart; the owner
 * is told in the log which id to add.
 *
 * @example
 *   const access = new TelegramAccess(config.access, log);
 *   access.allows({ chatId: '-100123', userId: '42' });
 */
export class TelegramAccess {
  private readonly migrated = new Set<string>();

  constructor(
    private readonly access: AccessConfig,
    private readonly log: Logger,
  ) {}

  /** Whether this user (null for a channel post) in this chat may use the bot. */
  allows(request: { chatId: string; userId: string | null }): boolean {
    return this.migrated.has(request.chatId) || isAllowed(this.access, { platform: 'telegram', ...request });
  }

  /** A group became a supergroup: if the group was allowed by id, its new id is too (until a restart). */
  followMigration(fromChatId: string, toChatId: string): void {
    if (this.access.open || !(this.access.telegram.chats.includes(fromChatId) || this.migrated.has(fromChatId))) return;
    this.migrated.add(toChatId);
    this.log.warn(`Telegram group ${fromChatId} became the supergroup ${toChatId}: it stays allowed until a restart; add "${toChatId}" to access.telegram.chats (or PRECIS_ALLOWED_CHATS) to keep it allowed`);
  }
}
