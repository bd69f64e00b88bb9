import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
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

/**
 * pdf.js's character maps (without them CJK text in CID fonts comes out empty) and standard fonts,
 * read from the installed pdfjs-dist (a folder in Node: from source, tests and the built app alike).
 */
const pdfjsData = (() => {
  let folder: string | undefined;
  return () => {
    folder ??= path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    return { cMapUrl: `${path.join(folder, 'cmaps')}${path.sep}`, cMapPacked: true, standardFontDataUrl: `${path.join(folder, 'standard_fonts')}${path.sep}` };
  };
})();

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
    pdf = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      ...pdfjsData(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
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
    const unread: number[] = [];
    let firstError = '';
    for (let n = 1; n <= pdf.numPages; n++) {
      let pageText = '';
      try {
        const page = await pdf.getPage(n);
        pageText = pageTextOf((await page.getTextContent()).items);
      } catch (error) {
        // A broken page (a loop in the page tree) costs that page, not the file.
        unread.push(n);
        firstError ||= errorMessage(error);
      }
      if (text !== '') text += '\n\n';
      pages.push({ start: text.length, end: text.length + pageText.length });
      text += pageText;
    }
    if (unread.length > 0 && unread.length === pdf.numPages) throw new CasefileError('invalid-argument', `not a readable PDF (${firstError})`);
    return {
      text,
      encoding: null,
      stated: statedFrom({ title: info?.Title, author: info?.Author }),
      pages,
      note: unread.length === 0 ? null : `${pageList(unread)} of ${pdf.numPages} could not be read (${firstError})`,
    };
  });
}

function pageList(numbers: number[]): string {
  if (numbers.length === 1) return `page ${numbers[0]}`;
  return numbers.length <= 5 ? `pages ${numbers.join(', ')}` : `pages ${numbers.slice(0, 5).join(', ')} and ${numbers.length - 5} more`;
}

/** A page's text, line by line in reading order, with Arabic presentation forms replaced by the letters they show. */
function pageTextOf(items: Array<TextItem | TextMarkedContent>): string {
  const lines: string[] = [];
  let line: TextItem[] = [];
  for (const item of items) {
    if (!('str' in item)) continue;
    line.push(item);
    if (item.hasEOL) {
      lines.push(lineText(line));
      line = [];
    }
  }
  lines.push(lineText(line));
  return normalizePresentationForms(lines.join('\n').replace(/[ \t]+\n/g, '\n').trim());
}

/** Arabic presentation forms (contextual glyph shapes and ligatures): NFKC gives the letters. */
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]+/g;
function normalizePresentationForms(text: string): string {
  return text.replace(PRESENTATION_FORMS, (forms) => forms.normalize('NFKC'));
}

type Direction = 'ltr' | 'rtl' | 'neutral';

/** pdf.js says 'rtl' of an item mostly in a right-to-left script; spaces, digits and punctuation take their place from their neighbours. */
function directionOf(item: TextItem): Direction {
  if (item.dir === 'rtl') return 'rtl';
  return /\p{L}/u.test(item.str) ? 'ltr' : 'neutral';
}

/**
 * One line's text in logical order. pdf.js turns each item (a word, often) from the visual order
 * of the page into logical order, but leaves the items in the order they are drawn: left to right,
 * so the words of a right-to-left line come out last word first. A line with right-to-left text is
 * put in visual order (by position) and its runs reordered as the bidi algorithm would at item level.
 */
function lineText(items: TextItem[]): string {
  const directions = items.map(directionOf);
  if (!directions.includes('rtl')) return items.map((item) => item.str).join('');
  const horizontal = items.every((item) => item.transform[1] === 0 && item.transform[2] === 0);
  const order = items.map((item, index) => ({ item, direction: directions[index] as Direction }));
  if (horizontal) order.sort((a, b) => a.item.transform[4] - b.item.transform[4]);
  // The line reads in the direction most of its letters take (its first strong letter may lie at either end).
  const letters = (direction: Direction) => order.reduce((sum, o) => sum + (o.direction === direction ? o.item.str.length : 0), 0);
  const paragraph: Direction = letters('rtl') >= letters('ltr') ? 'rtl' : 'ltr';
  // Reverse the whole line if it reads right to left, then every run of the other direction back again.
  const visual = paragraph === 'rtl' ? order.reverse() : order;
  const other: Direction = paragraph === 'rtl' ? 'ltr' : 'rtl';
  const result: typeof order = [];
  for (let i = 0; i < visual.length; ) {
    if (visual[i]?.direction !== other) {
      result.push(visual[i] as (typeof order)[number]);
      i++;
      continue;
    }
    // The run: items of the other direction and the neutrals between them.
    let end = i + 1;
    for (let j = i + 1; j < visual.length; j++) {
      const direction = visual[j]?.direction;
      if (direction === other) end = j + 1;
      else if (direction !== 'neutral') break;
    }
    result.push(...visual.slice(i, end).reverse());
    i = end;
  }
  return result.map((o) => o.item.str).join('');
}
