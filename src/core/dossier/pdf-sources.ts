import type { PDFPage } from 'pdf-lib';
import type { TextSpan } from '../archive/document';
import { DEFAULT_CITATION_STYLE, firstSeenIn, formatReference } from './citation';
import type { CitedSource, DossierQuote } from './model';
import { addHighlight, addLink, type Quad } from './pdf-annotations';
import { countOf, quoteNumbers, type ContentsEntry, type DossierPdf } from './pdf-document';
import { keepLines, lineItems, printable, space, type Flow, type FlowItem, type PlacedLine } from './pdf-flow';
import { measureWith } from './text-layout';
import { baselineIn, CONTENT_WIDTH, HIGHLIGHT_OPACITY, HIGHLIGHT_RGB, MARGIN, MUTED, PAGE, type TextStyle } from './pdf-style';
import { BOILERPLATE_LABEL } from '../../shared/boilerplate';

const SOURCES_NOTE =
  'The full text of every cited article as archived, paragraph by paragraph, with the paragraph numbers of the ' +
  'citations in the left margin. Each quoted passage is highlighted with an annotation that carries its note; its ' +
  'number [n] stands in the right margin and leads back to the quote. Web page furniture (teasers, share and comment ' +
  'prompts) is printed smaller and dimmed, and labelled, as the reader shows it.';

/** How far a boilerplate paragraph is set in, beside its dotted rule (the reader's left border). */
const BOILERPLATE_INDENT = 10;

/** The appendix: each cited article's full text, every quoted passage marked by a native Highlight. */
export function layoutSources(doc: DossierPdf, flow: Flow): void {
  const part: ContentsEntry = { title: 'Sources', level: 0, children: [] };
  doc.contents.push(part);
  doc.startPart(flow, 'Sources');
  flow.push(...doc.headingItems(null, 'Sources', doc.styles.heading, (dest) => (part.dest = dest)));
  flow.push(...keepLines(lineItems(SOURCES_NOTE, doc.styles.small, { x: MARGIN.left, width: CONTENT_WIDTH })));
  flow.push(space(26));
  doc.content.sources.forEach((source, i) => {
    const title = 'title' in source.doc ? source.doc.title : source.doc.id;
    if (i > 0) doc.startPart(flow, `Sources · ${title}`);
    else doc.setLabel(`Sources · ${title}`);
    const entry: ContentsEntry = { title, level: 1 };
    part.children!.push(entry);
    flow.push(
      ...doc.headingItems(`Source ${i + 1} of ${doc.content.sources.length}`, title, doc.styles.subheading, (dest) => {
        entry.dest = dest;
        doc.sourceDest.set(source.doc.id, dest);
      }),
    );
    layoutArticle(doc, flow, source);
  });
}

