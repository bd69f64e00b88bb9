import fc from 'fast-check';
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { acceptedTerms, CompactSearcher, type TermQuery } from '../../../src/core/search/compact-index';
import { decodeSegmentFile, encodeSegmentFile } from '../../../src/core/search/segment-file';
import { buildSegment, decodeSegment, encodeSegment, type IndexableDocument } from '../../../src/core/search/segment';
import { lunrReferenceIndex } from '../../helpers/lunr-oracle';

const FIELDS = ['title', 'byline', 'body'];

// A small vocabulary, so that documents share words and queries find several of them.
const WORDS = ['protest', 'protests', 'police', 'almaty', 'Tokayev', 'Tokaev', 'strike', 'oil', 'workers', 'Zhanaozen', 'the', 'and', 'Kassym-Jomart', '16,000', 'Токаев', 'забастовка', 'rally', 'rallies'];
const word = fc.constantFrom(...WORDS);
const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));
const docs = fc
  .array(fc.record({ title: sentence, byline: fc.option(sentence, { nil: null }), text: fc.array(sentence, { minLength: 1, maxLength: 5 }).map((p) => p.join('\n')) }), {
    minLength: 1,
    maxLength: 12,
  })
  .map((list): IndexableDocument[] => list.map((d, i) => ({ id: `folder/doc-${i}.txt`, sha256: `sha-${i}`, ...d })));
const indexTerm = fc.constantFrom('protest', 'polic', 'almati', 'tokayev', 'tokaev', 'strike', 'oil', 'worker', 'zhanaozen', 'kassym-jomart', '16000', 'токаев', 'rally', 'ralli', 'nothing');
const termQuery = fc.oneof(
  fc.record({ term: indexTerm, boost: fc.constantFrom(1, 0.5, 0.25, 3) }),
  fc.record({ term: indexTerm, boost: fc.constantFrom(1, 0.25), editDistance: fc.constantFrom(1, 2) }),
  fc.record({ term: fc.constantFrom('pro*', '*ike', 't*v', 'r*y', '*'), boost: fc.constant(1) }),
);
const fields = fc.subarray(FIELDS, { minLength: 1 });

/** What lunr's own query answers: per document, the score and the places of each matched term. */
function lunrAnswer(index: lunr.Index, words: TermQuery[], queryFields: string[]): Map<string, { score: number; places: string[] }> {
  const results = index.query((q) => {
    for (const w of words) q.term(w.term, { fields: queryFields, boost: w.boost, usePipeline: false, ...(w.editDistance ? { editDistance: w.editDistance } : {}) });
  });
  const metadata = (r: lunr.Index.Result) => r.matchData.metadata as Record<string, Record<string, { position?: Array<[number, number]> }>>;
  return new Map(
    results.map((r) => [
      r.ref,
      {
        score: r.score,
        places: Object.entries(metadata(r))
          .flatMap(([term, byField]) => Object.entries(byField).flatMap(([field, m]) => (m.position ?? []).map(([s, l]) => `${term} ${field} ${s}+${l}`)))
          .sort(),
      },
    ]),
  );
}

function compactAnswer(searcher: CompactSearcher, words: TermQuery[], queryFields: string[]): Map<string, { score: number; places: string[] }> {
  const answer = new Map<string, { score: number; places: string[] }>();
  for (const [doc, match] of searcher.query(words, queryFields, (term) => term)) {
    answer.set(searcher.docIds[doc], { score: match.score, places: match.places.map((p) => `${p.kind} ${p.field} ${p.start}+${p.end - p.start}`).sort() });
  }
  return answer;
}

