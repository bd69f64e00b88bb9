import { type PDFDocument, type PDFPage } from 'pdf-lib';
import type { CitedSource, DossierContent, DossierQuote } from './model';
import { addLink, type Destination, type Rect } from './pdf-annotations';
import { Flow, lineItems, space, type FlowItem } from './pdf-flow';
import { baselineIn, CONTENT_WIDTH, MARGIN, PAGE, RULE, stylesOf, type Fonts, type Styles, type TextStyle } from './pdf-style';
import { fitText, measureWith, paragraphRanges } from './text-layout';

/** An entry of the table of contents and of the outline. */
export interface ContentsEntry {
  title: string;
  /** 0: a part or section; 1: an article under "Sources". */
  level: 0 | 1;
  /** Printed before the title (a section's number). */
  number?: string;
  /** Where its heading was drawn (set when the heading is laid out). */
  dest?: Destination;
  children?: ContentsEntry[];
}

type PageNumberOf = (page: PDFPage) => number;

/**
 * The dossier being written: the document, the styles, and what the parts tell one another — where
 * each quote stands in the body and in the appendix, where each heading is — plus the work left for
 * when every page exists and has its final number (page references, links, running heads).
 */
export class DossierPdf {
  readonly styles: Styles;
  readonly quotes: DossierQuote[];
  readonly sources: Map<string, CitedSource>;
  readonly contents: ContentsEntry[] = [];
  /** Each quote's block in the body, by quote number. */
  readonly quoteDest = new Map<number, Destination>();
  /** Each quote's highlighted passage in the appendix, by quote number. */
  readonly appendixDest = new Map<number, Destination>();
  /** Each article's heading in the appendix, by document id. */
  readonly sourceDest = new Map<string, Destination>();
  private label = '';
  private readonly labels = new Map<PDFPage, string>();
  private readonly finishers: Array<(pageNumberOf: PageNumberOf) => void> = [];

  constructor(
    readonly pdf: PDFDocument,
    readonly content: DossierContent,
    readonly fonts: Fonts,
  ) {
    this.styles = stylesOf(fonts);
    this.quotes = content.sections.flatMap((s) => s.quotes);
    this.sources = new Map(content.sources.map((s) => [s.doc.id, s]));
  }

  /** Where the quote stands in its source's text as laid out in the appendix, if it can be shown there. */
  placeInSource(quote: DossierQuote): { start: number; end: number } | null {
    const source = this.sources.get(quote.docId);
    if (!source || source.text === null || quote.start === null || quote.end === null) return null;
    if (quote.start >= quote.end || quote.end > source.text.length) return null;
    return { start: quote.start, end: quote.end };
  }

  /** A flow that appends pages at the end, each carrying the current running-head label. */
  appendingFlow(): Flow {
    return new Flow(() => this.labelled(this.pdf.addPage([PAGE.width, PAGE.height])), PAGE.height - MARGIN.top, MARGIN.bottom);
  }

  /** A flow that inserts its pages after page `index` (the table of contents, after the cover). */
  insertingFlow(index: number): Flow {
    let next = index + 1;
    return new Flow(() => this.labelled(this.pdf.insertPage(next++, [PAGE.width, PAGE.height])), PAGE.height - MARGIN.top, MARGIN.bottom);
  }

  /** Starts a part on a new page; its pages carry `label` in the running head. */
  startPart(flow: Flow, label: string): void {
    flow.breakPage();
    this.label = label;
  }

  /** Pages opened from now on carry `label` in the running head (no page break). */
  setLabel(label: string): void {
    this.label = label;
  }

  private labelled(page: PDFPage): PDFPage {
    this.labels.set(page, this.label);
    return page;
  }

  /** Work for when all pages exist: anything that prints a page number or points at a later page. */
  later(finish: (pageNumberOf: PageNumberOf) => void): void {
    this.finishers.push(finish);
  }

  drawText(page: PDFPage, text: string, style: TextStyle, x: number, baseline: number): number {
    page.drawText(text, { x, y: baseline, font: style.font, size: style.size, color: style.color });
    return this.width(text, style);
  }

  width(text: string, style: TextStyle): number {
    return measureWith(style.font, style.size)(text);
  }

