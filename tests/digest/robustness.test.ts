import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/digest/analyze.ts';

// Feeds cut articles anywhere: a teaser starts mid-paragraph, a summary stops mid-quote. The engine must read any
// piece of a real article without throwing, so every sample text is fed whole, by paragraph and in word windows.
const fixtures = resolve(fileURLToPath(import.meta.url), '../../fixtures');
const sampleDirs = ['eval-extra', 'eval-extra2', 'eval-extra3'].map((dir) => resolve(fixtures, dir)).filter((dir) => existsSync(dir));

function sampleTexts(): { id: string; text: string }[] {
  const texts: { id: string; text: string }[] = [];
  for (const dir of sampleDirs) {
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
      const article = JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as { text: string };
      texts.push({ id: `${dir}/${file}`, text: article.text });
    }
  }
  return texts;
}

/** Every piece of the text a feed could plausibly carry on its own. */
function* pieces(text: string): Generator<string> {
  yield text;
  yield* text.split('\n');
  const words = text.split(' ');
  for (let i = 0; i < words.length; i += 4) yield words.slice(i, i + 24).join(' ');
}

describe('the engine on pieces of real articles', () => {
  it('reads a paragraph that opens on a possessive name and a pronoun subject', () => {
    const text = 'Mr Joseph’s department.\nShe asked for the exam to be postponed, to ensure the syllabuses were “sufficiently rigorous” and fair.';
    expect(analyzeArticle({ title: null, text }).summary.length).toBeGreaterThan(0);
  });

  it('never throws, whatever piece of an article it is given', () => {
    const failures: string[] = [];
    for (const { id, text } of sampleTexts()) {
      for (const piece of pieces(text)) {
        try {
          analyzeArticle({ title: null, text: piece });
        } catch (error) {
          failures.push(`${id}: ${(error as Error).message} on ${JSON.stringify(piece.slice(0, 80))}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
