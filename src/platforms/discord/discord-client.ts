import { Client, GatewayIntentBits } from 'discord.js';

/** Rate-limit waits longer than this are not waited inside a send (DeliveryChannel: sends are bounded in time). */
export const MAX_QUEUED_RATE_LIMIT_MS = 10_000;

/**
 * The discord.js client Précis uses: the Guilds intent only (slash commands, channels and
 * permissions; no privileged intent), no mentions by default on anything discord.js sends, REST
 * at `apiRoot` when given (a proxy, or a test fake). Short rate-limit waits stay in discord.js's
 * per-route queue; a long one rejects with a RateLimitError that the delivery core turns into a
 * paced retry, so no send blocks past its delivery lease.
 *
 * @example
 *   const client = createDiscordClient(process.env.DISCORD_API_ROOT);
 *   await client.login(token);
 */
export function createDiscordClient(apiRoot: string | undefined): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: {
      ...(apiRoot ? { api: apiRoot } : {}),
      rejectOnRateLimit: (limit) => Math.max(limit.retryAfter, limit.timeToReset) > MAX_QUEUED_RATE_LIMIT_MS,
    },
  });
}
