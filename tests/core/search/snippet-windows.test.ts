import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSnippets, isSpace } from '../../../src/core/search/snippets';
import type { MatchKind } from '../../../src/core/search/search-engine';

describe('snippet windows', () => {
  it('treat as white space exactly the code units a regular expression’s \\s matches', () => {
    for (let code = 0; code <= 0xffff; code++) expect([code, isSpace(code)]).toEqual([code, /\s/.test(String.fromCharCode(code))]);
  });

  it('keep the first windows whole, as if every later match had been placed too', () => {
    const piece = fc.constantFrom('word', 'a', 'longerword', ' ', '\n', '\u00a0', '\u2003', 'x');
    const text = fc.array(piece, { minLength: 1, maxLength: 120 }).map((ps) => ps.join(''));
    const input = text.chain((t) =>
      fc.tuple(
        fc.constant(t),
        fc.array(
          fc.tuple(fc.nat(t.length), fc.nat(12)).map(([s, n]): [number, number] => [s, Math.min(t.length, s + n)]),
          { maxLength: 30 },
        ),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 30 }),
      ),
    );
    fc.assert(
      fc.property(input, ([t, ranges, maxSnippets, context]) => {
        const kinds = ranges.map((_, i): MatchKind => (i % 3 === 0 ? 'variant' : 'exact'));
        const all = buildSnippets(t, ranges, { context, maxSnippets: Number.POSITIVE_INFINITY }, kinds);
        expect(buildSnippets(t, ranges, { context, maxSnippets }, kinds)).toEqual(all.slice(0, maxSnippets));
      }),
      { numRuns: 500 },
    );
  });
});
