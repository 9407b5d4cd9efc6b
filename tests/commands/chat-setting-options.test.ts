import { describe, expect, it } from 'vitest';
import { CHAT_SETTING_OPTIONS, findSettingOption, settingOptionsFor } from '../../src/commands/chat-setting-options.ts';

describe('chat settings as data', () => {
  it('offers thread-per-digest on Discord only', () => {
    expect(settingOptionsFor('telegram').map((option) => option.key)).toEqual(['stories', 'language', 'nothing_new']);
    expect(settingOptionsFor('discord').map((option) => option.key)).toContain('thread_per_digest');
  });

  it('reads typed values, in English or French, and refuses the rest', () => {
    const stories = findSettingOption('sujets', 'telegram')!;
    expect(stories.parse('8')).toEqual({ stories: 8 });
    expect(stories.parse('21')).toBeNull();
    expect(stories.parse('0')).toBeNull();
    expect(stories.parse('2.5')).toBeNull();
    expect(findSettingOption('langue', 'telegram')!.parse('auto')).toEqual({ lang: null });
    expect(findSettingOption('language', 'telegram')!.parse('Français')).toEqual({ lang: 'fr' });
    expect(findSettingOption('nothing-new', 'telegram')!.parse('oui')).toEqual({ postWhenEmpty: true });
    expect(findSettingOption('thread_per_digest', 'telegram')).toBeUndefined();
    const settings = { cron: '0 8 * * *', timezone: 'UTC', stories: 5, lang: null, postWhenEmpty: false, include: [], exclude: [], languages: [] };
    expect(CHAT_SETTING_OPTIONS.map((option) => option.read(settings))).toEqual(['5', 'auto', 'off', 'off']);
  });
});
