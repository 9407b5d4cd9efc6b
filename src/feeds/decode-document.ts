import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** Where the encoding of a document was learnt. */
export type EncodingSource = 'header' | 'bom' | 'prolog' | 'meta' | 'sniffed' | 'fallback';

/** A document decoded to text, with how its encoding was decided. */
export interface DecodedDocument {
  text: string;
  /** Canonical name of the encoding used ("utf-8", "windows-1252", "utf-16be"…). */
  encoding: string;
  source: EncodingSource;
  /** Lies noticed on the way (e.g. a prolog claiming ISO-8859-1 over UTF-8 bytes). */
  warnings: string[];
}

/** Labels that mean "the Latin-1 family": the web decodes them as windows-1252 (€, curly quotes). */
const WINDOWS_1252_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii', 'cp819', 'ibm819', 'iso_8859-1', 'windows-1252', 'cp1252', 'x-cp1252']);

function canonicalEncoding(label: string | null | undefined): string | null {
  const name = label?.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!name) return null;
  if (WINDOWS_1252_LABELS.has(name)) return 'windows-1252';
  if (name === 'utf8' || name === 'unicode-1-1-utf-8') return 'utf-8';
  if (name === 'utf-16' || name === 'unicode' || name === 'ucs-2') return 'utf-16';
  return iconv.encodingExists(name) ? name : null;
}

function isMultiByte(encoding: string): boolean {
  return /^(utf-?16|utf-?32|ucs)/.test(encoding);
}

function bomEncoding(bytes: Buffer): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return null;
}

/** UTF-16 without a BOM shows itself by the zero byte beside the first `<`. */
function sniffUtf16(bytes: Buffer): string | null {
  const start = bytes.findIndex((byte) => byte !== 0x00 && byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09);
  if (start < 0) return null;
  if (bytes[start] === 0x3c && start % 2 === 1 && bytes[start - 1] === 0x00) return 'utf-16be';
  if (bytes[start] === 0x3c && start % 2 === 0 && bytes[start + 1] === 0x00) return 'utf-16le';
  return null;
}

/** The encoding the XML prolog or an HTML meta tag declares, read from the ASCII-compatible head. */
function declaredEncoding(bytes: Buffer): { encoding: string; source: 'prolog' | 'meta' } | null {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const prolog = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  const fromProlog = canonicalEncoding(prolog?.[1]);
  if (fromProlog) return { encoding: fromProlog, source: 'prolog' };
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  const fromMeta = canonicalEncoding(meta?.[1]);
  return fromMeta ? { encoding: fromMeta, source: 'meta' } : null;
}

function charsetParameter(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return canonicalEncoding(match?.[2]);
}

/** True when some byte is outside ASCII (then valid UTF-8 has a multi-byte character). */
function hasHighByte(chunks: readonly Buffer[]): boolean {
  return chunks.some((chunk) => /[\u0080-\u00ff]/.test(chunk.toString('latin1')));
}

/** The first `length` bytes (one small copy only when they span chunks). */
function headOf(chunks: readonly Buffer[], length: number): Buffer {
  const first = chunks[0] ?? Buffer.alloc(0);
  if (first.length >= length || chunks.length === 1) return first.subarray(0, length);
  const head: Buffer[] = [];
  let size = 0;
  for (const chunk of chunks) {
    if (size >= length) break;
    head.push(chunk.subarray(0, length - size));
    size += Math.min(chunk.length, length - size);
  }
  return Buffer.concat(head, size);
}

/** The text of chunks that are valid UTF-8 together (a character may straddle two), else null. */
function strictUtf8(chunks: readonly Buffer[]): string | null {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    let text = '';
    for (const chunk of chunks) text += decoder.decode(chunk, { stream: true });
    return text + decoder.decode();
  } catch {
    return null;
  }
}

