import type { AutocompleteInteraction } from 'discord.js';
import { isAllowed } from '../../commands/access.ts';
import { slugify } from '../../config/load-config.ts';
import type { DiscordBot } from './command-interaction.ts';
import { TARGET_CHANNEL_OPTION } from './slash-commands.ts';
import { timeZoneChoices } from './time-zone-choices.ts';

/** Discord shows at most 25 choices, each name and value at most 100 characters. */
const MAX_CHOICES = 25;

function matches(name: string, typed: string): boolean {
  return !typed || slugify(name).includes(slugify(typed)) || name.toLowerCase().includes(typed.toLowerCase());
}

async function choicesFor(bot: DiscordBot, interaction: AutocompleteInteraction): Promise<{ name: string; value: string }[]> {
  const { service } = bot;
  if (!isAllowed(service.config.access, { platform: 'discord', guildId: interaction.guildId, userId: interaction.user.id })) return [];
  const focused = interaction.options.getFocused(true);
  const typed = focused.value.trim();
  if (interaction.commandName === 'timezone' && focused.name === 'zone') {
    return timeZoneChoices(typed, MAX_CHOICES).map((zone) => ({ name: zone, value: zone }));
  }
  if (interaction.commandName === 'unsubscribe' && focused.name === 'feed') {
    // The channel option is not resolved while typing: its raw value is the channel id.
    const target = interaction.options.get(TARGET_CHANNEL_OPTION)?.value;
    const chat = await service.store.getChat({ platform: 'discord', chatId: typeof target === 'string' && target ? target : interaction.channelId });
    if (!chat) return [];
    const subscribed = new Set(await service.store.listSubscriptions(chat.id));
    return (await service.store.listFeeds())
      .filter((feed) => subscribed.has(feed.id) && matches(feed.title, typed))
      .slice(0, MAX_CHOICES)
      .map((feed) => ({ name: feed.title.slice(0, 100) || feed.id.slice(0, 100), value: feed.id.slice(0, 100) }));
  }
  if (interaction.commandName === 'subscribe' && focused.name === 'feed') {
    const named = service.config.feeds.filter((feed) => matches(feed.name, typed)).map((feed) => ({ name: feed.name.slice(0, 100), value: feed.name.slice(0, 100) }));
    // A URL being typed is offered as is, so choosing it keeps it.
    const typedUrl = /^https?:\/\//i.test(typed) && typed.length <= 100 ? [{ name: typed, value: typed }] : [];
    return [...typedUrl, ...named].slice(0, MAX_CHOICES);
  }
  return [];
}

/**
 * Answers an autocomplete request (within Discord's 3 s): the chat's feeds for `/unsubscribe`,
 * the instance's feeds for `/subscribe`, matching time zones for `/timezone`. Nothing for a user
 * outside the allow-list.
 *
 * @example
 *   if (interaction.isAutocomplete()) await answerAutocomplete(bot, interaction);
 */
export async function answerAutocomplete(bot: DiscordBot, interaction: AutocompleteInteraction): Promise<void> {
  let choices: { name: string; value: string }[] = [];
  try {
    choices = await choicesFor(bot, interaction);
  } catch (error) {
    bot.service.log.warn({ err: error, command: interaction.commandName }, 'discord autocomplete failed');
  }
  await interaction.respond(choices);
}
