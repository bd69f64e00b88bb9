import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { CasefileError, errorMessage } from '../errors';
import type { TextSpan } from './document';
import { ReadLimitError, statedFrom, type Extracted } from './extracted';

/** A PDF stating more pages than this is not read (its page tree may be a few objects named a million times). */
export const MAX_PDF_PAGES = 10_000;
function statedPageCount(bytes: Uint8Array): number | null {
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  // The last /Root is the newest trailer's (or cross-reference stream's); an object's last definition is its newest.
  const root = lastMatch(source, /\/Root\s+(\d+)\s+(\d+)\s+R/g);
  const pages = root && lastMatch(objectSource(source, root[1], root[2]) ?? '', /\/Pages\s+(\d+)\s+(\d+)\s+R/g);
  const count = pages && lastMatch(objectSource(source, pages[1], pages[2]) ?? '', /\/Count\s+(\d+)/g);
  return count ? Number(count[1]) : null;
}

function lastMatch(source: string, pattern: RegExp): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) last = match;
  return last;
}

/** The text of an object's newest definition, up to its `endobj` (at most 64 KiB of it). */
function objectSource(source: string, number: string, generation: string): string | null {
  const start = lastMatch(source, new RegExp(`(?<![0-9])${number}\\s+${generation}\\s+obj\\b`, 'g'));
  if (!start) return null;
  const end = source.indexOf('endobj', start.index);
  return source.slice(start.index, end === -1 ? start.index + 65_536 : Math.min(end, start.index + 65_536));
}

/** pdf.js, loaded when first needed (it takes a while to load, and most archives have no PDF). */
const loadPdfjs = () => import('pdfjs-dist/legacy/build/pdf.mjs');

/** Loads what reading a file of this format needs, so that a caller timing the read can leave the loading out. */
export async function loadReader(format: string): Promise<void> {
  if (format !== 'pdf') return;
  // pdf.js loads the code of its worker (here on the same thread) with the first document: loaded now.
  const worker = new (await loadPdfjs()).PDFWorker({ verbosity: 0 });
  await worker.promise;
  worker.destroy();
}

/**
 * Opens a PDF with pdf.js as every reader of PDFs in Casefile does (no script evaluation, no font
 * loading, at most MAX_PDF_PAGES pages), hands it to `read`, and closes it again.
 */
export async function withPdf<T>(bytes: Uint8Array, read: (pdf: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const stated = statedPageCount(bytes);
  if (stated !== null && stated > MAX_PDF_PAGES) throw new ReadLimitError(`${stated} pages (more than ${MAX_PDF_PAGES})`);
  const pdfjs = await loadPdfjs();
  let pdf;
  try {
    pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (error) {
    throw new CasefileError('invalid-argument', `not a readable PDF (${errorMessage(error)})`);
  }
  try {
    // Again as pdf.js counts, for a page tree in an object stream.
    if (pdf.numPages > MAX_PDF_PAGES) throw new ReadLimitError(`${pdf.numPages} pages (more than ${MAX_PDF_PAGES})`);
    return await read(pdf);
  } finally {
    await pdf.destroy();
  }
}

export function extractPdf(bytes: Uint8Array): Promise<Extracted> {
  return withPdf(bytes, async (pdf) => {
    const info = (await pdf.getMetadata().catch(() => null))?.info as Record<string, unknown> | undefined;
    let text = '';
    const pages: TextSpan[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let pageText = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        pageText += item.str + (item.hasEOL ? '\n' : '');
      }
      pageText = pageText.replace(/[ \t]+\n/g, '\n').trim();
      if (text !== '') text += '\n\n';
      pages.push({ start: text.length, end: text.length + pageText.length });
      text += pageText;
    }
    return {
      text,
      encoding: null,
      stated: statedFrom({ title: info?.Title, author: info?.Author }),
      pages,
      note: null,
    };
  });
}
