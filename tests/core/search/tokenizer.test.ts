import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeTerm, tokenize } from '../../../src/core/search/tokenizer';

/** Text rich in the things a tokenizer gets wrong: apostrophes, marks, other scripts, surrogates. */
const trickyPiece = fc.constantFrom(
  'Tokayev',
  '’s',
  "'s",
  '’',
  "'",
  ' ',
  '\n',
  '-',
  '—',
  '“',
  '”',
  'Токаев',
  'Қазақстан',
  'e\u0301',
  '\u0301',
  '2022',
  'İ',
  'ß',
  '𝐀',
  '😀',
  '\uD800',
  '\uDC00',
  '中文',
  'ﬁ',
);
const trickyText = fc.array(trickyPiece, { maxLength: 40 }).map((pieces) => pieces.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string(), trickyText);

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

describe('tokenize: properties over arbitrary text', () => {
  it('never throws', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        tokenize(text);
      }),
      { numRuns: 500 },
    );
  });

  it('gives every token a non-empty range [start, end) inside the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const token of tokenize(text)) {
          expect(token.start).toBeGreaterThanOrEqual(0);
          expect(token.end).toBeGreaterThan(token.start);
          expect(token.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives tokens in increasing order without overlap', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const tokens = tokenize(text);
        for (let i = 1; i < tokens.length; i++) expect(tokens[i].start).toBeGreaterThanOrEqual(tokens[i - 1].end);
      }),
      { numRuns: 500 },
    );
  });

  it('gives each token the normalized form of exactly the characters it covers', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const token of tokenize(text)) expect(normalizeTerm(text.slice(token.start, token.end))).toBe(token.term);
      }),
      { numRuns: 500 },
    );
  });

  it('covers every letter, digit and mark of the text with some token', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const tokens = tokenize(text);
        let index = 0;
        for (const char of text) {
          if (WORD_CHAR.test(char)) {
            const at = index;
            expect(tokens.some((t) => t.start <= at && at + char.length <= t.end)).toBe(true);
          }
          index += char.length;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never starts or ends a token on an apostrophe', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const token of tokenize(text)) {
          expect(text[token.start]).not.toMatch(/['’]/);
          expect(text[token.end - 1]).not.toMatch(/['’]/);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('tokenize: examples', () => {
  it('reads "Tokayev’s" as the term "tokayev", covering the whole written word', () => {
    expect(tokenize('Tokayev’s')).toEqual([{ term: 'tokayev', start: 0, end: 9 }]);
  });

  it('drops a possessive with a straight apostrophe too', () => {
    expect(tokenize("Tokayev's")).toEqual([{ term: 'tokayev', start: 0, end: 9 }]);
  });

  it('keeps Cyrillic words, lower-cased: "Токаев" → "токаев"', () => {
    expect(tokenize('Токаев')).toEqual([{ term: 'токаев', start: 0, end: 6 }]);
    expect(tokenize('Президент Токаев')).toEqual([
      { term: 'президент', start: 0, end: 9 },
      { term: 'токаев', start: 10, end: 16 },
    ]);
  });

  it('removes inner apostrophes: "can’t" → "cant"', () => {
    expect(tokenize('I can’t')).toEqual([
      { term: 'i', start: 0, end: 1 },
      { term: 'cant', start: 2, end: 7 },
    ]);
  });

  it('splits at hyphens, punctuation and quotes', () => {
    expect(tokenize('Kasym-Zhomart, “Bloody January”?').map((t) => t.term)).toEqual(['kasym', 'zhomart', 'bloody', 'january']);
  });

  it('keeps a combining mark with its letter', () => {
    expect(tokenize('cafe\u0301 noir')).toEqual([
      { term: 'cafe\u0301', start: 0, end: 5 },
      { term: 'noir', start: 6, end: 10 },
    ]);
  });

  it('keeps digits as words', () => {
    expect(tokenize('January 2, 2022').map((t) => t.term)).toEqual(['january', '2', '2022']);
  });

  it('gives no tokens for text without letters or digits', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' — “” ’ -- ')).toEqual([]);
  });
});

describe('normalizeTerm', () => {
  it.each([
    ['Tokayev’s', 'tokayev'],
    ["Tokayev's", 'tokayev'],
    ['Kazakhstan’s', 'kazakhstan'],
    ['don’t', 'dont'],
    ['Токаев', 'токаев'],
    ['ZHANAOZEN', 'zhanaozen'],
  ])('%s → %s', (word, term) => {
    expect(normalizeTerm(word)).toBe(term);
  });
});
