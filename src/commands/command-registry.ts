import type { CommandContext, CommandDefinition, CommandReply } from './command.ts';
import { digestCommand } from './digest-command.ts';
import { exportCommand } from './export-command.ts';
import { filterCommand } from './filter-command.ts';
import { helpCommand } from './help-command.ts';
import { importCommand } from './import-command.ts';
import { listCommand } from './list-command.ts';
import { scheduleCommand } from './schedule-command.ts';
import { settingsCommand } from './settings-command.ts';
import { subscribeCommand } from './subscribe-command.ts';
import { timezoneCommand } from './timezone-command.ts';
import { unsubscribeCommand } from './unsubscribe-command.ts';
import { whyCommand } from './why-command.ts';

/** Every chat command, in the order /help lists them. */
export const COMMANDS: readonly CommandDefinition[] = [
  subscribeCommand,
  unsubscribeCommand,
  listCommand,
  digestCommand,
  scheduleCommand,
  timezoneCommand,
  filterCommand,
  whyCommand,
  settingsCommand,
  exportCommand,
  importCommand,
  helpCommand(() => COMMANDS),
];

/**
 * Runs a command by name for an adapter. Unknown commands, refused permissions and thrown
 * errors all become polite replies: a bad command never crashes the bot.
 *
 * @example
 *   const answer = await runCommand('subscribe', context);
 */
export async function runCommand(name: string, context: CommandContext): Promise<CommandReply> {
  const command = name === 'start' ? COMMANDS.find((candidate) => candidate.name === 'help') : COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    return { kind: 'text', text: context.lang === 'fr' ? `Commande inconnue : /${name}. Voir /help.` : `Unknown command: /${name}. See /help.` };
  }
  if (command.manages && !(await context.canManage())) {
    return {
      kind: 'text',
      text:
        context.lang === 'fr'
          ? 'Désolé, seuls les administrateurs de ce chat peuvent changer ses abonnements.'
          : 'Sorry, only this chat’s administrators can change its subscriptions.',
    };
  }
  try {
    return await command.run(context);
  } catch (error) {
    context.service.log.error({ err: error, command: name, chat: context.chat.id }, 'command failed');
    return {
      kind: 'text',
      text: context.lang === 'fr' ? `La commande /${name} a échoué. L’erreur est dans le journal.` : `/${name} failed. The error has been logged.`,
    };
  }
}
