import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeTerm, tokenize, words, type Token } from '../../../src/core/search/tokenizer';

/** Tokens without the capitalization flag, for compact expectations. */
function terms(text: string): Array<Pick<Token, 'term' | 'start' | 'end' | 'compound'>> {
  return tokenize(text).map(({ term, start, end, compound }) => ({ term, start, end, compound }));
}

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

  it('gives words (compounds aside) in increasing order without overlap', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const tokens = words(text);
        for (let i = 1; i < tokens.length; i++) expect(tokens[i].start).toBeGreaterThanOrEqual(tokens[i - 1].end);
      }),
      { numRuns: 500 },
    );
  });

  it('gives each token the normalized form of exactly the characters it covers', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const token of words(text)) expect(normalizeTerm(text.slice(token.start, token.end))).toBe(token.term);
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
    expect(terms('Tokayev’s')).toEqual([{ term: 'tokayev', start: 0, end: 9, compound: false }]);
  });

  it('drops a possessive with a straight apostrophe too', () => {
    expect(terms("Tokayev's")).toEqual([{ term: 'tokayev', start: 0, end: 9, compound: false }]);
  });

  it('keeps Cyrillic words, lower-cased: "Токаев" → "токаев"', () => {
    expect(terms('Токаев')).toEqual([{ term: 'токаев', start: 0, end: 6, compound: false }]);
    expect(terms('Президент Токаев').map((t) => t.term)).toEqual(['президент', 'токаев']);
  });

  it('removes inner apostrophes: "can’t" → "cant"', () => {
    expect(terms('I can’t').map((t) => [t.term, t.start, t.end])).toEqual([
      ['i', 0, 1],
      ['cant', 2, 7],
    ]);
  });

  it('gives a hyphenated word as its parts and then as a whole', () => {
    expect(terms('Kasym-Zhomart, “Bloody January”?')).toEqual([
      { term: 'kasym', start: 0, end: 5, compound: false },
      { term: 'zhomart', start: 6, end: 13, compound: false },
      { term: 'kasym-zhomart', start: 0, end: 13, compound: true },
      { term: 'bloody', start: 16, end: 22, compound: false },
      { term: 'january', start: 23, end: 30, compound: false },
    ]);
  });

  it('splits at dashes and at hyphens with space around them', () => {
    expect(terms('war—peace - now').map((t) => t.term)).toEqual(['war', 'peace', 'now']);
  });

  it('folds Latin diacritics for matching, keeping the offsets of the word as written', () => {
    expect(terms('Zhanaözen café')).toEqual([
      { term: 'zhanaozen', start: 0, end: 9, compound: false },
      { term: 'cafe', start: 10, end: 14, compound: false },
    ]);
    expect(terms('cafe\u0301 noir')).toEqual([
      { term: 'cafe', start: 0, end: 5, compound: false },
      { term: 'noir', start: 6, end: 10, compound: false },
    ]);
  });

  it('does not fold Cyrillic letters with marks into others (й stays й), but reads ё as е', () => {
    expect(terms('Бийлик Алёна').map((t) => t.term)).toEqual(['бийлик', 'алена']);
  });

  it('keeps Kazakh letters: "Қазақстан" → "қазақстан"', () => {
    expect(terms('Қазақстан әділет ұлт үкімет һәм ғасыр').map((t) => t.term)).toEqual([
      'қазақстан',
      'әділет',
      'ұлт',
      'үкімет',
      'һәм',
      'ғасыр',
    ]);
  });

  it('reads numbers with thousands separators as one number: 16,000 and 16 000 are 16000', () => {
    expect(terms('16,000 protesters').map((t) => [t.term, t.start, t.end])).toEqual([
      ['16000', 0, 6],
      ['protesters', 7, 17],
    ]);
    expect(terms('16\u00A0000 and 1,250,000').map((t) => t.term)).toEqual(['16000', 'and', '1250000']);
    expect(terms('3.5 percent').map((t) => t.term)).toEqual(['3.5', 'percent']);
    expect(terms('items 1,2,3').map((t) => t.term)).toEqual(['items', '1', '2', '3']);
  });

  it('marks words written with a capital', () => {
    expect(tokenize('Tokayev said').map((t) => t.capitalized)).toEqual([true, false]);
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
    ['Zhanaözen', 'zhanaozen'],
    ['ЁЛКА', 'елка'],
    ['Straße', 'strasse'],
    ['16,000', '16000'],
  ])('%s → %s', (word, term) => {
    expect(normalizeTerm(word)).toBe(term);
  });
});
