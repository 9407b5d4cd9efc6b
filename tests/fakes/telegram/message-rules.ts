/**
 * Telegram's rules for what travels with a message or a command list, as the Bot API answers them
 * (https://core.telegram.org/bots/api#inlinekeyboardbutton, #botcommand, #setmycommands).
 * Each check returns Telegram's error description, or null when the value would be accepted.
 */

/** callback_data: 1–64 bytes. */
export const MAX_CALLBACK_DATA_BYTES = 64;
/** Caption of a document: 0–1024 characters after entity parsing. */
export const MAX_CAPTION_LENGTH = 1024;
/** answerCallbackQuery's text: 0–200 characters. */
export const MAX_CALLBACK_ANSWER_LENGTH = 200;

const BUTTON_ACTIONS = ['callback_data', 'url', 'switch_inline_query', 'switch_inline_query_current_chat', 'login_url', 'web_app', 'pay', 'callback_game', 'copy_text'];

/**
 * Checks an inline keyboard: rows of buttons, each with a non-empty text and exactly one action;
 * callback_data of 1–64 bytes; URLs that parse.
 *
 * @example
 *   replyMarkupProblem({ inline_keyboard: [[{ text: 'Go', callback_data: 'x'.repeat(65) }]] }); // 'Bad Request: BUTTON_DATA_INVALID'
 */
export function replyMarkupProblem(markup: unknown): string | null {
  if (markup === undefined || markup === null) return null;
  if (typeof markup !== 'object') return "Bad Request: can't parse reply keyboard markup JSON object";
  const keyboard = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  if (keyboard === undefined) return null;
  if (!Array.isArray(keyboard) || !keyboard.every((row) => Array.isArray(row))) return 'Bad Request: field "inline_keyboard" must be an Array of Arrays';
  for (const row of keyboard as unknown[][]) {
    for (const button of row) {
      if (!button || typeof button !== 'object') return "Bad Request: can't parse inline keyboard button: InlineKeyboardButton must be an Object";
      const fields = button as Record<string, unknown>;
      if (typeof fields.text !== 'string' || !fields.text.trim()) return "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard";
      const actions = BUTTON_ACTIONS.filter((action) => fields[action] !== undefined);
      if (actions.length !== 1) return 'Bad Request: BUTTON_TYPE_INVALID';
      if (fields.callback_data !== undefined) {
        const data = fields.callback_data;
        if (typeof data !== 'string' || !data.length || Buffer.byteLength(data, 'utf8') > MAX_CALLBACK_DATA_BYTES) return 'Bad Request: BUTTON_DATA_INVALID';
      }
      if (fields.url !== undefined) {
        if (typeof fields.url !== 'string' || !URL.canParse(fields.url)) return 'Bad Request: BUTTON_URL_INVALID';
      }
    }
  }
  return null;
}

/**
 * Checks a setMyCommands list: at most 100 commands, names of 1–32 lowercase letters, digits and
 * underscores (no slash), descriptions of 1–256 characters, no duplicates.
 *
 * @example
 *   botCommandsProblem([{ command: 'Start', description: 'Go' }]); // 'Bad Request: BOT_COMMAND_INVALID'
 */
export function botCommandsProblem(commands: unknown): string | null {
  if (!Array.isArray(commands)) return 'Bad Request: parameter "commands" is required';
  if (commands.length > 100) return 'Bad Request: too many commands specified';
  const seen = new Set<string>();
  for (const entry of commands as unknown[]) {
    const { command, description } = (entry ?? {}) as { command?: unknown; description?: unknown };
    if (typeof command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(command) || seen.has(command)) return 'Bad Request: BOT_COMMAND_INVALID';
    seen.add(command);
    if (typeof description !== 'string' || !description.trim()) return 'Bad Request: command description must be non-empty';
    if (description.length > 256) return 'Bad Request: command description is too long';
  }
  return null;
}
