import type { AccessConfig } from '../config/schema.ts';
import type { InterfaceLanguage } from './command.ts';

/**
 * Who is asking, in platform terms: a Discord user in a server (guild) or a direct message
 * (`guildId` null), a Telegram user in a chat (`userId` null for a channel post, which has no
 * author), or the console.
 */
export type AccessRequest =
  | { platform: 'discord'; guildId: string | null; userId: string }
  | { platform: 'telegram'; chatId: string; userId: string | null }
  | { platform: 'console' };

/**
 * Whether a bot instance answers this request. An instance is private by default: Discord
 * answers in allowed servers and to allowed users anywhere (their direct messages included);
 * Telegram answers in allowed chats and to allowed users. `open` lets everyone in. The console
 * (no token) is always allowed.
 *
 * @example
 *   isAllowed(config.access, { platform: 'discord', guildId: '123…', userId: '456…' }); // false unless listed
 */
export function isAllowed(access: AccessConfig, request: AccessRequest): boolean {
  if (access.open || request.platform === 'console') return true;
  if (request.platform === 'discord') {
    return access.discord.users.includes(request.userId) || (request.guildId !== null && access.discord.guilds.includes(request.guildId));
  }
  return (request.userId !== null && access.telegram.users.includes(request.userId)) || access.telegram.chats.includes(request.chatId);
}

/**
 * The answer to a request from outside the allow-list: which ids to allow, and where (the config
 * keys and environment variables), so the owner can copy them.
 *
 * @example
 *   accessDeniedText({ platform: 'discord', guildId: '123', userId: '456' }, 'en');
 *   // 'This Précis instance is private. To let this server use it, add its id 123 to …'
 */
export function accessDeniedText(request: AccessRequest, lang: InterfaceLanguage): string {
  const fr = lang === 'fr';
  const intro = fr ? 'Cette instance de Précis est privée.' : 'This Précis instance is private.';
  const open = fr
    ? 'Pour l’ouvrir à tous : access.open: true ou PRECIS_OPEN=1.'
    : 'To open it to everyone: access.open: true or PRECIS_OPEN=1.';
  switch (request.platform) {
    case 'console':
      return intro;
    case 'discord': {
      const user = fr
        ? `votre identifiant d’utilisateur ${request.userId} à access.discord.users (ou PRECIS_ALLOWED_USERS)`
        : `your user id ${request.userId} to access.discord.users (or PRECIS_ALLOWED_USERS)`;
      if (request.guildId === null) {
        return fr
          ? `${intro} Son propriétaire peut vous y autoriser en ajoutant ${user} dans config/precis.yaml, puis en redémarrant. ${open}`
          : `${intro} Its owner can let you in by adding ${user} in config/precis.yaml, then restarting. ${open}`;
      }
      return fr
        ? `${intro} Pour que ce serveur puisse l’utiliser, son propriétaire ajoute l’identifiant du serveur ${request.guildId} à access.discord.guilds (ou PRECIS_ALLOWED_GUILDS) dans config/precis.yaml — ou ${user} — puis redémarre. ${open}`
        : `${intro} To let this server use it, its owner adds the server id ${request.guildId} to access.discord.guilds (or PRECIS_ALLOWED_GUILDS) in config/precis.yaml — or ${user} — then restarts. ${open}`;
    }
    case 'telegram': {
      const chat = fr
        ? `l’identifiant de ce chat ${request.chatId} à access.telegram.chats (ou PRECIS_ALLOWED_CHATS)`
        : `this chat’s id ${request.chatId} to access.telegram.chats (or PRECIS_ALLOWED_CHATS)`;
      const user =
        request.userId === null
          ? ''
          : fr
            ? `, ou votre identifiant ${request.userId} à access.telegram.users (ou PRECIS_ALLOWED_USERS)`
            : `, or your user id ${request.userId} to access.telegram.users (or PRECIS_ALLOWED_USERS)`;
      return fr
        ? `${intro} Pour l’utiliser ici, son propriétaire ajoute ${chat}${user}, dans config/precis.yaml, puis redémarre. ${open}`
        : `${intro} To use it here, its owner adds ${chat}${user}, in config/precis.yaml, then restarts. ${open}`;
    }
  }
}
