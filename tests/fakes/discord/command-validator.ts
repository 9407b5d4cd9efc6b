/**
 * A strict check of an application commands bulk overwrite (PUT /applications/{id}/commands):
 * names (1–32 lower-case characters of `-_`, letters, digits), descriptions (1–100), localized
 * descriptions (known locales, 1–100), at most 25 options with required ones first, choices
 * (≤ 25, not with autocomplete), integer bounds, and the 4000-character budget of a command.
 * Source: https://discord.com/developers/docs/interactions/application-commands.
 *
 * @example
 *   validateCommands([{ name: 'Bad Name', description: '' }]); // two problems
 */

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const LOCALES = new Set([
  'id', 'da', 'de', 'en-GB', 'en-US', 'es-ES', 'es-419', 'fr', 'hr', 'it', 'lt', 'hu', 'nl', 'no', 'pl', 'pt-BR', 'ro', 'fi', 'sv-SE', 'vi', 'tr', 'cs', 'el', 'bg', 'ru', 'uk', 'hi', 'th', 'zh-CN', 'ja', 'zh-TW', 'ko',
]);
const OPTION_TYPES = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns every problem found, as "path: what is wrong"; none when Discord would accept the list. */
export function validateCommands(body: unknown): string[] {
  const problems: string[] = [];
  if (!Array.isArray(body)) return ['body: must be an array of commands'];
  if (body.length > 100) problems.push('body: at most 100 chat input commands');
  const names = new Set<string>();
  const text = (path: string, value: unknown, max: number): number => {
    if (typeof value !== 'string' || value.length < 1 || value.length > max) {
      problems.push(`${path}: must be a string of 1 to ${max} characters`);
      return 0;
    }
    return value.length;
  };
  const name = (path: string, value: unknown): number => {
    if (typeof value !== 'string' || !NAME.test(value) || value !== value.toLowerCase()) {
      problems.push(`${path}: "${String(value)}" is not a valid lower-case command or option name`);
      return 0;
    }
    return value.length;
  };
  const localizations = (path: string, value: unknown, max: number): number => {
    if (value === undefined || value === null) return 0;
    if (!isRecord(value)) {
      problems.push(`${path}: must be an object`);
      return 0;
    }
    let longest = 0;
    for (const [locale, localized] of Object.entries(value)) {
      if (!LOCALES.has(locale)) problems.push(`${path}.${locale}: unknown locale`);
      longest = Math.max(longest, text(`${path}.${locale}`, localized, max));
    }
    return longest;
  };
  const option = (path: string, value: unknown, depth: number): number => {
    if (!isRecord(value)) {
      problems.push(`${path}: must be an object`);
      return 0;
    }
    let size = name(`${path}.name`, value.name) + text(`${path}.description`, value.description, 100);
    localizations(`${path}.description_localizations`, value.description_localizations, 100);
    if (typeof value.type !== 'number' || !OPTION_TYPES.has(value.type)) problems.push(`${path}.type: unknown option type ${String(value.type)}`);
    if (value.choices !== undefined) {
      if (!Array.isArray(value.choices) || value.choices.length > 25) problems.push(`${path}.choices: at most 25`);
      if (value.autocomplete === true) problems.push(`${path}: autocomplete cannot be used with choices`);
      if (Array.isArray(value.choices)) {
        value.choices.forEach((choice: unknown, index) => {
          const at = `${path}.choices.${index}`;
          if (!isRecord(choice)) return problems.push(`${at}: must be an object`);
          size += text(`${at}.name`, choice.name, 100);
          if (typeof choice.value === 'string') size += text(`${at}.value`, choice.value, 100);
          else if (typeof choice.value !== 'number') problems.push(`${at}.value: must be a string or a number`);
          return undefined;
        });
      }
    }
    if (value.autocomplete !== undefined && ![3, 4, 10].includes(value.type as number)) problems.push(`${path}.autocomplete: only string, integer and number options`);
    for (const bound of ['min_value', 'max_value'] as const) {
      if (value[bound] !== undefined && (typeof value[bound] !== 'number' || ![4, 10].includes(value.type as number))) problems.push(`${path}.${bound}: only on integer and number options`);
    }
    if (typeof value.min_value === 'number' && typeof value.max_value === 'number' && value.min_value > value.max_value) problems.push(`${path}: min_value above max_value`);
    if (value.channel_types !== undefined && (value.type !== 7 || !Array.isArray(value.channel_types))) problems.push(`${path}.channel_types: only an array on channel options`);
    if (value.options !== undefined) size += options(`${path}.options`, value.options, depth + 1);
    return size;
  };
  const options = (path: string, value: unknown, depth: number): number => {
    if (!Array.isArray(value)) {
      problems.push(`${path}: must be an array`);
      return 0;
    }
    if (depth > 2) problems.push(`${path}: options nested too deep`);
    if (value.length > 25) problems.push(`${path}: at most 25 options`);
    let optional = false;
    let size = 0;
    const seen = new Set<string>();
    value.forEach((entry: unknown, index) => {
      size += option(`${path}.${index}`, entry, depth);
      if (!isRecord(entry)) return;
      if (typeof entry.name === 'string') {
        if (seen.has(entry.name)) problems.push(`${path}.${index}.name: duplicate option name "${entry.name}"`);
        seen.add(entry.name);
      }
      if (entry.required === true && optional) problems.push(`${path}.${index}: required options must come before optional ones`);
      if (entry.required !== true) optional = true;
    });
    return size;
  };
  body.forEach((command: unknown, index) => {
    const path = `${index}`;
    if (!isRecord(command)) return problems.push(`${path}: must be an object`);
    if (command.type !== undefined && command.type !== 1) problems.push(`${path}.type: only chat input commands (1) are expected`);
    let size = name(`${path}.name`, command.name);
    size += text(`${path}.description`, command.description, 100);
    size += localizations(`${path}.description_localizations`, command.description_localizations, 100);
    if (typeof command.name === 'string') {
      if (names.has(command.name)) problems.push(`${path}.name: duplicate command name "${command.name}"`);
      names.add(command.name);
    }
    if (command.options !== undefined) size += options(`${path}.options`, command.options, 0);
    if (command.default_member_permissions !== undefined && command.default_member_permissions !== null && (typeof command.default_member_permissions !== 'string' || !/^\d+$/.test(command.default_member_permissions))) {
      problems.push(`${path}.default_member_permissions: must be a string of digits or null`);
    }
    if (size > 4000) problems.push(`${path}: name, description and options exceed 4000 characters`);
    return undefined;
  });
  return problems;
}
