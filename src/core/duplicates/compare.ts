import { diffArrays } from 'diff';
import { words } from '../search/tokenizer';

/** A run of a side-by-side comparison: in both texts, only in the first (`removed`) or only in the second (`added`). */
export interface ComparedPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
  /** Where the run is in the first text (same, removed) and in the second (same, added); offsets in UTF-16 units. */
  aStart?: number;
  bStart?: number;
}

/**
 * Beyond this share of edited pieces (words and gaps, of both texts) two texts are not copies of one
 * another and are not compared word by word. Two unrelated articles still share most of their spaces
 * and commas, so they land near 0.5; light edits stay far below (a word in eight changed: ~0.12).
 */
export const MAX_EDITED_SHARE = 0.3;

/**
 * The text cut before each word, so each piece is a word with the spaces and punctuation after it
 * (as wdiff cuts): a diff then marks whole words ("5,000" → "6,000", not "5" → "6") and never pairs
 * the space of one change with the word of another. Joined, the pieces are the text.
 */
function pieces(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (const token of words(text)) {
    if (token.start > at) out.push(text.slice(at, token.start));
    at = token.start;
  }
  out.push(text.slice(at));
  // The first piece is what precedes the first word (often nothing); the rest start at a word.
  return out.filter((piece) => piece !== '');
}

/**
 * The two texts compared word by word, as written (a changed capital or quote mark is a change):
 * the runs they share and those only one has, each with its offsets. Null when they differ in more
 * than MAX_EDITED_SHARE: they are different texts, and a word-by-word comparison would say nothing
 * (and would cost time quadratic in their length).
 */
export function compareTexts(a: string, b: string): ComparedPart[] | null {
  const before = pieces(a);
  const after = pieces(b);
  const maxEditLength = Math.max(16, Math.floor(MAX_EDITED_SHARE * (before.length + after.length)));
  const changes = diffArrays(before, after, { maxEditLength });
  if (!changes) return null;
  const parts: ComparedPart[] = [];
  let aAt = 0;
  let bAt = 0;
  for (const change of withSharedEndsKept(changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value.join('') } as const)))) {
    const { text } = change;
    if (text === '') continue;
    if (change.kind === 'added') {
      parts.push({ kind: 'added', text, bStart: bAt });
      bAt += text.length;
    } else if (change.kind === 'removed') {
      parts.push({ kind: 'removed', text, aStart: aAt });
      aAt += text.length;
    } else {
      parts.push({ kind: 'same', text, aStart: aAt, bStart: bAt });
      aAt += text.length;
      bAt += text.length;
    }
  }
  return parts;
}

type Run = Pick<ComparedPart, 'kind' | 'text'>;

/**
 * A word replaced by another keeps what follows both unmarked: "forces to" → "police to" marks
 * "forces" and "police", not the space after them, so a reader sees which words changed.
 */
function withSharedEndsKept(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (let i = 0; i < runs.length; i++) {
    const [removed, added] = [runs[i], runs[i + 1]];
    if (removed.kind !== 'removed' || added?.kind !== 'added') {
      out.push(removed);
      continue;
    }
    let shared = 0;
    while (shared < removed.text.length && shared < added.text.length && removed.text.at(-1 - shared) === added.text.at(-1 - shared) && /[\s\p{P}]/u.test(removed.text.at(-1 - shared) ?? '')) shared++;
    const tail = removed.text.slice(removed.text.length - shared);
    out.push({ kind: 'removed', text: removed.text.slice(0, removed.text.length - shared) }, { kind: 'added', text: added.text.slice(0, added.text.length - shared) });
    if (tail) {
      // The shared end joins the unchanged run that follows, if any.
      const next = runs[i + 2];
      if (next?.kind === 'same') runs[i + 2] = { kind: 'same', text: tail + next.text };
      else out.push({ kind: 'same', text: tail });
    }
    i++;
  }
  return out;
}
