import type { PDFPage } from 'pdf-lib';
import { quoteLocator, writtenDate } from './citation';
import { claimsSummary, writtenValue, type SectionBlock } from './claims-table';
import type { DossierPdf } from './pdf-document';
import { lineItems, printable, space, type FlowItem } from './pdf-flow';
import { baselineIn, CONTENT_WIDTH, INK, MARGIN, MUTED, PAGE, RULE, type TextStyle } from './pdf-style';
import { withEllipses } from './quote-ellipsis';
import { breakLines, measureWith } from './text-layout';

type ClaimsBlock = Extract<SectionBlock, { kind: 'claims' }>;
type Row = ClaimsBlock['rows'][number];

const GUTTER = 8;
const PAD = 5;
/** The columns, left to right; the claim's column stands where `verify` looks for a row's words (CLAIM_X). */
const WIDTHS = { value: 50, source: 88, date: 52, claim: 136 };
const COLUMNS = (() => {
  let x = MARGIN.left;
  const at = (width: number) => {
    const column = { x, width };
    x += width + GUTTER;
    return column;
  };
  const value = at(WIDTHS.value);
  const source = at(WIDTHS.source);
  const date = at(WIDTHS.date);
  const claim = at(WIDTHS.claim);
  return { value, source, date, claim, citation: { x, width: MARGIN.left + CONTENT_WIDTH - x } };
})();
type Column = keyof typeof COLUMNS;

/** Where the words of a claims table's row begin on the page: verify-printed.ts reads them there. */
export const CLAIM_X = COLUMNS.claim.x;

const HEADS: Record<Column, string> = { value: 'Value', source: 'Source', date: 'Date', claim: 'Claim (quoted)', citation: 'Citation' };

function tableStyles(doc: DossierPdf) {
  const { regular, bold } = doc.fonts;
  const s = (font: typeof regular, size: number, leading: number, color = INK): TextStyle => ({ font, size, leading, color });
  // The claim's words are set in a size no other cell uses, so a reader of the page can tell them apart.
  return {
    head: s(bold, 8, 11, MUTED),
    value: s(bold, 9.5, 13),
    source: s(regular, 9, 12.5),
    date: s(regular, 8.5, 12, MUTED),
    claim: s(regular, 9.75, 13.5),
    citation: s(regular, 7.5, 10.5, MUTED),
  };
}

/**
 * A claims table: a caption (the measure, how many claims, whether they disagree), the column heads
 * between rules, then one row per claim — its number in the margin as a quote's, the value, the
 * source's title, its date, the sentence quoted verbatim and the citation that lets it be checked.
 * A row never breaks across pages; the heads are drawn again over the rows continued on a new page.
 */
export function claimsTableItems(doc: DossierPdf, block: ClaimsBlock): FlowItem[] {
  const styles = tableStyles(doc);
  const caption = [
    ...lineItems(`Claims: ${block.measure}`, doc.styles.tocPart, { x: MARGIN.left, width: CONTENT_WIDTH }),
    ...lineItems(`${claimsSummary(block.rows)}.`, doc.styles.small, { x: MARGIN.left, width: CONTENT_WIDTH }),
    space(6),
  ];
  const heads = headItem(doc, styles.head);
  const continued = lineItems(`Claims: ${block.measure} (continued)`, doc.styles.smallBold, { x: MARGIN.left, width: CONTENT_WIDTH });
  const repeat: FlowItem = {
    height: continued[0].height + 4 + heads.height,
    draw: (page, top) => {
      continued[0].draw?.(page, top);
      heads.draw?.(page, top - continued[0].height - 4);
    },
  };
  const rows = block.rows.map((row, i) => ({ ...rowItem(doc, row, styles, i === block.rows.length - 1), repeat }));
  for (const item of [...caption, heads]) item.keepWithNext = true;
  return [...caption, heads, ...rows];
}

function headItem(doc: DossierPdf, style: TextStyle): FlowItem {
  const height = style.leading + 2 * 3;
  return {
    height,
    draw: (page, top) => {
      rule(page, top, 0.8, INK);
      for (const [column, text] of Object.entries(HEADS) as Array<[Column, string]>) {
        doc.drawText(page, text, style, COLUMNS[column].x, baselineIn(style, top - 3));
      }
      rule(page, top - height, 0.6, INK);
    },
  };
}

function rowItem(doc: DossierPdf, row: Row, styles: ReturnType<typeof tableStyles>, last: boolean): FlowItem {
  const source = doc.sources.get(row.docId);
  const cells: Record<Column, { text: string; style: TextStyle }> = {
    // Drawn first after the number: the words a reader of the page takes for the quote.
    claim: { text: withEllipses(row.quote, row.elided), style: styles.claim },
    value: { text: writtenValue(row.claim), style: styles.value },
    source: { text: row.claim.title || row.docId, style: styles.source },
    date: { text: row.claim.date ? writtenDate(row.claim.date) : 'undated', style: styles.date },
    citation: { text: quoteLocator(source?.doc ?? { id: row.docId }, row), style: styles.citation },
  };
  const laid = (Object.keys(cells) as Column[]).map((column) => {
    const { text, style } = cells[column];
    const flat = printable(text);
    return { column, style, lines: breakLines(flat, measureWith(style.font, style.size), COLUMNS[column].width).map((l) => flat.slice(l.start, l.end)) };
  });
  const height = Math.max(...laid.map((cell) => cell.lines.length * cell.style.leading)) + 2 * PAD;
  const number = `[${row.number}]`;
  return {
    height,
    draw: (page, top) => {
      const numberX = MARGIN.left - 7 - doc.width(number, doc.styles.number);
      // Every cell's first line stands on the claim's first baseline, the number beside it.
      const firstBaseline = baselineIn(styles.claim, top - PAD);
      doc.drawText(page, number, doc.styles.number, numberX, firstBaseline);
      doc.quoteDest.set(row.number, { page, top: Math.min(PAGE.height, top + 24) });
      doc.later(() => doc.linkText(page, numberX, firstBaseline, number, doc.styles.number, doc.appendixDest.get(row.number)));
      for (const { column, style, lines } of laid) {
        lines.forEach((line, i) => {
          if (line !== '') doc.drawText(page, line, style, COLUMNS[column].x, firstBaseline - i * style.leading);
        });
      }
      if (last) rule(page, top - height, 0.8, INK);
      else rule(page, top - height, 0.4, RULE);
    },
  };
}

function rule(page: PDFPage, y: number, thickness: number, color: typeof INK): void {
  page.drawLine({ start: { x: MARGIN.left, y }, end: { x: MARGIN.left + CONTENT_WIDTH, y }, thickness, color });
}
