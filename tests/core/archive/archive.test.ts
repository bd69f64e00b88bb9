import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadArchive, parseDocument } from '../../../src/core/archive/archive';
import type { ArchiveDocument } from '../../../src/core/archive/document';
import { ARCHIVE_DIR, archiveFile, nonEmptyLines, readArchiveFiles } from '../../helpers/archive-files';
import { tempDirs } from '../../helpers/temp-dir';

const temp = tempDirs('casefile-archive-');
afterEach(temp.cleanup);

const files = readArchiveFiles();

async function seedDocuments(): Promise<ArchiveDocument[]> {
  return (await loadArchive(ARCHIVE_DIR)).documents;
}

function doc(documents: ArchiveDocument[], prefix: string): ArchiveDocument {
  const found = documents.find((d) => d.id.startsWith(prefix));
  if (!found) throw new Error(`document ${prefix} not loaded`);
  return found;
}

describe('loadArchive on the seed archive', () => {
  it('loads one document per .txt file, with the file name as id, and skips nothing', async () => {
    const archive = await loadArchive(ARCHIVE_DIR);
    expect(files.length).toBe(5);
    expect(archive.documents.map((d) => d.id).sort()).toEqual(files.map((f) => f.name));
    expect(archive.skipped).toEqual([]);
    expect(archive.root).toBe(path.resolve(ARCHIVE_DIR));
  });

  it('accepts a relative archive path (the folder `archive` from the repository root)', async () => {
    const relative = path.relative(process.cwd(), ARCHIVE_DIR) || '.';
    const archive = await loadArchive(relative);
    expect(archive.documents.map((d) => d.id).sort()).toEqual(files.map((f) => f.name));
  });

  it('records the SHA-256 and size of each file exactly as stored', async () => {
    const documents = await seedDocuments();
    for (const file of files) {
      const d = doc(documents, file.name);
      expect(d.sha256).toBe(createHash('sha256').update(file.bytes).digest('hex'));
      expect(d.sizeBytes).toBe(file.bytes.byteLength);
    }
  });

  it('keeps the text of each file, only with line endings unified and NFC applied', async () => {
    const documents = await seedDocuments();
    for (const file of files) {
      expect(doc(documents, file.name).text).toBe(file.raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC'));
    }
  });

  it('takes the first line as the title of 001: “What Comes After Kazakhstan’s “Bloody January”?”', async () => {
    const d = doc(await seedDocuments(), '001_');
    expect(d.title).toBe('What Comes After Kazakhstan’s “Bloody January”?');
    expect(d.title).toBe(nonEmptyLines(archiveFile('001_').raw)[0]);
  });

  it('names Aigerim Toleukhanova as the byline of 001 (a writer’s “By” line wins over a “Posted By” account)', async () => {
    expect(doc(await seedDocuments(), '001_').byline).toBe('Aigerim Toleukhanova');
  });

  it('reads the date line of 003 (“Sat. Jan 22nd, 2022”) as 2022-01-22 and takes the next line as title', async () => {
    const d = doc(await seedDocuments(), '003_');
    const lines = nonEmptyLines(archiveFile('003_').raw);
    expect(lines[0]).toBe('Sat. Jan 22nd, 2022');
    expect(d.date).toEqual({ text: 'Sat. Jan 22nd, 2022', iso: '2022-01-22' });
    expect(d.title).toBe(lines[1]);
  });

  it('gives every document a title that is one of its lines and not a date or byline line', async () => {
    for (const d of await seedDocuments()) {
      const lines = nonEmptyLines(d.text);
      expect(lines).toContain(d.title);
      expect(d.title).not.toMatch(/^(posted\s+)?by\b/i);
      expect(d.title).not.toBe(d.date?.text);
    }
  });

  it('makes every non-empty line a paragraph, with offsets into the text, in order', async () => {
    for (const d of await seedDocuments()) {
      expect(d.paragraphs.map((p) => d.text.slice(p.start, p.end))).toEqual(nonEmptyLines(d.text));
      for (let i = 1; i < d.paragraphs.length; i++) expect(d.paragraphs[i].start).toBeGreaterThan(d.paragraphs[i - 1].end);
    }
  });
});

describe('parseDocument', () => {
  const decomposed = 'Cafe\u0301';
  const raw = `\uFEFFBy Jane Doe\r\n${decomposed} “quoted” it’s\rlast line\r\n\r\n`;
  const bytes = new TextEncoder().encode(raw);

  it('turns CRLF and lone CR into LF, composes to NFC and drops the byte-order mark', () => {
    const d = parseDocument('x.txt', bytes);
    expect(d.text).toBe('By Jane Doe\nCaf\u00e9 “quoted” it’s\nlast line\n\n');
    expect(d.text).not.toMatch(/\r/);
    expect(d.text.includes('\u0301')).toBe(false);
  });

  it('leaves typographic quotes and apostrophes as they are', () => {
    const d = parseDocument('x.txt', new TextEncoder().encode('“It’s” ‘so’ — «yes» "plain" \'single\''));
    expect(d.text).toBe('“It’s” ‘so’ — «yes» "plain" \'single\'');
  });

  it('hashes and measures the raw bytes, BOM and CRs included, not the normalized text', () => {
    const d = parseDocument('x.txt', bytes);
    expect(d.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(d.sizeBytes).toBe(bytes.byteLength);
  });

  it('skips the byline when choosing the title, and records the byline', () => {
    const d = parseDocument('x.txt', bytes);
    expect(d.byline).toBe('Jane Doe');
    expect(d.title).toBe('Café “quoted” it’s');
  });

  it('gives paragraphs as trimmed non-empty lines with offsets into the normalized text', () => {
    const text = '  first line  \n\n \t \nsecond\n\nthird ';
    const d = parseDocument('p.txt', new TextEncoder().encode(text));
    expect(d.paragraphs).toEqual([
      { start: 2, end: 12 },
      { start: 20, end: 26 },
      { start: 28, end: 33 },
    ]);
    expect(d.paragraphs.map((p) => d.text.slice(p.start, p.end))).toEqual(['first line', 'second', 'third']);
  });

  it('counts paragraph offsets after line endings are unified (CRLF counts as one character)', () => {
    const d = parseDocument('p.txt', new TextEncoder().encode('one\r\ntwo\r\nthree'));
    expect(d.paragraphs.map((p) => d.text.slice(p.start, p.end))).toEqual(['one', 'two', 'three']);
    expect(d.paragraphs[2]).toEqual({ start: 8, end: 13 });
  });

  it('does not take page furniture such as “7 Min Read” as the title', () => {
    const d = parseDocument('f.txt', new TextEncoder().encode('7 Min Read\nThe Real Headline\nBody.'));
    expect(d.title).toBe('The Real Headline');
  });

  it('reads an ISO date line', () => {
    const d = parseDocument('d.txt', new TextEncoder().encode('2022-01-05\nHeadline\nBody.'));
    expect(d.date).toEqual({ text: '2022-01-05', iso: '2022-01-05' });
    expect(d.title).toBe('Headline');
  });

  it('falls back to the id as title for an empty file', () => {
    const d = parseDocument('empty.txt', new Uint8Array());
    expect(d.title).toBe('empty.txt');
    expect(d.text).toBe('');
    expect(d.paragraphs).toEqual([]);
  });
});

describe('loadArchive on a folder tree', () => {
  it('recurses into subfolders, naming documents by their relative path with “/”', async () => {
    const root = await temp.make();
    await mkdir(path.join(root, 'sub', 'deeper'), { recursive: true });
    await writeFile(path.join(root, 'a.txt'), 'Top level\nText.');
    await writeFile(path.join(root, 'sub', 'x.txt'), 'In a subfolder\nText.');
    await writeFile(path.join(root, 'sub', 'deeper', 'y.TXT'), 'Two levels down\nText.');
    const archive = await loadArchive(root);
    expect(archive.documents.map((d) => d.id).sort()).toEqual(['a.txt', 'sub/deeper/y.TXT', 'sub/x.txt']);
    expect(archive.documents.find((d) => d.id === 'sub/x.txt')?.title).toBe('In a subfolder');
  });

  it('skips hidden files and hidden folders, and files of formats it does not read', async () => {
    const root = await temp.make();
    await mkdir(path.join(root, '.hidden-dir'), { recursive: true });
    await writeFile(path.join(root, 'visible.txt'), 'Visible\n');
    await writeFile(path.join(root, '.hidden.txt'), 'Hidden\n');
    await writeFile(path.join(root, '.hidden-dir', 'inside.txt'), 'Hidden folder\n');
    await writeFile(path.join(root, 'table.xlsx'), 'not read');
    const archive = await loadArchive(root);
    expect(archive.documents.map((d) => d.id)).toEqual(['visible.txt']);
    expect(archive.skipped.map((s) => s.id)).toEqual(['.hidden-dir', '.hidden.txt', 'table.xlsx']);
  });

  it('returns the documents sorted by id', async () => {
    const root = await temp.make();
    for (const name of ['c.txt', 'a.txt', 'b.txt']) await writeFile(path.join(root, name), `${name}\n`);
    const ids = (await loadArchive(root)).documents.map((d) => d.id);
    expect(ids).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });
});
