import { readPdf } from './pdf-read';

/** What a reader of the PDF gets back out of it: the text of each page and the document information. */
export interface ExtractedPdf {
  /** Text of each page in reading order; items on one line are joined, lines end with "\n". */
  pages: string[];
  /** The document information dictionary (Title, Author, Producer, CreationDate, …). */
  info: Record<string, unknown>;
}

/** Reads a PDF with pdf.js (the legacy build, which runs in Node) and returns its text and metadata. */
export async function extractPdf(bytes: Uint8Array): Promise<ExtractedPdf> {
  const { pages, info } = await readPdf(bytes);
  return { pages: pages.map((page) => page.text), info };
}

/** Collapses every run of white space to one space and trims: line breaks of the layout do not count. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
