import { describe, expect, it } from 'vitest';
import { CHAT_SETTING_OPTIONS, findSettingOption, settingOptionsFor } from '../../src/commands/chat-setting-options.ts';

describe('chat settings as data', () => {
  it('offers thread-per-digest on Discord only, quiet hours on Telegram only', () => {
    expect(settingOptionsFor('telegram').map((option) => option.key)).toEqual(['stories', 'language', 'nothing_new', 'quiet_hours']);
    expect(settingOptionsFor('discord').map((option) => option.key)).toContain('thread_per_digest');
    expect(settingOptionsFor('discord').map((option) => option.key)).not.toContain('quiet_hours');
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
    expect(findSettingOption('heures_calmes', 'telegram')!.parse('22h-7h')).toEqual({ quietHours: { from: 1320, to: 420 } });
    expect(findSettingOption('quiet_hours', 'telegram')!.parse('off')).toEqual({ quietHours: null });
    expect(findSettingOption('quiet_hours', 'telegram')!.parse('25-7')).toBeNull();
    expect(CHAT_SETTING_OPTIONS.map((option) => option.read(settings))).toEqual(['5', 'auto', 'off', 'off', 'off']);
    expect(findSettingOption('quiet_hours', 'telegram')!.read({ ...settings, quietHours: { from: 1350, to: 405 } })).toBe('22:30-06:45');
  });
});
