import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextWordStart, normalizeTerm, wordEndingAt, words, wordStartingAt } from '../../../src/core/search/tokenizer';

// The phrase matcher skips a place when the quick look at its neighbour disagrees, so the quick look
// must never disagree with the tokenizer about an all-letter word: that would lose a true match.
const piece = fc.constantFrom('the', 'People', 'of', ' ', '  ', '\n', '-', '—', '’', "'", '’s', '“', '”', ',', '.', 'Токаев', 'қазақ', 'e\u0301', '\u0301', '16,000', '3.5', '2022', '𝐀', '😀', 'İ', 'can’t', 'Kasym-Zhomart');
const text = fc.oneof(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), fc.string({ unit: 'grapheme', maxLength: 60 }));
const ALL_LETTERS = /^[\p{L}\p{M}]+$/u;
/** The matcher does not judge runs with apostrophes or digits (see mayBe in phrase-match.ts). */
const judged = (run: string) => !/['’ʼ‘\p{N}]/u.test(run);

describe('the quick look at neighbouring words agrees with the tokenizer', () => {
  it('for every pair of adjacent all-letter words, in both directions', () => {
    fc.assert(
      fc.property(text, (t) => {
        const list = words(t);
        for (let i = 1; i < list.length; i++) {
          const [a, b] = [list[i - 1], list[i]];
          const before = wordEndingAt(t, b.start);
          const after = wordStartingAt(t, a.end);
          if (ALL_LETTERS.test(a.term) && judged(before)) expect(normalizeTerm(before)).toBe(a.term);
          if (ALL_LETTERS.test(b.term) && judged(after)) {
            expect(normalizeTerm(after)).toBe(b.term);
            // ... and the run ends where the word ends, so a look at the word after it starts right.
            expect(nextWordStart(t, a.end) + after.length).toBe(b.end);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds nothing before the first word or after the last', () => {
    expect(wordEndingAt('  “Hello', 3)).toBe('');
    expect(wordStartingAt('end.” ', 3)).toBe('');
  });
});