function layoutArticle(doc: DossierPdf, flow: Flow, source: CitedSource): void {
  const { styles } = doc;
  const quotes = doc.quotes.filter((q) => q.docId === source.doc.id);
  const about: FlowItem[] = [];
  const meta = (text: string, style: TextStyle = styles.small) => about.push(...lineItems(text, style, { x: MARGIN.left, width: CONTENT_WIDTH }));
  if (source.text === null) {
    meta(`File ${source.doc.id}`);
    about.push(space(8));
    meta(
      `This article is no longer in the archive, so its text cannot be shown here. ` +
        `${quotes.length === 1 ? 'The quote citing it is' : 'The quotes citing it are'} printed as recorded: ${quoteNumbers(quotes)}.`,
      styles.note,
    );
    flow.push(...about);
    return;
  }
  const { doc: summary, text } = source;
  meta(formatReference(summary, doc.content.citationStyle ?? DEFAULT_CITATION_STYLE, firstSeenIn(doc.content, summary.id)));
  meta(`File ${summary.id}`, styles.citation);
  meta(`SHA-256 ${summary.sha256}`, styles.citation);
  about.push(space(5));
  const placed = quotes.filter((q) => doc.placeInSource(q) !== null);
  const unplaced = quotes.filter((q) => doc.placeInSource(q) === null);
  about.push(...quoteList(doc, `Highlighted: ${countOf(placed.length, 'quote')} — `, placed));
  if (unplaced.length > 0) about.push(...quoteList(doc, 'Quoted as recorded, with no place in this text — ', unplaced));
  about.push(space(14));
  for (const item of about) item.keepWithNext = true;
  flow.push(...about);

  const lines: PlacedLine[] = [];
  source.paragraphs.forEach((paragraph, k) => {
    if (k > 0) flow.push(space(5));
    const boilerplate = isBoilerplate(paragraph, summary.boilerplate);
    const items = lineItems(text, boilerplate ? boilerplateStyle(doc) : styles.source, {
      ...(boilerplate ? boilerplateLayout(doc) : { x: MARGIN.left, width: CONTENT_WIDTH }),
      from: paragraph.start,
      to: paragraph.end,
      onPlace: (line, index) => {
        lines.push(line);
        if (index === 0) {
          const number = `${k + 1}`;
          // Margin marks are drawn once the page's text is all there, so they never break into it.
          doc.later(() => doc.drawText(line.page, number, styles.margin, MARGIN.left - 9 - doc.width(number, styles.margin), line.baseline));
        }
      },
    });
    flow.push(...keepLines(items));
  });
  if (source.paragraphs.length === 0) flow.push(...lineItems('The archived file holds no text.', styles.note, { x: MARGIN.left, width: CONTENT_WIDTH }));
  // The article ends its last page (the next part starts a new one): its text is all drawn.
  flow.settle();
  highlightQuotes(doc, text, lines, placed);
}

/** Whether a paragraph is web boilerplate (as the reader decides: any overlap with a marked span). */
function isBoilerplate(paragraph: TextSpan, spans: readonly TextSpan[]): boolean {
  return spans.some((b) => b.start < paragraph.end && paragraph.start < b.end);
}

/** Boilerplate is printed as the reader shows it: smaller, dimmed. */
function boilerplateStyle(doc: DossierPdf): TextStyle {
  return { ...doc.styles.source, size: 9, leading: 13, color: MUTED };
}

/**
 * A boilerplate paragraph is set in beside a dotted rule, with its label in a dashed box before its
 * first line (drawn before the words, so the label is read first when the text is extracted).
 */
function boilerplateLayout(doc: DossierPdf): { x: number; width: number; firstInset: number; decorate: (page: PDFPage, top: number, index: number) => void } {
  const style = boilerplateStyle(doc);
  const label = { ...doc.styles.smallBold, size: 6.5 };
  const pad = 3;
  const labelWidth = doc.width(BOILERPLATE_LABEL, label);
  const x = MARGIN.left + BOILERPLATE_INDENT;
  return {
    x,
    width: CONTENT_WIDTH - BOILERPLATE_INDENT,
    firstInset: labelWidth + 2 * pad + 5,
    decorate: (page, top, index) => {
      page.drawLine({ start: { x: MARGIN.left + 1, y: top }, end: { x: MARGIN.left + 1, y: top - style.leading }, thickness: 1.4, color: MUTED, dashArray: [1.4, 1.8] });
      if (index !== 0) return;
      const baseline = baselineIn(style, top);
      page.drawRectangle({
        x,
        y: baseline - 2.5,
        width: labelWidth + 2 * pad,
        height: label.size + 4,
        borderColor: MUTED,
        borderWidth: 0.5,
        borderDashArray: [1.5, 1.2],
      });
      doc.drawText(page, BOILERPLATE_LABEL, label, x + pad, baseline);
    },
  };
}

