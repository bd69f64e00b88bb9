import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeTerm, runEndingAt, words } from '../../../src/core/search/tokenizer';
import { CompactSearchEngine } from '../../../src/core/search/compact-search-engine';
import type { ArchiveDocument } from '../../../src/core/archive/document';

// The phrase matcher looks back word after word from an indexed word ("in the first"): each look
// must start where the tokenizer's word starts, or the next look back would judge the wrong run.
const piece = fc.constantFrom('the', 'In', 'in', 'first', 'of', ' ', '  ', '\n', '-', '—', '’', "'", '’s', '“', '”', ',', '.', 'Токаев', 'e\u0301', '16,000', '3.5', '𝐀', 'can’t', 'Kasym-Zhomart');
const text = fc.oneof(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), fc.string({ unit: 'grapheme', maxLength: 60 }));
const ALL_LETTERS = /^[\p{L}\p{M}]+$/u;
const judged = (run: string) => !/['’ʼ‘\p{N}]/u.test(run);

function doc(id: string, body: string): ArchiveDocument {
  return { id, title: id, byline: null, text: body, sha256: id, date: null } as unknown as ArchiveDocument;
}

describe('looking back from a word', () => {
  it('finds the run before a word where the tokenizer’s word before it starts', () => {
    fc.assert(
      fc.property(text, (t) => {
        const list = words(t);
        for (let i = 1; i < list.length; i++) {
          const [a, b] = [list[i - 1], list[i]];
          const { run, start } = runEndingAt(t, b.start);
          if (ALL_LETTERS.test(a.term) && judged(run)) {
            expect(normalizeTerm(run)).toBe(a.term);
            expect(start).toBe(a.start);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a phrase of stop words before its one indexed word, and only where all of them stand', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), (body) => {
        const engine = CompactSearchEngine.fromDocuments([doc('a.txt', `${body} in the first`), doc('b.txt', `the first, in first ${body}`)]);
        const found = engine.search('"in the first"', { limit: 10 });
        expect(found.hits.map((h) => h.id)).toContain('a.txt');
        // Every place found is the phrase as written (case aside).
        for (const hit of found.hits) {
          for (const s of hit.snippets) for (const [from, to] of s.matches) expect(s.text.slice(from, to).toLowerCase().replace(/\s+/g, ' ')).toBe('in the first');
        }
      }),
      { numRuns: 200 },
    );
  });
});
