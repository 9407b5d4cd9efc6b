import { createHash } from 'node:crypto';
import { Api, Bot, GrammyError } from 'grammy';
import { ChatCooldown, DIGEST_COOLDOWN_MS } from '../../commands/chat-cooldown.ts';
import { COMMANDS } from '../../commands/command-registry.ts';
import { ConfigError } from '../../config/config-error.ts';
import type { TelegramConfig } from '../../config/load-config.ts';
import type { DeliveryLimits } from '../../delivery/send/channel-limits.ts';
import { ChatLocks } from '../../delivery/send/chat-locks.ts';
import type { PlatformRuntime, RunningService } from '../../service/start-service.ts';
import { handleButton } from './callback-handler.ts';
import { ChannelSessions } from './channel-sessions.ts';
import { connectTelegram, untilReachable } from './connect-telegram.ts';
import { handleMembership } from './membership.ts';
import { handleMessage } from './message-handler.ts';
import { replyPacing } from './reply-pacing.ts';
import { TelegramAccess } from './telegram-access.ts';
import type { TelegramBot } from './telegram-bot.ts';
import { telegramChannel } from './telegram-channel.ts';
import { loggableError } from './telegram-errors.ts';
import { startWebhookServer, type WebhookServer } from './webhook-server.ts';

/**
 * How the Telegram bot runs: the config and, for tests and benchmarks, quicker retries when the
 * Bot API is unreachable at start, and other sending limits than Telegram's.
 */
export interface TelegramRuntimeOptions extends TelegramConfig {
  connectBackoff?: { firstMs: number; maxMs: number };
  limits?: DeliveryLimits;
  /** How long to wait before polling again after Telegram ended the polling (default 30 s). */
  pollingRestartMs?: number;
}

/** One "this instance is private" answer (or word of help) per chat per this long. */
const STRANGER_COOLDOWN_MS = 60_000;
/** getUpdates waits this long for news (long polling)… */
const POLL_TIMEOUT_S = 30;
/** …so the polling client waits longer than that; a digest send gives up well before its 60 s delivery lease. */
const POLL_CLIENT_TIMEOUT_S = POLL_TIMEOUT_S + 15;
const SEND_TIMEOUT_S = 30;
/** Before polling again after Telegram ended it (409: another instance polls, or a webhook is set). */
const POLLING_RESTART_MS = 30_000;
/** The updates the bot acts on. */
export const ALLOWED_UPDATES = ['message', 'channel_post', 'callback_query', 'my_chat_member'] as const;

/**
 * The webhook's secret token when none is configured: derived from the bot token, so it is the
 * same across restarts and instances, and unknown to anyone without the token.
 *
 * @example
 *   webhookSecret('123:abc'); // 64 hex characters
 */
export function webhookSecret(token: string): string {
  return createHash('sha256').update(`precis-telegram-webhook:${token}`).digest('hex');
}

async function registerCommands(bot: Bot, service: RunningService): Promise<void> {
  try {
    await bot.api.setMyCommands(COMMANDS.map((command) => ({ command: command.name, description: command.description.en })));
    await bot.api.setMyCommands(COMMANDS.map((command) => ({ command: command.name, description: command.description.fr })), { language_code: 'fr' });
  } catch (error) {
    // The menu is a convenience: commands work without it.
    service.log.warn({ err: loggableError(error) }, 'telegram: could not register the command menu (setMyCommands)');
  }
}

/**
 * The Telegram bot (grammY): long polling by default, or a webhook (TELEGRAM_WEBHOOK_URL) behind
 * a reverse proxy. Commands in private chats, groups (with @botname), forum topics and channels
 * (their posts, or set up from a private chat by forwarding one) go to the shared commands; the
 * bot's removal or return pauses or resumes its chats; digests go out through the delivery core
 * on their own API client, and command answers take their turns on the same throttle, ahead of
 * the digests (replyPacing), so both share Telegram's limits. Each chat's updates are handled in
 * order, different chats at once, so a long /digest never holds up anyone else. A refused token
 * stops start-up with a one-line error naming TELEGRAM_BOT_TOKEN; an unreachable Bot API is
 * retried with backoff.
 *
 * @example
 *   platforms.push(telegramRuntime({ token, apiRoot: undefined, webhook: null }));
 */
