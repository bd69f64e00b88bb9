import { unzipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCX_MEDIA_TYPE } from '../../../src/core/dossier/docx';
import type { DossierExport } from '../../../src/core/dossier/dossier-service';
import type { DossierQuote } from '../../../src/core/dossier/model';
import { tempDirs } from '../../helpers/temp-dir';
import { AUTHOR, HEADINGS, KAZAKH_QUOTE, makeFixture, RUSSIAN_QUOTE, TITLE, TYPOGRAPHIC_QUOTE, type Fixture } from './dossier-fixture';

/** What the checks need of linkedom's DOM (the Node typecheck has no DOM library). */
interface HtmlElement {
  tagName: string;
  textContent: string | null;
  nextElementSibling: HtmlElement | null;
  querySelector(selectors: string): HtmlElement | null;
  querySelectorAll(selectors: string): ArrayLike<HtmlElement>;
  getAttribute(name: string): string | null;
  cloneNode(deep: true): HtmlElement;
  remove(): void;
}
interface HtmlPage {
  body: HtmlElement;
  querySelectorAll(selectors: string): ArrayLike<HtmlElement>;
  getElementById(id: string): HtmlElement | null;
}

const temp = tempDirs('casefile-docx-');
let fx: Fixture;
let exported: DossierExport;
let page: HtmlPage;
let parts: Record<string, string>;
let quotes: DossierQuote[];

beforeAll(async () => {
  fx = await makeFixture(temp.make);
  quotes = fx.content.sections.flatMap((s) => s.quotes);
  exported = await fx.ws.dossiers.export('january', 'docx');
  // Read back as Word would show it: the Quote style as block quotes, footnotes as a list at the end.
  const html = await mammoth.convertToHtml({ buffer: Buffer.from(exported.bytes) }, { styleMap: ["p[style-name='Quote'] => blockquote > p:fresh"] });
  page = parseHTML(`<!doctype html><html><body>${html.value}</body></html>`).document as unknown as HtmlPage;
  const files = unzipSync(exported.bytes);
  parts = Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]));
}, 180_000);

afterAll(async () => {
  await fx?.ws.close();
  await temp.cleanup();
});

const texts = (selector: string) => Array.from(page.querySelectorAll(selector)).map((e) => e.textContent ?? '');
/** Quote n's block quote, and its words without the number before them and the footnote mark after. */
function blockQuote(n: number): { element: HtmlElement; words: string } {
  const element = Array.from(page.querySelectorAll('blockquote')).find((b) => b.querySelector('strong')?.textContent === `[${n}] `);
  if (!element) throw new Error(`no block quote [${n}]`);
  const copy = element.cloneNode(true);
  for (const extra of Array.from(copy.querySelectorAll('strong, sup'))) extra.remove();
  return { element, words: Array.from(copy.querySelectorAll('p'), (p) => p.textContent).join('\n') };
}
/** The text of the footnote quote n's block quote refers to. */
function footnoteOf(n: number): string {
  const link = blockQuote(n).element.querySelector('sup a');
  const id = link?.getAttribute('href')?.slice(1);
  const note = id ? page.getElementById(id) : null;
  if (!note) throw new Error(`no footnote for quote ${n}`);
  return (note.textContent ?? '').replace(/\s*↑\s*$/, '');
}
/** The paragraphs after quote n's block quote, up to the next one or the next heading. */
function after(n: number): string[] {
  const out: string[] = [];
  for (let e = blockQuote(n).element.nextElementSibling; e && e.tagName === 'P'; e = e.nextElementSibling) out.push(e.textContent ?? '');
  return out;
}

