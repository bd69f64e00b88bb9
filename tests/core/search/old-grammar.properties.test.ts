import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../../src/core/archive/archive';
import type { ArchiveDocument } from '../../../src/core/archive/document';
import { CasefileError } from '../../../src/core/errors';
import { CompactSearchEngine } from '../../../src/core/search/compact-search-engine';
import { parseQuery } from '../../../src/core/search/query-parser';
import { buildSegment, Segment } from '../../../src/core/search/segment';
import { words } from '../../../src/core/search/tokenizer';
import { ARCHIVE_DIR } from '../../helpers/archive-files';
import { thrownBy } from '../../helpers/search';
import { FlatReferenceEngine } from './flat-reference/flat-engine';
import { parseQuery as parseFlatQuery } from './flat-reference/query-parser';

/*
 * Issue 24: groups and proximity came into the language, and every query the language read before
 * must mean what it meant: the same clauses, and from the engine the same hits, order, scores,
 * places and counts. The reference is the parser and clause logic as they were (flat-reference/).
 */

/** What a parse gave: its clauses, or the refusal's code, message and place. */
function outcome(parse: () => unknown): unknown {
  const error = thrownBy(parse);
  if (error === undefined) return { read: parse() };
  if (!(error instanceof CasefileError)) throw error;
  return { refused: error.messageCode?.key, message: error.message, span: (error as { span?: unknown }).span };
}

/** The two refusals of the old grammar that the new one reads: parentheses, and '~' after a phrase. */
const NOW_READ = new Set(['query.unclosedGroup', 'query.proximityNeedsNumber']);

let documents: ArchiveDocument[];
let segments: Segment[];
let byId: Map<string, ArchiveDocument>;
/** Words of the seed archive, so that queries find things. */
let vocabulary: string[];

beforeAll(async () => {
  documents = (await loadArchive(ARCHIVE_DIR)).documents;
  segments = [Segment.load(buildSegment(documents))];
  byId = new Map(documents.map((d) => [d.id, d]));
  const counts = new Map<string, number>();
  for (const d of documents) for (const w of words(d.text)) counts.set(d.text.slice(w.start, w.end), (counts.get(d.text.slice(w.start, w.end)) ?? 0) + 1);
  // Common and rare words, capitalised names, stop words, numbers, hyphenated words, Cyrillic where there is some.
  vocabulary = [...counts.keys()].filter((_, i) => i % 7 === 0).slice(0, 120);
  vocabulary.push('Tokayev', 'Nazarbayev', 'Zhanaozen', 'security', 'forces', 'the', 'of', 'Kassym-Jomart', 'Almaty', 'Токаев', 'protesters', 'liquefied');
});

/** Pieces of any query, the ones users get wrong included, but no parentheses (the old grammar refused them all). */
const oldPiece = fc.constantFrom(
  '"', '+', '-', '~', '~1', '~2', '~3', '^', '^2', '^0', '*', ':', ' AND ', ' OR ', ' NOT ', 'AND', 'OR', 'NOT', 'title:', 'body:', 'byline:', 'foo:',
  'Tokayev', 'tokay', 'Kassym-Jomart', '16,000', 'security forces', 'protest*', 'Токаев', 'the', '’s', '—', '😀', ' ', '  ', '\n', '~5', '"~2',
);
const oldQueryish = fc.array(oldPiece, { maxLength: 24 }).map((pieces) => pieces.join(''));

/** A query of the old grammar, well formed: words, phrases, wildcards, hyphenated words; +, -, NOT, AND, OR; fields, boosts, edit distances. */
function wellFormedQuery(): fc.Arbitrary<string> {
  const word = fc.constantFrom(...vocabulary);
  const atom = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(word, fc.constantFrom('', '', '~1', '~2', '^2', '^0.5')).map(([w, suffix]) => (/[-’'.,]/.test(w) ? w : `${w}${suffix}`)) },
    { weight: 2, arbitrary: fc.array(word, { minLength: 2, maxLength: 3 }).map((ws) => `"${ws.join(' ')}"`) },
    { weight: 1, arbitrary: word.filter((w) => /^\p{L}{3,}/u.test(w)).map((w) => `${w.slice(0, 3)}*`) },
  );
  const clause = fc.tuple(fc.constantFrom('', '', '', '+', '-', 'NOT '), fc.constantFrom('', '', '', 'title:', 'body:', 'byline:'), atom).map((parts) => parts.join(''));
  return fc
    .integer({ min: 1, max: 5 })
    .chain((n) => fc.tuple(fc.array(clause, { minLength: n, maxLength: n }), fc.array(fc.constantFrom(' ', ' ', ' AND ', ' OR '), { minLength: n, maxLength: n })))
    .map(([clauses, joins]) => clauses.map((c, i) => (i === 0 ? c : `${joins[i]}${c}`)).join(''));
}

describe('every query the old grammar read means the same', () => {
  it('parses to the same clauses, or is refused with the same message at the same place', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.oneof(oldQueryish, wellFormedQuery(), fc.string({ maxLength: 40 })), (query) => {
        const before = outcome(() => parseFlatQuery(query)) as { refused?: string };
        if (before.refused !== undefined && NOW_READ.has(before.refused)) return;
        compared++;
        expect(outcome(() => parseQuery(query))).toEqual(before);
      }),
      { numRuns: 1500 },
    );
    // Most runs compared something: the property is not vacuous.
    expect(compared).toBeGreaterThan(1000);
  });

  it('reads the well-formed queries generated here (they are not all refused)', () => {
    const read = fc.sample(wellFormedQuery(), { numRuns: 300, seed: 24 }).filter((q) => thrownBy(() => parseFlatQuery(q)) === undefined);
    expect(read.length).toBeGreaterThan(250);
  });

  it('finds the same hits in the same order, with the same scores, places, counts and terms, and locates the same places', () => {
    const engine = new CompactSearchEngine(segments, byId);
    const reference = new FlatReferenceEngine(segments, byId);
    let withHits = 0;
    fc.assert(
      fc.property(wellFormedQuery(), fc.boolean(), fc.constantFrom('relevance', 'newest') as fc.Arbitrary<'relevance' | 'newest'>, (query, variants, sort) => {
        const expected = thrownBy(() => reference.search(query, { variants, sort, limit: 50 }));
        if (expected !== undefined) {
          expect((thrownBy(() => engine.search(query, { variants })) as Error).message).toBe((expected as Error).message);
          return;
        }
        const result = engine.search(query, { variants, sort, limit: 50 });
        expect(result).toEqual(reference.search(query, { variants, sort, limit: 50 }));
        if (result.total > 0) withHits++;
        for (const doc of documents) expect(engine.locate(query, doc.id, { variants })).toEqual(reference.locate(query, doc.id, { variants }));
      }),
      { numRuns: 300 },
    );
    expect(withHits).toBeGreaterThan(100);
  });
});
