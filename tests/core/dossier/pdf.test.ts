import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/core/archive/document';
import { DossierManifest, MANIFEST_FILE_NAME } from '../../../src/core/dossier/model';
import { MARGIN, PAGE } from '../../../src/core/dossier/pdf-style';
import { HIGHLIGHT_OPACITY, HIGHLIGHT_RGB, METHOD_STATEMENT } from '../../../src/core/dossier/pdf-writer';
import { collapseWhitespace } from '../../helpers/pdf-text';
import { quadBoxes, readPdf, type PdfAnnotation, type PdfPage, type ReadPdf } from '../../helpers/pdf-read';
import { tempDirs } from '../../helpers/temp-dir';
import { AUTHOR, CREATED, HEADINGS, KAZAKH_QUOTE, makeFixture, RUSSIAN_ID, RUSSIAN_QUOTE, sha256, TITLE, TYPOGRAPHIC_QUOTE, type Fixture } from './dossier-fixture';

const temp = tempDirs('casefile-pdf-');
let fx: Fixture;
let pdf: ReadPdf;
/** Each page's text with all white space collapsed: line breaks of the layout do not count. */
let pages: string[];
let allText: string;

beforeAll(async () => {
  fx = await makeFixture(temp.make);
  pdf = await readPdf(fx.bytes);
  pages = pdf.pages.map((p) => collapseWhitespace(p.text));
  allText = pages.join(' ');
});

afterAll(async () => {
  await fx?.ws.close();
  await temp.cleanup();
});

const quoteOf = (n: number) => fx.annotations[n - 1];
/** The first page (after the contents) with `title` as a heading (set large). */
function headingPage(title: string): number {
  const headings = (p: PdfPage) => p.items.filter((i) => i.size >= 14).map((i) => i.str).join(' ');
  const page = pdf.pages.find((p) => p.number > 2 && ` ${headings(p)} `.includes(` ${title} `));
  if (!page) throw new Error(`no heading ${title}`);
  return page.number;
}
const highlights = (page: PdfPage) => page.annotations.filter((a) => a.subtype === 'Highlight');
function highlightOf(n: number): { page: PdfPage; annotation: PdfAnnotation } {
  for (const page of pdf.pages) {
    const annotation = highlights(page).find((a) => a.contentsObj?.str.startsWith(quoteOf(n).note));
    if (annotation) return { page, annotation };
  }
  throw new Error(`no highlight for quote ${n}`);
}
const appendixStart = () => headingPage('Sources');
/** A title as a citation prints it inside its own quotation marks: quotation marks within turned single. */
const asQuotedTitle = (title: string) => collapseWhitespace(title).replace(/“/g, '‘').replace(/”/g, '’');

