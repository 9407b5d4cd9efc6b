import { describe, expect, it } from 'vitest';
import { validateTelegramHtml } from './telegram-html-validator.ts';

describe('validateTelegramHtml', () => {
  it('accepts the documented tags and reports text and entities as Telegram would', () => {
    const check = validateTelegramHtml(
      '<b>bold <i>italic</i></b> <a href="https://example.org/?a=1&amp;b=2">link</a> <blockquote>quote — <i>who</i></blockquote>\n' +
        '<span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler> <u>u</u><ins>i</ins><s>s</s><strike>k</strike><del>d</del><em>e</em><strong>g</strong> ' +
        '<code>x</code> <pre><code class="language-ts">let a;</code></pre> <blockquote expandable>long</blockquote> &lt;&gt;&amp;&quot;&#128512;&#x1F600;',
    );
    expect(check.problems).toEqual([]);
    expect(check.text.startsWith('bold italic link quote — who\n')).toBe(true);
    expect(check.text.endsWith('<>&"😀😀')).toBe(true);
    expect(check.entities.find((entity) => entity.type === 'text_link')).toEqual({ type: 'text_link', offset: 12, length: 4, url: 'https://example.org/?a=1&b=2' });
    expect(check.entities.find((entity) => entity.type === 'pre')?.language).toBe('ts');
    expect(check.entities.some((entity) => entity.type === 'expandable_blockquote')).toBe(true);
  });

  it('counts length in UTF-16 code units after parsing, and refuses more than 4096', () => {
    expect(validateTelegramHtml('😀'.repeat(2048)).problems).toEqual([]);
    expect(validateTelegramHtml('&#128512;'.repeat(2048)).length).toBe(4096);
    expect(validateTelegramHtml(`${'😀'.repeat(2048)}a`).error).toBe('Bad Request: message is too long');
    expect(validateTelegramHtml(`<b>${'a'.repeat(4096)}</b>`).problems).toEqual([]);
    expect(validateTelegramHtml('&amp;'.repeat(4097)).error).toBe('Bad Request: message is too long');
  });

  it('refuses empty text and more than 100 entities', () => {
    expect(validateTelegramHtml(' \n <b></b>').error).toBe('Bad Request: message text is empty');
    expect(validateTelegramHtml('<b>x</b>'.repeat(100)).problems).toEqual([]);
    expect(validateTelegramHtml('<b>x</b>'.repeat(101)).problems).toEqual(['too many entities: 101 (Telegram keeps 100)']);
    // A tag around nothing makes no entity.
    expect(validateTelegramHtml(`${'<i></i>'.repeat(150)}text`).entities).toEqual([]);
  });

  it.each([
    ['<script>x</script>', 'Unsupported start tag "script" at byte offset 0'],
    ['é<p>x</p>', 'Unsupported start tag "p" at byte offset 2'],
    ['<b>unclosed', 'Can\'t find end tag corresponding to start tag "b"'],
    ['<b><i>x</b></i>', 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'],
    ['x</b>', 'Unexpected end tag at byte offset 1'],
    ['AT&T', 'Unescaped "&" at byte offset 2: write &amp;'],
    ['&nbsp;', 'Unsupported HTML entity "&nbsp;" at byte offset 0: only &lt; &gt; &amp; &quot; and numeric entities'],
    ['&#xD800;', 'Invalid numeric entity "&#xD800;" at byte offset 0'],
    ['3 < 4', 'Unescaped "<" at byte offset 2: write &lt;'],
    ['4 > 3', 'Unescaped ">" at byte offset 2: write &gt;'],
    ['<a>x</a>', 'Tag "a" must have attribute "href" at byte offset 0'],
    ['<a href="javascript:alert(1)">x</a>', 'Wrong URL "javascript:alert(1)" in tag "a" at byte offset 0'],
    ['<b class="x">x</b>', 'Unsupported attribute "class" in tag "b" at byte offset 0'],
    ['<span>x</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'],
    ['<a href="https://a.org"><a href="https://b.org">x</a></a>', 'Tag "a" can\'t be inside "a" at byte offset 24'],
    ['<blockquote><blockquote>x</blockquote></blockquote>', 'Tag "blockquote" can\'t be inside "blockquote" at byte offset 12'],
    ['<code><b>x</b></code>', 'Tag "b" can\'t be inside "code" at byte offset 6'],
    ['<b><code>x</code></b>', 'Tag "code" can\'t be inside "b" at byte offset 3'],
    ['<code class="language-ts">x</code>', 'A programming language can only be given to "code" inside "pre" at byte offset 0'],
    ['<br/>', 'Unsupported start tag "br" at byte offset 0'],
  ])('refuses %j', (html, reason) => {
    expect(validateTelegramHtml(html).error).toBe(`Bad Request: can't parse entities: ${reason}`);
  });

  it('refuses a lone surrogate', () => {
    expect(validateTelegramHtml('a\ud800b').error).toMatch(/UTF-8/);
  });
});
