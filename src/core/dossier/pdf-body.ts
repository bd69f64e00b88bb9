import type { PDFPage } from 'pdf-lib';
import { DEFAULT_CITATION_STYLE, firstSeenIn, quoteCitation, writtenDate } from './citation';
import { blocksOf } from './claims-table';
import type { CitedSource, DossierQuote } from './model';
import { claimsTableItems } from './pdf-claims';
import { addLink } from './pdf-annotations';
import { countOf, type DossierPdf } from './pdf-document';
import { keepLines, lineItems, space, type Flow, type FlowItem } from './pdf-flow';
import { baselineIn, CONTENT_WIDTH, HIGHLIGHT_RGB, INK, MARGIN, PAGE, QUOTE_INDENT, RULE } from './pdf-style';
import { withEllipses } from './quote-ellipsis';
import { breakLines, measureWith, paragraphRanges } from './text-layout';

export const METHOD_STATEMENT =
  'Method: every quote is reproduced verbatim from the archived source; each citation gives the file, the page (of a PDF), the paragraph, ' +
  'the character offsets and the file’s SHA-256, and the manifest attached to this PDF lets anyone check them ' +
  'with “casefile verify”.';

/** The cover: title, author, date, counts, and the method in one sentence. No running head, no folio. */
export function drawCover(doc: DossierPdf): void {
  const { content, styles } = doc;
  const page = doc.pdf.addPage([PAGE.width, PAGE.height]);
  const x = MARGIN.left;
  let y = PAGE.height - 200;
  const lines = (text: string, style: typeof styles.coverTitle) => {
    for (const line of breakLines(text, measureWith(style.font, style.size), CONTENT_WIDTH)) {
      doc.drawText(page, text.slice(line.start, line.end), style, x, baselineIn(style, y));
      y -= style.leading;
    }
  };
  lines('DOSSIER', styles.coverLabel);
  y -= 8;
  lines(content.title || 'Untitled dossier', styles.coverTitle);
  y -= 16;
  page.drawRectangle({ x, y: y - 1.5, width: 56, height: 1.5, color: INK });
  y -= 26;
  if (content.author) lines(`Prepared by ${content.author}`, styles.coverMeta);
  lines(writtenDate(content.date ?? content.created.toISOString()), styles.coverMeta);
  y -= 10;
  const sections = content.sections.length;
  lines(
    `${countOf(doc.quotes.length, 'quote')} from ${countOf(content.sources.length, 'source')}` +
      (sections > 1 ? `, in ${countOf(sections, 'section')}` : ''),
    { ...styles.coverMeta, color: styles.small.color },
  );

  // The method, at the foot of the page over a hairline.
  const method = styles.coverMethod;
  const methodLines = breakLines(METHOD_STATEMENT, measureWith(method.font, method.size), CONTENT_WIDTH);
  y = MARGIN.bottom + methodLines.length * method.leading + 14;
  page.drawLine({ start: { x, y }, end: { x: x + CONTENT_WIDTH, y }, thickness: 0.5, color: RULE });
  y -= 10;
  lines(METHOD_STATEMENT, method);
}

/** The introduction, if the dossier has one: its own part after the contents. */
export function layoutIntroduction(doc: DossierPdf, flow: Flow): void {
  const text = doc.content.introduction.trim();
  if (text === '') return;
  const entry = { title: 'Introduction', level: 0 as const };
  doc.contents.push(entry);
  doc.startPart(flow, 'Introduction');
  flow.push(...doc.headingItems(null, 'Introduction', doc.styles.heading, (dest) => Object.assign(entry, { dest })));
  paragraphRanges(text).forEach(({ start, end }, i) => {
    if (i > 0) flow.push(space(7));
    flow.push(...keepLines(lineItems(text, doc.styles.body, { x: MARGIN.left, width: CONTENT_WIDTH, from: start, to: end })));
  });
}

/** Each section on a new page: its heading, then its quotes as block quotes with notes and citations, and its claims tables. */
export function layoutSections(doc: DossierPdf, flow: Flow): void {
  const sections = doc.content.sections;
  sections.forEach((section, i) => {
    const title = section.heading.trim() || `Section ${i + 1}`;
    const entry = { title, level: 0 as const, number: `${i + 1}` };
    doc.contents.push(entry);
    doc.startPart(flow, title);
    const label = sections.length > 1 ? `Section ${i + 1} of ${sections.length}` : null;
    flow.push(...doc.headingItems(label, title, doc.styles.heading, (dest) => Object.assign(entry, { dest })));
    if (section.quotes.length === 0) {
      flow.push(...lineItems('This section holds no quotes.', doc.styles.note, { x: MARGIN.left, width: CONTENT_WIDTH }));
    }
    blocksOf(section.quotes).forEach((block, k) => {
      if (k > 0) flow.push({ ...space(20), keepWithNext: true });
      flow.push(...(block.kind === 'quote' ? quoteItems(doc, block.quote) : claimsTableItems(doc, block)));
    });
  });
}

