import type { PDFFont } from 'pdf-lib';

/** A line of laid-out text as a range of its source string: [start, end), without the spaces it broke at. */
export interface LineRange {
  start: number;
  end: number;
}

/** Width of a string in points (for one font at one size). */
export type Measure = (text: string) => number;

const advances = new WeakMap<PDFFont, Map<number, number>>();

/**
 * Width of text in a font embedded without OpenType shaping (see the writer): one glyph per
 * character, so a string's width is the sum of its characters' advances, each measured once by
 * pdf-lib and kept. (Measuring every candidate line through fontkit's layout costs seconds.)
 */
export function measureWith(font: PDFFont, size: number): Measure {
  let cache = advances.get(font);
  if (!cache) advances.set(font, (cache = new Map()));
  const known = cache;
  return (text) => {
    let width = 0;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        code = text.codePointAt(i)!;
        i++;
      }
      let advance = known.get(code);
      if (advance === undefined) {
        // A variation selector is no glyph of its own: it picks the form of the character before it.
        const selector = (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xe0100 && code <= 0xe01ef);
        advance = selector ? 0 : font.widthOfTextAtSize(String.fromCodePoint(code), 1);
        known.set(code, advance);
      }
      width += advance;
    }
    return width * size;
  };
}

const isBreakSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';

/**
 * Greedy line breaking of `text[from, to)` (which holds no line break) at spaces, keeping offsets:
 * each line is a range of `text`, so a character's place on the page can be found again. The spaces
 * a line breaks at belong to neither line; a word wider than the line is cut between characters
 * rather than running off the page. `width` may differ per line (a first line after a label).
 */
export function breakLines(
  text: string,
  measure: Measure,
  width: number | ((line: number) => number),
  from = 0,
  to = text.length,
): LineRange[] {
  const widthOf = typeof width === 'number' ? () => width : width;
  const lines: LineRange[] = [];
  let lineStart = from;
  let lineEnd = from;
  let at = from;
  while (at < to) {
    let wordStart = at;
    while (wordStart < to && isBreakSpace(text[wordStart])) wordStart++;
    if (wordStart >= to) break; // trailing spaces end no line
    let wordEnd = wordStart;
    while (wordEnd < to && !isBreakSpace(text[wordEnd])) wordEnd++;
    if (measure(text.slice(lineStart, wordEnd)) <= widthOf(lines.length)) {
      lineEnd = wordEnd;
      at = wordEnd;
      continue;
    }
    if (lineEnd > lineStart) {
      lines.push({ start: lineStart, end: lineEnd });
      lineStart = wordStart;
    }
    // The word opens a line; cut it while it is wider than the line.
    while (measure(text.slice(lineStart, wordEnd)) > widthOf(lines.length)) {
      const cut = longestFittingPrefix(text, lineStart, wordEnd, measure, widthOf(lines.length));
      lines.push({ start: lineStart, end: cut });
      lineStart = cut;
    }
    lineEnd = wordEnd;
    at = wordEnd;
  }
  if (lineEnd > lineStart || lines.length === 0) lines.push({ start: lineStart, end: lineEnd });
  return lines;
}

/** The end of the longest run of whole characters from `start` that fits (at least one character). */
function longestFittingPrefix(text: string, start: number, end: number, measure: Measure, maxWidth: number): number {
  const first = start + (text.codePointAt(start)! > 0xffff ? 2 : 1);
  let fitted = first;
  for (let at = first; at < end; ) {
    const next = at + (text.codePointAt(at)! > 0xffff ? 2 : 1);
    if (measure(text.slice(start, next)) > maxWidth) break;
    fitted = next;
    at = next;
  }
  return fitted;
}

/** The non-blank paragraphs of a text (the pieces between its line breaks) as ranges of it. */
export function paragraphRanges(text: string): LineRange[] {
  const ranges: LineRange[] = [];
  let start = 0;
  for (const paragraph of text.split('\n')) {
    if (paragraph.trim() !== '') ranges.push({ start, end: start + paragraph.length });
    start += paragraph.length + 1;
  }
  return ranges;
}

/** The text cut to fit `maxWidth`, with an ellipsis if anything was cut. */
export function fitText(text: string, measure: Measure, maxWidth: number): string {
  if (measure(text) <= maxWidth) return text;
  const chars = Array.from(text);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(`${chars.slice(0, mid).join('').trimEnd()}…`) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return `${chars.slice(0, low).join('').trimEnd()}…`;
}
