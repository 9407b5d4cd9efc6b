import type { Config } from '../config/load-config.ts';
import type { ChatSettings } from '../store/records.ts';

/** The settings a new chat starts with: the instance's default schedule and digest size. */
export function defaultChatSettings(config: Pick<Config, 'schedule' | 'digest'>): ChatSettings {
  return {
    cron: config.schedule.cron,
    timezone: config.schedule.timezone,
    stories: config.digest.stories,
    lang: null,
    postWhenEmpty: false,
    include: [],
    exclude: [],
    languages: [],
  };
}