describe('the compact index', () => {
  it('answers every query as lunr’s own index of the same documents answers it: the same documents, scores and places', () => {
    fc.assert(
      fc.property(docs, fc.array(termQuery, { minLength: 1, maxLength: 4 }), fields, (documents, words, queryFields) => {
        const searcher = new CompactSearcher(buildSegment(documents).compact, documents.map((d) => d.id));
        const expected = lunrAnswer(lunrReferenceIndex(documents), words, queryFields);
        const actual = compactAnswer(searcher, words, queryFields);
        expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [id, { score, places }] of expected) {
          const got = actual.get(id);
          // Both weigh with lunr's BM25 to three decimals; only the order of summing differs.
          expect(got?.score).toBeCloseTo(score, 9);
          expect(got?.places).toEqual(places);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('answers within a scope what the whole answer holds there, and names every document it holds', () => {
    fc.assert(
      fc.property(docs, fc.array(termQuery, { minLength: 1, maxLength: 4 }), fields, fc.array(fc.boolean(), { maxLength: 12 }), (documents, words, queryFields, flags) => {
        const searcher = new CompactSearcher(buildSegment(documents).compact, documents.map((d) => d.id));
        const whole = searcher.query(words, queryFields, (term) => term);
        const only = Uint8Array.from(documents, (_, n) => (flags[n] ? 1 : 0));
        const scoped = searcher.query(words, queryFields, (term) => term, { only });
        expect([...scoped.keys()].sort()).toEqual([...whole.keys()].filter((n) => only[n] === 1).sort());
        for (const [n, match] of scoped) expect(match).toEqual(whole.get(n));
        const named = new Set<number>();
        searcher.eachDocument(words, queryFields, (n) => named.add(n));
        expect([...named].sort()).toEqual([...whole.keys()].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('expands a word over the sorted term list exactly as lunr intersects TokenSets', () => {
    const TokenSets = lunr.TokenSet as unknown as {
      fromArray(terms: string[]): lunr.TokenSet;
      fromString(pattern: string): lunr.TokenSet;
      fromFuzzyString(term: string, distance: number): lunr.TokenSet;
    };
    const letters = fc.constantFrom('a', 'b', 'c', 'ab', 'ba', 'т', 'о', 'қ', 'é', '1', '-');
    const term = fc.array(letters, { minLength: 1, maxLength: 5 }).map((p) => p.join(''));
    const pattern = fc.array(fc.oneof(letters, fc.constant('*')), { minLength: 1, maxLength: 5 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(term, { maxLength: 40 }), fc.oneof(pattern.map((p) => [p, 0] as const), fc.tuple(term, fc.constantFrom(1, 2))), (dictionary, [word, distance]) => {
        const sorted = [...dictionary].sort();
        const automaton = distance > 0 ? TokenSets.fromFuzzyString(word, distance) : TokenSets.fromString(word);
        const expected = sorted.length === 0 ? [] : TokenSets.fromArray(sorted).intersect(automaton).toArray().sort();
        expect(acceptedTerms(sorted, automaton as never)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('comes back from its cache file exactly as it was written', () => {
    fc.assert(
      fc.property(docs, (documents) => {
        const segment = buildSegment(documents);
        const again = decodeSegment(encodeSegment(segment));
        expect(again.header).toEqual(segment.header);
        expect(again.compact).toEqual(segment.compact);
      }),
      { numRuns: 50 },
    );
  });

  describe('a damaged cache file is refused, never half-read', () => {
    const segment = buildSegment([{ id: 'a.txt', sha256: 'x', title: 'Protest in Almaty', byline: null, text: 'Protest in Almaty\nPolice and workers at the oil strike.' }]);
    const file = encodeSegmentFile(segment.header, segment.compact);

    it('truncated anywhere', () => {
      for (const length of [0, 5, 20, file.length - 100, file.length - 1]) {
        expect(() => decodeSegmentFile(file.subarray(0, Math.max(0, length)))).toThrow();
      }
    });

    it('with any byte of its index changed', () => {
      const headerEnd = file.length - segment.compact.postings.length - 4;
      for (let at = headerEnd; at < file.length; at += 7) {
        const damaged = file.slice();
        damaged[at] ^= 0x5a;
        expect(() => decodeSegmentFile(damaged), `byte ${at}`).toThrow();
      }
    });

    it('of another kind', () => {
      expect(() => decodeSegmentFile(new TextEncoder().encode('{"format":"casefile-index-segment"}'))).toThrow(/not a Casefile index segment/);
    });
  });
});
