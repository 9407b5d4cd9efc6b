import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/digest/analyze.ts';

function speakers(text: string, lang: string): (string | null)[] {
  return analyzeArticle({ title: null, text, lang }).quotes.map((q) => q.speaker);
}

describe('social-media handles as speakers', () => {
  it('reads a lower-case handle after an inverted speech verb as the speaker, "@" included', () => {
    const text = 'Le roman séduit les lecteurs. « Une histoire sombre et très humaine, qui se lit d’une traite », analyse @lecteur_du_soir. La suite arrive.';
    expect(speakers(text, 'fr')).toEqual(['@lecteur_du_soir']);
  });

  it('keeps the dots inside a handle but not the full stop after it', () => {
    const text = 'Bref : « Un livre comme on les aime, noir et vrai jusqu’au bout », conclut @marie.lit.tout.';
    expect(speakers(text, 'fr')).toEqual(['@marie.lit.tout']);
  });

  it('works in English', () => {
    const text = '"This is a wonderful book about a small town and its secrets," writes @bookworm_jane. More reviews follow.';
    expect(speakers(text, 'en')).toEqual(['@bookworm_jane']);
  });

  it('does not read an e-mail address as a handle', () => {
    const text = 'Readers can write to contact@paper.example for details. "We read every single letter we get," said Anna Berg.';
    expect(speakers(text, 'en')).toEqual(['Anna Berg']);
  });
});
