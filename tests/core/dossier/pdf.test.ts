import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnchoredAnnotation } from '../../../src/core/annotations/model';
import { Workstation } from '../../../src/core/workstation';
import { ARCHIVE_DIR, archiveFile } from '../../helpers/archive-files';
import { collapseWhitespace, extractPdf, type ExtractedPdf } from '../../helpers/pdf-text';
import { tempDirs } from '../../helpers/temp-dir';

const temp = tempDirs('casefile-pdf-');
const CREATED = new Date(Date.UTC(2024, 4, 1, 9, 30, 0));
const TITLE = 'Kazakhstan, January 2022 — what the witnesses said';
const AUTHOR = 'Ainur Qasymova';
const TYPOGRAPHIC_QUOTE = '“It’s unfathomable. I can’t understand. How is this possible?”';

let ws: Workstation;
let annotations: AnchoredAnnotation[];
let bytes: Uint8Array;
let pdf: ExtractedPdf;
/** Each page's text with all white space collapsed: line breaks of the layout do not count. */
let pages: string[];
let allText: string;

beforeAll(async () => {
  ws = await Workstation.open({ archiveDir: ARCHIVE_DIR, dataDir: await temp.make(), now: () => CREATED });
  const doc004 = archiveFile('004_').name;
  const doc003 = (await ws.getDocument(archiveFile('003_').name)).document;
  // A long passage over three paragraphs of 003: it wraps over many lines and keeps its line breaks.
  const [, , third, , fifth] = doc003.paragraphs;
  const longStart = third.start;
  const longEnd = fifth.end;
  expect(doc003.text.slice(longStart, longEnd)).toContain('\n');

  annotations = [
    await ws.annotateQuote({ docId: doc004, quote: TYPOGRAPHIC_QUOTE, note: 'A witness’s disbelief.', tags: ['witness', 'Almaty'] }),
    await ws.createAnnotation({ docId: doc003.id, start: longStart, end: longEnd, note: 'How it spread.', color: 'blue' }),
    await ws.annotateQuote({ docId: doc003.id, quote: 'Zhanaozen', occurrence: 2, color: 'pink' }),
  ];
  bytes = await ws.exportDossierPdf({ title: TITLE, author: AUTHOR });
  pdf = await extractPdf(bytes);
  pages = pdf.pages.map(collapseWhitespace);
  allText = pages.join(' ');
});

afterAll(temp.cleanup);

describe('the dossier PDF', () => {
  it('is a PDF', () => {
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });

  it('reproduces every quote verbatim, typographic quotes and apostrophes included', () => {
    for (const a of annotations) expect(allText).toContain(collapseWhitespace(a.target.quote.exact));
    expect(allText).toContain(TYPOGRAPHIC_QUOTE);
  });

  it('wraps the long quote over several lines, losing none of its words', () => {
    const long = collapseWhitespace(annotations[1].target.quote.exact);
    const lines = pdf.pages.flatMap((page) => page.split('\n'));
    expect(lines.some((line) => collapseWhitespace(line) === long)).toBe(false);
    const firstWords = long.split(' ').slice(0, 3).join(' ');
    const lastWords = long.split(' ').slice(-3).join(' ');
    const firstLine = lines.findIndex((line) => line.includes(firstWords));
    const lastLine = lines.findIndex((line) => line.includes(lastWords));
    expect(firstLine).toBeGreaterThanOrEqual(0);
    expect(lastLine - firstLine).toBeGreaterThanOrEqual(4);
    expect(allText).toContain(long);
  });

  it('prints each note and the tags', () => {
    for (const a of annotations) if (a.note) expect(allText).toContain(a.note);
    expect(allText).toContain('Tags: witness, Almaty');
  });

  it('cites each quote by file, characters START–END and the first 16 hex digits of the file’s SHA-256', async () => {
    const citations = allText.split('Source: ').slice(1);
    expect(citations).toHaveLength(annotations.length);
    for (const a of annotations) {
      const doc = (await ws.getDocument(a.target.docId)).document;
      const citation = citations.find((c) => c.includes(`characters ${a.current?.start}–${a.current?.end}`));
      expect(citation, `citation of ${a.target.docId} ${a.current?.start}–${a.current?.end}`).toBeDefined();
      expect(citation).toContain(`file ${doc.id}`);
      expect(citation).toContain(doc.sha256.slice(0, 16));
    }
  });

  it('gives each citation the paragraph the quote begins in', async () => {
    for (const a of annotations) {
      const doc = (await ws.getDocument(a.target.docId)).document;
      const paragraph = doc.paragraphs.findIndex((p) => (a.current?.start ?? -1) >= p.start && (a.current?.start ?? -1) < p.end) + 1;
      expect(paragraph).toBeGreaterThan(0);
      expect(allText).toContain(`file ${doc.id}, ¶ ${paragraph}, characters ${a.current?.start}–${a.current?.end}`);
    }
  });

  it('names each source by title and full SHA-256', async () => {
    for (const id of new Set(annotations.map((a) => a.target.docId))) {
      const doc = (await ws.getDocument(id)).document;
      expect(allText).toContain(collapseWhitespace(doc.title));
      expect(allText).toContain(doc.sha256);
    }
  });

  it('carries title, author, producer and creation date in its metadata', () => {
    expect(pdf.info.Title).toBe(TITLE);
    expect(pdf.info.Author).toBe(AUTHOR);
    expect(String(pdf.info.Producer)).toContain('Casefile');
    expect(pdf.info.CreationDate).toBe('D:20240501093000Z');
  });

  it('has a cover page with title and author, and the sources on further pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]).toContain(TITLE);
    expect(pages[0]).toContain(`Prepared by ${AUTHOR}`);
    expect(pages[0]).toContain(`${annotations.length} quotes from 2 sources`);
    expect(pages[0]).not.toContain('Source: ');
  });

  it('numbers every page but the cover “Page N of M”', () => {
    const total = pages.length;
    expect(pages[0]).not.toMatch(/Page \d+ of \d+/);
    pages.slice(1).forEach((text, i) => {
      expect(text).toContain(`Page ${i + 2} of ${total}`);
    });
  });
});