describe('the dossier PDF: text', () => {
  it('is a PDF', () => {
    expect(Buffer.from(fx.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });

  it('reproduces every quote verbatim in the body (typographic quotes, Cyrillic and Kazakh letters included)', () => {
    const body = pages.slice(0, appendixStart() - 1).join(' ');
    for (const a of fx.annotations) expect(body).toContain(collapseWhitespace(a.target.quote.exact));
    expect(body).toContain(TYPOGRAPHIC_QUOTE);
    expect(body).toContain('Қасым-Жомарт Тоқаев');
    expect(body).toContain(KAZAKH_QUOTE);
  });

  it('has a cover with title, author, the dossier’s date, counts and the method, and no folio', () => {
    expect(pages[0]).toContain(TITLE);
    expect(pages[0]).toContain(`Prepared by ${AUTHOR}`);
    expect(pages[0]).toContain('April 30, 2024');
    expect(pages[0]).toContain('8 quotes from 4 sources, in 3 sections');
    expect(pages[0]).toContain(collapseWhitespace(METHOD_STATEMENT));
    expect(METHOD_STATEMENT).toMatch(/verbatim.*file.*paragraph.*character offsets.*SHA-256.*manifest attached.*casefile verify/);
    expect(pages[0]).not.toMatch(/Page \d+ of \d+/);
  });

  it('puts the contents second and the introduction after it', () => {
    expect(pages[1]).toMatch(/^.*Contents/);
    expect(pages[2]).toContain('What witnesses, officials and journalists said about January 2022.');
    expect(headingPage('Introduction')).toBe(3);
  });

  it('prints a running head (dossier title · part) and “Page X of Y” on every page but the cover', () => {
    const total = pdf.pages.length;
    pdf.pages.slice(1).forEach((page) => {
      const top = page.items.filter((i) => i.y > 770);
      expect(top.map((i) => i.str)).toContain(TITLE);
      expect(pages[page.number - 1]).toContain(`Page ${page.number} of ${total}`);
    });
    const section2 = pdf.pages[headingPage(HEADINGS[1]) - 1];
    expect(section2.items.filter((i) => i.y > 770).map((i) => i.str)).toContain(HEADINGS[1]);
    expect(pages[1]).toContain('Contents');
  });

  it('gives each quote its number, note, dossier commentary, tags and a citation with file, ¶, offsets and 16 hex of SHA-256', async () => {
    for (const [i, a] of fx.annotations.entries()) {
      const doc = (await fx.ws.getDocument(a.target.docId)).document;
      const paragraph = doc.paragraphs.findIndex((p) => a.current!.start >= p.start && a.current!.start < p.end) + 1;
      const page = pages.find((text) => text.includes(collapseWhitespace(a.target.quote.exact)))!;
      expect(page).toContain(`[${i + 1}]`);
      expect(page).toContain(`Note: ${a.note}`);
      expect(page).toContain(`File ${doc.id}, ¶ ${paragraph}, characters ${a.current?.start}–${a.current?.end}, SHA-256 ${doc.sha256.slice(0, 16)}.`);
      expect(page).toContain(`“${asQuotedTitle(doc.title)}`);
      const commentary = fx.commentary.get(a.id);
      if (commentary) expect(page).toContain(`Dossier commentary: ${commentary}`);
    }
    expect(allText).toContain('Tags: witness, Almaty');
    expect(allText).toContain('Tags: Тоқаев');
  });

  it('starts each section on a new page under its heading, in order', () => {
    const at = HEADINGS.map(headingPage);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(new Set(at).size).toBe(3);
    expect(pages[at[1] - 1]).toContain(`Section 2 of 3 ${HEADINGS[1]}`);
  });

  it('wraps the long quote over many lines and keeps it whole across paragraphs', () => {
    const long = collapseWhitespace(quoteOf(7).target.quote.exact);
    const lines = pdf.pages.slice(0, appendixStart() - 1).flatMap((p) => p.text.split('\n'));
    const first = lines.findIndex((l) => l.includes(long.split(' ').slice(0, 4).join(' ')));
    const last = lines.findIndex((l) => l.includes(long.split(' ').slice(-4).join(' ')));
    expect(last - first).toBeGreaterThanOrEqual(5);
  });

  it('keeps every line of text inside the margins (the margin numbers excepted)', () => {
    for (const page of pdf.pages) {
      for (const item of page.items) {
        if (item.str.trim() === '' || item.x < MARGIN.left - 0.5 || item.x > PAGE.width - MARGIN.right) continue; // numbers in the margins
        expect(item.x + item.width, `“${item.str}” on page ${page.number}`).toBeLessThanOrEqual(PAGE.width - MARGIN.right + 0.5);
      }
    }
  });

  it('lists every source with title, byline, date (written one way), id and full SHA-256 in the bibliography', async () => {
    const bibliography = pages.slice(headingPage('Bibliography') - 1).join(' ');
    for (const source of fx.content.sources) {
      const doc = (await fx.ws.getDocument(source.doc.id)).document;
      expect(bibliography).toContain(asQuotedTitle(doc.title));
      expect(bibliography).toContain(`File ${doc.id}`);
      expect(bibliography).toContain(`SHA-256 ${doc.sha256}`);
      if (doc.byline) expect(bibliography).toContain(doc.byline);
      if (doc.date) {
        // Chicago author-date: the year after the author, the month and day after the title.
        const day = new Date(`${doc.date.iso}T00:00:00Z`);
        expect(bibliography).toContain(`${day.getUTCFullYear()}.`);
        expect(bibliography).toContain(day.toLocaleDateString('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' }));
      }
    }
  });
});

describe('the dossier PDF: contents, outline and links', () => {
  const expectedTitles = () => ['Introduction', ...HEADINGS, 'Sources', 'Bibliography'];

  const allTitles = () => [...expectedTitles(), ...fx.content.sources.map((s) => ('title' in s.doc ? s.doc.title : s.doc.id))];
  /** The lines of a contents entry (a long title wraps): the items that spell it, in order. */
  function entryLines(title: string) {
    const items = pdf.pages[1].items;
    for (let i = 0; i < items.length; i++) {
      let text = '';
      for (let j = i; j < items.length && title.startsWith(text); j++) {
        text = text === '' ? items[j].str : `${text} ${items[j].str}`;
        if (text === title) return items.slice(i, j + 1);
      }
    }
    throw new Error(`no contents entry ${title}`);
  }

  it('prints the contents with the page of every heading, level with the entry’s last line', () => {
    for (const title of allTitles()) {
      const last = entryLines(title).at(-1)!;
      const number = pdf.pages[1].items.find((i) => Math.abs(i.y - last.y) < 0.5 && /^\d+$/.test(i.str) && i.x > 400);
      expect(number?.str, title).toBe(String(headingPage(title)));
    }
  });

  it('links every contents entry to its heading’s page', () => {
    const links = pdf.pages[1].annotations.filter((a) => a.subtype === 'Link');
    expect(links).toHaveLength(allTitles().length);
    for (const title of allTitles()) {
      const lines = entryLines(title);
      const link = links.find((l) => lines.every((line) => l.rect[1] <= line.y && line.y <= l.rect[3]));
      expect(link?.destPage, title).toBe(headingPage(title));
    }
  });

  it('has the same structure as the outline, each entry opening its heading’s page', () => {
    expect(pdf.outline.map((o) => o.title)).toEqual(expectedTitles());
    for (const node of pdf.outline) expect(node.page, node.title).toBe(headingPage(node.title));
    const sources = pdf.outline.find((o) => o.title === 'Sources')!;
    expect(sources.children.map((c) => c.title)).toEqual(fx.content.sources.map((s) => ('title' in s.doc ? s.doc.title : s.doc.id)));
    for (const child of sources.children) expect(child.page).toBe(headingPage(child.title));
  });

  it('links each quote’s number to its highlighted passage in the appendix, and prints that page', () => {
    for (let n = 1; n <= fx.annotations.length; n++) {
      const target = highlightOf(n).page.number;
      const body = pdf.pages.slice(0, appendixStart() - 1);
      const link = body.flatMap((p) => p.annotations).find((a) => a.subtype === 'Link' && a.overlaidText === `[${n}]`);
      expect(link?.destPage, `quote ${n}`).toBe(target);
      const page = pages.find((text) => text.includes(`Note: ${quoteOf(n).note}`))!;
      expect(page).toContain(`Highlighted in the full text of the source, p. ${target}`);
    }
  });

  it('links each number in the appendix’s margin back to its quote', () => {
    for (let n = 1; n <= fx.annotations.length; n++) {
      const { page } = highlightOf(n);
      const back = page.annotations.find((a) => a.subtype === 'Link' && a.overlaidText === `[${n}]` && a.rect[0] > 500);
      expect(back?.destPage, `quote ${n}`).toBe(pdf.pages.findIndex((p) => p.text.includes(`Note: ${quoteOf(n).note}`)) + 1);
    }
  });
});

describe('the dossier PDF: highlights in the sources appendix', () => {
  it('marks every quote with one native Highlight carrying its note (and commentary), colour, opacity and author', () => {
    const all = pdf.pages.flatMap(highlights);
    expect(all).toHaveLength(fx.annotations.length);
    for (let n = 1; n <= fx.annotations.length; n++) {
      const a = quoteOf(n);
      const { page, annotation } = highlightOf(n);
      expect(page.number).toBeGreaterThanOrEqual(appendixStart());
      const commentary = fx.commentary.get(a.id);
      expect(annotation.contentsObj?.str).toBe(commentary ? `${a.note}\n\nDossier commentary: ${commentary}` : a.note);
      const rgb = HIGHLIGHT_RGB[a.color];
      Array.from(annotation.color!).forEach((c, k) => expect(Math.abs(c - [rgb.red, rgb.green, rgb.blue][k] * 255)).toBeLessThanOrEqual(2));
      expect(annotation.opacity).toBeCloseTo(HIGHLIGHT_OPACITY);
      expect(annotation.titleObj?.str).toBe(AUTHOR);
      expect(annotation.hasAppearance).toBe(true);
    }
  });

  it('covers exactly the quoted words: the text under each highlight is the quote', () => {
    for (let n = 1; n <= fx.annotations.length; n++) {
      expect(collapseWhitespace(highlightOf(n).annotation.overlaidText ?? ''), `quote ${n}`).toBe(collapseWhitespace(quoteOf(n).target.quote.exact));
    }
  });

  it('gives each highlight a closed popup that points back to it', () => {
    for (let n = 1; n <= fx.annotations.length; n++) {
      const { page, annotation } = highlightOf(n);
      const popup = page.annotations.find((a) => a.id === annotation.popupRef);
      expect(popup?.subtype).toBe('Popup');
      // pdf.js resolves /Parent: the popup takes its parent's rectangle, note and author.
      expect(popup?.parentRect).toEqual(annotation.rect);
      expect(popup?.contentsObj?.str).toBe(annotation.contentsObj?.str);
      expect(popup?.open).toBe(false);
    }
  });

  it('places a one-line quote’s single quad over its words on its line, mid-line', () => {
    // “Zhanaozen” (quote 6): one word in the middle of a line of the appendix.
    const { page, annotation } = highlightOf(6);
    const [box, ...rest] = quadBoxes(annotation.quadPoints!);
    expect(rest).toHaveLength(0);
    const line = page.items.find((i) => i.y > box.y0 && i.y < box.y1 && i.x <= box.x0 && i.x + i.width >= box.x1 && i.str.includes('Zhanaozen'));
    expect(line).toBeDefined();
    expect(box.x0).toBeGreaterThan(line!.x + 1);
    // The box is as wide as the word: its share of the line's width, within a few points.
    const share = (line!.width * 'Zhanaozen'.length) / line!.str.length;
    expect(Math.abs(box.x1 - box.x0 - share)).toBeLessThan(share * 0.35);
    expect(box.y1 - box.y0).toBeGreaterThan(line!.size);
  });

  it('places a long quote’s quads one per line, from its first word to its last, across paragraphs', () => {
    const { page, annotation } = highlightOf(7);
    const boxes = quadBoxes(annotation.quadPoints!);
    expect(boxes.length).toBeGreaterThanOrEqual(5);
    for (const box of boxes) {
      const line = page.items.find((i) => i.y > box.y0 && i.y < box.y1 && i.x < 300);
      expect(line, `a line under ${JSON.stringify(box)}`).toBeDefined();
      // Whole lines of the paragraphs: each quad runs from the line's start to its end.
      expect(box.x0).toBeCloseTo(line!.x, 1);
      expect(box.x1).toBeCloseTo(line!.x + line!.width, 0);
    }
    // Top to bottom, no quad over another.
    for (let i = 1; i < boxes.length; i++) expect(boxes[i].y1).toBeLessThanOrEqual(boxes[i - 1].y0 + 0.01);
  });

  it('matches word positions as poppler sees them (pdftotext -bbox)', async (context) => {
    if (!has('pdftotext')) return context.skip('pdftotext (poppler-utils) is not installed');
    const { page, annotation } = highlightOf(4); // the typographic quote, mid-paragraph
    const file = path.join(await temp.make(), 'dossier.pdf');
    await writeFile(file, fx.bytes);
    const html = execFileSync('pdftotext', ['-bbox', '-f', String(page.number), '-l', String(page.number), file, '-'], { encoding: 'utf8' });
    const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(html)![1]);
    const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      x0: Number(m[1]),
      x1: Number(m[3]),
      y: height - (Number(m[2]) + Number(m[4])) / 2,
      text: m[5].replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
    }));
    const boxes = quadBoxes(annotation.quadPoints!);
    const inside = (w: (typeof words)[number]) => boxes.some((b) => w.y > b.y0 && w.y < b.y1 && w.x0 >= b.x0 - 0.6 && w.x1 <= b.x1 + 0.6);
    const covered = words.filter(inside).map((w) => w.text).join(' ');
    expect(covered).toBe(TYPOGRAPHIC_QUOTE);
  });

  it('reads the Russian quote with its Kazakh letters back exactly from the highlight', () => {
    const { annotation } = highlightOf(3);
    expect(collapseWhitespace(annotation.overlaidText ?? '')).toBe(RUSSIAN_QUOTE);
    expect(collapseWhitespace(highlightOf(5).annotation.overlaidText ?? '')).toBe(KAZAKH_QUOTE);
  });

  it('lays the full text of every cited article out in the appendix, paragraph by paragraph', async () => {
    // The text column only: a paragraph that runs over a page break reads on past the running head and folio.
    const column = (page: PdfPage) => page.items.filter((i) => i.y > MARGIN.bottom - 10 && i.y < PAGE.height - MARGIN.top + 10 && i.x >= MARGIN.left - 0.5 && i.x < PAGE.width - MARGIN.right);
    const appendix = collapseWhitespace(pdf.pages.slice(appendixStart() - 1, headingPage('Bibliography') - 1).flatMap((p) => column(p).map((i) => i.str)).join(' '));
    for (const source of fx.content.sources) {
      const doc = (await fx.ws.getDocument(source.doc.id)).document;
      for (const p of doc.paragraphs) expect(appendix).toContain(collapseWhitespace(doc.text.slice(p.start, p.end)));
    }
  });
});

