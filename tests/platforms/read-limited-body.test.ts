import { describe, expect, it } from 'vitest';
import { readLimitedBody } from '../../src/platforms/read-limited-body.ts';

function streamOf(chunks: string[], onCancel: () => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(encoder.encode(chunk));
    },
    cancel: onCancel,
  });
}

describe('readLimitedBody', () => {
  it('reads a body within the limit whole', async () => {
    const body = await readLimitedBody(streamOf(['<opml>', '</opml>'], () => undefined), 13);
    expect(body?.toString('utf8')).toBe('<opml></opml>');
  });

  it('stops and cancels the download as soon as the body passes the limit', async () => {
    let cancelled = false;
    const body = await readLimitedBody(streamOf(['12345', '67890', 'never read'], () => (cancelled = true)), 8);
    expect(body).toBeNull();
    expect(cancelled).toBe(true);
  });
});
