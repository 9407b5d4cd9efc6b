import { describe, expect, it } from 'vitest';
import { accessDeniedText, isAllowed } from '../../src/commands/access.ts';
import type { AccessConfig } from '../../src/config/schema.ts';

const closed: AccessConfig = { open: false, discord: { guilds: ['111111111111111111'], users: ['222222222222222222'] }, telegram: { users: ['42'], chats: ['-1001'] } };

describe('access', () => {
  it('is private by default and lets in listed servers, users and chats', () => {
    expect(isAllowed(closed, { platform: 'discord', guildId: '111111111111111111', userId: '999999999999999999' })).toBe(true);
    expect(isAllowed(closed, { platform: 'discord', guildId: '333333333333333333', userId: '999999999999999999' })).toBe(false);
    expect(isAllowed(closed, { platform: 'discord', guildId: '333333333333333333', userId: '222222222222222222' })).toBe(true);
    expect(isAllowed(closed, { platform: 'discord', guildId: null, userId: '999999999999999999' })).toBe(false);
    expect(isAllowed(closed, { platform: 'discord', guildId: null, userId: '222222222222222222' })).toBe(true);
    expect(isAllowed(closed, { platform: 'telegram', chatId: '-1001', userId: '7' })).toBe(true);
    expect(isAllowed(closed, { platform: 'telegram', chatId: '-1002', userId: '42' })).toBe(true);
    expect(isAllowed(closed, { platform: 'telegram', chatId: '-1002', userId: '7' })).toBe(false);
    expect(isAllowed({ ...closed, open: true }, { platform: 'telegram', chatId: '-1002', userId: '7' })).toBe(true);
    expect(isAllowed({ open: false, discord: { guilds: [], users: [] }, telegram: { users: [], chats: [] } }, { platform: 'console' })).toBe(true);
  });

  it('answers with the ids to allow and where to put them', () => {
    const text = accessDeniedText({ platform: 'discord', guildId: '333333333333333333', userId: '999999999999999999' }, 'en');
    expect(text).toContain('333333333333333333');
    expect(text).toContain('999999999999999999');
    expect(text).toContain('PRECIS_ALLOWED_GUILDS');
    expect(accessDeniedText({ platform: 'telegram', chatId: '-1002', userId: '7' }, 'fr')).toContain('access.telegram.chats');
  });
});
