import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A throwaway HTTP server on 127.0.0.1 (port 0) whose routes tests set per path. */
export interface LocalServer {
  url(path: string): string;
  port: number;
  route(path: string, handler: Handler): void;
  /** Requests received, in order (method, path, headers). */
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

/**
 * Starts a local HTTP server for fetcher tests: routes by exact path, 404 otherwise.
 *
 * @example
 *   const server = await startLocalServer();
 *   server.route('/feed', (req, res) => res.end('<rss/>'));
 */
export async function startLocalServer(): Promise<LocalServer> {
  const routes = new Map<string, Handler>();
  const requests: LocalServer['requests'] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers });
    const handler = routes.get(path);
    if (handler) handler(request, response);
    else {
      response.statusCode = 404;
      response.end('not found');
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    route: (path, handler) => routes.set(path, handler),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A small valid RSS 2.0 document with `count` items (newest first), for server routes. */
export function rssDocument(title: string, items: { guid: string; title: string; link?: string; date?: Date; body?: string }[], extra = ''): string {
  const entries = items
    .map(
      (item) =>
        `<item><title>${item.title}</title><link>${item.link ?? `https://news.example/${item.guid}`}</link><guid isPermaLink="false">${item.guid}</guid>${item.date ? `<pubDate>${item.date.toUTCString()}</pubDate>` : ''}<description><![CDATA[${item.body ?? `<p>${item.title}: ${'a long enough body with many words '.repeat(12)}</p>`}]]></description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${title}</title><link>https://news.example/</link><language>en</language>${extra}\n${entries}\n</channel></rss>\n`;
}
