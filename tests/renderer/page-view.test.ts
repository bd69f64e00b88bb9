import { describe, expect, it } from 'vitest';
import { printedPages } from '../../src/renderer/src/components/SourcePrintView';

// "First para" 0–10, "runs over the break" 11–30, "last" 31–35; the page break falls at 20.
const paragraphs = [
  { start: 0, end: 10 },
  { start: 11, end: 30 },
  { start: 31, end: 35 },
];

describe('the page view’s layout of a source', () => {
  it('puts each paragraph under the PDF page it is on, numbered as citations number it, cut once at a break', () => {
    const pages = printedPages({ paragraphs, pages: [{ start: 0, end: 20 }, { start: 20, end: 35 }], boilerplate: [] });
    expect(pages.map((p) => p.page)).toEqual([1, 2]);
    expect(pages[0].pieces.map(({ paragraph, first, start, end }) => [paragraph, first, start, end])).toEqual([
      [1, true, 0, 10],
      [2, true, 11, 20],
    ]);
    expect(pages[1].pieces.map(({ paragraph, first, start, end }) => [paragraph, first, start, end])).toEqual([
      [2, false, 20, 30],
      [3, true, 31, 35],
    ]);
  });

  it('keeps a document without pages as one run of numbered paragraphs, its boilerplate marked', () => {
    const [only, ...rest] = printedPages({ paragraphs, pages: null, boilerplate: [{ start: 31, end: 35 }] });
    expect(rest).toEqual([]);
    expect(only.page).toBeNull();
    expect(only.pieces.map((p) => [p.paragraph, p.boilerplate])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
  });
});
