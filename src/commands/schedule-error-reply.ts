import type { ScheduleError } from '../delivery/schedule/schedule-error.ts';
import { reply, type CommandContext, type CommandReply } from './command.ts';

const EXAMPLES = {
  en: 'daily 08:00 · twice daily · weekdays 07:30 · mon,thu 18:00 · every 3h · hourly · or a cron expression such as 30 7 * * 1-5',
  fr: 'tous les jours 08:00 · deux fois par jour · en semaine 7h30 · lun,jeu 18h · toutes les 3h · toutes les heures · ou une expression cron comme 30 7 * * 1-5',
};

/**
 * A refused schedule or time zone as a reply that says what was wrong, what is expected, and
 * gives examples.
 *
 * @example
 *   return scheduleErrorReply(context, error); // "I don’t understand “dialy 8”… Examples: daily 08:00 · …"
 */
export function scheduleErrorReply(context: Pick<CommandContext, 'lang'>, error: ScheduleError): CommandReply {
  const input = error.input;
  switch (error.problem) {
    case 'unknown_time_zone': {
      const hint = /did you mean (.*)\?$/.exec(error.detail)?.[1];
      return reply(context, {
        en: `“${input}” is not a time zone I know. Write it as Area/City, e.g. /timezone Europe/Paris or /timezone America/New_York.${hint ? ` Did you mean ${hint}?` : ''}`,
        fr: `« ${input} » n’est pas un fuseau horaire connu. Écrivez-le Zone/Ville, par ex. /timezone Europe/Paris ou /timezone America/Montreal.${hint ? ` Vouliez-vous dire ${hint} ?` : ''}`,
      });
    }
    case 'too_frequent':
      return reply(context, {
        en: `“${input}” would post every ${error.facts.intervalMinutes ?? '?'} min; this instance allows at most one digest every ${error.facts.minimumMinutes ?? '?'} min. Try e.g. /schedule every 3h or /schedule daily 08:00.`,
        fr: `« ${input} » publierait toutes les ${error.facts.intervalMinutes ?? '?'} min ; cette instance autorise au plus un digest toutes les ${error.facts.minimumMinutes ?? '?'} min. Essayez par ex. /schedule toutes les 3h ou /schedule tous les jours 08:00.`,
      });
    case 'sub_minute':
      return reply(context, {
        en: `“${input}” fires more than once a minute; schedules go down to once a minute at most. Example: /schedule */5 * * * * (every 5 minutes).`,
        fr: `« ${input} » se déclenche plus d’une fois par minute ; au plus une fois par minute. Exemple : /schedule */5 * * * * (toutes les 5 minutes).`,
      });
    case 'uneven_interval':
      return reply(context, {
        en: `${error.detail}. Example: /schedule every 3h or /schedule every 30 min.`,
        fr: `Un intervalle doit diviser la journée (heures : 1, 2, 3, 4, 6, 8, 12) ou l’heure (minutes : 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30) en parts égales. Exemple : /schedule toutes les 3h.`,
      });
    case 'mixed_times':
      return reply(context, {
        en: `Several times in one schedule must share their minutes (08:00 and 18:00) or their hours (08:00 and 08:30). Example: /schedule daily 08:00, 18:00.`,
        fr: `Plusieurs heures dans un même horaire doivent avoir les mêmes minutes (08:00 et 18:00) ou la même heure (08:00 et 08:30). Exemple : /schedule tous les jours 08:00, 18:00.`,
      });
    case 'bad_time':
      return reply(context, {
        en: `In “${input}”: ${error.detail}. Write times as 08:00, 8h30 or 7pm. Example: /schedule daily 07:30.`,
        fr: `Dans « ${input} » : heure invalide (de 00:00 à 23:59). Écrivez 08:00, 8h30 ou 19h. Exemple : /schedule tous les jours 7h30.`,
      });
    case 'bad_cron':
      return reply(context, {
        en: `“${input}” is not a valid cron expression (${error.detail}). A cron expression has 5 fields — minute hour day-of-month month day-of-week — e.g. /schedule 30 7 * * 1-5.`,
        fr: `« ${input} » n’est pas une expression cron valide (${error.detail}). Une expression cron a 5 champs — minute heure jour mois jour-de-semaine — par ex. /schedule 30 7 * * 1-5.`,
      });
    case 'unrecognized':
      return reply(context, {
        en: `I don’t understand “${input}” as a schedule. Examples: ${EXAMPLES.en}. You may add a time zone: daily 08:00 Europe/Paris.`,
        fr: `Je ne comprends pas l’horaire « ${input} ». Exemples : ${EXAMPLES.fr}. Vous pouvez ajouter un fuseau : tous les jours 08:00 Europe/Paris.`,
      });
  }
}

/** Schedule examples in the user's language, for usage messages. */
export function scheduleExamples(lang: 'en' | 'fr'): string {
  return EXAMPLES[lang];
}
