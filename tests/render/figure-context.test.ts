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

describe('figureContext around quotations', () => {
  it('never shows half a quotation around the figure', () => {
    const french = 'Il a salué des liens « très étroits » entre les armées des deux pays qui ont signé un accord « de défense mutuelle totale ».';
    expect(figureContext(figure('deux pays', french))).toEqual({ before: '…entre les armées des', figure: 'deux pays', after: 'qui ont signé un accord…' });
    const whole = 'Il a signé un accord « de défense » avec 2 pays voisins.';
    expect(figureContext(figure('2 pays', whole))).toEqual({ before: '…un accord « de défense » avec', figure: '2 pays', after: 'voisins' });
    const english = 'He called it "a deal for 2,500 homes and a new harbour" before the vote.';
    expect(figureContext(figure('2,500 homes', english))).toEqual({ before: '…a deal for', figure: '2,500 homes', after: 'and a new harbour…' });
    const inside = 'She said “only 40 families” were left.';
    // A figure inside a quotation keeps both its marks.
    expect(figureContext(figure('40 families', inside))).toEqual({ before: 'She said “only', figure: '40 families', after: '” were left' });
  });
});
