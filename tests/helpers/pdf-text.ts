import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';

/** What a reader of the PDF gets back out of it: the text of each page and the document information. */
export interface ExtractedPdf {
  /** Text of each page in reading order; items on one line are joined, lines end with "\n". */
  pages: string[];
  /** The document information dictionary (Title, Author, Producer, CreationDate, …). */
  info: Record<string, unknown>;
}

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return 'str' in item;
}

/** Reads a PDF with pdf.js (the legacy build, which runs in Node) and returns its text and metadata. */
export async function extractPdf(bytes: Uint8Array): Promise<ExtractedPdf> {
  // pdf.js takes ownership of (detaches) the buffer it is given, so hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 });
  const pdf = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      let lastY: number | null = null;
      for (const item of content.items) {
        if (!isTextItem(item)) continue;
        const y = Number(item.transform[5]);
        if (lastY !== null && Math.abs(y - lastY) > 0.5 && !text.endsWith('\n')) text += '\n';
        text += item.str;
        if (item.hasEOL) text += '\n';
        lastY = y;
      }
      pages.push(text.endsWith('\n') || text === '' ? text : `${text}\n`);
      page.cleanup();
    }
    const { info } = await pdf.getMetadata();
    return { pages, info: { ...(info as Record<string, unknown>) } };
  } finally {
    await task.destroy();
  }
}

/** Collapses every run of white space to one space and trims: line breaks of the layout do not count. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
