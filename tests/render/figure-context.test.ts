import { describe, expect, it } from 'vitest';
import { figureContext } from '../../src/render/figure-context.ts';
import { figure } from './hostile-digest.ts';

describe('figureContext', () => {
  it('keeps the clause around the figure, a few words each side', () => {
    const sentence = 'Councillors in Port Alder approved a $1.2bn plan on Tuesday night to build 2,500 affordable homes on former dock land, ending a debate.';
    expect(figureContext(figure('$1.2bn', sentence))).toEqual({ before: 'Councillors in Port Alder approved a', figure: '$1.2bn', after: 'plan on Tuesday night to build 2,500…' });
    expect(figureContext(figure('2,500 affordable homes', sentence))).toEqual({ before: '…$1.2bn plan on Tuesday night to build', figure: '2,500 affordable homes', after: 'on former dock land' });
  });

  it('falls back to the figure and its unit when the sentence does not contain it', () => {
    expect(figureContext(figure('80', 'Another sentence.', 'blessés'))).toEqual({ before: '', figure: '80', after: 'blessés' });
  });
});
