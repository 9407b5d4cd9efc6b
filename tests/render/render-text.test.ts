import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/render/render-text.ts';
import { digest, hostileDigest, story } from './hostile-digest.ts';

describe('renderText', () => {
  it('writes one block per story with sentences, quotes, figures and linked sources', () => {
    const text = renderText(digest([story({ id: 'a', sources: [{ name: 'Le Monde', url: 'https://lemonde.fr/a' }, { name: 'AFP', url: 'javascript:x' }] })], 2), 'en');
    expect(text).toContain('1. Headline of a\n   A key sentence about a.\n   “A quote about a worth reading” — Jane Doe\n   • More than [3,000 people] were there\n   Sources: Le Monde <https://lemonde.fr/a> · AFP');
    expect(text.endsWith('+2 more stories not shown\n')).toBe(true);
    expect(renderText(digest([]), 'fr')).toMatch(/Rien de nouveau depuis le dernier digest\.\n$/);
  });

  it('keeps feed text on its line: no control characters, no bidi override, no stray newline', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rendered = renderText(hostileDigest(seed), 'en');
      expect(rendered).not.toMatch(/(?![\n])[\p{Cc}\u202a-\u202e\u2066\u2067]/u);
      expect(rendered).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      for (const line of rendered.split('\n')) expect(line === '' || /^(\d+\. | {3}|Précis digest|\+\d+ more|Nothing new)/.test(line), line.slice(0, 80)).toBe(true);
    }
  });
});
