import fc from 'fast-check';
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { acceptedTerms, nearSpellings } from '../../../src/core/search/compact-index';

/** lunr's own expansion of a word within an edit distance, as the compact index did it before. */
function lunrNearSpellings(terms: readonly string[], word: string, editDistance: number): string[] {
  const fromFuzzyString = (lunr.TokenSet as unknown as { fromFuzzyString(s: string, d: number): unknown }).fromFuzzyString;
  return acceptedTerms(terms, fromFuzzyString(word, editDistance) as Parameters<typeof acceptedTerms>[1]);
}

// Few letters, so that generated words and terms lie within an edit or two of each other.
const letters = fc.constantFrom('a', 'b', 'c', 'd', 'é', 'я');
const shortWord = fc.array(letters, { minLength: 1, maxLength: 7 }).map((cs) => cs.join(''));
const sortedTerms = fc.uniqueArray(shortWord, { maxLength: 60 }).map((ts) => ts.sort());

describe('near spellings of a word among the index terms', () => {
  it('are exactly the terms lunr’s edit automaton accepted, within 1 or 2 edits (generated words)', () => {
    fc.assert(
      fc.property(sortedTerms, shortWord, fc.constantFrom(1, 2), (terms, word, distance) => {
        expect(nearSpellings(terms, word, distance)).toEqual(lunrNearSpellings(terms, word, distance));
      }),
      { numRuns: 3000 },
    );
  });

  it('are exactly lunr’s for a word near every term of a list (swaps, doubled and dropped letters)', () => {
    const base = 'tokayev';
    const terms = new Set<string>();
    for (let i = 0; i < base.length; i++) {
      terms.add(base.slice(0, i) + base.slice(i + 1));
      terms.add(base.slice(0, i) + base[i] + base.slice(i));
      if (i + 1 < base.length) terms.add(base.slice(0, i) + base[i + 1] + base[i] + base.slice(i + 2));
      terms.add(`${base.slice(0, i)}x${base.slice(i + 1)}`);
      terms.add(`${base.slice(0, i)}xy${base.slice(i + 2)}`);
    }
    const sorted = [...new Set([...terms, 'tokaev', 'tokajev', 'tokayeva', 'okayevt'])].sort();
    for (const distance of [1, 2]) {
      for (const word of [base, 'tokaev', 'tkayev', 'otkayev', 'tokayevv', 'a', 'ab']) {
        expect(nearSpellings(sorted, word, distance)).toEqual(lunrNearSpellings(sorted, word, distance));
      }
    }
    expect(nearSpellings(sorted, base, 1)).toContain('tokaev');
  });
});
