/**
 * Reads a fetch response's body while it streams, stopping as soon as it passes `maxBytes`: a user's upload
 * never fills the memory. Answers null when the body was too large (the download is cancelled).
 *
 * @example
 *   const body = await readLimitedBody(response.body, 1_000_000);
 *   if (body === null) throw new Error('larger than 1000000 bytes');
 */
export async function readLimitedBody(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Buffer | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
