import type { TextSpan } from '../../../core/api/types';

export interface HighlightRange {
  id: string;
  start: number;
  end: number;
  color: string;
  /** A fuzzy place the user has not yet accepted: drawn with a "needs review" mark. */
  review: boolean;
}

/** A run of text with one set of marks: the unit the reader draws. */
export interface Segment {
  start: number;
  end: number;
  /** Index of the search hit covering this run, if any. */
  hit: number | null;
  /** Annotations covering this run, innermost last. */
  highlights: HighlightRange[];
}

/**
 * Cuts each paragraph at every hit and highlight boundary, so overlapping highlights and hits can
 * be drawn as nested marks over plain runs of text, each run knowing its own offsets.
 */
export function segmentParagraphs(
  paragraphs: readonly TextSpan[],
  hits: ReadonlyArray<readonly [number, number]>,
  highlights: readonly HighlightRange[],
): Segment[][] {
  return paragraphs.map((paragraph) => {
    const cuts = new Set<number>([paragraph.start, paragraph.end]);
    const inside = (offset: number) => offset > paragraph.start && offset < paragraph.end;
    for (const [start, end] of hits) [start, end].filter(inside).forEach((o) => cuts.add(o));
    for (const h of highlights) [h.start, h.end].filter(inside).forEach((o) => cuts.add(o));
    const points = [...cuts].sort((a, b) => a - b);
    const segments: Segment[] = [];
    for (let i = 0; i < points.length - 1; i++) {
      const start = points[i];
      const end = points[i + 1];
      const hit = hits.findIndex(([s, e]) => s <= start && end <= e);
      segments.push({
        start,
        end,
        hit: hit === -1 ? null : hit,
        highlights: highlights
          .filter((h) => h.start <= start && end <= h.end)
          .sort((a, b) => b.end - b.start - (a.end - a.start)),
      });
    }
    return segments;
  });
}

/**
 * Where the reader marks each page of a paged source (a PDF) as beginning: entry i lists the pages
 * (1-based) that begin before paragraph i, and the last entry the pages after the last paragraph
 * (a blank page at the end). A page with no text is marked before the next page's first paragraph.
 */
export function pageStarts(paragraphs: readonly TextSpan[], pages: readonly TextSpan[] | null): number[][] {
  const starts: number[][] = Array.from({ length: paragraphs.length + 1 }, () => []);
  if (!pages) return starts;
  // Pages and paragraphs both run in text order: one walk through each (a PDF may have thousands of both).
  let next = 0;
  pages.forEach((page, i) => {
    while (next < paragraphs.length && paragraphs[next].end <= page.start) next++;
    starts[next].push(i + 1);
  });
  return starts;
}