/**
 * One quote: the words as a block quote with a bar in the highlight colour and the quote's number
 * beside it (so the colour never carries meaning alone), then the note, the dossier's commentary, the
 * tags, the citation and a link to the passage highlighted in the appendix.
 */
function quoteItems(doc: DossierPdf, quote: DossierQuote): FlowItem[] {
  const { styles } = doc;
  const x = MARGIN.left + QUOTE_INDENT;
  const width = CONTENT_WIDTH - QUOTE_INDENT;
  const bar = HIGHLIGHT_RGB[quote.color];
  const drawBar = (page: PDFPage, top: number, height: number) =>
    page.drawRectangle({ x: MARGIN.left, y: top - height, width: 2.8, height, color: bar });

  const number = `[${quote.number}]`;
  const numberX = MARGIN.left - 7 - doc.width(number, styles.number);
  let numbered: PDFPage | null = null;
  const drawNumber = (page: PDFPage, top: number) => {
    numbered = page;
    doc.drawText(page, number, styles.number, numberX, baselineIn(styles.quote, top));
  };
  // Each line has its piece of the bar; a quote continued on a new page gets its number again there.
  const decorate = (page: PDFPage, top: number) => {
    drawBar(page, top, styles.quote.leading);
    if (numbered !== page && top >= PAGE.height - MARGIN.top) drawNumber(page, top);
  };
  // "…" against the words at an end cut from inside a sentence; nothing else is added to the quote.
  const words = withEllipses(quote.quote, quote.elided);
  const lines: FlowItem[] = [];
  for (const { start, end } of paragraphRanges(words)) {
    if (lines.length > 0) lines.push(space(6, (page, top) => drawBar(page, top, 6)));
    lines.push(...lineItems(words, styles.quote, { x, width, from: start, to: end, decorate }));
  }
  if (lines.length === 0) lines.push(...lineItems(words, styles.quote, { x, width, decorate })); // white space only
  const first = lines[0];
  const drawFirst = first.draw;
  first.draw = (page, top) => {
    drawNumber(page, top);
    const baseline = baselineIn(styles.quote, top);
    doc.quoteDest.set(quote.number, { page, top: Math.min(PAGE.height, top + 24) });
    doc.later(() => doc.linkText(page, numberX, baseline, number, styles.number, doc.appendixDest.get(quote.number)));
    drawFirst?.(page, top);
  };
  keepLines(lines);

  const source = doc.sources.get(quote.docId);
  const tail: FlowItem[] = [space(7)];
  if (quote.note.trim() !== '') tail.push(...doc.labelledItems('Note:', quote.note.trim(), styles.noteLabel, styles.note, x, width));
  if (quote.commentary.trim() !== '') {
    tail.push(space(4));
    tail.push(...doc.labelledItems('Dossier commentary:', quote.commentary.trim(), styles.noteLabel, styles.body, x, width));
  }
  tail.push(space(4));
  if (quote.tags.length > 0) tail.push(...doc.labelledItems('Tags:', quote.tags.join(', '), styles.smallBold, styles.small, x, width));
  const style = doc.content.citationStyle ?? DEFAULT_CITATION_STYLE;
  tail.push(...lineItems(quoteCitation(source?.doc ?? { id: quote.docId }, quote, { style, firstSeen: firstSeenIn(doc.content, quote.docId) }), styles.citation, { x, width }));
  tail.push(appendixReference(doc, quote, source, x));

  lines[lines.length - 1].keepWithNext = true;
  tail.slice(0, -1).forEach((item) => (item.keepWithNext = true));
  return [...lines, ...tail];
}

/** "Highlighted in the full text of the source, p. N" (a link), or why the appendix cannot show it. */
function appendixReference(doc: DossierPdf, quote: DossierQuote, source: CitedSource | undefined, x: number): FlowItem {
  const { styles } = doc;
  const style = styles.link;
  return {
    height: style.leading,
    draw: (page, top) => {
      const baseline = baselineIn(style, top);
      if (doc.placeInSource(quote) === null) {
        const why =
          !source || source.text === null
            ? 'Not in the appendix: the source is no longer in the archive.'
            : 'Not highlighted in the appendix: no verified place in the current source.';
        doc.drawText(page, why, styles.citation, x, baseline);
        return;
      }
      doc.later((pageNumberOf) => {
        const dest = doc.appendixDest.get(quote.number);
        if (!dest) return;
        const text = `Highlighted in the full text of the source, p. ${pageNumberOf(dest.page)}`;
        doc.drawText(page, text, style, x, baseline);
        const width = doc.width(text, style);
        addLink(doc.pdf, page, { x0: x - 1, y0: baseline - 3, x1: x + width + 1, y1: baseline + style.size }, dest);
      });
    },
  };
}