export function telegramRuntime(options: TelegramRuntimeOptions): PlatformRuntime {
  const apiRoot = options.apiRoot ?? 'https://api.telegram.org';
  const root = options.apiRoot ? { apiRoot: options.apiRoot } : {};
  const bot = new Bot(options.token, { client: { ...root, timeoutSeconds: POLL_CLIENT_TIMEOUT_S } });
  const deliveryApi = new Api(options.token, { ...root, timeoutSeconds: SEND_TIMEOUT_S });
  const stopping = new AbortController();
  let polling: Promise<void> | null = null;
  let restartTimer: NodeJS.Timeout | undefined;
  let webhook: WebhookServer | null = null;
  let intakeStopped: Promise<void> | null = null;

  /** Stops taking updates (first thing on shutdown, so nothing new starts while work drains). */
  const stopIntake = (): Promise<void> =>
    (intakeStopped ??= (async () => {
      stopping.abort();
      clearTimeout(restartTimer);
      if (bot.isRunning()) {
        // Confirms the offset of what was taken in; a Bot API that does not answer is not waited for long.
        await Promise.race([bot.stop().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      }
      await polling?.catch(() => undefined);
      await webhook?.close();
    })());

  return {
    channel: telegramChannel(deliveryApi, options.limits ? { limits: options.limits } : {}),
    async start(service) {
      const { log } = service;
      // Answers take turns on the digests' throttle (ahead of them): one budget, no 429 during a fan-out.
      const throttle = service.delivery.throttles.get('telegram');
      if (!throttle) throw new Error('telegram: the delivery core has no throttle for this channel');
      bot.api.config.use(replyPacing(throttle, service.delivery.now));
      service.delivery.signal.addEventListener('abort', () => void stopIntake(), { once: true });
      await connectTelegram(bot, { log, apiRoot, signal: stopping.signal, ...(options.connectBackoff ? { backoff: options.connectBackoff } : {}) });
      const now = service.delivery.now;
      const telegram: TelegramBot = {
        service,
        api: bot.api,
        me: bot.botInfo,
        files: { apiRoot, token: options.token },
        access: new TelegramAccess(service.config.access, log),
        digestCooldown: new ChatCooldown(DIGEST_COOLDOWN_MS, now),
        strangerCooldown: new ChatCooldown(STRANGER_COOLDOWN_MS, now),
        channels: new ChannelSessions(now),
      };
      const locks = new ChatLocks();
      // Handled in the background, one at a time per chat: the polling loop (or the webhook's answer) never waits for a command.
      const dispatch = (chatId: number, what: string, task: () => Promise<void>) => {
        void service.work.run(
          () => locks.run(chatId, task),
          (error) => log.error({ err: loggableError(error), chat: chatId }, `telegram: ${what} failed`),
        );
      };
      bot.on('message', (ctx) => dispatch(ctx.message.chat.id, 'message', () => handleMessage(telegram, ctx.message, false)));
      bot.on('channel_post', (ctx) => dispatch(ctx.channelPost.chat.id, 'channel post', () => handleMessage(telegram, ctx.channelPost, true)));
      bot.on('callback_query', (ctx) => dispatch(ctx.callbackQuery.message?.chat.id ?? ctx.callbackQuery.from.id, 'button', () => handleButton(telegram, ctx.callbackQuery)));
      bot.on('my_chat_member', (ctx) => dispatch(ctx.myChatMember.chat.id, 'membership change', () => handleMembership(telegram, ctx.myChatMember)));
      bot.catch((error) => log.error({ err: loggableError(error.error), update: error.ctx.update.update_id }, 'telegram update failed'));
      await registerCommands(bot, service);

      if (options.webhook) {
        const { url, host, port, path } = options.webhook;
        const secret = options.webhook.secret ?? webhookSecret(options.token);
        try {
          webhook = await startWebhookServer({ host, port, path, secret, log, onUpdate: (update) => bot.handleUpdate(update) });
        } catch (error) {
          throw new ConfigError('TELEGRAM_WEBHOOK_PORT', [`cannot listen on ${host}:${port} for the Telegram webhook: ${error instanceof Error ? error.message : String(error)}`]);
        }
        await untilReachable(() => bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false }), { log, what: 'setWebhook', apiRoot, signal: stopping.signal });
        log.info(`Telegram bot @${bot.botInfo.username} receives updates at ${url} (listening on ${host}:${webhook.port}${path})`);
        return;
      }
      const restartMs = options.pollingRestartMs ?? POLLING_RESTART_MS;
      const startPolling = () => {
        polling = bot.start({ allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false, timeout: POLL_TIMEOUT_S, onStart: (me) => log.info(`Telegram bot @${me.username} is polling`) });
        polling.catch((error: unknown) => {
          if (stopping.signal.aborted) return;
          if (error instanceof GrammyError && error.error_code === 401) {
            log.error('Telegram stopped accepting TELEGRAM_BOT_TOKEN (401 Unauthorized): the bot no longer receives updates. Copy the token again from @BotFather and restart.');
            return;
          }
          const conflict = error instanceof GrammyError && error.error_code === 409;
          log.error(
            { err: loggableError(error) },
            conflict
              ? `Telegram ended this bot's polling (409: ${error.description}). Only one process may poll a bot; polling again in ${restartMs / 1000} s`
              : `telegram polling stopped; polling again in ${restartMs / 1000} s`,
          );
          restartTimer = setTimeout(startPolling, restartMs);
        });
      };
      startPolling();
    },
    async stop() {
      await stopIntake();
    },
  };
}
