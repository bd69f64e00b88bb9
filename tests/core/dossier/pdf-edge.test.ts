import { createHash, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../../src/core/archive/document';
import type { HighlightColor } from '../../../src/core/annotations/model';
import { loadDossierFonts } from '../../../src/core/dossier/fonts';
import type { CitedSource, DossierContent, DossierQuote } from '../../../src/core/dossier/model';
import { MARGIN, PAGE } from '../../../src/core/dossier/pdf-style';
import { writeDossierPdf } from '../../../src/core/dossier/pdf-writer';
import { collapseWhitespace } from '../../helpers/pdf-text';
import { readPdf, type PdfAnnotation, type ReadPdf } from '../../helpers/pdf-read';

const CREATED = new Date(Date.UTC(2024, 5, 3, 12, 0, 0));

function source(id: string, text: string): CitedSource {
  return {
    doc: { id, title: text.split('\n')[0], byline: null, date: null, sha256: createHash('sha256').update(text).digest('hex'), sizeBytes: text.length, encoding: 'UTF-8', format: 'txt', pages: null, publisher: null, url: null, retrieved: null, language: null, dateline: null, boilerplate: [] },
    text,
    paragraphs: splitParagraphs(text),
  };
}

let numbered = 0;
function quote(docId: string, text: string | null, exact: string, fields: Partial<DossierQuote> = {}): DossierQuote {
  const start = text === null ? null : text.indexOf(exact);
  if (start === -1) throw new Error(`not in the text: ${exact}`);
  return {
    number: ++numbered,
    annotationId: randomUUID(),
    docId,
    quote: exact,
    note: `Note ${numbered}.`,
    commentary: '',
    tags: [],
    color: 'yellow' as HighlightColor,
    author: '',
    status: 'anchored',
    start,
    end: start === null ? null : start + exact.length,
    paragraph: null,
    pages: null,
    ...fields,
  };
}

const sentence = (i: number) => `Sentence ${i} of the long report says what the witness number ${i} saw on the square that morning.`;
/** Sixty paragraphs: several pages of appendix. */
const LONG = ['A long report from the square', ...Array.from({ length: 60 }, (_, i) => `${sentence(2 * i)} ${sentence(2 * i + 1)}`)].join('\n\n');
const URL_TOKEN = `https://example.org/${'very-long-path-segment/'.repeat(12)}end`;
const ODD = `Odd characters\n\nA tab\there, a link ${URL_TOKEN} and a closing word.\n\nLast paragraph.`;

describe('a dossier with every awkward case', () => {
  let pdf: ReadPdf;
  let content: DossierContent;
  let crossing: DossierQuote;
  let twice: DossierQuote;

  beforeAll(async () => {
    numbered = 0;
    const long = source('long.txt', LONG);
    const odd = source('odd.txt', ODD);
    const gone: CitedSource = { doc: { id: 'gone/removed.txt' }, text: null, paragraphs: null };
    // A passage from paragraph 25 to 35: it must cross a page break of the appendix.
    crossing = quote('long.txt', LONG, LONG.slice(LONG.indexOf(sentence(20)), LONG.indexOf(sentence(100)) + sentence(100).length), { color: 'blue' });
    twice = quote('long.txt', LONG, sentence(3), { color: 'green', tags: ['repeated'] });
    const sections = [
      {
        heading: 'Places that cannot be cited',
        quotes: [
          quote('long.txt', null, 'words no longer in the report', { status: 'orphaned', start: null, end: null }),
          quote('long.txt', null, 'a passage awaiting review', { status: 'fuzzy', start: null, end: null }),
          { ...quote('long.txt', LONG, sentence(9)), status: 'moved' as const },
          quote('gone/removed.txt', null, 'a quote from an article since removed', { status: 'orphaned', start: null, end: null }),
        ],
      },
      { heading: '', quotes: [crossing, twice, quote('odd.txt', ODD, `tab\there, a link ${URL_TOKEN}`), quote('odd.txt', ODD, 'Last paragraph.')] },
      { heading: 'Nothing yet', quotes: [] },
      { heading: 'The same annotation again', quotes: [{ ...twice }] },
    ];
    // Numbered in dossier order, as the content builder does; each note names its number.
    sections.flatMap((s) => s.quotes).forEach((q, i) => Object.assign(q, { number: i + 1, note: `Note ${i + 1}.` }));
    content = { title: 'Edge cases', author: '', date: null, introduction: '', created: CREATED, sections, sources: [long, gone, odd] };
    pdf = await readPdf(await writeDossierPdf(content, await loadDossierFonts()));
  });

  const text = () => pdf.pages.map((p) => collapseWhitespace(p.text)).join(' ');
  const allHighlights = () => pdf.pages.flatMap((p) => p.annotations.filter((a) => a.subtype === 'Highlight').map((a) => ({ page: p.number, a })));

  it('has no introduction entry and no author line when there are none', () => {
    expect(pdf.outline.map((o) => o.title)).toEqual(['Places that cannot be cited', 'Section 2', 'Nothing yet', 'The same annotation again', 'Sources', 'Bibliography']);
    expect(text()).not.toContain('Prepared by');
    expect(collapseWhitespace(pdf.pages[0].text)).toContain('June 3, 2024'); // no date set: the day it was made
  });

  it('says in words why a quote has no place: not found, needs review, moved, source gone', () => {
    expect(text()).toContain('Not found in the current source: quoted as recorded.');
    expect(text()).toContain('Needs review: the source was edited since the note was taken');
    expect(text()).toContain('Moved: the source was edited since the note was taken; the quote was found at the offsets given.');
    expect(text()).toContain('Not highlighted in the appendix: no verified place in the current source.');
    expect(text()).toContain('Not in the appendix: the source is no longer in the archive.');
    expect(text()).toContain('This article is no longer in the archive, so its text cannot be shown here.');
    expect(text()).toContain('No longer in the archive: its quotes are printed as recorded and cannot be checked against it.');
  });

  it('prints an empty section as such', () => {
    expect(text()).toContain('Nothing yet This section holds no quotes.');
  });

  it('highlights only quotes with a place, the moved one included', () => {
    const highlighted = new Set(allHighlights().map(({ a }) => a.contentsObj?.str));
    expect(highlighted).toEqual(new Set(['Note 3.', 'Note 5.', 'Note 6.', 'Note 7.', 'Note 8.', 'Note 9.']));
  });

  it('splits a passage over a page break into one highlight per page, named after the one annotation', async () => {
    const parts = allHighlights().filter(({ a }) => a.contentsObj?.str === 'Note 5.');
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.map((p) => p.page)).toEqual(parts.map((_, i) => parts[0].page + i));
    const under = parts.map(({ a }) => collapseWhitespace(a.overlaidText ?? '')).join(' ');
    expect(under).toBe(collapseWhitespace(crossing.quote));
  });

  it('repeats a long quote’s number in the margin of every page it continues on', () => {
    const appendix = pdf.outline.find((o) => o.title === 'Sources')!.page;
    const first = pdf.pages.findIndex((p) => collapseWhitespace(p.text).includes(sentence(20))) + 1;
    const last = pdf.pages.findIndex((p) => collapseWhitespace(p.text).includes(sentence(100))) + 1;
    expect(last).toBeLessThan(appendix);
    expect(last - first).toBeGreaterThanOrEqual(1);
    for (let n = first; n <= last; n++) {
      expect(pdf.pages[n - 1].items.some((i) => i.str === '[5]' && i.x < MARGIN.left), `page ${n}`).toBe(true);
    }
  });

  it('gives the same annotation quoted twice two highlights with distinct names', async () => {
    const { PDFDocument, PDFDict, PDFName, PDFHexString } = await import('pdf-lib');
    const doc = await PDFDocument.load(await writeDossierPdf(content, await loadDossierFonts()));
    const names = doc.getPages().flatMap((page) =>
      (page.node.Annots()?.asArray() ?? []).flatMap((ref) => {
        const dict = doc.context.lookup(ref, PDFDict);
        const nm = dict.get(PDFName.of('NM'));
        return nm instanceof PDFHexString ? [nm.decodeText()] : [];
      }),
    );
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain(twice.annotationId);
    expect(names).toContain(`${twice.annotationId}#9`);
  });

  it('breaks a word too long for the line without losing a character, and keeps every line inside the margins', () => {
    expect(text().replace(/ /g, '')).toContain(URL_TOKEN);
    for (const page of pdf.pages) {
      for (const item of page.items) {
        if (item.str.trim() === '' || item.x < MARGIN.left - 0.5 || item.x > PAGE.width - MARGIN.right) continue;
        expect(item.x + item.width, `“${item.str}” on page ${page.number}`).toBeLessThanOrEqual(PAGE.width - MARGIN.right + 0.5);
      }
    }
  });

  it('highlights across a tab and a word cut over lines: the text under the highlight is the quote', () => {
    const odd = allHighlights().find(({ a }) => a.contentsObj?.str === 'Note 7.')!.a as PdfAnnotation;
    expect(collapseWhitespace(odd.overlaidText ?? '').replace(/ /g, '')).toBe(`tab\there, a link ${URL_TOKEN}`.replace(/\s/g, ''));
  });

  it('falls back on the dossier author (none here) for the highlight’s /T', () => {
    for (const { a } of allHighlights()) expect(a.titleObj?.str ?? '').toBe('');
  });
});

