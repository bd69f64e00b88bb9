import fc from 'fast-check';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { Flow, keepLines, space, type FlowItem } from '../../../src/core/dossier/pdf-flow';
import { breakLines, fitText, paragraphRanges, type Measure } from '../../../src/core/dossier/text-layout';

/** Every character 5 points wide, but “W” 9 and “i” 2: enough to catch a width summed wrongly. */
const measure: Measure = (text) => Array.from(text).reduce((w, c) => w + (c === 'W' ? 9 : c === 'i' ? 2 : 5), 0);

describe('breakLines', () => {
  it('breaks at spaces, keeping offsets into the text', () => {
    const text = 'one two three four five';
    const lines = breakLines(text, measure, 50);
    expect(lines.map((l) => text.slice(l.start, l.end))).toEqual(['one two', 'three four', 'five']);
    expect(lines[1]).toEqual({ start: 8, end: 18 });
  });

  it('lays out a range of a longer text with the offsets of the whole', () => {
    const text = 'xx\nalpha beta gamma\nyy';
    const lines = breakLines(text, measure, 50, 3, 19);
    expect(lines.map((l) => text.slice(l.start, l.end))).toEqual(['alpha beta', 'gamma']);
    expect(lines[0].start).toBe(3);
  });

  it('cuts a word wider than the line between characters, never between the halves of a surrogate pair', () => {
    const text = `a ${'😀'.repeat(6)} b`;
    const lines = breakLines(text, measure, 20);
    for (const l of lines) {
      const slice = text.slice(l.start, l.end);
      expect(slice).toBe(Array.from(slice).join(''));
      expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(slice)).toBe(false);
    }
    expect(lines.map((l) => text.slice(l.start, l.end)).join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    expect(lines.length).toBeGreaterThan(2);
  });

  it('gives the first line its own width (after a label)', () => {
    const text = 'aaaa bbbb cccc';
    expect(breakLines(text, measure, (n) => (n === 0 ? 20 : 100)).map((l) => text.slice(l.start, l.end))).toEqual(['aaaa', 'bbbb cccc']);
  });

  it('finds the non-blank paragraphs of a text as ranges of it', () => {
    const text = 'a b\n\n  \nc\n';
    expect(paragraphRanges(text)).toEqual([
      { start: 0, end: 3 },
      { start: 8, end: 9 },
    ]);
  });

  it('for any text: lines in order, none too wide unless one character, no words lost, breaks only at spaces', () => {
    const word = fc.stringMatching(/^[a-zA-ZWiЖқ]{1,30}$/);
    const textArb = fc.array(fc.tuple(word, fc.constantFrom(' ', '  ', '\t')), { minLength: 1, maxLength: 40 }).map((parts) => parts.map(([w, s]) => w + s).join('').trimEnd());
    fc.assert(
      fc.property(textArb, fc.integer({ min: 12, max: 200 }), (text, width) => {
        const lines = breakLines(text, measure, width);
        let at = 0;
        for (const line of lines) {
          expect(line.start).toBeGreaterThanOrEqual(at);
          // What lies between two lines is only the spaces broken at.
          expect(text.slice(at, line.start)).toMatch(/^[ \t]*$/);
          const slice = text.slice(line.start, line.end);
          if (Array.from(slice).length > 1) expect(measure(slice)).toBeLessThanOrEqual(width);
          expect(slice).not.toMatch(/^[ \t]|[ \t]$/);
          at = line.end;
        }
        expect(text.slice(at)).toMatch(/^[ \t]*$/);
        // A line is never broken where the next word would still have fitted.
        for (let i = 0; i + 1 < lines.length; i++) {
          const next = text.slice(lines[i + 1].start).split(/[ \t]/)[0];
          const joined = text.slice(lines[i].start, lines[i + 1].start + next.length);
          if (text.slice(lines[i].end, lines[i + 1].start) !== '') expect(measure(joined)).toBeGreaterThan(width);
        }
      }),
    );
  });
});

describe('fitText', () => {
  it('keeps text that fits and cuts what does not with an ellipsis', () => {
    expect(fitText('short', measure, 100)).toBe('short');
    const cut = fitText('a rather long running head', measure, 60);
    expect(cut.endsWith('…')).toBe(true);
    expect(measure(cut)).toBeLessThanOrEqual(60);
  });
});

describe('Flow', () => {
  /** A flow over 200-point pages with a 160-point column, recording where each named item went. */
  async function makeFlow() {
    const pdf = await PDFDocument.create();
    const pages: PDFPage[] = [];
    const placed: Array<{ name: string; page: number; top: number }> = [];
    const flow = new Flow(() => (pages.push(pdf.addPage([200, 200])), pages.at(-1)!), 180, 20);
    const line = (name: string, keepWithNext = false): FlowItem => ({
      height: 20,
      keepWithNext,
      draw: (page, top) => placed.push({ name, page: pages.indexOf(page) + 1, top }),
    });
    return { flow, pages, placed, line };
  }

  it('opens a new page when the next item does not fit, and drops space at the top of a page', async () => {
    const { flow, placed, line } = await makeFlow();
    for (let i = 0; i < 8; i++) flow.push(line(`l${i}`), space(10));
    flow.settle();
    // Five lines and their spaces take 150 of the 160 points: the sixth line opens page 2.
    expect(placed.map((p) => p.page)).toEqual([1, 1, 1, 1, 1, 2, 2, 2]);
    expect(placed[5].top).toBe(180); // the space after l4 was dropped at the top of page 2
  });

  it('moves a chain of items kept together to the next page as a whole', async () => {
    const { flow, placed, line } = await makeFlow();
    for (let i = 0; i < 6; i++) flow.push(line(`l${i}`));
    // A heading kept with the first two lines of a paragraph: 60 points, 40 left on page 1.
    flow.push(line('heading', true), ...keepLines([line('a'), line('b'), line('c'), line('d'), line('e')]));
    flow.settle();
    expect(placed.map((p) => p.name)).toEqual(['l0', 'l1', 'l2', 'l3', 'l4', 'l5', 'heading', 'a', 'b', 'c', 'd', 'e']);
    expect(placed.map((p) => p.page)).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2]);
  });

  it('never leaves one line of a paragraph alone at the foot or the head of a page', async () => {
    for (let before = 0; before < 8; before++) {
      const { flow, placed, line } = await makeFlow();
      for (let i = 0; i < before; i++) flow.push(line(`x${i}`));
      flow.push(...keepLines(Array.from({ length: 7 }, (_, i) => line(`p${i}`))));
      flow.settle();
      const paragraphPages = placed.filter((p) => p.name.startsWith('p')).map((p) => p.page);
      const counts = [...new Set(paragraphPages)].map((page) => paragraphPages.filter((q) => q === page).length);
      expect(Math.min(...counts), `after ${before} lines: ${counts.join('+')}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('places a chain taller than a page line by line', async () => {
    const { flow, placed, pages, line } = await makeFlow();
    flow.push(...Array.from({ length: 20 }, (_, i) => line(`c${i}`, true)), line('end'));
    expect(placed).toHaveLength(21);
    expect(pages).toHaveLength(3);
  });

  it('starts a new page on request', async () => {
    const { flow, placed, line } = await makeFlow();
    flow.push(line('a'));
    flow.breakPage();
    flow.push(line('b'));
    expect(placed.map((p) => p.page)).toEqual([1, 2]);
  });
});
