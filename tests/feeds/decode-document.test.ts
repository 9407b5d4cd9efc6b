import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../../src/feeds/decode-document.ts';

const rss = (prolog: string, title: string) => `${prolog}<rss version="2.0"><channel><title>${title}</title></channel></rss>`;

describe('decodeDocument', () => {
  it('trusts the HTTP charset first', () => {
    const bytes = iconv.encode(rss('<?xml version="1.0"?>', 'Fête à Noël'), 'latin1');
    const decoded = decodeDocument(bytes, 'application/rss+xml; charset=ISO-8859-1');
    expect(decoded.text).toContain('Fête à Noël');
    expect(decoded).toMatchObject({ encoding: 'windows-1252', source: 'header' });
  });

  it('reads windows-1252 bytes 0x80–0x9F as €, curly quotes and dashes (not C1 controls)', () => {
    const bytes = iconv.encode(rss('<?xml version="1.0" encoding="windows-1252"?>', '€ 5 – “quoted” ‘single’ œuvre'), 'windows-1252');
    expect(bytes.includes(0x80)).toBe(true);
    const decoded = decodeDocument(bytes, null);
    expect(decoded.text).toContain('€ 5 – “quoted” ‘single’ œuvre');
    expect(decoded).toMatchObject({ encoding: 'windows-1252', source: 'prolog' });
  });

  it('maps a declared ISO-8859-1 to windows-1252, as browsers do', () => {
    const bytes = iconv.encode(rss('<?xml version="1.0" encoding="ISO-8859-1"?>', 'l’€'), 'windows-1252');
    expect(decodeDocument(bytes, null).text).toContain('l’€');
  });

  it('reads windows-1251 (Cyrillic) from the prolog', () => {
    const bytes = iconv.encode(rss('<?xml version="1.0" encoding="windows-1251"?>', 'Привет, мир'), 'windows-1251');
    expect(decodeDocument(bytes, null)).toMatchObject({ encoding: 'windows-1251' });
    expect(decodeDocument(bytes, null).text).toContain('Привет, мир');
  });

  it('reads UTF-16 with a BOM (both byte orders) and strips the BOM', () => {
    for (const encoding of ['utf-16le', 'utf-16be']) {
      const bytes = iconv.encode(rss('<?xml version="1.0" encoding="UTF-16"?>', 'Zoë'), encoding, { addBOM: true });
      const decoded = decodeDocument(bytes, null);
      expect(decoded.encoding).toBe(encoding);
      expect(decoded.text.startsWith('<?xml')).toBe(true);
      expect(decoded.text).toContain('Zoë');
    }
  });

  it('detects UTF-16 without a BOM from the 00 3C byte pattern', () => {
    const be = iconv.encode(rss('<?xml version="1.0"?>', 'Ünïcode'), 'utf-16be');
    expect([be[0], be[1]]).toEqual([0x00, 0x3c]);
    expect(decodeDocument(be, null)).toMatchObject({ encoding: 'utf-16be', source: 'sniffed' });
    expect(decodeDocument(be, null).text).toContain('Ünïcode');
    const le = iconv.encode(rss('<?xml version="1.0"?>', 'Ünïcode'), 'utf-16le');
    expect(decodeDocument(le, null).text).toContain('Ünïcode');
  });

  it('never reads UTF-16 bytes as an 8-bit charset, even when the header says so', () => {
    const bytes = iconv.encode(rss('', 'Straße'), 'utf-16le', { addBOM: true });
    const decoded = decodeDocument(bytes, 'text/xml; charset=iso-8859-1');
    expect(decoded.text).toContain('Straße');
    expect(decoded.warnings.join()).toMatch(/utf-16le/);
  });

  it('reads UTF-8 bytes as UTF-8 when the prolog wrongly claims ISO-8859-1', () => {
    const bytes = Buffer.from(rss('<?xml version="1.0" encoding="ISO-8859-1"?>', 'Élysée : « réforme »'), 'utf8');
    const decoded = decodeDocument(bytes, null);
    expect(decoded.text).toContain('Élysée : « réforme »');
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.warnings[0]).toMatch(/valid UTF-8/);
  });

  it('falls back to windows-1252 for undeclared bytes that are not UTF-8', () => {
    const bytes = iconv.encode(rss('', 'simulações'), 'latin1');
    expect(decodeDocument(bytes, null)).toMatchObject({ encoding: 'windows-1252', source: 'sniffed' });
    expect(decodeDocument(bytes, null).text).toContain('simulações');
  });

  it('falls back to windows-1252 when UTF-8 is declared but the bytes are not UTF-8', () => {
    const bytes = iconv.encode(rss('<?xml version="1.0" encoding="utf-8"?>', 'Café'), 'latin1');
    expect(decodeDocument(bytes, 'application/xml; charset=utf-8').text).toContain('Café');
  });

  it('takes the charset of an HTML meta tag', () => {
    const bytes = iconv.encode('<html><head><meta charset="windows-1251"></head><body>Новости</body></html>', 'windows-1251');
    expect(decodeDocument(bytes, 'text/html')).toMatchObject({ encoding: 'windows-1251', source: 'meta' });
  });

  it('removes the prolog encoding and leading blank lines so the parser sees clean text', () => {
    const decoded = decodeDocument(Buffer.from(`\n\n<?xml version="1.0" encoding="ISO-8859-1"?>${rss('', 'x')}`, 'latin1'), null);
    expect(decoded.text.startsWith('<?xml version="1.0"?>')).toBe(true);
  });

  it('decodes the chunks a body arrived in as the whole, characters split across chunks included', () => {
    /** The bytes cut every `size` bytes, as a network read would (mid-character too). */
    const cut = (bytes: Buffer, size: number) => Array.from({ length: Math.ceil(bytes.length / size) }, (_, index) => bytes.subarray(index * size, (index + 1) * size));
    const utf8 = Buffer.from(`\uFEFF${rss('<?xml version="1.0" encoding="UTF-8"?>', 'Élysée — l’€ 😀')}`, 'utf8');
    const latin = iconv.encode(rss('<?xml version="1.0" encoding="windows-1252"?>', 'Fête — l’€'), 'windows-1252');
    const utf16 = iconv.encode(`\uFEFF${rss('<?xml version="1.0" encoding="UTF-16"?>', 'Noël ✓')}`, 'utf-16le');
    const lying = Buffer.from(rss('<?xml version="1.0" encoding="ISO-8859-1"?>', 'Crème brûlée'), 'utf8');
    for (const [bytes, contentType] of [[utf8, null], [latin, null], [utf16, null], [lying, 'text/xml; charset=iso-8859-1']] as const) {
      const whole = decodeDocument(bytes, contentType);
      for (const size of [1, 3, 7, 64]) expect(decodeDocument(cut(bytes, size), contentType)).toEqual(whole);
    }
    expect(decodeDocument(cut(utf8, 5), null)).toMatchObject({ encoding: 'utf-8', text: expect.stringContaining('Élysée — l’€ 😀') as unknown });
    expect(decodeDocument(cut(lying, 5), 'text/xml; charset=iso-8859-1')).toMatchObject({ encoding: 'utf-8', text: expect.stringContaining('Crème brûlée') as unknown });
  });
});
