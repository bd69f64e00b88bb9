import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../../src/core/archive/archive';
import { CompactSearchEngine } from '../../../src/core/search/compact-search-engine';
import { SearchCache } from '../../../src/core/search/search-cache';
import { buildSegment, Segment } from '../../../src/core/search/segment';
import { parseQuery, QuerySyntaxError } from '../../../src/core/search/query-parser';
import { normalizeTerm } from '../../../src/core/search/tokenizer';
import { variantKey } from '../../../src/core/search/variants';
import { ARCHIVE_DIR } from '../../helpers/archive-files';
import { engineOver, hitIds, isInvalidQuery, markedRanges, thrownBy } from '../../helpers/search';

const RUNS = 300;

// ---- (a) and (b): any query string parses or is refused as invalid-query ----

/** Pieces a query is made of, including the ones users get wrong. */
const queryPiece = fc.constantFrom(
  '"', '+', '-', '~', '~1', '~2', '~3', '^', '^2', '^0', '*', ':', '(', ')', ' AND ', ' OR ', ' NOT ', 'AND', 'OR', 'NOT',
  'title:', 'body:', 'byline:', 'foo:', 'TITLE:', 'Tokayev', 'tokay', 'Kassym-Jomart', '16,000', 'liquefied', 'protest*',
  'Токаев', 'Қазақстан', 'әділет', 'the', 'и', '’s', "'", '—', '“', '”', '\u0301', '😀', '\uD800', ' ', '  ', '\t', '\n',
);
const queryish = fc.array(queryPiece, { maxLength: 24 }).map((pieces) => pieces.join(''));
const anyQuery = fc.oneof(queryish, fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

/** Fails unless `run` returns or throws invalid-query; a QuerySyntaxError's span must lie inside the query. */
function expectReturnsOrInvalidQuery(query: string, run: () => unknown): void {
  const error = thrownBy(run);
  if (error === undefined) return;
  if (!isInvalidQuery(error)) throw error;
  expect(error.message.trim()).not.toBe('');
  if (error instanceof QuerySyntaxError) {
    expect(error.span.start).toBeGreaterThanOrEqual(0);
    expect(error.span.end).toBeGreaterThan(error.span.start);
    expect(error.span.end).toBeLessThanOrEqual(query.length);
  }
}

describe('any query string', () => {
  let engine: CompactSearchEngine;
  beforeAll(async () => {
    engine = CompactSearchEngine.fromDocuments((await loadArchive(ARCHIVE_DIR)).documents);
  });

  it('parseQuery returns, or throws invalid-query with a span inside the query', () => {
    fc.assert(
      fc.property(anyQuery, (query) => expectReturnsOrInvalidQuery(query, () => parseQuery(query))),
      { numRuns: RUNS * 3 },
    );
  });

  it('search and locate over the seed archive return, or throw invalid-query, with variants on and off', () => {
    fc.assert(
      fc.property(anyQuery, fc.boolean(), (query, variants) => {
        expectReturnsOrInvalidQuery(query, () => engine.search(query, { variants }));
        expectReturnsOrInvalidQuery(query, () => engine.locate(query, '003_39bcaa47380087dc.txt', { variants }));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('gives the same answers with clauses remembered from earlier searches as a fresh engine gives (typing, +, -, quotes, fields)', async () => {
    const documents = (await loadArchive(ARCHIVE_DIR)).documents;
    const segments = [Segment.load(buildSegment(documents))];
    const byId = new Map(documents.map((d) => [d.id, d]));
    const word = fc.constantFrom('Tokayev', 'protest', 'the', 'Kassym-Jomart', 'police', 'Almaty', 'Токаев', 'oil', 'strike', 'pro*');
    const clause = fc.tuple(fc.constantFrom('', '+', '-', 'title:', 'body:'), word, fc.constantFrom('', '~1', '^2')).map(([op, w, suffix]) => `${op}${w}${w.endsWith('*') ? '' : suffix}`);
    const query = fc.oneof(fc.array(clause, { minLength: 1, maxLength: 3 }).map((c) => c.join(' ')), fc.array(word, { minLength: 2, maxLength: 3 }).map((w) => `"${w.join(' ')}"`));
    fc.assert(
      fc.property(fc.array(fc.tuple(query, fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 10 }), (searches) => {
        // Small bounds, so that eviction happens too.
        const remembering = new CompactSearchEngine(segments, byId, new SearchCache(12, 40));
        for (const [text, variants, typed] of searches) {
          // Typed: every prefix, as typing sends it; the remembered clauses are asked again and again.
          for (let end = typed ? 1 : text.length; end <= text.length; end++) {
            const prefix = text.slice(0, end);
            const fresh = thrownBy(() => new CompactSearchEngine(segments, byId).search(prefix, { variants, limit: 5 }));
            if (fresh !== undefined) continue; // refused as invalid: nothing remembered
            expect(remembering.search(prefix, { variants, limit: 5 })).toEqual(new CompactSearchEngine(segments, byId).search(prefix, { variants, limit: 5 }));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ['one long word', 'q'.repeat(10_000)],
    ['250 long words, each long enough for automatic near spellings', Array.from({ length: 250 }, (_, i) => `protesters${i}`.padEnd(39, 'x')).join(' ')],
    ['1,250 ordinary words, over the term limit', 'protest '.repeat(1_250)],
    ['a phrase of 1,249 words', `"${'Tokayev '.repeat(1_249)}"`],
    ['a phrase of stop words', `"${'the '.repeat(2_499)}"`],
    ['256 wildcards', Array.from({ length: 256 }, () => '*a*e*i*o*u*y*k*s*t*n*r*l*m*p*z*h*j*').join(' ')],
  ])('a query of up to 10,000 characters (%s) gives a result or invalid-query', (_, query) => {
    expect(query.length).toBeLessThanOrEqual(10_000);
    expect(query.length).toBeGreaterThan(9_000);
    expectReturnsOrInvalidQuery(query, () => engine.search(query));
  });

  it('search refuses exactly the queries parseQuery refuses, with the same message', () => {
    fc.assert(
      fc.property(queryish, (query) => {
        const parsed = thrownBy(() => parseQuery(query));
        const searched = thrownBy(() => engine.search(query));
        expect(searched === undefined).toBe(parsed === undefined);
        if (parsed !== undefined) expect((searched as Error).message).toBe((parsed as Error).message);
      }),
      { numRuns: RUNS },
    );
  });
});

// ---- (c): a document with a phrase is found by that phrase, and only such documents are ----

/**
 * Words for phrases: Latin, Cyrillic, Kazakh letters, apostrophes, hyphens, numbers and stop words.
 * No two are the same word to the search (same stem, same name variant or within one edit).
 */
const PHRASE_WORDS = [
  'shoot', 'warning', 'without', 'Tokayev', 'Kassym-Jomart', 'don’t', "o'clock", 'Nazarbayev’s', 'bloody', 'January',
  'Almaty', 'liquefied', '16,000', '2022', 'Президент', 'выступил', 'народ', 'Қазақстан', 'әділет', 'үкімет', 'ғасыр',
  'Ұлытау', 'the', 'of', 'and', 'и', 'в',
];
const STOP_WORDS = new Set(['the', 'of', 'and', 'и', 'в']);
/** Words around the phrase: none of them is a phrase word to the search. */
const FILLER = ['lorem', 'ipsum', 'dolor', 'amet', 'consectetur', 'adipiscing', 'elit', 'tempor', 'incididunt', 'labore', 'magna', 'aliqua'];

const phraseArb = fc
  .array(fc.constantFrom(...PHRASE_WORDS), { minLength: 2, maxLength: 5 })
  .filter((words) => words.some((w) => !STOP_WORDS.has(w)));
const fillerArb = fc.array(fc.constantFrom(...FILLER), { maxLength: 12 });

/** A document: a title line, then filler, the words, filler. */
function documentText(words: string[], before: string[], after: string[]): string {
  return `Report\n\n${[...before, ...words, ...after].join(' ')}.\n`;
}

describe('a phrase embedded in filler text', () => {
  it('has words that are all different to the search (the premise of the properties below)', () => {
    const all = [...PHRASE_WORDS, ...FILLER];
    const keys = all.map((w) => variantKey(normalizeTerm(w))).filter((k) => k !== null);
    expect(new Set(keys).size).toBe(keys.length);
    // One document per word: each word finds its own document and no other, variants on.
    const texts = Object.fromEntries(all.map((w, i) => [`${i}.txt`, documentText([w], ['lorem'], [])]));
    const engine = engineOver(texts);
    all.forEach((word, i) => {
      if (STOP_WORDS.has(word) || word === 'lorem') return;
      expect([word, hitIds(engine.search(`"${word}"`))]).toEqual([word, [`${i}.txt`]]);
    });
  });

  it('is found by the quoted phrase, with exactly the phrase marked; the same words reordered or split by a word are not', () => {
    const caseArb = phraseArb.chain((words) =>
      fc.record({
        words: fc.constant(words),
        reordered: fc.shuffledSubarray(words, { minLength: words.length, maxLength: words.length }),
        splitAt: fc.integer({ min: 1, max: words.length - 1 }),
        before: fillerArb,
        after: fillerArb,
        extra: fc.constantFrom(...FILLER),
        variants: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(caseArb, ({ words, reordered, splitAt, before, after, extra, variants }) => {
        const phrase = words.join(' ');
        const texts = {
          'with.txt': documentText(words, before, after),
          'reordered.txt': documentText(reordered, before, after),
          'split.txt': documentText([...words.slice(0, splitAt), extra, ...words.slice(splitAt)], before, after),
          'filler.txt': documentText([], before, [...after, 'lorem']),
        };
        const result = engineOver(texts).search(`"${phrase}"`, { variants });
        // The reordered words hold the phrase only when the order came out the same.
        const expected = ['with.txt', ...(reordered.join(' ') === phrase ? ['reordered.txt'] : [])].sort();
        expect(hitIds(result)).toEqual(expected);
        const hit = result.hits.find((h) => h.id === 'with.txt');
        const start = texts['with.txt'].indexOf(phrase);
        expect(hit && markedRanges(hit)).toEqual([[start, start + phrase.length]]);
        expect(hit?.exact).toBe(true);
        expect(hit?.matchedVariants).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('is found with any run of spaces, punctuation or line breaks between its words', () => {
    const separatorArb = fc.constantFrom(' ', '  ', ', ', ' — ', '\n', ' “', '” ', ' - ', '; ');
    fc.assert(
      fc.property(phraseArb, fc.array(separatorArb, { minLength: 4, maxLength: 4 }), fillerArb, (words, separators, before) => {
        const written = words.map((w, i) => (i === 0 ? w : `${separators[i - 1]}${w}`)).join('');
        const text = `Report\n\n${[...before, written, 'lorem'].join(' ')}.\n`;
        const result = engineOver({ 'a.txt': text }).search(`"${words.join(' ')}"`);
        expect(hitIds(result)).toEqual(['a.txt']);
        const start = text.indexOf(written);
        expect(markedRanges(result.hits[0])).toEqual([[start, start + written.length]]);
      }),
      { numRuns: RUNS },
    );
  });
});
