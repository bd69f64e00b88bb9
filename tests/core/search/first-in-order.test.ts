import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInOrder } from '../../../src/core/search/first-in-order';

describe('firstInOrder', () => {
  // Ties on the score end with the id, as the search's own orders do: the order is total.
  const byScoreThenId = (a: { id: string; score: number }, b: { id: string; score: number }) => b.score - a.score || a.id.localeCompare(b.id);

  it('gives exactly the first items a full sort gives, in that order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id: fc.string({ maxLength: 4 }), score: fc.integer({ min: 0, max: 5 }) }), { selector: (x) => x.id, maxLength: 300 }),
        fc.integer({ min: 0, max: 320 }),
        (items, count) => {
          expect(firstInOrder(items, count, byScoreThenId)).toEqual([...items].sort(byScoreThenId).slice(0, count));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leaves the items as they were', () => {
    const items = [{ id: 'b', score: 1 }, { id: 'a', score: 2 }];
    firstInOrder(items, 1, byScoreThenId);
    expect(items.map((x) => x.id)).toEqual(['b', 'a']);
  });
});
