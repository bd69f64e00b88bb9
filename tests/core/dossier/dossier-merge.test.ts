import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSections, type MergeSection } from '../../../src/shared/dossier-merge';

const ids = (sections: readonly MergeSection[]) => sections.flatMap((s) => s.items.map((i) => i.annotationId));
const section = (id: string, items: string[], heading = ''): MergeSection => ({ id, heading, items: items.map((annotationId) => ({ annotationId, commentary: '' })) });

/** A version of a dossier: up to 4 sections (ids s0…s5) holding distinct annotations (a0…a11). */
const version = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 }), fc.shuffledSubarray([...Array(12).keys()]), fc.array(fc.nat(3), { minLength: 12, maxLength: 12 }))
  .map(([sectionNumbers, itemNumbers, homes]) =>
    sectionNumbers.map((n, at) =>
      section(
        `s${n}`,
        itemNumbers.filter((item) => homes[item] % sectionNumbers.length === at).map((item) => `a${item}`),
        `heading ${n}`,
      ),
    ),
  );

describe('merging a window’s sections with the dossier changed elsewhere', () => {
  it('keeps what the window did and what was done elsewhere: every item once, none lost, none brought back', () => {
    fc.assert(
      fc.property(version, version, version, (base, mine, theirs) => {
        const merged = mergeSections(base, mine, theirs);
        const result = ids(merged);
        expect(new Set(result).size).toBe(result.length);
        const [inBase, inMine, inTheirs] = [new Set(ids(base)), new Set(ids(mine)), new Set(ids(theirs))];
        const expected = [...new Set([...inBase, ...inMine, ...inTheirs])].filter(
          (id) => (inMine.has(id) && !(inBase.has(id) && !inTheirs.has(id))) || (inTheirs.has(id) && !inBase.has(id) && !inMine.has(id)),
        );
        expect(new Set(result)).toEqual(new Set(expected));
        // The window's own order stands among the items it has.
        expect(result.filter((id) => inMine.has(id))).toEqual(ids(mine).filter((id) => result.includes(id)));
      }),
    );
  });

  it('is the window’s own version when nothing changed elsewhere, and the other version when the window changed nothing', () => {
    fc.assert(
      fc.property(version, version, (base, other) => {
        expect(mergeSections(base, other, base)).toEqual(other);
        expect(new Set(ids(mergeSections(base, base, other)))).toEqual(new Set(ids(other)));
      }),
    );
  });

  it('puts an item added elsewhere after the item it follows there, in a reordered dossier', () => {
    const base = [section('s1', ['a', 'b', 'c'])];
    const mine = [section('s1', ['c', 'a', 'b'])];
    const theirs = [section('s1', ['a', 'd', 'b', 'c'])];
    expect(ids(mergeSections(base, mine, theirs))).toEqual(['c', 'a', 'd', 'b']);
  });

  it('keeps a heading or commentary changed on one side only, the window’s when both changed', () => {
    const base = [{ id: 's1', heading: 'Deaths', items: [{ annotationId: 'a', commentary: 'x' }, { annotationId: 'b', commentary: 'y' }] }];
    const mine = [{ id: 's1', heading: 'Deaths', items: [{ annotationId: 'b', commentary: 'mine' }, { annotationId: 'a', commentary: 'x' }] }];
    const theirs = [{ id: 's1', heading: 'The toll', items: [{ annotationId: 'a', commentary: 'theirs' }, { annotationId: 'b', commentary: 'theirs too' }] }];
    expect(mergeSections(base, mine, theirs)).toEqual([
      { id: 's1', heading: 'The toll', items: [{ annotationId: 'b', commentary: 'mine' }, { annotationId: 'a', commentary: 'theirs' }] },
    ]);
  });

  it('puts an item added elsewhere to a section this window removed into the last section, and brings sections made elsewhere', () => {
    const base = [section('s1', ['a']), section('s2', ['b'])];
    const mine = [section('s1', ['a'])];
    const theirs = [section('s1', ['a']), section('s2', ['b', 'c']), section('s3', ['d'])];
    expect(mergeSections(base, mine, theirs).map((s) => [s.id, ids([s])])).toEqual([
      ['s1', ['a', 'c']],
      ['s3', ['d']],
    ]);
  });
});