describe('the dossier PDF: metadata and manifest', () => {
  it('carries title, author, subject, keywords, dates, producer and creator', () => {
    expect(pdf.info.Title).toBe(TITLE);
    expect(pdf.info.Author).toBe(AUTHOR);
    expect(pdf.info.Subject).toBe('8 quotes from 4 archived sources, verbatim, with notes and citations');
    expect(String(pdf.info.Keywords)).toContain('witness');
    expect(String(pdf.info.Keywords)).toContain('Тоқаев');
    expect(pdf.info.CreationDate).toBe('D:20240501093000Z');
    expect(pdf.info.ModDate).toBe('D:20240501093000Z');
    expect(String(pdf.info.Producer)).toContain('Casefile');
    expect(pdf.info.Creator).toBe('Casefile');
  });

  it('attaches the manifest: every quote with doc id, offsets, exact text and the source’s SHA-256, all true of the archive', async () => {
    const attachment = pdf.attachments[MANIFEST_FILE_NAME];
    expect(attachment).toBeDefined();
    const manifest = DossierManifest.parse(JSON.parse(new TextDecoder().decode(attachment.content)));
    expect(manifest.title).toBe(TITLE);
    expect(manifest.created).toBe(CREATED.toISOString());
    expect(manifest.quotes.map((q) => q.number)).toEqual(fx.annotations.map((_, i) => i + 1));
    for (const [i, q] of manifest.quotes.entries()) {
      const a = fx.annotations[i];
      expect(q.annotationId).toBe(a.id);
      expect(q.docId).toBe(a.target.docId);
      expect([q.start, q.end]).toEqual([a.current?.start, a.current?.end]);
      expect(q.exact).toBe(a.target.quote.exact);
      const bytes = await readFile(path.join(fx.archiveDir, q.docId));
      expect(q.sourceSha256).toBe(sha256(bytes));
      expect(normalizeText(bytes.toString('utf8')).slice(q.start!, q.end!)).toBe(q.exact);
    }
    expect(manifest.quotes.some((q) => q.docId === RUSSIAN_ID)).toBe(true);
  });
});

