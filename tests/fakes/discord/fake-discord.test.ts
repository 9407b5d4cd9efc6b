import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCommands } from './command-validator.ts';
import { CHANNEL, FakeDiscord, snowflake } from './fake-discord.ts';
import { ALL_PERMISSIONS, BITS, computePermissions } from './fake-permissions.ts';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake.close();
});

async function call(method: string, path: string, body?: unknown, token: string | null = fake.token) {
  const response = await fetch(`${fake.apiRoot}/v10${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bot ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

const embed = (title: string, description = 'text') => ({ title, description });

describe('the fake Discord is as strict as Discord', () => {
  it('refuses a wrong token with 401', async () => {
    expect((await call('GET', '/users/@me', undefined, 'wrong')).status).toBe(401);
    expect((await call('GET', '/users/@me')).status).toBe(200);
  });

  it('answers Unknown Channel, Missing Access and Missing Permissions with Discord’s codes', async () => {
    const guild = fake.addGuild({ name: 'Strict' });
    const hidden = fake.addChannel({ guild, name: 'hidden', overwrites: [{ id: guild.id, type: 0, allow: 0n, deny: BITS.ViewChannel }] });
    const readOnly = fake.addChannel({ guild, name: 'read-only', overwrites: [{ id: guild.id, type: 0, allow: 0n, deny: BITS.SendMessages }] });
    expect(await call('POST', `/channels/${snowflake()}/messages`, { content: 'x' })).toMatchObject({ status: 404, body: { code: 10003 } });
    // The bot's own role allows View Channel, but the @everyone deny on the channel wins over base permissions only for @everyone.
    const botRole = guild.roles[1]!;
    fake.setOverwrites(hidden, [{ id: botRole.id, type: 0, allow: 0n, deny: BITS.ViewChannel }]);
    expect(await call('POST', `/channels/${hidden.id}/messages`, { content: 'x' })).toMatchObject({ status: 403, body: { code: 50001 } });
    fake.setOverwrites(readOnly, [{ id: botRole.id, type: 0, allow: 0n, deny: BITS.SendMessages }]);
    expect(await call('POST', `/channels/${readOnly.id}/messages`, { content: 'x' })).toMatchObject({ status: 403, body: { code: 50013 } });
  });

  it('refuses messages over Discord’s limits: 10 embeds, 6000 characters, 256-character titles, empty messages', async () => {
    const guild = fake.addGuild({ name: 'Limits' });
    const channel = fake.addChannel({ guild, name: 'limits' });
    const path = `/channels/${channel.id}/messages`;
    fake.bucket = { limit: 20, windowMs: 1000 }; // six requests in a row here: keep the bucket out of the way
    expect((await call('POST', path, { embeds: Array.from({ length: 11 }, (_, index) => embed(`story ${index}`)) })).status).toBe(400);
    expect((await call('POST', path, { embeds: [embed('a', 'x'.repeat(4000)), embed('b', 'y'.repeat(2100))] })).status).toBe(400);
    expect((await call('POST', path, { embeds: [embed('t'.repeat(257))] })).status).toBe(400);
    expect((await call('POST', path, { content: '' })).status).toBe(400);
    expect((await call('POST', path, { content: 'hi @everyone' })).status).toBe(400);
    expect((await call('POST', path, { embeds: Array.from({ length: 10 }, (_, index) => embed(`story ${index}`, 'z'.repeat(590))) })).status).toBe(200);
    expect(fake.messagesIn(channel.id)).toHaveLength(1);
    fake.bucket = { limit: 5, windowMs: 5000 };
  });

  it('sends rate-limit headers, and 429s past a bucket’s limit', async () => {
    const guild = fake.addGuild({ name: 'Buckets' });
    const channel = fake.addChannel({ guild, name: 'bucket' });
    const answers = [];
    for (let index = 0; index <= fake.bucket.limit; index++) answers.push(await call('POST', `/channels/${channel.id}/messages`, { content: `m${index}` }));
    expect(answers[0]!.headers.get('x-ratelimit-limit')).toBe(String(fake.bucket.limit));
    expect(answers[0]!.headers.get('x-ratelimit-remaining')).toBe(String(fake.bucket.limit - 1));
    expect(answers[0]!.headers.get('x-ratelimit-bucket')).toBeTruthy();
    const limited = answers.at(-1)!;
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ global: false });
  });

  it('counts the bot’s requests against the global limit, but not the interaction endpoints', async () => {
    fake.globalPerSecond = 2;
    try {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const answers = [];
      for (let index = 0; index < 3; index++) answers.push(await call('GET', '/users/@me'));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 429]);
      expect(answers[2]!.body).toMatchObject({ global: true });
      const webhook = await call('PATCH', `/webhooks/${fake.applicationId}/unknown-token/messages/@original`, { content: 'x' }, null);
      expect(webhook.status).not.toBe(429);
    } finally {
      fake.globalPerSecond = 50;
    }
  });

  it('creates forum posts only with a first message, and threads only where allowed', async () => {
    const guild = fake.addGuild({ name: 'Forums', botPermissions: BITS.ViewChannel | BITS.SendMessages | BITS.EmbedLinks });
    const forum = fake.addChannel({ guild, name: 'forum', type: CHANNEL.forum });
    const text = fake.addChannel({ guild, name: 'text' });
    expect((await call('POST', `/channels/${forum.id}/messages`, { content: 'x' })).status).toBe(400);
    expect((await call('POST', `/channels/${forum.id}/threads`, { name: 'post' })).status).toBe(400);
    expect((await call('POST', `/channels/${forum.id}/threads`, { name: 'post', message: { content: 'first' } })).status).toBe(201);
    expect(await call('POST', `/channels/${text.id}/threads`, { name: 'thread', type: CHANNEL.publicThread })).toMatchObject({ status: 403, body: { code: 50013 } });
  });

  it('checks application commands like Discord', () => {
    expect(validateCommands([{ name: 'ok', description: 'fine', options: [{ type: 3, name: 'a', description: 'b', required: true }] }])).toEqual([]);
    expect(validateCommands([{ name: 'Bad Name', description: '' }])).toHaveLength(2);
    expect(validateCommands([{ name: 'x', description: 'd', options: [{ type: 3, name: 'a', description: 'b' }, { type: 3, name: 'c', description: 'd', required: true }] }])).toHaveLength(1);
    expect(validateCommands([{ name: 'x', description: 'd', description_localizations: { xx: 'y' } }])).toHaveLength(1);
  });

  it('computes permissions like Discord: owner and administrator have all, member overwrites win', () => {
    const guild = { id: 'g', ownerId: 'owner', roles: [{ id: 'g', name: '@everyone', permissions: BITS.ViewChannel | BITS.SendMessages, position: 0 }, { id: 'admin', name: 'admin', permissions: BITS.Administrator, position: 1 }], members: new Map([['u', { roles: [] }], ['a', { roles: ['admin'] }], ['owner', { roles: [] }]]) };
    expect(computePermissions(guild, [], 'owner')).toBe(ALL_PERMISSIONS);
    expect(computePermissions(guild, [{ id: 'g', type: 0, allow: 0n, deny: BITS.ViewChannel }], 'a')).toBe(ALL_PERMISSIONS);
    expect(computePermissions(guild, [{ id: 'g', type: 0, allow: 0n, deny: BITS.ViewChannel }], 'u')).toBe(0n);
    expect(computePermissions(guild, [{ id: 'g', type: 0, allow: 0n, deny: BITS.SendMessages }, { id: 'u', type: 1, allow: BITS.SendMessages, deny: 0n }], 'u') & BITS.SendMessages).toBe(BITS.SendMessages);
  });
});
