import { LineCapStyle } from 'pdf-lib';
import { addLink, writeOutline, type OutlineEntry } from './pdf-annotations';
import type { ContentsEntry, DossierPdf } from './pdf-document';
import { lineItems, space, type FlowItem, type PlacedLine } from './pdf-flow';
import { baselineIn, CONTENT_WIDTH, MARGIN, MUTED } from './pdf-style';

const NUMBER_COLUMN = 22;
const SUB_INDENT = 14;
/** Room kept right of every entry for its leaders and page number. */
const PAGE_NUMBER_ROOM = 48;
const LEADER_STEP = 4;

/**
 * The table of contents, laid out once the body is (so every heading's page is known) and inserted
 * after the cover. Its own length does not depend on the numbers it prints, whose room is reserved,
 * so the numbers are drawn once every page exists.
 */
export function layoutContents(doc: DossierPdf): void {
  const flow = doc.insertingFlow(0);
  doc.startPart(flow, 'Contents');
  flow.push(...doc.headingItems(null, 'Contents', doc.styles.heading, () => undefined));
  doc.contents.forEach((entry, i) => {
    if (i > 0) flow.push(space(entry.number && doc.contents[i - 1].number ? 4 : 11));
    flow.push(...entryItems(doc, entry));
    for (const child of entry.children ?? []) {
      flow.push(space(2));
      flow.push(...entryItems(doc, child));
    }
  });
  flow.settle();
}

function entryItems(doc: DossierPdf, entry: ContentsEntry): FlowItem[] {
  const { styles } = doc;
  const style = entry.level === 1 ? styles.tocSub : entry.number ? styles.tocEntry : styles.tocPart;
  const numberStyle = entry.level === 1 ? styles.tocSub : styles.tocEntry;
  const x = MARGIN.left + NUMBER_COLUMN + (entry.level === 1 ? SUB_INDENT : 0);
  const right = MARGIN.left + CONTENT_WIDTH;
  const placed: PlacedLine[] = [];
  const items = lineItems(entry.title, style, {
    x,
    width: right - x - PAGE_NUMBER_ROOM,
    onPlace: (line) => placed.push(line),
    decorate: (page, top, index) => {
      if (index === 0 && entry.number) doc.drawText(page, entry.number, numberStyle, MARGIN.left, baselineIn(style, top));
    },
  });
  const last = items[items.length - 1];
  const drawLast = last.draw;
  last.draw = (page, top) => {
    drawLast?.(page, top);
    doc.later((pageNumberOf) => {
      if (!entry.dest) return;
      const end = placed[placed.length - 1];
      const number = String(pageNumberOf(entry.dest.page));
      doc.drawText(page, number, numberStyle, right - doc.width(number, numberStyle), end.baseline);
      // Leader dots on one grid down the page, ending a fixed distance before the numbers.
      const textEnd = end.x + doc.width(entry.title.slice(end.start, end.end), style);
      const lastDot = right - 30;
      const dots = Math.floor((lastDot - (textEnd + 6)) / LEADER_STEP);
      if (dots >= 1) {
        page.drawLine({
          start: { x: lastDot - dots * LEADER_STEP, y: end.baseline + 1 },
          end: { x: lastDot + 0.5, y: end.baseline + 1 }, // past the last dot, so rounding never drops it
          thickness: 0.9,
          dashArray: [0, LEADER_STEP],
          lineCap: LineCapStyle.Round,
          color: MUTED,
        });
      }
      const first = placed[0];
      addLink(doc.pdf, page, { x0: MARGIN.left, y0: end.baseline - style.size * 0.35, x1: right, y1: first.baseline + style.size }, entry.dest);
    });
  };
  items.slice(0, -1).forEach((item) => (item.keepWithNext = true));
  return items;
}

/** The same structure as the contents, as the document outline (bookmarks). */
export function writeContentsOutline(doc: DossierPdf): void {
  const toOutline = (entries: ContentsEntry[]): OutlineEntry[] =>
    entries.flatMap((entry) => (entry.dest ? [{ title: entry.title, dest: entry.dest, children: toOutline(entry.children ?? []) }] : []));
  writeOutline(doc.pdf, toOutline(doc.contents));
}
