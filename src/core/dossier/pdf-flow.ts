import type { PDFPage } from 'pdf-lib';
import { baselineIn, type TextStyle } from './pdf-style';
import { breakLines, measureWith, type LineRange } from './text-layout';

/** One unbreakable piece of a page's column: a line of text, a rule, some vertical space. */
export interface FlowItem {
  height: number;
  /** Draws the item with its top edge at `top` (PDF y, from the bottom of the page). */
  draw?: (page: PDFPage, top: number) => void;
  /** Never separate this item from the next one by a page break (unless the chain is taller than a page). */
  keepWithNext?: boolean;
  /** Vertical space: dropped at the top of a page. */
  space?: boolean;
  /** Drawn above this item whenever it opens a page (a table's column heads over the rows continued there). */
  repeat?: FlowItem;
}

export function space(height: number, draw?: FlowItem['draw']): FlowItem {
  return { height, space: true, draw };
}

/**
 * Lays items out top to bottom, opening a new page when the current one is full. Items kept with
 * the next are gathered into a chain, which moves to a new page as a whole if it does not fit
 * (headings with what follows, the first and last lines of a paragraph, a quote with its citation).
 */
export class Flow {
  private page: PDFPage | null = null;
  private y = 0;
  private pending: FlowItem[] = [];

  constructor(
    private readonly newPage: () => PDFPage,
    private readonly top: number,
    private readonly bottom: number,
  ) {}

  push(...items: FlowItem[]): void {
    for (const item of items) {
      this.pending.push(item);
      if (!item.keepWithNext) this.settle();
    }
  }

  /** Places what is pending; the next item starts a new page. */
  breakPage(): void {
    this.settle();
    this.page = null;
  }

  /** Places what is pending, even a chain not yet ended. */
  settle(): void {
    const chain = this.pending;
    this.pending = [];
    if (chain.length === 0) return;
    const total = chain.reduce((sum, item) => sum + item.height, 0);
    let leadingSpace = 0;
    for (const item of chain) {
      if (!item.space) break;
      leadingSpace += item.height;
    }
    if (this.page && !this.atTop && total > this.room && total - leadingSpace <= this.top - this.bottom) this.page = null;
    for (const item of chain) {
      if (!this.page) this.open();
      if (item.space && this.atTop) continue;
      if (item.height > this.room + 0.01 && !this.atTop) {
        this.open();
        if (item.space) continue;
      }
      if (item.repeat && this.atTop) {
        item.repeat.draw?.(this.page!, this.y);
        this.y -= item.repeat.height;
      }
      item.draw?.(this.page!, this.y);
      this.y -= item.height;
    }
  }

  private get room(): number {
    return this.y - this.bottom;
  }

  private get atTop(): boolean {
    return this.y >= this.top;
  }

  private open(): void {
    this.page = this.newPage();
    this.y = this.top;
  }
}

/** A line of text as placed on a page: its range of the source string and where it was drawn. */
export interface PlacedLine extends LineRange {
  page: PDFPage;
  x: number;
  baseline: number;
  style: TextStyle;
}

export interface LineOptions {
  x: number;
  width: number;
  /** The first line starts this much further right (after a label drawn beside it). */
  firstInset?: number;
  /** Lays out only `text[from, to)` (a paragraph of a longer text): offsets stay those of `text`. */
  from?: number;
  to?: number;
  /** Told where each line was drawn. */
  onPlace?: (line: PlacedLine, index: number) => void;
  /** Draws beside each line (a quote's bar, a number in the margin). */
  decorate?: (page: PDFPage, top: number, index: number) => void;
}

/**
 * Control characters and line or paragraph separators have no glyph (and pdf-lib would turn some into
 * four spaces or a new line): they are drawn as spaces, one for one, so offsets hold.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}

/** One flow item per line of `text` (which holds no line break), wrapped to the width. */
export function lineItems(text: string, style: TextStyle, options: LineOptions): FlowItem[] {
  const inset = options.firstInset ?? 0;
  const lines = breakLines(
    text,
    measureWith(style.font, style.size),
    (n) => (n === 0 ? options.width - inset : options.width),
    options.from ?? 0,
    options.to ?? text.length,
  );
  return lines.map((line, index) => ({
    height: style.leading,
    draw: (page: PDFPage, top: number) => {
      const x = options.x + (index === 0 ? inset : 0);
      const baseline = baselineIn(style, top);
      const shown = printable(text.slice(line.start, line.end));
      // Decorations first: a label or number beside the line then reads before it when the text is extracted.
      options.decorate?.(page, top, index);
      if (shown !== '') page.drawText(shown, { x, y: baseline, font: style.font, size: style.size, color: style.color });
      options.onPlace?.({ ...line, page, x, baseline, style }, index);
    },
  }));
}

/**
 * Keeps the first `orphans` and the last `widows` lines of a paragraph together, so a page never
 * starts or ends with a lone line of it; a short paragraph stays whole.
 */
export function keepLines<T extends FlowItem>(items: T[], orphans = 2, widows = 2): T[] {
  const n = items.length;
  items.forEach((item, i) => {
    if (i === n - 1) return;
    if (n <= orphans + widows || i < orphans - 1 || i >= n - widows) item.keepWithNext = true;
  });
  return items;
}
