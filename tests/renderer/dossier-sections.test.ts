import { describe, expect, it } from 'vitest';
import { catalogueFor } from '../../src/shared/i18n/catalogue';
import { addItem, moveItem, moveToAdjacentSection, moveWithinSection, numberItems, removeItem, sectionName } from '../../src/renderer/src/dossier/sections';
import { uniqueName } from '../../src/renderer/src/dossier/use-dossier';
import { dossier, sections, shape } from './dossier-fixtures';

const START = sections(['s1', 'One', ['a', 'b', 'c']], ['s2', '', ['d']], ['s3', 'Three', []]);

describe('dossier sections', () => {
  it('move an item before another, to a section’s end, and leave the array alone when nothing moves', () => {
    expect(shape(moveItem(START, 'c', 's1', 'a'))).toEqual([['One', ['c', 'a', 'b']], ['', ['d']], ['Three', []]]);
    expect(shape(moveItem(START, 'a', 's3', null))).toEqual([['One', ['b', 'c']], ['', ['d']], ['Three', ['a']]]);
    expect(shape(moveItem(START, 'd', 's1', 'b'))).toEqual([['One', ['a', 'd', 'b', 'c']], ['', []], ['Three', []]]);
    expect(moveItem(START, 'c', 's1', null)).toBe(START);
    expect(moveItem(START, 'a', 's1', 'a')).toBe(START);
    expect(moveItem(START, 'a', 's1', 'b')).toBe(START);
    expect(moveItem(START, 'x', 's1', null)).toBe(START);
    expect(moveItem(START, 'a', 'nowhere', null)).toBe(START);
    // The old array is kept as it was (a failed save falls back on nothing, but React compares).
    expect(shape(START)[0][1]).toEqual(['a', 'b', 'c']);
  });

  it('move within a section and to the adjacent one, stopping at the edges', () => {
    expect(shape(moveWithinSection(START, 'b', -1)!)[0][1]).toEqual(['b', 'a', 'c']);
    expect(shape(moveWithinSection(START, 'b', 1)!)[0][1]).toEqual(['a', 'c', 'b']);
    expect(moveWithinSection(START, 'a', -1)).toBeNull();
    expect(moveWithinSection(START, 'd', 1)).toBeNull();
    expect(shape(moveToAdjacentSection(START, 'b', 1)!)).toEqual([['One', ['a', 'c']], ['', ['b', 'd']], ['Three', []]]);
    expect(shape(moveToAdjacentSection(START, 'd', -1)!)).toEqual([['One', ['a', 'b', 'c', 'd']], ['', []], ['Three', []]]);
    expect(shape(moveToAdjacentSection(START, 'd', 1)!)).toEqual([['One', ['a', 'b', 'c']], ['', []], ['Three', ['d']]]);
    expect(moveToAdjacentSection(START, 'a', -1)).toBeNull();
  });

  it('add (to the chosen section, else the last, else a new one), remove, number and name', () => {
    expect(shape(addItem(START, 's2', { annotationId: 'e', commentary: '' }))[1][1]).toEqual(['d', 'e']);
    expect(shape(addItem(START, 'gone', { annotationId: 'e', commentary: '' }))[2][1]).toEqual(['e']);
    const made = addItem([], null, { annotationId: 'e', commentary: '' });
    expect(shape(made)).toEqual([['', ['e']]]);
    expect(made[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(shape(removeItem(START, 'b'))[0][1]).toEqual(['a', 'c']);
    expect([...numberItems(START)]).toEqual([['a', 1], ['b', 2], ['c', 3], ['d', 4]]);
    expect(START.map((section, i) => sectionName(section, i, catalogueFor('en').dossier.sections.untitled))).toEqual(['One', 'Section 2 (untitled)', 'Three']);
  });

  it('name a new dossier after the ones there are', () => {
    expect(uniqueName([])).toBe('Dossier');
    expect(uniqueName([dossier({ name: 'Dossier' }), dossier({ name: 'Dossier 2' })])).toBe('Dossier 3');
  });
});
