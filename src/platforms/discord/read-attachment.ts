import { MAX_IMPORT_BYTES } from '../../commands/import-command.ts';
import { readLimitedBody } from '../read-limited-body.ts';

/**
 * A file attached to a command that cannot be read: where from, and why.
 *
 * @example
 *   throw new AttachmentError(url, 'HTTP 404');
 */
export class AttachmentError extends Error {
  override readonly name = 'AttachmentError';
  constructor(
    readonly url: string,
    readonly detail: string,
  ) {
    super(`could not download the attachment: ${detail}`);
  }
}

/**
 * Downloads a file attached to an interaction from Discord's CDN (the URL comes from Discord
 * itself), as UTF-8 text, within 15 s and `MAX_IMPORT_BYTES`.
 *
 * @example
 *   const opml = await readAttachment(interaction.options.getAttachment('file')!.url);
 */
export async function readAttachment(url: string, maxBytes = MAX_IMPORT_BYTES): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(15_000), redirect: 'follow' });
  } catch (error) {
    throw new AttachmentError(url, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok || !response.body) throw new AttachmentError(url, `HTTP ${response.status}`);
  const body = await readLimitedBody(response.body, maxBytes);
  if (body === null) throw new AttachmentError(url, `larger than ${maxBytes} bytes`);
  return new TextDecoder('utf-8').decode(body);
}
