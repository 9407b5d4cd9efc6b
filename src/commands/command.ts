import type { DigestRun } from '../delivery/deliver-digest.ts';
import type { RunningService } from '../service/start-service.ts';
import type { ChatRecord } from '../store/records.ts';

/** Interface languages the commands speak. */
export type InterfaceLanguage = 'en' | 'fr';

/** One command invocation, already turned platform-neutral by an adapter. */
export interface CommandContext {
  service: RunningService;
  chat: ChatRecord;
  user: { id: string; name: string | null };
  /** Whether this user may change the chat's subscriptions and settings (an admin in groups). */
  canManage: () => Promise<boolean>;
  lang: InterfaceLanguage;
  /** Everything after the command name, trimmed. */
  args: string;
}

/** What a command answers. Adapters render `text` replies in their own markup (escaped). */
export type CommandReply = { kind: 'text'; text: string } | { kind: 'digest'; run: DigestRun };

/** A chat command shared by every platform. */
export interface CommandDefinition {
  name: string;
  description: Record<InterfaceLanguage, string>;
  /** The command's single argument, if it takes one (a Discord option; free text on Telegram). */
  argument?: { name: string; description: Record<InterfaceLanguage, string>; required: boolean };
  /** Commands that change the chat need canManage(). */
  manages: boolean;
  run(context: CommandContext): Promise<CommandReply>;
}

/** A text reply in the user's language. */
export function reply(context: Pick<CommandContext, 'lang'>, text: Record<InterfaceLanguage, string>): CommandReply {
  return { kind: 'text', text: text[context.lang] };
}