function has(tool: string): boolean {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

describe('the exported file, checked by other tools', () => {
  let file: string;
  beforeAll(async () => {
    file = path.join(await temp.make(), 'dossier.pdf');
    await writeFile(file, fx.bytes);
  });

  it('passes qpdf --check', (context) => {
    if (!has('qpdf')) return context.skip('qpdf is not installed: install it (apt-get install qpdf) to check the PDF’s structure');
    const out = execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(out).toContain('No syntax or stream encoding errors found');
  });

  it('gives every quote back through pdftotext, Cyrillic and Kazakh letters included', (context) => {
    if (!has('pdftotext')) return context.skip('pdftotext (poppler-utils) is not installed');
    const text = collapseWhitespace(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
    for (const a of fx.annotations) expect(text).toContain(collapseWhitespace(a.target.quote.exact));
    expect(text).toContain('Қасым-Жомарт Тоқаев');
    expect(text).toContain('ә, ғ, қ, ң, ө, ұ, ү, һ и і');
  });
});

describe('the dossier of all annotations (export without a stored dossier)', () => {
  let all: ReadPdf;
  beforeAll(async () => {
    all = await readPdf((await fx.ws.dossiers.export(null, 'pdf', { title: 'Everything', author: AUTHOR })).bytes);
  });

  it('has one section per source, in archive order, holding every annotation, each highlighted once', () => {
    const ids = [...new Set(fx.annotations.map((a) => a.target.docId))].sort();
    const sections = all.outline.filter((o) => !['Sources', 'Bibliography'].includes(o.title));
    expect(sections).toHaveLength(ids.length);
    const text = all.pages.map((p) => collapseWhitespace(p.text)).join(' ');
    for (const a of fx.annotations) expect(text).toContain(collapseWhitespace(a.target.quote.exact));
    expect(all.pages.flatMap((p) => p.annotations.filter((x) => x.subtype === 'Highlight'))).toHaveLength(fx.annotations.length);
    expect(all.info.Title).toBe('Everything');
  });
});
