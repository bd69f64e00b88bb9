import { describe, expect, it } from 'vitest';
import { moveSelection, selectionMoveOf, type SelectionMove, type TextRange } from '../../src/renderer/src/reader/keyboard-selection';

const TEXT = 'Protests began in Zhanaozen. Tokayev ordered security forces to fire without warning, claiming – without evidence – a coup.\nNext paragraph here.';
const hit = (words: string): TextRange => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length });
const quote = (range: TextRange) => TEXT.slice(range.start, range.end);
const apply = (range: TextRange, ...moves: SelectionMove[]) => moves.reduce((r, move) => moveSelection(TEXT, r, move), range);

describe('selecting with the keyboard', () => {
  it('moves the end by whole words, forward and back, never past the start', () => {
    expect(quote(apply(hit('fire without'), 'end-next-word'))).toBe('fire without warning');
    // Punctuation after a word is skipped to reach the next word.
    expect(quote(apply(hit('fire without warning'), 'end-next-word'))).toBe('fire without warning, claiming');
    expect(quote(apply(hit('fire without warning'), 'end-previous-word'))).toBe('fire without');
    expect(quote(apply(hit('fire'), 'end-previous-word'))).toBe('fire');
  });

  it('moves the start by whole words, earlier and later, never past the end', () => {
    expect(quote(apply(hit('fire'), 'start-previous-word', 'start-previous-word'))).toBe('forces to fire');
    expect(quote(apply(hit('forces to fire'), 'start-next-word'))).toBe('to fire');
    expect(quote(apply(hit('fire'), 'start-next-word'))).toBe('fire');
  });

  it('widens to the sentence: the start to its beginning, the end to its full stop, then the next ones', () => {
    const sentence = 'Tokayev ordered security forces to fire without warning, claiming – without evidence – a coup.';
    expect(quote(apply(hit('fire without warning'), 'start-sentence', 'end-sentence'))).toBe(sentence);
    // A sentence that ends at a line break ends there.
    expect(quote(apply(hit('Next'), 'end-sentence'))).toBe('Next paragraph here.');
    expect(quote(apply(hit('a coup.'), 'start-sentence'))).toBe(sentence);
    expect(quote(apply(hit('Tokayev'), 'start-sentence'))).toBe('Protests began in Zhanaozen. Tokayev');
    expect(apply(hit('Protests'), 'start-sentence')).toEqual(hit('Protests'));
  });

  it('reads the move from Shift with the arrows (Alt too for the start); other keys are none', () => {
    const key = (k: string, mods: { shiftKey?: boolean; altKey?: boolean; ctrlKey?: boolean } = {}) =>
      selectionMoveOf({ key: k, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...mods });
    expect(key('ArrowRight', { shiftKey: true })).toBe('end-next-word');
    expect(key('ArrowLeft', { shiftKey: true, altKey: true })).toBe('start-previous-word');
    expect(key('ArrowDown', { shiftKey: true })).toBe('end-sentence');
    expect(key('ArrowUp', { shiftKey: true })).toBe('start-sentence');
    expect(key('ArrowRight')).toBeNull();
    expect(key('ArrowRight', { shiftKey: true, ctrlKey: true })).toBeNull();
  });
});
