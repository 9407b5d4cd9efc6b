import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticleInput } from '../../src/cli/read-article-input.ts';

function textFile(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'precis-input-')), 'article.txt');
  writeFileSync(path, content);
  return path;
}

describe('readArticleInput on plain text', () => {
  it('takes the first line as the title and keeps the article as written, so offsets are the article’s', async () => {
    const text = 'Le Sénat a voté  le texte.\nLe ministre était  présent.';
    expect(await readArticleInput(textFile(`Le titre\r\n${text}\n\n`))).toEqual({ title: 'Le titre', text });
  });

  it('reads an empty first line as an article without a title', async () => {
    expect(await readArticleInput(textFile('\nFirst paragraph.\nSecond.'))).toEqual({ title: null, text: 'First paragraph.\nSecond.' });
  });

  it('reads a single line as the text', async () => {
    expect(await readArticleInput(textFile('Only one line.\n'))).toEqual({ title: null, text: 'Only one line.' });
  });
});
