/**
 * Selecting a passage without a mouse: `j`/`k` select a hit, then these moves widen or narrow the
 * selection by words and sentences. Pure functions over the document's text and offsets.
 */

export interface TextRange {
  start: number;
  end: number;
}

export type SelectionMove =
  /** Shift+→ / Shift+←: the end one word later / earlier. */
  | 'end-next-word'
  | 'end-previous-word'
  /** Alt+Shift+← / Alt+Shift+→: the start one word earlier / later. */
  | 'start-previous-word'
  | 'start-next-word'
  /** Shift+↓ / Shift+↑: the end to the end of its sentence, the start to the beginning of its sentence. */
  | 'end-sentence'
  | 'start-sentence';

// Letters and digits of any script, and apostrophes and hyphens inside words (Tokayev’s, Kassym-Jomart).
const WORD = /[\p{L}\p{N}\p{M}'’-]/u;
const isWord = (text: string, at: number) => at >= 0 && at < text.length && WORD.test(text[at]);

/** Where a sentence ends: after . ! ? or … (and any closing quotes or brackets) before a space, or at a line break. */
const SENTENCE_END = /[.!?…]["'”’»)\]]*(?=\s|$)|(?=\n)/gu;

function sentenceEnds(text: string): number[] {
  const ends = [...text.matchAll(SENTENCE_END)].map((m) => m.index + m[0].length);
  return [...ends, text.length];
}

/** Where each sentence begins: the first non-space after a sentence's end (and the start of the text). */
function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const end of sentenceEnds(text)) {
    let at = end;
    while (at < text.length && /\s/u.test(text[at])) at++;
    if (at < text.length) starts.push(at);
  }
  return starts;
}

/** The selection after one move; it never becomes empty, and a move that cannot be made leaves it as it is. */
export function moveSelection(text: string, range: TextRange, move: SelectionMove): TextRange {
  const { start, end } = range;
  switch (move) {
    case 'end-next-word': {
      let at = end;
      while (at < text.length && !isWord(text, at)) at++;
      while (isWord(text, at)) at++;
      return { start, end: at };
    }
    case 'end-previous-word': {
      let at = end;
      while (at > start && !isWord(text, at - 1)) at--;
      while (at > start && isWord(text, at - 1)) at--;
      while (at > start && !isWord(text, at - 1)) at--;
      return at > start ? { start, end: at } : range;
    }
    case 'start-previous-word': {
      let at = start;
      while (at > 0 && !isWord(text, at - 1)) at--;
      while (at > 0 && isWord(text, at - 1)) at--;
      return { start: at, end };
    }
    case 'start-next-word': {
      let at = start;
      while (at < end && isWord(text, at)) at++;
      while (at < end && !isWord(text, at)) at++;
      return at < end ? { start: at, end } : range;
    }
    case 'end-sentence': {
      const next = sentenceEnds(text).find((at) => at > end);
      return next === undefined ? range : { start, end: next };
    }
    case 'start-sentence': {
      const previous = sentenceStarts(text).filter((at) => at < start).at(-1);
      return previous === undefined ? range : { start: previous, end };
    }
  }
}

const MOVES: Record<string, SelectionMove> = {
  ArrowRight: 'end-next-word',
  ArrowLeft: 'end-previous-word',
  ArrowDown: 'end-sentence',
  ArrowUp: 'start-sentence',
};
const ALT_MOVES: Record<string, SelectionMove> = { ArrowLeft: 'start-previous-word', ArrowRight: 'start-next-word' };

/** The move a key press asks for (Shift with an arrow, Alt too for the start), or null. */
export function selectionMoveOf(event: { key: string; shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean }): SelectionMove | null {
  if (!event.shiftKey || event.ctrlKey || event.metaKey) return null;
  return (event.altKey ? ALT_MOVES : MOVES)[event.key] ?? null;
}
