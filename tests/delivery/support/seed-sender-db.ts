import { chatSettingsSchema } from '../../../src/store/records.ts';
import { openSqliteStore } from '../../../src/store/sqlite/open-sqlite-store.ts';
import type { FakeTelegram } from '../../fakes/telegram/fake-telegram.ts';
import { HEADLINES, storedArticle } from './delivery-fixture.ts';

/** The slot every seeded chat is owed: the top of the hour before `now`. */
export function owedSlot(now: number): number {
  return Math.floor(now / 3_600_000) * 3_600_000;
}

/**
 * A SQLite file for a sender process: `chats` Telegram chats (half private, half groups, also
 * registered with the fake), hourly schedules set before the last hour's slot (so each chat is
 * owed exactly that slot), and `stories` articles, each story long enough that digests of many
 * stories take several messages.
 *
 * @example
 *   const slotAt = await seedSenderDatabase(path, fake, { chats: 60, stories: 3 });
 */
export async function seedSenderDatabase(path: string, fake: FakeTelegram, options: { chats: number; stories: number; storiesPerDigest?: number }): Promise<number> {
  const now = Date.now();
  const slotAt = owedSlot(now);
  const store = await openSqliteStore(path);
  await store.upsertFeed({ id: 'wire', url: 'https://news.example.org/wire.xml', title: 'Wire', lang: 'en', origin: 'config' }, 0);
  const settings = chatSettingsSchema.parse({ cron: '0 * * * *', timezone: 'UTC', stories: options.storiesPerDigest ?? 5, scheduleSince: slotAt - 60_000 });
  for (let index = 0; index < options.chats; index++) {
    const isPrivate = index % 2 === 0;
    const id = isPrivate ? 10_000 + index : -(10_000 + index);
    fake.addChat(isPrivate ? { id, type: 'private', first_name: `reader${index}` } : { id, type: 'group', title: `Group ${index}` });
    const chat = await store.ensureChat({ platform: 'telegram', chatId: String(id) }, { kind: isPrivate ? 'private' : 'group', title: null }, settings, slotAt - 60_000);
    await store.subscribe(chat.id, 'wire', slotAt - 60_000);
  }
  const headlines = Array.from({ length: options.stories }, (_, index) => `${HEADLINES[index % HEADLINES.length] ?? 'News'}${index >= HEADLINES.length ? ` (${index})` : ''}`);
  await store.insertNewArticles(
    headlines.map((headline, index) =>
      storedArticle(headline, slotAt - 120_000 + index, {
        id: `story-${index}`,
        paragraphs: [
          `${headline}, officials said on Tuesday, in a statement that runs long enough to fill a good part of a message.`,
          `"We will not let this stand," said Maria Lopez, the regional director, adding that about 12,000 people were affected.`,
          `The authority said 3.5 million euros would be released, and that a report is due within 30 days.`,
        ],
      }),
    ),
  );
  await store.close();
  return slotAt;
}