describe('a dossier whose contents run over two pages', () => {
  it('numbers every entry with the page its heading is on', async () => {
    const text = ['Report', ...Array.from({ length: 70 }, (_, i) => `Paragraph ${i}.`)].join('\n\n');
    const src = source('report.txt', text);
    numbered = 0;
    const sections = Array.from({ length: 70 }, (_, i) => ({
      heading: `Heading number ${i + 1}, long enough to matter`,
      quotes: [quote('report.txt', text, `Paragraph ${i}.`)],
    }));
    const content: DossierContent = { title: 'Many sections', author: 'A. Author', date: '2024-06-01', introduction: 'Intro.', created: CREATED, sections, sources: [src] };
    const pdf = await readPdf(await writeDossierPdf(content, await loadDossierFonts()));
    const contentsPages = pdf.pages.filter((p) => p.items.some((i) => i.y > 770 && i.str === 'Contents'));
    expect(contentsPages.length).toBeGreaterThanOrEqual(2);
    expect(contentsPages.map((p) => p.number)).toEqual(contentsPages.map((_, i) => i + 2));
    const headingPage = (title: string) => pdf.pages.find((p) => p.number > contentsPages.length + 1 && p.items.some((i) => i.str === title && i.size >= 14))!.number;
    for (const page of contentsPages) {
      for (const link of page.annotations.filter((a) => a.subtype === 'Link')) {
        const entry = page.items.find((i) => i.y > link.rect[1] && i.y < link.rect[3] && i.x < 300 && i.str.length > 3)!;
        const number = page.items.find((i) => Math.abs(i.y - entry.y) < 0.5 && /^\d+$/.test(i.str) && i.x > 400)!;
        expect(Number(number.str), entry.str).toBe(link.destPage);
        if (entry.str.startsWith('Heading')) expect(link.destPage).toBe(headingPage(entry.str));
      }
    }
    expect(pdf.outline.filter((o) => o.title.startsWith('Heading')).map((o) => o.page)).toEqual(sections.map((s) => headingPage(s.heading)));
  });
});
