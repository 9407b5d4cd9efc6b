import { describe, expect, it } from 'vitest';
import { english } from '../../src/digest/lang/en.ts';
import { french } from '../../src/digest/lang/fr.ts';
import type { LanguageRules } from '../../src/digest/lang/rules.ts';
import { readNumberWords } from '../../src/digest/number-words.ts';
import { tokenize } from '../../src/digest/tokens.ts';

function read(text: string, rules: LanguageRules) {
  const tokens = tokenize(text, rules);
  return readNumberWords(tokens, 0, rules);
}

describe('readNumberWords', () => {
  it('reads compound cardinals', () => {
    expect(read('vingt-cinq soldats', french)?.value).toBe(25);
    expect(read('quatre-vingt-dix jours', french)?.value).toBe(90);
    expect(read('trois cents morts', french)?.value).toBe(300);
    expect(read('deux mille habitants', french)?.value).toBe(2000);
    expect(read('twenty-one people', english)?.value).toBe(21);
    expect(read('two hundred and fifty jobs', english)?.value).toBe(250);
    expect(read('three million people', english)?.value).toBe(3e6);
  });

  it('never reads "un", "une", "one" alone', () => {
    expect(read('une journée', french)).toBeNull();
    expect(read('one of the poorest countries', english)).toBeNull();
    expect(read('un million de personnes', french)?.value).toBe(1e6);
  });

  it('reads collectives as approximate and plural ones as vague', () => {
    expect(read('quinzaine de ressortissants', french)).toMatchObject({ value: 15, approximate: true, vague: false });
    expect(read('milliers de soldats', french)).toMatchObject({ value: 1000, vague: true });
    expect(read('tens of thousands', english)).toMatchObject({ value: 10000, vague: true });
  });

  it('reads fractions of a whole', () => {
    expect(read('two-thirds of the members', english)?.value).toBeCloseTo(0.667, 2);
    expect(read('half of the cases', english)?.value).toBe(0.5);
    expect(read('half the losses', english)?.value).toBe(0.5);
    expect(read('half a dozen', english)).toBeNull();
  });

  it('keeps the noun joined by a hyphen', () => {
    expect(read('six-month review', english)).toMatchObject({ value: 6, attachedNoun: 'month' });
  });
});
