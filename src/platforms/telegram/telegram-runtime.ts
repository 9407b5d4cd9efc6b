import { Bot, InputFile, type Context } from 'grammy';
import type { CommandContext, InterfaceLanguage } from '../../commands/command.ts';
import { COMMANDS, runCommand } from '../../commands/command-registry.ts';
import { escapeTelegramHtml } from '../../render/telegram-html.ts';
import { ensureChatWithDefaults, type PlatformRuntime, type RunningService } from '../../service/start-service.ts';
import type { ChatKind } from '../../store/records.ts';
import { telegramChannel } from './telegram-channel.ts';

function interfaceLanguage(code: string | undefined): InterfaceLanguage {
  return code?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

function chatKind(type: string): ChatKind {
  if (type === 'private') return 'private';
  if (type === 'channel') return 'channel';
  return 'group';
}

async function handleCommand(service: RunningService, ctx: Context, name: string): Promise<void> {
  const message = ctx.msg;
  const chat = ctx.chat;
  if (!message || !chat) return;
  const record = await ensureChatWithDefaults(
    service,
    { platform: 'telegram', chatId: String(chat.id), threadId: message.is_topic_message ? String(message.message_thread_id) : null },
    { kind: chatKind(chat.type), title: 'title' in chat ? (chat.title ?? null) : null },
    service.delivery.now(),
  );
  const args = (ctx.match && typeof ctx.match === 'string' ? ctx.match : '').trim();
  const from = ctx.from;
  const context: CommandContext = {
    service,
    chat: record,
    user: { id: String(from?.id ?? chat.id), name: from?.username ?? from?.first_name ?? null },
    lang: (record.settings.lang as InterfaceLanguage | null) ?? interfaceLanguage(from?.language_code),
    args,
    canManage: async () => {
      if (chat.type === 'private' || chat.type === 'channel') return true;
      if (!from) return false;
      const member = await ctx.api.getChatMember(chat.id, from.id);
      return member.status === 'creator' || member.status === 'administrator';
    },
  };
  const answer = await runCommand(name, context);
  if (answer.kind === 'text') {
    await ctx.reply(escapeTelegramHtml(answer.text), {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(message.is_topic_message ? { message_thread_id: message.message_thread_id } : {}),
    });
  } else if (answer.kind === 'file') {
    await ctx.replyWithDocument(new InputFile(Buffer.from(answer.content, 'utf8'), answer.name), {
      caption: escapeTelegramHtml(answer.text),
      parse_mode: 'HTML',
      ...(message.is_topic_message ? { message_thread_id: message.message_thread_id } : {}),
    });
  }
}

/**
 * The Telegram bot (grammY, long polling): chat commands go to the shared command layer,
 * digests go out through the delivery core.
 *
 * @example
 *   platforms.push(telegramRuntime({ token: process.env.TELEGRAM_BOT_TOKEN, apiRoot: undefined }));
 */
export function telegramRuntime(options: { token: string; apiRoot: string | undefined }): PlatformRuntime {
  const bot = new Bot(options.token, options.apiRoot ? { client: { apiRoot: options.apiRoot } } : {});
  let polling: Promise<void> | null = null;
  return {
    channel: telegramChannel(bot.api),
    async start(service) {
      for (const command of [...COMMANDS.map((definition) => definition.name), 'start']) {
        bot.command(command, (ctx) => handleCommand(service, ctx, command));
      }
      bot.catch((error) => service.log.error({ err: error.error, update: error.ctx.update.update_id }, 'telegram update failed'));
      await bot.init();
      await bot.api.setMyCommands(COMMANDS.map((command) => ({ command: command.name, description: command.description.en })));
      await bot.api.setMyCommands(COMMANDS.map((command) => ({ command: command.name, description: command.description.fr })), { language_code: 'fr' });
      polling = bot.start({ drop_pending_updates: false, onStart: (me) => service.log.info(`Telegram bot @${me.username} is polling`) });
      polling.catch((error: unknown) => service.log.error({ err: error }, 'telegram polling stopped'));
    },
    async stop() {
      if (bot.isRunning()) await bot.stop();
      await polling?.catch(() => undefined);
    },
  };
}
