/** The parts of a message that can carry a command: its text, or a document's caption. */
export interface CommandCarrier {
  text?: string;
  entities?: readonly { type: string; offset: number; length: number }[];
  caption?: string;
  caption_entities?: readonly { type: string; offset: number; length: number }[];
}

/** A command found at the start of a message: "/subscribe@precis_bot https://…" → subscribe, "https://…". */
export interface BotCommandCall {
  /** The command name, lower-cased, without "/" or "@bot". */
  name: string;
  /** Everything after the command, trimmed. */
  args: string;
  /** Whether it named this bot ("/digest@precis_bot"), not just "/digest". */
  addressed: boolean;
}

/**
 * The command a message starts with, as Telegram marks it (a `bot_command` entity at offset 0,
 * in the text or in a document's caption). Null when there is none, or when it is addressed to
 * another bot ("/start@other_bot"), which a group shares with this one.
 *
 * @example
 *   parseBotCommand({ text: '/subscribe@precis_bot lemonde', entities: [{ type: 'bot_command', offset: 0, length: 21 }] }, 'precis_bot');
 *   // { name: 'subscribe', args: 'lemonde', addressed: true }
 */
export function parseBotCommand(message: CommandCarrier, botUsername: string): BotCommandCall | null {
  const text = message.text ?? message.caption;
  const entities = message.text !== undefined ? message.entities : message.caption_entities;
  const entity = entities?.find((candidate) => candidate.type === 'bot_command' && candidate.offset === 0);
  if (text === undefined || !entity) return null;
  const [name = '', target] = text.slice(1, entity.length).split('@');
  if (target !== undefined && target.toLowerCase() !== botUsername.toLowerCase()) return null;
  return { name: name.toLowerCase(), args: text.slice(entity.length).trim(), addressed: target !== undefined };
}
