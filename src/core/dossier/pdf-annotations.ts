import { PDFHexString, PDFName, PDFString, type PDFDocument, type PDFPage, type PDFRef, type RGB } from 'pdf-lib';

/** A place to jump to: a page and the height on it that should show at the top of the window. */
export interface Destination {
  page: PDFPage;
  top: number;
}

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One line's part of a highlighted passage: a box over the characters. */
export interface Quad {
  x0: number;
  x1: number;
  bottom: number;
  top: number;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** An explicit destination: [page /XYZ left top zoom], keeping the reader's zoom. */
function destinationArray(pdf: PDFDocument, dest: Destination) {
  return pdf.context.obj([dest.page.ref, PDFName.of('XYZ'), null, round(dest.top), null]);
}

/** Adds an annotation to the page's /Annots array, appending to whatever it holds already. */
function addToPage(page: PDFPage, ref: PDFRef): void {
  page.node.addAnnot(ref);
}

/** An invisible link over `rect` that jumps to `dest`. */
export function addLink(pdf: PDFDocument, page: PDFPage, rect: Rect, dest: Destination): void {
  const link = pdf.context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: [round(rect.x0), round(rect.y0), round(rect.x1), round(rect.y1)],
    Border: [0, 0, 0],
    F: 4,
    H: 'I',
    Dest: destinationArray(pdf, dest),
  });
  addToPage(page, pdf.context.register(link));
}

export interface HighlightSpec {
  quads: Quad[];
  color: RGB;
  opacity: number;
  /** The note (and commentary): what annotation panels show. */
  contents: string;
  author: string;
  /** Unique in the document (/NM). */
  name: string;
  subject: string;
  date: Date;
}

/**
 * A native text-markup Highlight: /QuadPoints over the quoted characters (one quad per line, each
 * top-left, top-right, bottom-left, bottom-right as Acrobat writes them), its colour and opacity, the
 * note as /Contents with a closed /Popup, and an appearance stream (the quads filled with the colour,
 * multiplied over the text) for viewers that draw only what the file holds.
 */
export function addHighlight(pdf: PDFDocument, page: PDFPage, spec: HighlightSpec): void {
  const { context } = pdf;
  const quads = spec.quads.map((q) => ({ x0: round(q.x0), x1: round(q.x1), bottom: round(q.bottom), top: round(q.top) }));
  const rect = [
    Math.min(...quads.map((q) => q.x0)),
    Math.min(...quads.map((q) => q.bottom)),
    Math.max(...quads.map((q) => q.x1)),
    Math.max(...quads.map((q) => q.top)),
  ];
  const color = [round(spec.color.red), round(spec.color.green), round(spec.color.blue)];
  const fill = quads.map((q) => `${q.x0} ${q.bottom} ${round(q.x1 - q.x0)} ${round(q.top - q.bottom)} re`).join('\n');
  const appearance = context.register(
    context.stream(`/GS0 gs\n${color.join(' ')} rg\n${fill}\nf\n`, {
      Type: 'XObject',
      Subtype: 'Form',
      FormType: 1,
      BBox: rect,
      Resources: { ExtGState: { GS0: { Type: 'ExtGState', BM: 'Multiply', ca: spec.opacity, CA: spec.opacity } } },
    }),
  );
  const highlightRef = context.nextRef();
  const date = PDFString.fromDate(spec.date);
  const popupRef = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Popup',
      Rect: [round(page.getWidth() - 230), round(rect[3] - 120), round(page.getWidth() - 20), rect[3]],
      Parent: highlightRef,
      Open: false,
      F: 28,
    }),
  );
  const highlight = context.obj({
    Type: 'Annot',
    Subtype: 'Highlight',
    Rect: rect,
    QuadPoints: quads.flatMap((q) => [q.x0, q.top, q.x1, q.top, q.x0, q.bottom, q.x1, q.bottom]),
    C: color,
    CA: spec.opacity,
    Contents: PDFHexString.fromText(spec.contents),
    T: PDFHexString.fromText(spec.author),
    Subj: PDFHexString.fromText(spec.subject),
    NM: PDFHexString.fromText(spec.name),
    M: date,
    CreationDate: date,
    F: 4,
    P: page.ref,
    Popup: popupRef,
    AP: { N: appearance },
  });
  context.assign(highlightRef, highlight);
  addToPage(page, highlightRef);
  addToPage(page, popupRef);
}

/** An entry of the document outline (the bookmarks in a viewer's sidebar). */
export interface OutlineEntry {
  title: string;
  dest: Destination;
  children?: OutlineEntry[];
}

/** Writes the outline: /Outlines with /First /Last /Count, each item with /Parent /Prev /Next /Dest. */
export function writeOutline(pdf: PDFDocument, entries: OutlineEntry[]): void {
  if (entries.length === 0) return;
  const { context } = pdf;
  const rootRef = context.nextRef();
  const writeLevel = (level: OutlineEntry[], parent: PDFRef): { first: PDFRef; last: PDFRef; visible: number } => {
    const refs = level.map(() => context.nextRef());
    let visible = level.length;
    level.forEach((entry, i) => {
      const item = context.obj({
        Title: PDFHexString.fromText(entry.title),
        Parent: parent,
        Dest: destinationArray(pdf, entry.dest),
      });
      if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]);
      if (i < level.length - 1) item.set(PDFName.of('Next'), refs[i + 1]);
      if (entry.children && entry.children.length > 0) {
        const kids = writeLevel(entry.children, refs[i]);
        item.set(PDFName.of('First'), kids.first);
        item.set(PDFName.of('Last'), kids.last);
        item.set(PDFName.of('Count'), context.obj(kids.visible)); // open: its children show
        visible += kids.visible;
      }
      context.assign(refs[i], item);
    });
    return { first: refs[0], last: refs[refs.length - 1], visible };
  };
  const top = writeLevel(entries, rootRef);
  context.assign(rootRef, context.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: top.visible }));
  pdf.catalog.set(PDFName.of('Outlines'), rootRef);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
