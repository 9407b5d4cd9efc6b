import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config/load-config.ts';
import { createLogger } from '../../../src/logger.ts';
import { discordRuntime } from '../../../src/platforms/discord/discord-runtime.ts';
import { startService, type RunningService, type ServiceHandle } from '../../../src/service/start-service.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { rssDocument, startLocalServer, type LocalServer } from '../../feeds/local-server.ts';
import { CHANNEL, FakeDiscord, snowflake, type FakeChannel, type FakeGuild, type InteractionInput } from '../../fakes/discord/fake-discord.ts';
import { BITS, type FakeRole } from '../../fakes/discord/fake-permissions.ts';

/** Fourteen distinct news items (no shared topic words), so each becomes a story of its own. */
const TOPICS = [
  ['Harbour bridge reopens after long repairs', 'Engineers reopened the harbour bridge on Monday after eighteen months of repairs costing 42 million euros. “Traffic will flow again from tonight,” said city engineer Marta Lopez.'],
  ['Glacier melt accelerates in the Alps', 'Alpine glaciers lost 4 percent of their volume this summer, scientists reported. “We have never measured such a loss,” said glaciologist Pierre Dumas.'],
  ['Chess prodigy wins national title', 'A twelve-year-old prodigy won the national chess championship in Lyon, beating three grandmasters. “I just played my moves,” said the young champion, Lea Martin.'],
  ['Rail strike halts regional trains', 'Regional trains stopped across the north as drivers walked out over pay, leaving 300,000 commuters stranded. “We had no choice,” said union leader Karim Benali.'],
  ['Museum unveils restored medieval tapestry', 'The city museum unveiled a restored medieval tapestry after a decade of careful work by 14 conservators. “Every thread tells a story,” said curator Anne Leroy.'],
  ['Startup raises funds for battery recycling', 'A battery recycling startup raised 60 million dollars to build its first plant in Ohio. “Old cells are a mine above ground,” said founder Sam Patel.'],
  ['Drought forces water limits in farming region', 'Authorities limited irrigation in the southern farming region as reservoirs fell to 23 percent. “Farmers must cut use by half,” said prefect Julien Morel.'],
  ['Football club appoints new coach', 'The club appointed a former midfielder as head coach on a three-year contract. “I know this dressing room,” said the new coach, Diego Alvarez.'],
  ['Telescope spots distant galaxy cluster', 'Astronomers using the orbital telescope spotted a galaxy cluster 11 billion light years away. “It formed earlier than models predicted,” said astronomer Yuki Tanaka.'],
  ['Bakery chain recalls contaminated bread', 'A bakery chain recalled 80,000 loaves after traces of metal were found at one factory. “Customers will be refunded in full,” said spokesperson Claire Dubois.'],
  ['Volcano eruption grounds island flights', 'A volcanic eruption grounded all flights to the island as ash rose 9 kilometres high. “The airport stays shut until the cloud clears,” said aviation official Nora Stein.'],
  ['Library digitises rare manuscripts', 'The national library digitised 5,000 rare manuscripts and put them online for free. “Scholars everywhere can now read them,” said librarian Hugo Petit.'],
  ['Hospital opens robotic surgery wing', 'The regional hospital opened a robotic surgery wing with 6 operating theatres. “Patients will recover faster,” said surgeon Amina Diallo.'],
  ['Wind farm approved off the coast', 'Regulators approved an offshore wind farm of 62 turbines to power 700,000 homes. “Construction starts next spring,” said developer Olaf Berg.'],
] as const;

/** An RSS feed of the ten topics, each padded to `words` extra words of detail. */
export function topicsFeed(title: string, options: { longBodies?: boolean } = {}): string {
  const base = Date.UTC(2024, 10, 6, 6, 0);
  return rssDocument(
    title,
    TOPICS.map(([headline, body], index) => ({
      guid: `topic-${index}`,
      title: headline,
      date: new Date(base - index * 60_000),
      link: `https://news.example/${index}`,
      body: `<p>${body}</p>${options.longBodies ? `<p>${headline} details: the report, ${'reviewed by the regional office with its archives, witnesses and measured facts, '.repeat(6)}was published on Tuesday.</p>` : ''}`,
    })),
  );
}

/** Feed text written to ping everyone and break markdown, if a renderer let it through. */
export function hostileFeed(): string {
  const items = [
    {
      guid: 'hostile-1',
      // XML-escaped: the feed says "<@&…>" and "<@…>" once parsed.
      title: '@everyone Breaking: &lt;@&amp;123456789012345678&gt; meets &lt;@123456789012345678&gt; **now** `x` @here',
      body: '<p>@everyone look at this. “Ping @here and <@!223456789012345678> right now,” said <@323456789012345678> in a statement on Tuesday.</p><p># not a heading\n> not a quote ||spoiler|| [link](https://evil.example) <#423456789012345678> </ban:523456789012345678></p>',
    },
    { guid: 'hostile-2', title: 'Plain story about the harbour market season', body: '<p>The harbour market opened its season with 120 stalls on Saturday. “It is our best year,” said organiser Paul Girard.</p>' },
  ];
  return rssDocument('@everyone Hostile &lt;@&amp;123456789012345678&gt; Feed', items.map((item, index) => ({ ...item, date: new Date(Date.UTC(2024, 10, 6, 5, index)) })));
}

