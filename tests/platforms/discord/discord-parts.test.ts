import { ChannelType, DiscordAPIError, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/commands/command-registry.ts';
import { requiredPostingPermissions } from '../../../src/platforms/discord/bot-permissions.ts';
import { toDeliveryError } from '../../../src/platforms/discord/discord-errors.ts';
import { splitReply } from '../../../src/platforms/discord/reply-chunks.ts';
import { commandArgs, slashCommands } from '../../../src/platforms/discord/slash-commands.ts';
import { timeZoneChoices } from '../../../src/platforms/discord/time-zone-choices.ts';
import { validateCommands } from '../../fakes/discord/command-validator.ts';

function options(values: Record<string, string | number | boolean>) {
  return {
    getString: (name: string) => (typeof values[name] === 'string' ? values[name] : null),
    getInteger: (name: string) => (typeof values[name] === 'number' ? values[name] : null),
    getBoolean: (name: string) => (typeof values[name] === 'boolean' ? values[name] : null),
    getChannel: () => null,
    getAttachment: () => null,
  } as unknown as Parameters<typeof commandArgs>[1];
}

describe('slash command definitions', () => {
  it('are accepted by Discord’s rules for every shared command', () => {
    expect(validateCommands(slashCommands(COMMANDS))).toEqual([]);
  });

  it('turn typed options back into the shared commands’ text arguments', () => {
    const find = (name: string) => COMMANDS.find((command) => command.name === name)!;
    expect(commandArgs(find('settings'), options({ stories: 8, language: 'fr', thread_per_digest: true }))).toBe('stories 8 language fr thread_per_digest on');
    expect(commandArgs(find('filter'), options({ action: 'include', words: 'carbon tax, climate' }))).toBe('include carbon tax, climate');
    expect(commandArgs(find('subscribe'), options({ feed: ' https://example.org/rss ' }))).toBe('https://example.org/rss');
    expect(commandArgs(find('why'), options({ url: 'https://example.org/a' }))).toBe('https://example.org/a');
    expect(commandArgs(find('digest'), options({}))).toBe('');
  });
});

describe('time zone autocomplete', () => {
  it('finds zones by city or full name, ignoring case, accents and spaces, best first, at most 25', () => {
    expect(timeZoneChoices('paris')[0]).toBe('Europe/Paris');
    expect(timeZoneChoices('new york')[0]).toBe('America/New_York');
    expect(timeZoneChoices('SÃO PAULO'.normalize('NFC'))[0]).toBe('America/Sao_Paulo');
    expect(timeZoneChoices('europe/').length).toBe(25);
    expect(timeZoneChoices('utc')[0]).toBe('UTC');
    expect(timeZoneChoices('no such zone at all')).toEqual([]);
    expect(timeZoneChoices('')).toContain('Europe/Paris');
  });
});

describe('reply splitting', () => {
  it('cuts at line breaks within the limit, never after a backslash or inside a surrogate pair', () => {
    expect(splitReply('one\ntwo\nthree', 8)).toEqual(['one\ntwo', 'three']);
    const escaped = `${'a'.repeat(9)}\\*b`;
    for (const chunk of splitReply(escaped, 10)) expect(chunk.endsWith('\\')).toBe(false);
    const emoji = `${'a'.repeat(9)}😀b`;
    expect(splitReply(emoji, 10).join('')).toBe(emoji);
    for (const chunk of splitReply(emoji, 10)) expect(chunk).not.toMatch(/[\ud800-\udbff]$/);
    expect(splitReply('x'.repeat(4500)).map((chunk) => chunk.length)).toEqual([2000, 2000, 500]);
  });
});

describe('bot permissions', () => {
  it('asks for what each kind of channel needs', () => {
    expect(requiredPostingPermissions(ChannelType.GuildText, false)).toEqual([PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks]);
    expect(requiredPostingPermissions(ChannelType.GuildText, true)).toContain(PermissionFlagsBits.CreatePublicThreads);
    expect(requiredPostingPermissions(ChannelType.PublicThread, false)).toEqual([PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessagesInThreads, PermissionFlagsBits.EmbedLinks]);
    expect(requiredPostingPermissions(ChannelType.GuildForum, false)).toContain(PermissionFlagsBits.SendMessagesInThreads);
  });
});

describe('Discord errors for the delivery core', () => {
  const apiError = (status: number, code: number, message: string) =>
    new DiscordAPIError({ code, message }, code, status, 'POST', 'http://fake/api/v10/channels/1/messages', { body: undefined, files: undefined });
  it('pauses on Unknown Channel, Missing Access and Missing Permissions, retries 5xx, gives up on invalid bodies', () => {
    expect(toDeliveryError(apiError(404, 10003, 'Unknown Channel'), '1')).toMatchObject({ kind: 'permanent', description: expect.stringContaining('Unknown Channel') as string });
    expect(toDeliveryError(apiError(403, 50001, 'Missing Access'))).toMatchObject({ kind: 'permanent' });
    expect(toDeliveryError(apiError(403, 50013, 'Missing Permissions'))).toMatchObject({ kind: 'permanent' });
    expect(toDeliveryError(apiError(502, 0, 'Bad Gateway'))).toMatchObject({ kind: 'transient' });
    expect(toDeliveryError(apiError(400, 50035, 'Invalid Form Body'))).toMatchObject({ kind: 'invalid' });
    expect(toDeliveryError(new Error('socket hang up'))).toMatchObject({ kind: 'transient' });
  });
});
