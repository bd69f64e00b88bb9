import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../src/core/archive/document';
import { pageLocator, pagesOfSpan } from '../../../src/core/archive/page-numbers';
import { quoteCitation } from '../../../src/core/dossier/citation';
import type { DossierQuote } from '../../../src/core/dossier/model';
import { inProcessBuilder } from '../../../src/core/search/index-builder';
import { Workstation } from '../../../src/core/workstation';
import { collapseWhitespace } from '../../helpers/pdf-text';
import { readPdf } from '../../helpers/pdf-read';
import { tempDirs } from '../../helpers/temp-dir';
import { callApi } from '../../helpers/workstation';

/** Citeproc builds a style's engine in seconds of CPU; a loaded machine makes it more. */
const SLOW = 120_000;

describe('the pages a passage lies on', () => {
  // Three pages joined by a blank line, as the PDF reader joins them; the third has no text.
  const pages = [
    { start: 0, end: 10 },
    { start: 12, end: 30 },
    { start: 32, end: 32 },
    { start: 34, end: 50 },
  ];

  it('names the page a passage lies on, and the first and last of one that crosses pages', () => {
    expect(pagesOfSpan(pages, 2, 8)).toEqual({ first: 1, last: 1 });
    expect(pagesOfSpan(pages, 12, 30)).toEqual({ first: 2, last: 2 });
    expect(pagesOfSpan(pages, 5, 20)).toEqual({ first: 1, last: 2 });
    // An empty page in between is crossed, not cited as where the passage ends.
    expect(pagesOfSpan(pages, 25, 40)).toEqual({ first: 2, last: 4 });
  });

  it('takes the end as exclusive: a passage ending where a page ends lies on that page alone', () => {
    expect(pagesOfSpan(pages, 0, 10)).toEqual({ first: 1, last: 1 });
    expect(pagesOfSpan(pages, 8, 12)).toEqual({ first: 1, last: 1 });
    expect(pagesOfSpan(pages, 10, 13)).toEqual({ first: 2, last: 2 });
  });

  it('has no page for a source without pages, or for a passage in the gap between two pages', () => {
    expect(pagesOfSpan(null, 0, 5)).toBeNull();
    expect(pagesOfSpan(pages, 10, 12)).toBeNull();
    expect(pagesOfSpan(pages, 14, 14)).toEqual({ first: 2, last: 2 });
  });

  it('is written "p. N", or "pp. N–M" across pages', () => {
    expect(pageLocator({ first: 4, last: 4 })).toBe('p. 4');
    expect(pageLocator({ first: 4, last: 5 })).toBe('pp. 4–5');
  });
});

const SHA = 'c053a2981be6c2cd16b9797eb5e8a705c8ad307580a2523282bac05953e14746';

function pdfSummary(): DocumentSummary {
  return {
    id: 'reports/hearing.pdf',
    title: 'Hearing transcript',
    byline: null,
    date: null,
    sha256: SHA,
    sizeBytes: 1000,
    encoding: null,
    format: 'pdf',
    pages: [{ start: 0, end: 100 }],
    publisher: null,
    url: null,
    retrieved: null,
    language: null,
    dateline: null,
    boilerplate: [],
  };
}

function quote(fields: Partial<DossierQuote>): DossierQuote {
  return {
    number: 1,
    annotationId: 'a',
    docId: 'reports/hearing.pdf',
    quote: 'no comment',
    note: '',
    commentary: '',
    tags: [],
    color: 'yellow',
    author: '',
    status: 'anchored',
    start: 120,
    end: 130,
    paragraph: 7,
    pages: null,
    ...fields,
  };
}

describe("a quote's citation", () => {
  it('gives the page of a PDF before the paragraph, in the same words in both styles', () => {
    for (const style of ['chicago-author-date', 'apa'] as const) {
      const line = quoteCitation(pdfSummary(), quote({ pages: { first: 2, last: 2 } }), { style });
      expect(line.endsWith(` File reports/hearing.pdf, p. 2, ¶ 7, characters 120–130, SHA-256 ${SHA.slice(0, 16)}.`)).toBe(true);
    }
    expect(quoteCitation(pdfSummary(), quote({ pages: { first: 2, last: 3 } }), { style: 'apa' })).toContain('File reports/hearing.pdf, pp. 2–3, ¶ 7,');
  }, SLOW);

  it('gives no page where there is none (a text source, or no place to cite)', () => {
    const line = quoteCitation(pdfSummary(), quote({ pages: null }), { style: 'apa' });
    expect(line).toContain('File reports/hearing.pdf, ¶ 7, characters 120–130');
    expect(line).not.toMatch(/\bpp?\. \d/);
  }, SLOW);
});