/** A running Précis with the Discord bot, against the fake Discord, with local feeds. */
export interface DiscordHarness {
  fake: FakeDiscord;
  service: RunningService;
  handle: ServiceHandle;
  feeds: LocalServer;
  guild: FakeGuild;
  /** A role with Manage Channels, and users with and without it. */
  adminRole: FakeRole;
  admin: { id: string; username: string };
  member: { id: string; username: string };
  /** A user allowed by id (DMs), and their DM channel. */
  dmUser: { id: string; username: string };
  dm: FakeChannel;
  /** A fresh text channel of the allowed guild. */
  newChannel(name: string, options?: { type?: number; parentId?: string }): FakeChannel;
  /** Runs a command as the admin in a channel of the allowed guild. */
  asAdmin(channel: FakeChannel, command: string, options?: InteractionInput['options'], locale?: string): ReturnType<FakeDiscord['command']>;
  asMember(channel: FakeChannel, command: string, options?: InteractionInput['options']): ReturnType<FakeDiscord['command']>;
  close(): Promise<void>;
}

/**
 * Starts the fake Discord, a loopback feed server, and Précis (`startService` with the Discord
 * runtime, a temp SQLite store and a temp config whose feeds are local files) against them.
 */
export async function startDiscordHarness(): Promise<DiscordHarness> {
  const fake = await FakeDiscord.start();
  const feeds = await startLocalServer();
  feeds.route('/topics.xml', (_request, response) => response.end(topicsFeed('Topics over HTTP')));
  feeds.route('/hostile.xml', (_request, response) => response.end(hostileFeed()));
  feeds.route('/missing.xml', (_request, response) => {
    response.statusCode = 404;
    response.end('gone');
  });
  const dir = mkdtempSync(join(tmpdir(), 'precis-discord-'));
  writeFileSync(join(dir, 'topics.xml'), topicsFeed('World Topics'));
  writeFileSync(join(dir, 'long.xml'), topicsFeed('Long Reads', { longBodies: true }));
  writeFileSync(join(dir, 'hostile.xml'), hostileFeed());
  const feedOptions = 'maxAgeDays: 0\n    firstFetchNewest: 100\n    teaserWords: 0';
  writeFileSync(
    join(dir, 'precis.yaml'),
    `feeds:\n  - name: World Topics\n    file: topics.xml\n    lang: en\n    ${feedOptions}\n  - name: Long Reads\n    file: long.xml\n    lang: en\n    ${feedOptions}\n  - name: Hostile Feed\n    file: hostile.xml\n    lang: en\n    ${feedOptions}\nschedule:\n  cron: "0 8 * * *"\n  timezone: Europe/Paris\n`,
  );

  const guild = fake.addGuild({ name: 'Allowed Server' });
  const adminRole = fake.addRole(guild, 'Editors', BITS.ManageChannels);
  const admin = { id: snowflake(), username: 'editor' };
  const member = { id: snowflake(), username: 'reader' };
  const dmUser = { id: snowflake(), username: 'friend' };
  fake.addMember(guild, admin.id, [adminRole]);
  fake.addMember(guild, member.id);
  const dm = fake.addChannel({ name: 'dm', recipientId: dmUser.id });

  const config = loadConfig(
    {
      PRECIS_CONFIG: join(dir, 'precis.yaml'),
      DATABASE_URL: `sqlite:${join(dir, 'precis.sqlite')}`,
      DISCORD_BOT_TOKEN: fake.token,
      DISCORD_API_ROOT: fake.apiRoot,
      PRECIS_ALLOWED_GUILDS: guild.id,
      PRECIS_ALLOWED_USERS: dmUser.id,
      PRECIS_ALLOW_PRIVATE_URLS: '1',
    },
    dir,
  );
  const store = await openStore(config.storage);
  const log = createLogger('silent');
  const handle = await startService({ config: { ...config, heartbeatFile: join(dir, 'heartbeat.json') }, store, log, platforms: [discordRuntime(config.discord!)] });
  const newChannel = (name: string, options: { type?: number; parentId?: string } = {}) => fake.addChannel({ guild, name, type: options.type ?? CHANNEL.text, ...(options.parentId ? { parentId: options.parentId } : {}) });
  return {
    fake,
    service: handle.service,
    handle,
    feeds,
    guild,
    adminRole,
    admin,
    member,
    dmUser,
    dm,
    newChannel,
    asAdmin: (channel, command, options, locale) => fake.command({ user: admin, guildId: guild.id, channelId: channel.id, command, ...(options ? { options } : {}), ...(locale ? { locale } : {}) }),
    asMember: (channel, command, options) => fake.command({ user: member, guildId: guild.id, channelId: channel.id, command, ...(options ? { options } : {}) }),
    async close() {
      await handle.stop();
      await fake.close();
      await feeds.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
