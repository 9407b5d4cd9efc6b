import { renderText } from '../render/render-text.ts';
import type { DeliveryChannel } from './delivery-channel.ts';
import { UNLIMITED } from './send/channel-limits.ts';

/**
 * The terminal as a delivery channel: what a newcomer sees before connecting any bot.
 *
 * @example
 *   const channel = consoleChannel(process.stdout);
 */
export function consoleChannel(output: NodeJS.WritableStream): DeliveryChannel {
  return {
    platform: 'console',
    limits: UNLIMITED,
    render: (digest, chat) => [renderText(digest, chat.settings.lang ?? digest.stories[0]?.lang ?? null)],
    send: (_chat, payload) =>
      new Promise((resolve, reject) => {
        output.write(`\n${payload}\n`, (error) => {
          if (error) reject(error);
          else resolve(null);
        });
      }),
    notify: (_chat, text) =>
      new Promise((resolve, reject) => {
        output.write(`\n${text}\n`, (error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
