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
  /** A file the user sent with the command (Discord `/import file:`, a Telegram document), if any. */
  attachment?: CommandAttachment | null;
}

/** A file attached to a command; adapters download it only when the command reads it. */
export interface CommandAttachment {
  name: string;
  /** Size in bytes as the platform announced it. */
  size: number;
  /** The file's text (UTF-8). Rejects when it cannot be downloaded. */
  read(): Promise<string>;
}

/**
 * What a command answers. Adapters render `text` replies in their own markup (escaped); a `file`
 * reply is a document to attach (named `name`) with `text` as its caption.
 */
export type CommandReply = { kind: 'text'; text: string } | { kind: 'digest'; run: DigestRun } | { kind: 'file'; name: string; content: string; text: string };

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