/** "Highlighted: 3 quotes — [1], [4], [7]", each number a link to its quote in the body. */
function quoteList(doc: DossierPdf, label: string, quotes: DossierQuote[], style = doc.styles.small, x = MARGIN.left): FlowItem[] {
  if (quotes.length === 0) return [];
  const text = `${label}${quoteNumbers(quotes)}`;
  const numbersFrom = label.length;
  return lineItems(text, style, {
    x,
    width: MARGIN.left + CONTENT_WIDTH - x,
    onPlace: (line) => {
      doc.later(() => {
        for (const quote of quotes) {
          const mark = `[${quote.number}]`;
          const at = text.indexOf(mark, numbersFrom);
          if (at < line.start || at + mark.length > line.end) continue;
          const x = line.x + doc.width(text.slice(line.start, at), style);
          doc.linkText(line.page, x, line.baseline, mark, style, doc.quoteDest.get(quote.number));
        }
      });
    },
  });
}

/** Box of characters [from, to) of a placed line: from its descent to its ascent. */
function quadOf(text: string, line: PlacedLine, from: number, to: number): Quad {
  const measure = measureWith(line.style.font, line.style.size);
  const size = line.style.size;
  const prefix = (end: number) => measure(printable(text.slice(line.start, end)));
  return {
    x0: line.x + prefix(from),
    x1: line.x + prefix(to),
    bottom: line.baseline - size * 0.27,
    top: line.baseline + size * 0.93,
  };
}

/**
 * One Highlight annotation per quote (per page, when a passage runs over a page break), with the
 * quote's number in the right margin beside its first line, linking back to the quote.
 */
function highlightQuotes(doc: DossierPdf, text: string, lines: PlacedLine[], quotes: DossierQuote[]): void {
  const marks = new MarginMarks(doc);
  const names = new Set<string>();
  for (const quote of quotes) {
    const place = doc.placeInSource(quote)!;
    const byPage = new Map<PDFPage, Quad[]>();
    let firstLine: PlacedLine | null = null;
    let firstOrder = 0;
    lines.forEach((line, order) => {
      const from = Math.max(place.start, line.start);
      const to = Math.min(place.end, line.end);
      if (from >= to || text.slice(from, to).trim() === '') return;
      if (!firstLine) {
        firstLine = line;
        firstOrder = order;
      }
      byPage.set(line.page, [...(byPage.get(line.page) ?? []), quadOf(text, line, from, to)]);
    });
    const first = firstLine as PlacedLine | null;
    if (!first) continue;
    doc.appendixDest.set(quote.number, { page: first.page, top: Math.min(PAGE.height, first.baseline + 40) });
    marks.add(first, firstOrder, quote);
    const contents = [quote.note.trim(), quote.commentary.trim() && `Dossier commentary: ${quote.commentary.trim()}`].filter(Boolean).join('\n\n');
    let name = quote.annotationId;
    if (names.has(name)) name = `${quote.annotationId}#${quote.number}`;
    names.add(name);
    let part = 0;
    for (const [page, quads] of byPage) {
      part++;
      addHighlight(doc.pdf, page, {
        quads,
        color: HIGHLIGHT_RGB[quote.color],
        opacity: HIGHLIGHT_OPACITY,
        contents: contents || `Quote [${quote.number}]`,
        author: quote.author || doc.content.author,
        name: part === 1 ? name : `${name}/${part}`,
        subject: `Quote [${quote.number}]${part > 1 ? ' (continued)' : ''}`,
        date: doc.content.created,
      });
    }
  }
  marks.draw();
}

/** Quote numbers in the right margin, beside the line where each passage starts; never on top of one another. */
class MarginMarks {
  private readonly rows: Array<{ line: PlacedLine; order: number; quotes: DossierQuote[] }> = [];

  constructor(private readonly doc: DossierPdf) {}

  /** `order` is the line's place in reading order. */
  add(line: PlacedLine, order: number, quote: DossierQuote): void {
    const row = this.rows.find((r) => r.line === line);
    if (row) row.quotes.push(quote);
    else this.rows.push({ line, order, quotes: [quote] });
  }

