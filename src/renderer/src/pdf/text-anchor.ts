import { placeExactly, QUOTE_CONTEXT, quoteIn, type TextQuote } from '../../../shared/text-quote';

/**
 * A text with every run of white space as one space, and where each character came from. A PDF
 * page's text layer and the text the archive read from the same page hold the same characters, but
 * not always the same white space (a line's end is a break in one, a newline in the other).
 */
export interface Collapsed {
  text: string;
  /** For each character of `text`, its offset in the original. */
  from: number[];
  /** For each character of the original, the offset of the character it became (or merged into). */
  to: number[];
}

export function collapseSpace(original: string): Collapsed {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const space = /\s/.test(original[i]);
    if (space && text.endsWith(' ')) {
      to.push(text.length - 1);
      continue;
    }
    to.push(text.length);
    from.push(i);
    text += space ? ' ' : original[i];
  }
  return { text, from, to };
}

/** The original offsets of [start, end) of a collapsed text. */
export function originalSpan(collapsed: Collapsed, start: number, end: number): { start: number; end: number } {
  return { start: collapsed.from[start], end: collapsed.from[end - 1] + 1 };
}

/**
 * The quote with its context for [start, end) of a collapsed text, without white space at its
 * ends (a selection dragged past a word takes the space after it), or null if only space is in it.
 */
export function quoteOfCollapsed(collapsed: Collapsed, start: number, end: number): { quote: TextQuote; start: number; end: number } | null {
  const { text } = collapsed;
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  if (start >= end) return null;
  return { quote: quoteIn(text, start, end), start, end };
}

/** Where a quote (of collapsed text) stands in another text: the project's exact anchoring, unique by its context, or null. */
export function placeQuote(target: Collapsed, quote: TextQuote, near: number): { start: number; end: number } | null {
  const at = placeExactly(target.text, quote, near);
  return at === null ? null : originalSpan(target, at, at + quote.exact.length);
}

export type SelectionPlace = { placed: { start: number; end: number } } | { refused: 'ambiguous' | 'absent' };

/**
 * A passage selected on a page, placed in the document's text: found by its words and the words
 * around it; refused when they occur more than once alike (a guess could cite the wrong place) or
 * not at all.
 */
export function placeSelection(docText: Collapsed, quote: TextQuote, near: number): SelectionPlace {
  const placed = placeQuote(docText, quote, near);
  if (placed) return { placed };
  return docText.text.includes(quote.exact) ? { refused: 'ambiguous' } : { refused: 'absent' };
}

/**
 * Where the part [start, end) of a document's text that lies on a page (the span `page` of the
 * text) stands in that page's own text (its text layer): the same anchoring the other way round,
 * with the document's context on that page.
 */
export function placeOnPage(docText: string, page: { start: number; end: number }, pageText: Collapsed, start: number, end: number): { start: number; end: number } | null {
  const from = Math.max(page.start, start - 2 * QUOTE_CONTEXT);
  const passage = collapseSpace(docText.slice(from, Math.min(page.end, end + 2 * QUOTE_CONTEXT)));
  const quoted = quoteOfCollapsed(passage, passage.to[start - from], passage.to[end - 1 - from] + 1);
  return quoted && placeQuote(pageText, quoted.quote, start - page.start);
}
