import type { MatchKind } from './search-engine';

/** A passage of a document around one or more matches (keyword in context). */
export interface Snippet {
  text: string;
  /** Offset of `text` in the document. */
  start: number;
  /** Match ranges [start, end) relative to `text`. */
  matches: Array<[number, number]>;
  /** How each match matched ('exact', 'variant', 'fuzzy'), when the caller said. */
  kinds?: MatchKind[];
}

export interface SnippetOptions {
  /** Characters of context on each side of a match. */
  context?: number;
  maxSnippets?: number;
}

/**
 * Builds keyword-in-context snippets from match ranges (document offsets). Matches close enough to
 * share context are merged into one snippet; edges are moved out to whole words.
 */
export function buildSnippets(
  text: string,
  ranges: ReadonlyArray<readonly [number, number]>,
  { context = 70, maxSnippets = 3 }: SnippetOptions = {},
  kinds?: readonly MatchKind[],
): Snippet[] {
  const sorted = ranges.map((range, i) => ({ range, kind: kinds?.[i] })).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const windows: Array<{ start: number; end: number; matches: Array<[number, number]>; kinds: MatchKind[] }> = [];
  for (const {
    range: [matchStart, matchEnd],
    kind,
  } of sorted) {
    const start = wordBoundaryBefore(text, Math.max(0, matchStart - context));
    const end = wordBoundaryAfter(text, Math.min(text.length, matchEnd + context));
    const last = windows.at(-1);
    // Matches come in order of start: once a window past the last one kept begins, none can join those kept.
    if (windows.length === maxSnippets && !(last && start <= last.end)) break;
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.matches.push([matchStart, matchEnd]);
      last.kinds.push(kind ?? 'exact');
    } else {
      windows.push({ start, end, matches: [[matchStart, matchEnd]], kinds: [kind ?? 'exact'] });
    }
  }
  return windows.slice(0, maxSnippets).map((w) => ({
    // Line breaks become spaces (same length, so offsets hold) to keep a snippet on one line.
    text: text.slice(w.start, w.end).replace(/\n/g, ' '),
    start: w.start,
    matches: w.matches.map(([s, e]) => [s - w.start, e - w.start]),
    ...(kinds ? { kinds: w.kinds } : {}),
  }));
}

/** Whether a UTF-16 code unit is white space as a regular expression's \s has it (a regex per character cost more than the rest of a snippet). */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

function wordBoundaryBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

function wordBoundaryAfter(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
  return i;
}
