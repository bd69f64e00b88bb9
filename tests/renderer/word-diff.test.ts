import { describe, expect, it } from 'vitest';
import { diffWords } from '../../src/renderer/src/annotations/word-diff';

const changed = (parts: Array<{ text: string; changed: boolean }>) => parts.filter((p) => p.changed).map((p) => p.text);
const joined = (parts: Array<{ text: string }>) => parts.map((p) => p.text).join('');

describe('diffWords', () => {
  it('marks only the words that differ, and each side still reads as its whole text', () => {
    const before = 'Tokayev ordered security forces to fire without warning';
    const after = 'Tokayev ordered the forces to shoot without any warning';
    const diff = diffWords(before, after);
    expect(joined(diff.before)).toBe(before);
    expect(joined(diff.after)).toBe(after);
    // The space after a changed word is not marked: a struck-through space hides the gap.
    expect(changed(diff.before)).toEqual(['security', 'fire']);
    expect(changed(diff.after)).toEqual(['the', 'shoot', 'any']);
  });

  it('marks nothing in equal texts and everything in unrelated ones', () => {
    expect(changed(diffWords('same words', 'same words').after)).toEqual([]);
    expect(diffWords('one two', 'three four').after).toEqual([{ text: 'three four', changed: true }]);
    expect(diffWords('a b c', 'a x y c').after).toEqual([
      { text: 'a ', changed: false },
      { text: 'x y', changed: true },
      { text: ' c', changed: false },
    ]);
  });

  it('gives up marking (but keeps the texts) when the comparison would be too large', () => {
    const long = (word: string) => Array.from({ length: 600 }, (_, i) => `${word}${i}`).join(' ');
    const diff = diffWords(long('a'), long('b'));
    expect(diff.before).toEqual([{ text: long('a'), changed: false }]);
    expect(diff.after).toEqual([{ text: long('b'), changed: false }]);
  });
});
