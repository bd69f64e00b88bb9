import type { TextSpan } from './document';

/** The pages (1-based, as the PDF numbers them in order) a passage lies on. */
export interface PageRange {
  first: number;
  last: number;
}

/**
 * The pages of a paged source (a PDF's `pages`) that the text [start, end) lies on: the first and
 * last page whose text it overlaps. Null for a source without pages, or a passage that lies only in
 * the blank lines joining two pages. An empty passage is taken as the character at `start`.
 */
export function pagesOfSpan(pages: readonly TextSpan[] | null, start: number, end: number): PageRange | null {
  if (!pages) return null;
  const until = Math.max(end, start + 1);
  let first = 0;
  let last = 0;
  for (const [i, page] of pages.entries()) {
    if (page.start >= until || start >= page.end) continue;
    first ||= i + 1;
    last = i + 1;
  }
  return first === 0 ? null : { first, last };
}

/** A page range as citations write it: "p. 4", or "pp. 4–5" across pages. */
export function pageLocator({ first, last }: PageRange): string {
  return first === last ? `p. ${first}` : `pp. ${first}–${last}`;
}
