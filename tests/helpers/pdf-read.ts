import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';

/** A run of text as pdf.js extracts it, with its place: x and baseline y of its start, its width. */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** The fields of a pdf.js annotation these tests read. */
export interface PdfAnnotation {
  id: string;
  subtype: string;
  rect: number[];
  color: Uint8ClampedArray | null;
  opacity?: number;
  contentsObj?: { str: string };
  titleObj?: { str: string };
  quadPoints?: Float32Array;
  popupRef?: string | null;
  /** A popup's: its parent's rectangle (pdf.js resolves /Parent). */
  parentRect?: number[] | null;
  open?: boolean;
  overlaidText?: string;
  hasAppearance?: boolean;
  dest?: unknown;
  /** For a link with an explicit destination: the 1-based page it leads to, and the height shown at the top. */
  destPage?: number;
  destTop?: number | null;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  /** Items on one line joined, lines ending with "\n". */
  text: string;
  items: PdfTextItem[];
  annotations: PdfAnnotation[];
}

export interface PdfOutlineNode {
  title: string;
  page: number;
  top: number | null;
  children: PdfOutlineNode[];
}

export interface ReadPdf {
  pages: PdfPage[];
  info: Record<string, unknown>;
  outline: PdfOutlineNode[];
  attachments: Record<string, { content: Uint8Array; description: string }>;
}

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return 'str' in item;
}

async function resolveDest(pdf: PDFDocumentProxy, dest: unknown): Promise<{ page: number; top: number | null } | null> {
  const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
  if (!Array.isArray(explicit) || explicit.length < 2) return null;
  const ref = explicit[0] as { num: number; gen: number };
  const page = (await pdf.getPageIndex(ref)) + 1;
  const top = typeof explicit[3] === 'number' ? explicit[3] : null;
  return { page, top };
}

/** Reads everything a viewer shows of a PDF with pdf.js (the legacy build, which runs in Node). */
export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  // pdf.js takes ownership of (detaches) the buffer it is given, so hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 });
  const pdf = await task.promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      let text = '';
      let lastY: number | null = null;
      for (const item of content.items) {
        if (!isTextItem(item)) continue;
        const y = Number(item.transform[5]);
        items.push({ str: item.str, x: Number(item.transform[4]), y, width: item.width, size: Math.abs(Number(item.transform[0])) });
        if (lastY !== null && Math.abs(y - lastY) > 0.5 && !text.endsWith('\n')) text += '\n';
        text += item.str;
        if (item.hasEOL) text += '\n';
        lastY = y;
      }
      const annotations = (await page.getAnnotations()) as PdfAnnotation[];
      for (const annotation of annotations) {
        if (annotation.subtype !== 'Link' || !annotation.dest) continue;
        const resolved = await resolveDest(pdf, annotation.dest);
        if (resolved) {
          annotation.destPage = resolved.page;
          annotation.destTop = resolved.top;
        }
      }
      pages.push({ number: n, text: text.endsWith('\n') || text === '' ? text : `${text}\n`, items, annotations });
      page.cleanup();
    }
    const { info } = await pdf.getMetadata();
    const readOutline = async (nodes: Array<{ title: string; dest: unknown; items: unknown[] }> | null): Promise<PdfOutlineNode[]> => {
      const out: PdfOutlineNode[] = [];
      for (const node of nodes ?? []) {
        const dest = await resolveDest(pdf, node.dest);
        out.push({
          title: node.title,
          page: dest?.page ?? -1,
          top: dest?.top ?? null,
          children: await readOutline(node.items as Array<{ title: string; dest: unknown; items: unknown[] }>),
        });
      }
      return out;
    };
    const outline = await readOutline(await pdf.getOutline());
    const attachments = ((await pdf.getAttachments()) ?? {}) as ReadPdf['attachments'];
    return { pages, info: { ...(info as Record<string, unknown>) }, outline, attachments };
  } finally {
    await task.destroy();
  }
}

/** A quad of /QuadPoints as a box: left, right, bottom, top. */
export interface QuadBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The boxes of an annotation's quad points, checking each is ordered top-left, top-right, bottom-left, bottom-right. */
export function quadBoxes(quadPoints: ArrayLike<number>): QuadBox[] {
  const boxes: QuadBox[] = [];
  for (let i = 0; i + 8 <= quadPoints.length; i += 8) {
    const [x1, y1, x2, y2, x3, y3, x4, y4] = Array.from(quadPoints).slice(i, i + 8);
    if (!(y1 === y2 && y3 === y4 && y1 > y3 && x1 === x3 && x2 === x4 && x2 > x1)) {
      throw new Error(`quad ${i / 8} is not ordered top-left, top-right, bottom-left, bottom-right: ${[x1, y1, x2, y2, x3, y3, x4, y4].join(' ')}`);
    }
    boxes.push({ x0: x1, x1: x2, y0: y3, y1: y1 });
  }
  return boxes;
}
