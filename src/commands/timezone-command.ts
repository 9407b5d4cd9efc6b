import { parseTimeZone } from '../delivery/schedule/parse-time-zone.ts';
import { ScheduleError } from '../delivery/schedule/schedule-error.ts';
import { reply, type CommandDefinition } from './command.ts';
import { scheduleSummary } from './schedule-command.ts';
import { scheduleErrorReply } from './schedule-error-reply.ts';
import { updateChatSettings } from './update-chat-settings.ts';

/**
 * `/timezone <Area/City>`: the time zone the chat's schedule runs in and its digests show times
 * in ("Europe/Paris", "america/new york", or a city alone when unambiguous: "Tokyo").
 */
export const timezoneCommand: CommandDefinition = {
  name: 'timezone',
  argument: { name: 'zone', description: { en: 'Area/City, e.g. Europe/Paris', fr: 'Zone/Ville, ex. Europe/Paris' }, required: false },
  description: { en: 'The time zone of this chat’s schedule', fr: 'Le fuseau horaire de l’horaire de ce chat' },
  manages: true,
  async run(context) {
    const { chat, args, service } = context;
    const now = service.delivery.now();
    if (!args) {
      return reply(context, {
        en: `Time zone: ${chat.settings.timezone}. Change it with /timezone <Area/City>, e.g. /timezone Europe/Paris.`,
        fr: `Fuseau horaire : ${chat.settings.timezone}. Pour le changer : /timezone <Zone/Ville>, par ex. /timezone Europe/Paris.`,
      });
    }
    let timezone: string;
    try {
      timezone = parseTimeZone(args);
    } catch (error) {
      if (error instanceof ScheduleError) return scheduleErrorReply(context, error);
      throw error;
    }
    const updated = await updateChatSettings(context, { timezone, scheduleSince: now });
    return reply(context, {
      en: `Time zone set to ${timezone}. Schedule: ${scheduleSummary(updated, 'en', now)}.`,
      fr: `Fuseau horaire : ${timezone}. Horaire : ${scheduleSummary(updated, 'fr', now)}.`,
    });
  },
};