/** Lines drawn on each page of a PDF made here, so the test knows which words are on which page. */
const PAGES = [
  ['Hearing of the commission, 12 January 2022.', 'The chair opened the session at ten.'],
  ['The witness said the square was cleared before noon.', 'Counsel asked who gave the order.'],
  ['The witness did not answer.', 'The session closed at six.'],
];
const ON_PAGE_2 = 'the square was cleared before noon';
const ACROSS_PAGES = 'Counsel asked who gave the order.\n\nThe witness did not answer.';

async function multiPagePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.setTitle('Hearing transcript');
  for (const lines of PAGES) {
    const page = pdf.addPage();
    lines.forEach((line, i) => page.drawText(line, { x: 50, y: 750 - i * 20, size: 12, font }));
  }
  return pdf.save();
}

describe('a dossier quoting a PDF', () => {
  const temp = tempDirs('casefile-page-citations-');
  let ws: Workstation;

  beforeAll(async () => {
    const archiveDir = await temp.make();
    await writeFile(path.join(archiveDir, 'hearing.pdf'), await multiPagePdf());
    ws = await Workstation.open({ archiveDir, dataDir: await temp.make(), now: () => new Date('2024-05-01T09:30:00Z'), indexBuilder: inProcessBuilder });
    await ws.annotations.annotateQuote({ docId: 'hearing.pdf', quote: ON_PAGE_2, note: 'Cleared.' });
    await ws.annotations.annotateQuote({ docId: 'hearing.pdf', quote: ACROSS_PAGES, note: 'No answer.' });
  }, SLOW);

  afterAll(async () => {
    await ws?.close();
    await temp.cleanup();
  });

  const exportAs = async (format: 'pdf' | 'md' | 'docx') =>
    Buffer.from((await callApi(ws, 'exportDossier', { dossier: null, format, signature: 'none' })).base64, 'base64');

  it('reads the PDF page by page, as the citations count them', async () => {
    const { document } = await callApi(ws, 'getDocument', { id: 'hearing.pdf' });
    expect(document.pages).toHaveLength(3);
    const second = document.pages![1];
    expect(document.text.slice(second.start, second.end)).toBe(PAGES[1].join('\n'));
  }, SLOW);

  it('cites "p. 2" and "pp. 2–3" in the PDF, Markdown and Word dossiers', async () => {
    const pdf = collapseWhitespace((await readPdf(await exportAs('pdf'))).pages.map((p) => p.text).join(' '));
    expect(pdf).toMatch(/File hearing\.pdf, p\. 2, ¶ \d+, characters/);
    expect(pdf).toMatch(/File hearing\.pdf, pp\. 2–3, ¶ \d+, characters/);

    const md = (await exportAs('md')).toString('utf8');
    expect(md).toMatch(/File `hearing\.pdf`, p\. 2, ¶ \d+, characters/);
    expect(md).toMatch(/File `hearing\.pdf`, pp\. 2–3, ¶ \d+, characters/);

    const footnotes = new TextDecoder().decode(unzipSync(await exportAs('docx'))['word/footnotes.xml']);
    expect(footnotes).toMatch(/File hearing\.pdf, p\. 2, ¶ \d+, characters/);
    expect(footnotes).toMatch(/File hearing\.pdf, pp\. 2–3, ¶ \d+, characters/);
  }, SLOW);

  it("names the page in verify's report of a quote that holds", async () => {
    const report = await ws.dossiers.verify(await exportAs('pdf'));
    expect('quotes' in report).toBe(true);
    const details = 'quotes' in report ? report.quotes.map((q) => ('detail' in q ? q.detail : `unlisted: ${q.text}`)) : [];
    expect(details).toEqual([expect.stringMatching(/characters \d+–\d+ \(p\. 2\) hold the quote/), expect.stringMatching(/characters \d+–\d+ \(pp\. 2–3\) hold the quote/)]);
  }, SLOW);
});
