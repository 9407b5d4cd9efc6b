import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'grammy/types';
import type { Logger } from '../../logger.ts';

/** The largest update body accepted (Telegram's are a few kilobytes). */
const MAX_BODY_BYTES = 1024 * 1024;

/** How the webhook listener is set up. */
export interface WebhookServerOptions {
  host: string;
  port: number;
  /** The path Telegram's requests arrive on (behind the proxy). */
  path: string;
  /** The secret_token given to setWebhook: every request must carry it in X-Telegram-Bot-Api-Secret-Token. */
  secret: string;
  /** Takes an update in; resolves once it is safely queued (the answer to Telegram waits for it). */
  onUpdate: (update: Update) => Promise<void>;
  log: Logger;
}

/** A running webhook listener. */
export interface WebhookServer {
  /** The port actually bound (useful when 0 was asked). */
  port: number;
  close(): Promise<void>;
}

function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The small HTTP listener of webhook mode, for self-hosters behind a reverse proxy: it answers
 * POSTs on `path` that carry the secret token (401 otherwise, so only Telegram can feed the bot),
 * takes the update in and answers 200 at once (Telegram waits for nothing else); bad bodies get
 * 400, other paths 404, other methods 405.
 *
 * @example
 *   const server = await startWebhookServer({ host: '0.0.0.0', port: 8080, path: '/telegram', secret, onUpdate, log });
 */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const respond = async (request: IncomingMessage): Promise<[number, string]> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== options.path) return [404, 'Not Found'];
    if (request.method !== 'POST') return [405, 'Method Not Allowed'];
    if (!sameSecret(request.headers['x-telegram-bot-api-secret-token'], options.secret)) {
      options.log.warn({ from: request.socket.remoteAddress }, 'telegram webhook: a request without the right secret token was refused');
      return [401, 'Unauthorized: wrong or missing X-Telegram-Bot-Api-Secret-Token'];
    }
    const body = await readBody(request);
    if (!body) return [413, 'Payload Too Large'];
    let update: unknown;
    try {
      update = JSON.parse(body.toString('utf8'));
    } catch {
      return [400, 'Bad Request: the body is not JSON'];
    }
    if (!update || typeof update !== 'object' || typeof (update as { update_id?: unknown }).update_id !== 'number') return [400, 'Bad Request: not an Update'];
    try {
      await options.onUpdate(update as Update);
    } catch (error) {
      options.log.error({ err: error }, 'telegram webhook: an update could not be taken in');
      return [500, 'Internal Server Error'];
    }
    return [200, 'ok'];
  };
  const server: Server = createServer((request, response) => {
    respond(request)
      .catch((error: unknown): [number, string] => {
        options.log.error({ err: error }, 'telegram webhook: request failed');
        return [500, 'Internal Server Error'];
      })
      .then(([status, description]) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ ok: status === 200, description }));
      }, () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