  /** A link over a piece of text drawn at (x, baseline). */
  linkText(page: PDFPage, x: number, baseline: number, text: string, style: TextStyle, dest: Destination | undefined): void {
    if (!dest) return;
    const rect: Rect = { x0: x - 1, y0: baseline - style.size * 0.3, x1: x + this.width(text, style) + 1, y1: baseline + style.size * 0.95 };
    addLink(this.pdf, page, rect, dest);
  }

  /**
   * A heading: a small label above (“Section 2”), the title, a hairline; it records where it stands
   * for the contents and the outline, and stays with what follows it.
   */
  headingItems(label: string | null, title: string, style: TextStyle, onPlace: (dest: Destination) => void): FlowItem[] {
    const items: FlowItem[] = [];
    let placed = false;
    const mark = (page: PDFPage, top: number) => {
      if (placed) return;
      placed = true;
      onPlace({ page, top: Math.min(PAGE.height, top + 18) });
    };
    if (label) {
      items.push(...lineItems(label, this.styles.partLabel, { x: MARGIN.left, width: CONTENT_WIDTH, decorate: (page, top) => mark(page, top) }));
      items.push(space(2));
    }
    items.push(...lineItems(title, style, { x: MARGIN.left, width: CONTENT_WIDTH, decorate: (page, top) => mark(page, top) }));
    items.push(space(7));
    items.push({
      height: 1,
      draw: (page, top) => page.drawLine({ start: { x: MARGIN.left, y: top }, end: { x: MARGIN.left + CONTENT_WIDTH, y: top }, thickness: 0.5, color: RULE }),
    });
    items.push(space(16));
    for (const item of items) item.keepWithNext = true;
    return items;
  }

  /**
   * A labelled paragraph (“Note: …”): the label in its own style on the first line, the text
   * after it and wrapped to the full width below. Line breaks in the text start new paragraphs.
   */
  labelledItems(label: string, text: string, labelStyle: TextStyle, style: TextStyle, x: number, width: number): FlowItem[] {
    const inset = this.width(`${label} `, labelStyle);
    const items: FlowItem[] = [];
    paragraphRanges(text).forEach(({ start, end }, i) => {
      if (i > 0) items.push(space(3));
      items.push(
        ...lineItems(text, style, {
          x,
          width,
          from: start,
          to: end,
          firstInset: i === 0 ? inset : 0,
          decorate: (page, top, index) => {
            if (i === 0 && index === 0) this.drawText(page, label, labelStyle, x, baselineIn(style, top));
          },
        }),
      );
    });
    return items;
  }

  /** Runs the deferred work, then draws the running head and the folio on every page but the cover. */
  finish(): void {
    const pages = this.pdf.getPages();
    const numbers = new Map(pages.map((page, i) => [page, i + 1]));
    const pageNumberOf: PageNumberOf = (page) => numbers.get(page) ?? 0;
    for (const finish of this.finishers) finish(pageNumberOf);
    const { running, runningItalic } = this.styles;
    const headBaseline = PAGE.height - MARGIN.top + 30;
    pages.forEach((page, i) => {
      if (i === 0) return; // the cover carries neither
      const label = this.labels.get(page) ?? '';
      const labelText = fitText(label, measureWith(runningItalic.font, runningItalic.size), CONTENT_WIDTH * 0.45);
      const labelWidth = this.width(labelText, runningItalic);
      const title = fitText(this.content.title, measureWith(running.font, running.size), CONTENT_WIDTH - labelWidth - 24);
      this.drawText(page, title, running, MARGIN.left, headBaseline);
      this.drawText(page, labelText, runningItalic, MARGIN.left + CONTENT_WIDTH - labelWidth, headBaseline);
      page.drawLine({
        start: { x: MARGIN.left, y: headBaseline - 7 },
        end: { x: MARGIN.left + CONTENT_WIDTH, y: headBaseline - 7 },
        thickness: 0.4,
        color: RULE,
      });
      const folio = `Page ${i + 1} of ${pages.length}`;
      this.drawText(page, folio, running, MARGIN.left + (CONTENT_WIDTH - this.width(folio, running)) / 2, MARGIN.bottom - 36);
    });
  }
}

export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** "[1], [4], [7]" */
export function quoteNumbers(quotes: DossierQuote[]): string {
  return quotes.map((q) => `[${q.number}]`).join(', ');
}
