import type { WebCapture } from './web-archive';

/** A source article as Casefile sees it. All offsets anywhere in Casefile refer to `text`. */
export interface ArchiveDocument {
  /**
   * Path relative to the archive root with `/` separators: stable, readable, what a citation names.
   * A capture inside a web archive is `file#record-id` (`crawl.warc.gz#urn:uuid:…`; see web-archive.ts).
   */
  id: string;
  title: string;
  byline: string | null;
  date: DocumentDate | null;
  /** Normalized text: line endings unified to `\n`, Unicode NFC, nothing else changed. */
  text: string;
  /** Each non-empty line is a paragraph (the archive's articles put one paragraph per line). */
  paragraphs: TextSpan[];
  /** SHA-256 (hex) of the file's bytes as stored in the archive (of a capture: its body as served). */
  sha256: string;
  sizeBytes: number;
  /** How the bytes were decoded: "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "windows-1251", "KOI8-R", … (null for PDF/Word) */
  encoding: string | null;
  /** The file's format, by extension: txt, md, html, htm, pdf, docx; a capture's by its media type (html, pdf, txt). */
  format: string;
  /** For a PDF, each page's span of the text, so a citation can name the page; null otherwise. */
  pages: TextSpan[] | null;
  /** Publisher or outlet, source URL, retrieval date and language, when stated or detected. */
  publisher: string | null;
  url: string | null;
  retrieved: DocumentDate | null;
  language: string | null;
  /** A news dateline such as "ALMATY, Kazakhstan". */
  dateline: string | null;
  /** For a page or PDF captured in a web archive (WARC, WACZ): where and when it was captured (absent otherwise). */
  capture?: WebCapture;
  /** Paragraphs that are web boilerplate ("Read More: …", "Share This Article"): dimmed, not indexed. */
  boilerplate: TextSpan[];
}

export interface TextSpan {
  start: number;
  end: number;
}

export interface DocumentDate {
  /** As written in the source. */
  text: string;
  /** Calendar date, YYYY-MM-DD. */
  iso: string;
}

/** What crosses to the UI in lists: a document without its text. */
export type DocumentSummary = Omit<ArchiveDocument, 'text' | 'paragraphs'>;

export function summarize(doc: ArchiveDocument): DocumentSummary {
  const { text: _text, paragraphs: _paragraphs, ...summary } = doc;
  return summary;
}

/** Unify line endings and compose to NFC; nothing else is touched (typographic quotes stay). */
export function normalizeText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').normalize('NFC');
}

export function splitParagraphs(text: string): TextSpan[] {
  const paragraphs: TextSpan[] = [];
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      const line = text.slice(lineStart, i);
      const lead = line.length - line.trimStart().length;
      const trail = line.length - line.trimEnd().length;
      if (line.trim().length > 0) paragraphs.push({ start: lineStart + lead, end: i - trail });
      lineStart = i + 1;
    }
  }
  return paragraphs;
}

/** Index of the paragraph containing `offset` (1-based, as printed in citations), or null. */
export function paragraphNumberAt(doc: Pick<ArchiveDocument, 'paragraphs'>, offset: number): number | null {
  const index = doc.paragraphs.findIndex((p) => offset >= p.start && offset < p.end);
  return index === -1 ? null : index + 1;
}
