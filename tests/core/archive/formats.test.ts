import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestFile, loadArchive, parseFile } from '../../../src/core/archive/archive';
import { ARCHIVE_DIR, archiveFile } from '../../helpers/archive-files';
import { tempDirs } from '../../helpers/temp-dir';

const temp = tempDirs('casefile-formats-');
afterEach(temp.cleanup);

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A minimal Word document: the parts mammoth needs, one <w:p> per paragraph. */
async function docx(paragraphs: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array' });
}

async function pdf(pages: string[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.setTitle('Stated PDF title');
  doc.setAuthor('PDF Author');
  for (const lines of pages) {
    const page = doc.addPage();
    lines.forEach((line, i) => page.drawText(line, { x: 50, y: 750 - i * 20, size: 12, font }));
  }
  return doc.save();
}

describe('formats', () => {
  it('Markdown: YAML front matter gives the metadata; the text is what follows it', async () => {
    const source = '---\ntitle: Notes from Zhanaozen\nauthor: A. Reporter\ndate: 2022-01-05\npublisher: Field notes\nurl: https://example.org/notes\nretrieved: 2022-02-01\nlanguage: en\n---\nFirst paragraph.\n\nSecond, about Tokayev.\n';
    const doc = await parseFile('notes.md', utf8(source));
    expect(doc).toMatchObject({
      title: 'Notes from Zhanaozen',
      byline: 'A. Reporter',
      date: { iso: '2022-01-05' },
      publisher: 'Field notes',
      url: 'https://example.org/notes',
      retrieved: { iso: '2022-02-01' },
      language: 'en',
      format: 'md',
    });
    expect(doc.text).toBe('First paragraph.\n\nSecond, about Tokayev.\n');
  });

  it('HTML: the article text, one paragraph per block, without navigation or script; meta tags as metadata', async () => {
    const html = `<!doctype html><html lang="en"><head><title>Page title</title>
      <meta property="og:title" content="Kazakhstan: what happened">
      <meta name="author" content="Jane Doe"><meta property="article:published_time" content="2022-01-07T10:00:00Z">
      <meta property="og:site_name" content="Example News"><link rel="canonical" href="https://example.org/a">
      <script>globalThis.ranScript = true;</script></head>
      <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article><h1>Kazakhstan: what happened</h1><p>Protests began in <b>Zhanaozen</b> over fuel prices.</p>
      <p>They spread to Almaty within days.<img src="x" onerror="globalThis.ranHandler = true"></p></article>
      <footer>Share This Article</footer></body></html>`;
    const doc = await parseFile('page.html', utf8(html));
    expect(doc).toMatchObject({ title: 'Kazakhstan: what happened', byline: 'Jane Doe', date: { iso: '2022-01-07' }, publisher: 'Example News', url: 'https://example.org/a', language: 'en' });
    expect(doc.text).toContain('Protests began in Zhanaozen over fuel prices.\n\nThey spread to Almaty within days.');
    expect(doc.text).not.toContain('ranScript');
    expect((globalThis as Record<string, unknown>).ranScript).toBeUndefined();
    expect((globalThis as Record<string, unknown>).ranHandler).toBeUndefined();
  });

  it('PDF: the text of every page, with the pages’ spans kept for citations, and the PDF info', async () => {
    const doc = await parseFile('report.pdf', await pdf([['First page line one', 'First page line two'], ['Second page about Tokayev']]));
    expect(doc.format).toBe('pdf');
    expect(doc.pages).toHaveLength(2);
    const [first, second] = doc.pages ?? [];
    expect(doc.text.slice(first.start, first.end)).toContain('First page line two');
    expect(doc.text.slice(second.start, second.end)).toBe('Second page about Tokayev');
    expect(doc).toMatchObject({ title: 'Stated PDF title', byline: 'PDF Author', encoding: null });
  });

  it('Word: the paragraphs of a .docx', async () => {
    const doc = await parseFile('memo.docx', await docx(['Memo on the January events', 'Tokayev ordered troops to fire.']));
    expect(doc.text).toBe('Memo on the January events\n\nTokayev ordered troops to fire.');
    expect(doc.title).toBe('Memo on the January events');
  });

  it('extracts deterministically: the same bytes give the same text and hash', async () => {
    const bytes = await pdf([['Same text']]);
    const [a, b] = [await parseFile('a.pdf', bytes), await parseFile('a.pdf', bytes)];
    expect(a.text).toBe(b.text);
    expect(a.sha256).toBe(b.sha256);
  });

  it('a sidecar NAME.meta.json states metadata over everything else, and is itself listed as a sidecar', async () => {
    const root = await temp.make();
    await writeFile(path.join(root, 'story.txt'), 'Headline from the text\n\nBy Someone Else\n\nBody.');
    await writeFile(path.join(root, 'story.meta.json'), JSON.stringify({ title: 'Stated title', author: 'Stated Author', date: 'Jan. 5, 2022', publisher: 'AP', unknown: 1 }));
    const { documents, report } = await loadArchive(root);
    expect(documents[0]).toMatchObject({ title: 'Stated title', byline: 'Stated Author', date: { iso: '2022-01-05' }, publisher: 'AP' });
    expect(report.find((e) => e.file === 'story.meta.json')).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/sidecar/) });
  });

  it('a broken file of a supported format is skipped or failed with a reason, never thrown', async () => {
    const root = await temp.make();
    await writeFile(path.join(root, 'broken.pdf'), '%PDF-1.7 not really');
    await writeFile(path.join(root, 'broken.docx'), 'PK not a zip');
    for (const id of ['broken.pdf', 'broken.docx']) {
      const { entry } = await ingestFile(root, id);
      expect(['skipped', 'failed']).toContain(entry.status);
      expect(entry.reason).toBeTruthy();
    }
  });
});

describe('metadata of the seed archive', () => {
  it('finds the titles, the byline, the date and the AP dateline', async () => {
    const { documents } = await loadArchive(ARCHIVE_DIR);
    const get = (prefix: string) => documents.find((d) => d.id === archiveFile(prefix).name);
    expect(get('001_')?.byline).toBe('Aigerim Toleukhanova');
    expect(get('001_')?.title).toBe('What Comes After Kazakhstan’s “Bloody January”?');
    expect(get('003_')?.date).toEqual({ text: 'Sat. Jan 22nd, 2022', iso: '2022-01-22' });
    expect(get('004_')?.dateline).toBe('ALMATY, Kazakhstan');
    expect(get('004_')?.title).toBe('Kazakhstan activists recall road from protest to bloodshed');
    for (const doc of documents) expect(doc.language).toBe('en');
  });
});