  draw(): void {
    const { doc } = this;
    this.rows.sort((a, b) => a.order - b.order);
    const style = doc.styles.margin;
    const left = PAGE.width - MARGIN.right + 8;
    const right = PAGE.width - 12;
    const rowHeight = style.size + 2;
    let lastPage: PDFPage | null = null;
    let lowest = Infinity;
    for (const { line, quotes } of this.rows) {
      if (line.page !== lastPage) {
        lastPage = line.page;
        lowest = Infinity;
      }
      let baseline = Math.min(line.baseline, lowest - rowHeight);
      let x = left;
      for (const quote of quotes) {
        const mark = `[${quote.number}]`;
        const width = doc.width(mark, style);
        if (x > left && x + 3.5 + width > right) {
          baseline -= rowHeight;
          x = left;
        }
        // A tick in the highlight's colour, as the bar beside the quote in the body, then its number.
        line.page.drawRectangle({ x, y: baseline - 1, width: 1.6, height: style.size + 0.5, color: HIGHLIGHT_RGB[quote.color] });
        doc.drawText(line.page, mark, style, x + 3.5, baseline);
        doc.linkText(line.page, x + 3.5, baseline, mark, style, doc.quoteDest.get(quote.number));
        x += width + 3.5 + 4;
      }
      lowest = baseline;
    }
  }
}

/** Every cited source: its reference in the dossier's citation style, file and full SHA-256, numbered as in the appendix. */
export function layoutBibliography(doc: DossierPdf, flow: Flow): void {
  const { styles } = doc;
  const entry: ContentsEntry = { title: 'Bibliography', level: 0 };
  doc.contents.push(entry);
  doc.startPart(flow, 'Bibliography');
  flow.push(...doc.headingItems(null, 'Bibliography', styles.heading, (dest) => (entry.dest = dest)));
  const x = MARGIN.left + 22;
  doc.content.sources.forEach((source, i) => {
    const items: FlowItem[] = [];
    if (i > 0) items.push(space(14));
    const quotes = doc.quotes.filter((q) => q.docId === source.doc.id);
    const line = (text: string, style: TextStyle) => items.push(...lineItems(text, style, { x, width: MARGIN.left + CONTENT_WIDTH - x }));
    const number = `${i + 1}`;
    const entryStyle = styles.source;
    const entry = 'sha256' in source.doc ? formatReference(source.doc, doc.content.citationStyle ?? DEFAULT_CITATION_STYLE, firstSeenIn(doc.content, source.doc.id)) : source.doc.id;
    items.push(
      ...lineItems(entry, entryStyle, {
        x,
        width: MARGIN.left + CONTENT_WIDTH - x,
        decorate: (page, top, index) => {
          if (index === 0) doc.drawText(page, number, styles.noteLabel, MARGIN.left, baselineIn(entryStyle, top));
        },
      }),
    );
    if ('sha256' in source.doc) {
      const d = source.doc;
      line(`File ${d.id}`, styles.citation);
      line(`SHA-256 ${d.sha256}`, styles.citation);
    } else {
      line('No longer in the archive: its quotes are printed as recorded and cannot be checked against it.', styles.small);
    }
    items.push(...quoteList(doc, 'Quoted as ', quotes, styles.citation, x));
    if (source.text !== null) items.push(fullTextReference(doc, source.doc.id, x));
    items.slice(0, -1).forEach((item) => (item.keepWithNext = true));
    flow.push(...items);
  });
}

function fullTextReference(doc: DossierPdf, docId: string, x: number): FlowItem {
  const style = doc.styles.link;
  return {
    height: style.leading,
    draw: (page, top) => {
      const baseline = baselineIn(style, top);
      doc.later((pageNumberOf) => {
        const dest = doc.sourceDest.get(docId);
        if (!dest) return;
        const text = `Full text in the appendix, p. ${pageNumberOf(dest.page)}`;
        doc.drawText(page, text, style, x, baseline);
        addLink(doc.pdf, page, { x0: x - 1, y0: baseline - 3, x1: x + doc.width(text, style) + 1, y1: baseline + style.size }, dest);
      });
    },
  };
}
