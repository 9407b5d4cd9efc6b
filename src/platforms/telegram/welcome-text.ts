import type { InterfaceLanguage } from '../../commands/command.ts';
import type { Config } from '../../config/load-config.ts';

/**
 * The answer to /start: what Précis does and how to begin, in the user's language, with the
 * instance's own feeds as the first thing to try.
 *
 * @example
 *   welcomeText(config, 'fr', 'private'); // 'Bonjour ! Précis résume l’actualité de vos flux…'
 */
export function welcomeText(config: Pick<Config, 'feeds'>, lang: InterfaceLanguage, chatType: 'private' | 'group' | 'supergroup' | 'channel'): string {
  const names = config.feeds.map((feed) => feed.name);
  const example = names[0] ?? 'https://www.lemonde.fr/rss/une.xml';
  const group = chatType !== 'private';
  if (lang === 'fr') {
    return [
      'Bonjour ! Précis résume l’actualité de vos flux : pour chaque sujet, les phrases clés, les citations avec leur auteur et les chiffres clés, à l’heure que vous choisissez.',
      '',
      'Pour commencer :',
      `1. /subscribe <URL ou nom du flux> — par exemple /subscribe ${example}${group ? ' (réservé aux administrateurs)' : ''}`,
      '2. /digest — les derniers sujets, tout de suite',
      '3. /schedule tous les jours 8h — et /timezone Europe/Paris',
      '4. /settings — sujets par digest, langue, heures calmes',
      ...(names.length ? ['', `Flux de cette instance : ${names.join(', ')} (ou /subscribe all).`] : []),
      ...(group ? [] : ['', 'Pour une chaîne : ajoutez-moi comme administrateur, puis transférez-moi un de ses messages ici.']),
      '',
      'Toutes les commandes : /help',
    ].join('\n');
  }
  return [
    'Hello! Précis sums up the news from your feeds: for each story, the key sentences, the quotes with who said them, and the key figures, at the time you choose.',
    '',
    'To begin:',
    `1. /subscribe <feed URL or name> — for example /subscribe ${example}${group ? ' (admins only)' : ''}`,
    '2. /digest — the latest stories, right now',
    '3. /schedule daily 08:00 — and /timezone Europe/London',
    '4. /settings — stories per digest, language, quiet hours',
    ...(names.length ? ['', `Feeds on this instance: ${names.join(', ')} (or /subscribe all).`] : []),
    ...(group ? [] : ['', 'For a channel: add me as an administrator, then forward me one of its posts here.']),
    '',
    'All commands: /help',
  ].join('\n');
}