describe('the dossier as a Word document', () => {
  it('is named and typed as a .docx', () => {
    expect(exported.fileName).toMatch(/\.docx$/);
    expect(exported.mediaType).toBe(DOCX_MEDIA_TYPE);
    expect(exported.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('has the cover of the PDF: title, author, date and counts', () => {
    const cover = texts('body > p').slice(0, 6).join('\n');
    expect(cover).toContain(TITLE);
    expect(cover).toContain(`Prepared by ${AUTHOR}`);
    expect(cover).toContain('April 30, 2024');
    expect(cover).toContain('8 quotes from 4 sources, in 3 sections');
  });

  it('makes the introduction and sections Heading 1, each source Heading 2, for the navigation pane', () => {
    expect(texts('h1')).toEqual(['Introduction', ...HEADINGS, 'Sources']);
    expect(texts('h2')).toEqual(fx.content.sources.map(({ doc }) => ('title' in doc ? doc.title : doc.id)));
    expect(parts['word/document.xml']).toContain('<w:pStyle w:val="Heading1"/>');
    expect(parts['word/document.xml']).toContain('<w:pStyle w:val="Heading2"/>');
    expect(parts['word/styles.xml']).toMatch(/w:styleId="Heading1"><w:name w:val="Heading 1"\/>/);
  });

  it('prints every quote verbatim as a block quote in the Quote style, "…" where it is cut, Cyrillic and Kazakh intact', () => {
    for (const q of quotes) {
      const cut = `${q.elided?.start ? '…' : ''}${q.quote.split('\n').filter((line) => line.trim() !== '').join('\n')}${q.elided?.end ? '…' : ''}`;
      expect(blockQuote(q.number).words, `quote ${q.number}`).toBe(cut);
    }
    expect(blockQuote(1).words).toBe('Tokayev ordered security forces to fire without warning…');
    expect(blockQuote(3).words).toBe(RUSSIAN_QUOTE);
    expect(blockQuote(4).words).toBe(TYPOGRAPHIC_QUOTE);
    expect(blockQuote(5).words).toBe(`…${KAZAKH_QUOTE}…`);
    expect(blockQuote(7).element.querySelectorAll('p')).toHaveLength(3);
    expect(parts['word/styles.xml']).toMatch(/w:styleId="Quote"><w:name w:val="Quote"\/>.*?<w:ind w:left="\d+"/);
  });

  it('draws each quote’s bar in its highlight colour', () => {
    const bars = [...parts['word/document.xml'].matchAll(/<w:left w:val="single" w:color="([0-9A-F]{6})"/g)].map((m) => m[1]);
    const byColour = new Map(quotes.map((q) => [q.color, new Set<string>()]));
    // Quote paragraphs in order; quote 7 has three.
    const perQuote = quotes.flatMap((q) => Array<DossierQuote>(q.number === 7 ? 3 : 1).fill(q));
    expect(bars).toHaveLength(perQuote.length);
    perQuote.forEach((q, i) => byColour.get(q.color)?.add(bars[i]));
    for (const colours of byColour.values()) expect(colours.size).toBe(1);
    expect(new Set(bars).size).toBe(byColour.size);
  });

  it('cites each quote in a real footnote: reference, file, offsets and the SHA-256 prefix', () => {
    expect(parts['word/footnotes.xml']).toBeDefined();
    const footnoteIds = [...parts['word/footnotes.xml'].matchAll(/<w:footnote w:id="(\d+)"/g)].map((m) => Number(m[1])).filter((id) => id > 0);
    expect(footnoteIds).toEqual(quotes.map((q) => q.number));
    for (const q of quotes) {
      const source = fx.content.sources.find((s) => s.doc.id === q.docId)!.doc;
      const note = footnoteOf(q.number);
      expect(note).toMatch(/^Source: /);
      expect(note).toContain(`File ${q.docId}`);
      if ('sha256' in source) expect(note).toContain(`SHA-256 ${source.sha256.slice(0, 16)}`);
      if (q.start !== null) expect(note).toContain(`characters ${q.start}–${q.end}`);
      if (q.paragraph !== null) expect(note).toContain(`¶ ${q.paragraph}`);
    }
    expect(footnoteOf(3)).toContain('Алматы после январских событий: голоса очевидцев');
  });

  it('follows each quote with its note, the dossier’s commentary and its tags, labelled as in the PDF', () => {
    expect(after(1)).toEqual([
      'Note: The shoot-to-kill order.',
      `Dossier commentary: ${fx.commentary.get(fx.annotations[0].id)}`,
      'Tags: shoot-to-kill, Tokayev',
    ]);
    expect(after(3)).toEqual(['Note: Официальная версия.', 'Tags: Тоқаев']);
  });

  it('lists each source with its reference, file and full SHA-256, and the quotes citing it', () => {
    const sources = page.body.textContent ?? '';
    for (const { doc } of fx.content.sources) {
      expect(sources).toContain(`File ${doc.id}`);
      if ('sha256' in doc) expect(sources).toContain(`SHA-256 ${doc.sha256}`);
    }
    expect(texts('p')).toContain('Quoted as [1], [2], [6], [7]');
  });

  it('names the dossier’s title and author in the document properties', () => {
    const core = parts['docProps/core.xml'];
    expect(core).toContain(`<dc:title>${TITLE}</dc:title>`);
    expect(core).toContain(`<dc:creator>${AUTHOR}</dc:creator>`);
    expect(core).toContain('Тоқаев'); // the tags, as keywords
  });
});
