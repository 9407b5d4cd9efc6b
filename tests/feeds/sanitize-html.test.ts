import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../src/feeds/sanitize-html.ts';

const BASE = 'https://site.example/news/';

describe('sanitizeHtml (allow-list on htmlparser2)', () => {
  it('drops the tags of disallowed elements but keeps their text, and drops non-text elements whole', () => {
    expect(sanitizeHtml('<font color="red">kept</font><form><input value="x">form text</form>', BASE)).toBe('keptform text');
    expect(sanitizeHtml('<div><style>p{}</style><script>x()</script><svg><a href="/x">in svg</a></svg><math><mi>m</mi></math>ok</div>', BASE)).toBe('<div>ok</div>');
    expect(sanitizeHtml('<iframe><img src=x onerror=alert(1)></iframe>after', BASE)).toBe('after');
    expect(sanitizeHtml('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', BASE)).not.toMatch(/<img|onerror/);
  });

  it('balances misnested and unclosed markup', () => {
    expect(sanitizeHtml('<p>a<p>b', BASE)).toBe('<p>a</p><p>b</p>');
    expect(sanitizeHtml('<p>unclosed <b>bold', BASE)).toBe('<p>unclosed <b>bold</b></p>');
    expect(sanitizeHtml('<br/><hr><br></br>', BASE)).toBe('<br /><hr /><br /><br />');
  });

  it('escapes text and attribute values, so decoded entities never become markup', () => {
    expect(sanitizeHtml('a &amp; b &lt;script&gt; c&nbsp;d', BASE)).toBe('a &amp; b &lt;script&gt; c\u00a0d');
    expect(sanitizeHtml('<a href="mailto:x@y.z" title="say &quot;hi&quot; <b>">m</a>', BASE)).toBe('<a rel="noopener noreferrer nofollow" href="mailto:x@y.z" title="say &quot;hi&quot; &lt;b&gt;">m</a>');
  });

  it('keeps only http(s) URLs (and mailto links), made absolute; an image without one is dropped', () => {
    expect(sanitizeHtml('<a href="java&#x09;script:alert(1)">x</a><a href="">e</a>', BASE)).toBe('<a rel="noopener noreferrer nofollow">x</a><a rel="noopener noreferrer nofollow">e</a>');
    expect(sanitizeHtml('<img src="mailto:x@y"><img alt="a"><img src="javascript:alert(1)">', BASE)).toBe('');
    expect(sanitizeHtml('<img src="//cdn.example/x.png" alt="" width="10" onload="x()">', BASE)).toBe('<img alt="" width="10" src="https://cdn.example/x.png" />');
    expect(sanitizeHtml('<q cite="/source">q</q><blockquote cite="javascript:x">b</blockquote>', BASE)).toBe('<q cite="https://site.example/source">q</q><blockquote>b</blockquote>');
  });

  it('keeps the allowed table and time attributes only', () => {
    expect(sanitizeHtml('<table class="t"><tr><td colspan="2" onclick="x()" style="color:red">c</td></tr></table><time datetime="2024-11-06">t</time>', BASE)).toBe(
      '<table><tr><td colspan="2">c</td></tr></table><time datetime="2024-11-06">t</time>',
    );
  });
});
