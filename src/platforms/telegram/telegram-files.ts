import { readFile, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { HttpError, type Api } from 'grammy';
import type { Document } from 'grammy/types';
import type { CommandAttachment } from '../../commands/command.ts';
import { MAX_IMPORT_BYTES } from '../../commands/import-command.ts';
import { readLimitedBody } from '../read-limited-body.ts';
import { networkReason } from './telegram-errors.ts';

/**
 * A file a user sent that cannot be read: which, and why.
 *
 * @example
 *   throw new TelegramFileError('feeds.opml', 'HTTP 404');
 */
export class TelegramFileError extends Error {
  override readonly name = 'TelegramFileError';
  constructor(
    readonly fileName: string,
    readonly detail: string,
  ) {
    super(`could not download ${fileName} from Telegram: ${detail}`);
  }
}

/** Where the bot's files download from: `<apiRoot>/file/bot<token>/<file_path>`. */
export interface TelegramFiles {
  apiRoot: string;
  token: string;
}

async function readLimited(response: Response, name: string, maxBytes: number): Promise<Buffer> {
  if (!response.body) throw new TelegramFileError(name, 'empty answer');
  const body = await readLimitedBody(response.body, maxBytes);
  if (body === null) throw new TelegramFileError(name, `larger than ${maxBytes} bytes`);
  return body;
}

/**
 * Downloads a file users sent (getFile, then the file endpoint of the API root, within 15 s and
 * `maxBytes`). A self-hosted Bot API server in `--local` mode answers an absolute path on its
 * own disk instead, which is read directly.
 *
 * @example
 *   const text = (await downloadTelegramFile(api, files, document.file_id, 'feeds.opml')).toString('utf8');
 */
export async function downloadTelegramFile(api: Api, files: TelegramFiles, fileId: string, name: string, maxBytes = MAX_IMPORT_BYTES): Promise<Buffer> {
  let file: Awaited<ReturnType<Api['getFile']>>;
  try {
    file = await api.getFile(fileId);
  } catch (error) {
    // A network error's request URL holds the bot token: only its reason goes on.
    if (error instanceof HttpError) throw new TelegramFileError(name, networkReason(error));
    throw error;
  }
  if (!file.file_path) throw new TelegramFileError(name, 'Telegram gave no file path');
  if (isAbsolute(file.file_path)) {
    if ((await stat(file.file_path)).size > maxBytes) throw new TelegramFileError(name, `larger than ${maxBytes} bytes`);
    return readFile(file.file_path);
  }
  let response: Response;
  try {
    response = await fetch(`${files.apiRoot}/file/bot${files.token}/${file.file_path}`, { signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    throw new TelegramFileError(name, error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error));
  }
  if (!response.ok) throw new TelegramFileError(name, `HTTP ${response.status}`);
  return readLimited(response, name, maxBytes);
}

/**
 * Whether a document looks like an OPML file (by name or type), worth offering to /import.
 *
 * @example
 *   looksLikeOpml({ file_name: 'feedly.opml' }); // true
 */
export function looksLikeOpml(document: Pick<Document, 'file_name' | 'mime_type'>): boolean {
  return /\.(opml|xml)$/i.test(document.file_name ?? '') || /opml|xml/i.test(document.mime_type ?? '');
}

/**
 * A Telegram document as a command attachment, downloaded only when the command reads it.
 *
 * @example
 *   const attachment = documentAttachment(api, files, message.document);
 */
export function documentAttachment(api: Api, files: TelegramFiles, document: Document): CommandAttachment {
  const name = document.file_name ?? 'file';
  return { name, size: document.file_size ?? 0, read: async () => (await downloadTelegramFile(api, files, document.file_id, name)).toString('utf8') };
}
