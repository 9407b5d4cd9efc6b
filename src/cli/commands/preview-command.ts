import { environmentWithDotEnv } from '../../config/environment.ts';
import { loadConfig } from '../../config/load-config.ts';
import { collectDigest } from '../../delivery/collect-digest.ts';
import { createDeliveryContext } from '../../delivery/delivery-context.ts';
import { createIngestContext } from '../../feeds/ingest-context.ts';
import { ingestFeeds } from '../../feeds/ingest-feed.ts';
import { silentLogger } from '../../logger.ts';
import { renderDiscord } from '../../render/render-discord.ts';
import { renderTelegram } from '../../render/render-telegram.ts';
import { renderText } from '../../render/render-text.ts';
import { defaultChatSettings } from '../../service/chat-defaults.ts';
import { syncConfiguredFeeds } from '../../service/sync-configured-feeds.ts';
import { openSqliteStore } from '../../store/sqlite/open-sqlite-store.ts';
import { parseCommandLine } from '../parse-command-line.ts';
import { UsageError } from '../usage-error.ts';

export const previewHelp = `Usage: precis preview [--format text|telegram|discord|json]

Fetches the configured feeds now and prints the digest as it would be sent, without touching
the database (nothing is marked as delivered).

Options:
  --format    text (default), telegram (the HTML messages), discord (the message payloads),
              or json (the platform-neutral digest)
  -h, --help  show this help`;

const FORMATS = ['text', 'telegram', 'discord', 'json'] as const;

/** `precis preview`: a digest of the configured feeds, built now, printed as it would be sent. */
export async function previewCommand(args: string[], output: NodeJS.WritableStream, env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  const { values, positionals } = parseCommandLine('preview', args, { format: { type: 'string', default: 'text' } });
  if (values.help) {
    output.write(`${previewHelp}\n`);
    return 0;
  }
  if (positionals.length) throw new UsageError(`preview takes no arguments (got "${positionals.join(' ')}")`, 'precis preview --help');
  const format = FORMATS.find((candidate) => candidate === values.format);
  if (!format) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${values.format}")`, 'precis preview --help');

  const config = loadConfig(environmentWithDotEnv(env, cwd), cwd);
  const store = await openSqliteStore(':memory:');
  try {
    const now = Date.now();
    const log = silentLogger();
    const feeds = await syncConfiguredFeeds(store, config.feeds, now);
    const context = createIngestContext(config, store, log);
    // A preview shows everything recent the feeds carry, not only the newest few of a first fetch.
    const results = await ingestFeeds({ ...context, optionsFor: (feed) => ({ ...context.optionsFor(feed), firstFetchNewest: Number.MAX_SAFE_INTEGER }) }, feeds, now);
    await context.close();
    for (const result of results) if (result.status === 'failed') process.stderr.write(`warning: ${result.error.message}\n`);
    const chat = await store.ensureChat({ platform: 'console', chatId: 'preview' }, { kind: 'private', title: 'preview' }, defaultChatSettings(config), now);
    for (const feed of feeds) await store.subscribe(chat.id, feed.id, now);
    const { digest } = await collectDigest(createDeliveryContext({ store, channels: [], digest: config.digest, log, now: () => now }), chat, 'on_demand');
    const lang = digest.stories[0]?.lang ?? null;
    const rendered =
      format === 'text'
        ? renderText(digest, lang)
        : JSON.stringify(format === 'json' ? digest : format === 'telegram' ? renderTelegram(digest, lang) : renderDiscord(digest, lang), null, 2);
    output.write(rendered.endsWith('\n') ? rendered : `${rendered}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