function decodeChunks(chunks: readonly Buffer[], encoding: string): string {
  if (chunks.length === 1) return iconv.decode(chunks[0] ?? Buffer.alloc(0), encoding, { stripBOM: true });
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  let text = '';
  for (const chunk of chunks) text += decoder.write(chunk);
  return text + (decoder.end() ?? '');
}

/** Removes the prolog's encoding: the text is already decoded, and a stale label must not mislead a parser. */
function neutralizeProlog(text: string): string {
  const withoutBom = text.replace(/^\uFEFF/, '');
  const trimmed = /^\s+<\?xml/.test(withoutBom) ? withoutBom.trimStart() : withoutBom;
  return trimmed.replace(/^(<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']/i, '$1');
}

/**
 * Decodes a fetched document. Trust order: the HTTP `charset`, the byte-order mark, the XML
 * prolog (or HTML meta), then sniffing (UTF-16 from `00 3C`, valid UTF-8) with windows-1252 as
 * the last resort. Two sanity rules overrule a declaration: UTF-16 bytes are never read as an
 * 8-bit charset, and a document that is valid multi-byte UTF-8 is read as UTF-8 even when a
 * single-byte charset is declared (the classic "wrong prolog"). Takes the body as one buffer or as
 * the chunks it arrived in (decoded in turn: no copy of the whole body is made).
 *
 * @example
 *   decodeDocument(bytes, 'application/rss+xml; charset=ISO-8859-1').text;
 */
export function decodeDocument(body: Buffer | readonly Buffer[], contentType: string | null): DecodedDocument {
  const chunks = Buffer.isBuffer(body) ? [body] : body.filter((chunk) => chunk.length > 0);
  const warnings: string[] = [];
  const head = headOf(chunks, 4096);
  const bom = bomEncoding(head);
  const utf16 = bom ? null : sniffUtf16(head);
  const fromHeader = charsetParameter(contentType);
  const declared = declaredEncoding(head);

  let encoding: string | null = null;
  let source: EncodingSource = 'fallback';
  if (fromHeader) [encoding, source] = [fromHeader, 'header'];
  else if (bom) [encoding, source] = [bom.encoding, 'bom'];
  else if (declared) [encoding, source] = [declared.encoding, declared.source];

  const physical = bom?.encoding ?? utf16;
  if (physical && physical !== 'utf-8' && (!encoding || !isMultiByte(encoding))) {
    if (encoding) warnings.push(`${source} says ${encoding} but the bytes are ${physical}`);
    [encoding, source] = [physical, bom ? 'bom' : 'sniffed'];
  }
  if (encoding === 'utf-16') encoding = physical ?? 'utf-16be';

  // A single buffer is checked in place; chunks are decoded strictly, and that text is kept for UTF-8.
  let utf8Text: string | null = null;
  if (!encoding || !isMultiByte(encoding)) {
    if (chunks.length > 1) utf8Text = strictUtf8(chunks);
    const validUtf8 = chunks.length > 1 ? utf8Text !== null : isUtf8(chunks[0] ?? Buffer.alloc(0));
    if (!encoding) {
      [encoding, source] = validUtf8 ? ['utf-8', 'fallback'] : ['windows-1252', 'sniffed'];
      if (!validUtf8) warnings.push('no encoding declared and the bytes are not UTF-8: read as windows-1252');
    } else if (encoding !== 'utf-8' && validUtf8 && hasHighByte(chunks)) {
      warnings.push(`${source} says ${encoding} but the bytes are valid UTF-8: read as UTF-8`);
      [encoding, source] = ['utf-8', 'sniffed'];
    } else if (encoding === 'utf-8' && !validUtf8) {
      warnings.push(`${source} says UTF-8 but the bytes are not valid UTF-8: read as windows-1252`);
      [encoding, source] = ['windows-1252', 'sniffed'];
    }
  }

  const text = encoding === 'utf-8' && utf8Text !== null ? utf8Text : decodeChunks(chunks, encoding);
  return { text: neutralizeProlog(text), encoding, source, warnings };
}
