import {
  ApplicationCommandOptionType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type CommandInteractionOptionResolver,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { settingOptionsFor } from '../../commands/chat-setting-options.ts';
import type { CommandDefinition, InterfaceLanguage } from '../../commands/command.ts';
import { POSTABLE_CHANNEL_TYPES } from './bot-permissions.ts';

type Text = Record<InterfaceLanguage, string>;
type Options = Pick<CommandInteractionOptionResolver, 'getString' | 'getInteger' | 'getBoolean' | 'getChannel' | 'getAttachment'>;

/** A Discord option of a command and how its value becomes part of the command's text arguments. */
interface OptionShape {
  option: APIApplicationCommandBasicOption;
  /** The option's contribution to `args` ("" when absent). */
  toArgs(options: Options): string;
}

function described(text: Text) {
  return { description: text.en.slice(0, 100), description_localizations: { fr: text.fr.slice(0, 100) } };
}

function stringOption(name: string, text: Text, extra: { required?: boolean; autocomplete?: boolean; max_length?: number } = {}): OptionShape {
  return {
    option: { type: ApplicationCommandOptionType.String, name, ...described(text), required: extra.required ?? false, ...(extra.autocomplete ? { autocomplete: true } : {}), ...(extra.max_length ? { max_length: extra.max_length } : {}) },
    toArgs: (options) => options.getString(name)?.trim() ?? '',
  };
}

/** The optional `channel` option: the channel a command acts on, when not the one it is typed in. */
export const TARGET_CHANNEL_OPTION = 'channel';

const channelOption: OptionShape = {
  option: {
    type: ApplicationCommandOptionType.Channel,
    name: TARGET_CHANNEL_OPTION,
    ...described({ en: 'The channel, thread or forum to act on (default: this one)', fr: 'Le salon, fil ou forum concerné (par défaut : celui-ci)' }),
    required: false,
    channel_types: [...POSTABLE_CHANNEL_TYPES],
  },
  toArgs: () => '',
};

const FILTER_ACTIONS = ['include', 'exclude', 'language', 'clear'] as const;

/** Options of `/settings`, from the shared setting descriptions (`CHAT_SETTING_OPTIONS`). */
function settingShapes(): OptionShape[] {
  return settingOptionsFor('discord').map((setting): OptionShape => {
    const text = { en: setting.label.en, fr: setting.label.fr };
    const kind = setting.kind;
    if (kind.type === 'integer') {
      return {
        option: { type: ApplicationCommandOptionType.Integer, name: setting.key, ...described(text), required: false, min_value: kind.min, max_value: kind.max },
        toArgs: (options) => {
          const value = options.getInteger(setting.key);
          return value === null ? '' : `${setting.key} ${value}`;
        },
      };
    }
    if (kind.type === 'choice') {
      return {
        option: {
          type: ApplicationCommandOptionType.String,
          name: setting.key,
          ...described(text),
          required: false,
          choices: kind.choices.map((choice) => ({ name: choice.label.en.slice(0, 100), name_localizations: { fr: choice.label.fr.slice(0, 100) }, value: choice.value })),
        },
        toArgs: (options) => {
          const value = options.getString(setting.key);
          return value === null ? '' : `${setting.key} ${value}`;
        },
      };
    }
    return {
      option: { type: ApplicationCommandOptionType.Boolean, name: setting.key, ...described(text), required: false },
      toArgs: (options) => {
        const value = options.getBoolean(setting.key);
        return value === null ? '' : `${setting.key} ${value ? 'on' : 'off'}`;
      },
    };
  });
}

/**
 * Discord's option shapes for the shared commands: typed options, autocomplete, choices and
 * attachments where Telegram takes free text. A command not listed here gets one string option
 * from its shared `argument`.
 */
const SHAPES: Record<string, () => OptionShape[]> = {
  subscribe: () => [stringOption('feed', { en: 'Feed URL, or the name of a feed of this instance', fr: 'URL du flux, ou nom d’un flux de cette instance' }, { required: true, autocomplete: true, max_length: 2000 }), channelOption],
  unsubscribe: () => [stringOption('feed', { en: 'The feed to stop following', fr: 'Le flux à ne plus suivre' }, { required: true, autocomplete: true }), channelOption],
  list: () => [channelOption],
  timezone: () => [stringOption('zone', { en: 'Area/City, e.g. Europe/Paris', fr: 'Zone/Ville, ex. Europe/Paris' }, { autocomplete: true })],
  filter: () => [
    {
      option: {
        type: ApplicationCommandOptionType.String,
        name: 'action',
        ...described({ en: 'What to change (nothing: show the filters)', fr: 'Quoi changer (rien : afficher les filtres)' }),
        required: false,
        choices: FILTER_ACTIONS.map((action) => ({ name: action, value: action })),
      },
      toArgs: (options) => options.getString('action') ?? '',
    },
    stringOption('words', { en: 'Words or phrases, comma-separated; language codes for language', fr: 'Mots ou expressions séparés par des virgules ; codes de langue pour language' }),
  ],
  settings: settingShapes,
  import: () => [
    {
      option: { type: ApplicationCommandOptionType.Attachment, name: 'file', ...described({ en: 'An OPML file (a feed reader’s export)', fr: 'Un fichier OPML (l’export d’un lecteur de flux)' }), required: true },
      toArgs: () => '',
    },
  ],
};

function shapesOf(definition: CommandDefinition): OptionShape[] {
  const shaped = SHAPES[definition.name];
  if (shaped) return shaped();
  const argument = definition.argument;
  return argument ? [stringOption(argument.name, argument.description, { required: argument.required })] : [];
}

/**
 * The slash commands to register, one per shared command: name and en/fr descriptions from the
 * registry, Discord's option shapes, and Manage Channels as the default permission of the
 * commands that change a channel (server admins can grant them to others).
 *
 * @example
 *   await client.application.commands.set(slashCommands(COMMANDS));
 */
export function slashCommands(definitions: readonly CommandDefinition[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return definitions.map((definition) => ({
    name: definition.name,
    ...described(definition.description),
    ...(definition.manages ? { default_member_permissions: PermissionFlagsBits.ManageChannels.toString() } : {}),
    options: shapesOf(definition).map((shape) => shape.option),
  }));
}

/**
 * A slash command's options as the shared command's text arguments (`/settings stories:8
 * language:fr` → "stories 8 language fr"), so every platform runs the same code.
 *
 * @example
 *   commandArgs(definition, interaction.options); // 'include carbon tax'
 */
export function commandArgs(definition: CommandDefinition, options: Options): string {
  return shapesOf(definition)
    .map((shape) => shape.toArgs(options))
    .filter(Boolean)
    .join(' ')
    .trim();
}

/**
 * Whether a command takes the optional `channel` option.
 *
 * @example
 *   takesTargetChannel(subscribeCommand); // true
 */
export function takesTargetChannel(definition: CommandDefinition): boolean {
  return shapesOf(definition).some((shape) => shape.option.name === TARGET_CHANNEL_OPTION);
}
