import { compileSchedule, nextSlotAfter } from '../delivery/schedule/cron-slots.ts';
import { describeInstant, describeSchedule } from '../delivery/schedule/describe-schedule.ts';
import { parseSchedule } from '../delivery/schedule/parse-schedule.ts';
import { ScheduleError } from '../delivery/schedule/schedule-error.ts';
import type { ChatRecord } from '../store/records.ts';
import { reply, type CommandContext, type CommandDefinition, type CommandReply } from './command.ts';
import { scheduleErrorReply, scheduleExamples } from './schedule-error-reply.ts';
import { updateChatSettings } from './update-chat-settings.ts';

/** "every day at 08:00 (Europe/Paris) — next digest: Tuesday 7 January at 08:00" in the user's language. */
export function scheduleSummary(chat: ChatRecord, lang: 'en' | 'fr', now: number): string {
  try {
    const compiled = compileSchedule(chat.settings.cron, chat.settings.timezone);
    const next = describeInstant(nextSlotAfter(compiled, now), chat.settings.timezone, lang);
    return lang === 'fr'
      ? `${describeSchedule(compiled, lang)} (${chat.settings.timezone}) — prochain digest : ${next}`
      : `${describeSchedule(compiled, lang)} (${chat.settings.timezone}) — next digest: ${next}`;
  } catch {
    return `cron "${chat.settings.cron}" (${chat.settings.timezone})`;
  }
}

async function setSchedule(context: CommandContext): Promise<CommandReply> {
  const { service, chat, args } = context;
  const now = service.delivery.now();
  const parsed = parseSchedule(args, { timezone: chat.settings.timezone, minIntervalMinutes: service.config.schedule.minIntervalMinutes });
  const updated = await updateChatSettings(context, { cron: parsed.cron, timezone: parsed.timezone ?? chat.settings.timezone, scheduleSince: now });
  return reply(context, {
    en: `Schedule set: ${scheduleSummary(updated, 'en', now)}.`,
    fr: `Horaire enregistré : ${scheduleSummary(updated, 'fr', now)}.`,
  });
}

/**
 * `/schedule <when>`: when this chat gets its digest — "daily 08:00", "twice daily",
 * "weekdays 07:30", "mon,thu 18:00", "every 3h", "hourly", French forms ("tous les jours 8h"),
 * or a cron expression, optionally followed by a time zone. Shown back in words with the next
 * digest in the chat's time. Without an argument, shows the current schedule.
 */
export const scheduleCommand: CommandDefinition = {
  name: 'schedule',
  argument: {
    name: 'when',
    description: { en: 'e.g. daily 08:00, weekdays 07:30, every 3h', fr: 'ex. tous les jours 08:00, en semaine 7h30' },
    required: false,
  },
  description: { en: 'When this chat gets its digest', fr: 'Quand ce chat reçoit son digest' },
  manages: true,
  async run(context) {
    const { chat, args, service } = context;
    if (!args) {
      const now = service.delivery.now();
      return reply(context, {
        en: `Schedule: ${scheduleSummary(chat, 'en', now)}.\nChange it with /schedule <when>, e.g. ${scheduleExamples('en')}.`,
        fr: `Horaire : ${scheduleSummary(chat, 'fr', now)}.\nPour le changer : /schedule <quand>, par ex. ${scheduleExamples('fr')}.`,
      });
    }
    try {
      return await setSchedule(context);
    } catch (error) {
      if (error instanceof ScheduleError) return scheduleErrorReply(context, error);
      throw error;
    }
  },
};
