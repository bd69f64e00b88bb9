import { mkdir, open, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestFile, loadArchive, MAX_DEPTH, type IngestEntry } from '../../../src/core/archive/archive';
import { decodeBytes } from '../../../src/core/archive/decode';
import { CompactSearchEngine } from '../../../src/core/search/compact-search-engine';
import { tempDirs } from '../../helpers/temp-dir';

const temp = tempDirs('casefile-ingest-');
afterEach(temp.cleanup);

const RUSSIAN = 'Протесты в Жанаозене\n\nПрезидент Касым-Жомарт Токаев выступил с обращением к народу. Жители требовали снижения цен на газ.';
const FRENCH = "Manifestations\n\nLes manifestants réclamaient la baisse du prix du gaz à Jañaözen ; « c'était prévisible », dit-il.";

/** Writes the fixture folder: every kind of file a real archive holds, generated here (no binaries committed). */
async function hostileArchive(): Promise<string> {
  const root = await temp.make();
  const put = (name: string, bytes: Uint8Array | string) => writeFile(path.join(root, name), bytes);
  await put('utf8.txt', 'Plain UTF-8\n\nTokayev spoke in Almaty.');
  await put('utf8-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('With a BOM\n\nZhanaozen.')]));
  await put('utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(RUSSIAN, 'utf16le')]));
  await put('utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(RUSSIAN, 'utf16-be')]));
  await put('cp1251.txt', iconv.encode(RUSSIAN, 'win1251'));
  await put('koi8r.txt', iconv.encode(RUSSIAN, 'koi8-r'));
  await put('latin1.txt', iconv.encode(FRENCH, 'latin1'));
  await put('crlf.txt', 'Windows lines\r\n\r\nOne\r\nTwo');
  await put('cr.txt', 'Old Mac lines\r\rOne\rTwo');
  await put('binary.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00, 0x08, 0x00]));
  await put('empty.txt', '');
  await put('blank.txt', '  \n\n\t \n');
  await put('photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  await put('.hidden.txt', 'hidden');
  await put('notes.txt~', 'backup');
  await put('#autosave.txt#', 'emacs');
  await put('~$lock.txt', 'office lock');
  await mkdir(path.join(root, '.git'));
  await put('.git/config.txt', 'not a source');
  await symlink(path.join(root, 'utf8.txt'), path.join(root, 'link.txt'));
  await mkdir(path.join(root, 'loop'));
  await symlink(root, path.join(root, 'loop', 'back'));
  let deep = root;
  for (let i = 0; i <= MAX_DEPTH + 1; i++) deep = path.join(deep, `d${i}`);
  await mkdir(deep, { recursive: true });
  await writeFile(path.join(deep, 'too-deep.txt'), 'deep');
  // A file over the size limit, made sparse so the test writes almost nothing.
  const big = await open(path.join(root, 'huge.txt'), 'w');
  await big.truncate(65 * 1024 * 1024);
  await big.close();
  return root;
}

function outcome(report: IngestEntry[], file: string): IngestEntry {
  const found = report.find((e) => e.file === file);
  if (!found) throw new Error(`${file} is not in the report: ${report.map((e) => e.file).join(', ')}`);
  return found;
}

describe('ingesting a folder of real-world and hostile files', () => {
  it('indexes every text in every supported encoding and names the encoding it detected', async () => {
    const { report, documents } = await loadArchive(await hostileArchive());
    const expected: Record<string, string> = {
      'utf8.txt': 'UTF-8',
      'utf8-bom.txt': 'UTF-8 (BOM)',
      'utf16le.txt': 'UTF-16LE',
      'utf16be.txt': 'UTF-16BE',
      'cp1251.txt': 'windows-1251',
      'koi8r.txt': 'KOI8-R',
      'latin1.txt': 'ISO-8859-1',
      'crlf.txt': 'UTF-8',
      'cr.txt': 'UTF-8',
    };
    for (const [file, encoding] of Object.entries(expected)) {
      expect(outcome(report, file), file).toMatchObject({ status: 'indexed', reason: null, encoding, format: 'txt' });
      expect(outcome(report, file).sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const text = (id: string) => documents.find((d) => d.id === id)?.text;
    for (const id of ['utf16le.txt', 'utf16be.txt', 'cp1251.txt', 'koi8r.txt']) expect(text(id), id).toBe(RUSSIAN);
    expect(text('latin1.txt')).toBe(FRENCH);
    expect(text('crlf.txt')).toBe('Windows lines\n\nOne\nTwo');
    expect(text('cr.txt')).toBe('Old Mac lines\n\nOne\nTwo');
    expect(text('utf8-bom.txt')?.startsWith('With')).toBe(true);
  });

  it('skips or fails everything else with a reason, and one bad file stops nothing', async () => {
    const { report } = await loadArchive(await hostileArchive());
    const reasons: Record<string, RegExp> = {
      'binary.txt': /binary/,
      'empty.txt': /empty/,
      'blank.txt': /empty/,
      'photo.jpg': /not a supported format \(\.jpg\)/,
      '.hidden.txt': /hidden file/,
      '.git': /hidden folder/,
      'notes.txt~': /temporary/,
      '#autosave.txt#': /temporary/,
      '~$lock.txt': /temporary/,
      'link.txt': /symbolic link/,
      'loop/back': /symbolic link/,
      'huge.txt': /larger than 64 MiB/,
    };
    for (const [file, reason] of Object.entries(reasons)) {
      expect(outcome(report, file), file).toMatchObject({ status: 'skipped', reason: expect.stringMatching(reason) });
    }
    const deepFolder = report.find((e) => /nested deeper/.test(e.reason ?? ''));
    expect(deepFolder?.status).toBe('skipped');
    expect(report.some((e) => e.file.endsWith('too-deep.txt'))).toBe(false);
    expect(report.filter((e) => e.status === 'indexed')).toHaveLength(9);
  });

  it('finds the Windows-1251 and KOI8-R Russian articles by a Cyrillic query', async () => {
    const { documents } = await loadArchive(await hostileArchive());
    const hits = CompactSearchEngine.fromDocuments(documents).search('Жанаозене', { variants: false }).hits.map((h) => h.id).sort();
    expect(hits).toEqual(['cp1251.txt', 'koi8r.txt', 'utf16be.txt', 'utf16le.txt']);
  });

  it('reports a file that vanished before it could be read as failed, without throwing', async () => {
    const root = await temp.make();
    expect((await ingestFile(root, 'gone.txt')).entry).toMatchObject({ status: 'failed', reason: 'the file disappeared while being read' });
  });

  it('reads a 50 MB text file', async () => {
    const root = await temp.make();
    const line = 'The protests spread from Zhanaozen to Almaty and beyond, day after day. ';
    await writeFile(path.join(root, 'big.txt'), `Big file\n\n${line.repeat(Math.ceil((50 * 1024 * 1024) / line.length))}`);
    const { entry, documents: [document] } = await ingestFile(root, 'big.txt');
    expect(entry.status).toBe('indexed');
    expect(document?.text.length).toBeGreaterThan(50 * 1024 * 1024);
  }, 60_000);

  it('reads 2,000 tiny files in nested folders, every one indexed', async () => {
    const root = await temp.make();
    for (let folder = 0; folder < 20; folder++) {
      await mkdir(path.join(root, `f${folder}`));
      await Promise.all(Array.from({ length: 100 }, (_, i) => writeFile(path.join(root, `f${folder}`, `n${i}.txt`), `Note ${folder}-${i}\n\nText ${i}.`)));
    }
    const { report, documents } = await loadArchive(root);
    expect(documents).toHaveLength(2000);
    expect(report.every((e) => e.status === 'indexed')).toBe(true);
  }, 60_000);
});

describe('decodeBytes', () => {
  it('never throws on invalid byte sequences: they decode (as a legacy encoding or U+FFFD)', () => {
    for (let i = 0; i < 256; i++) {
      const decoded = decodeBytes(Buffer.from([0x41, i, 0xc3, 0x28, 0xe2, 0x82]));
      expect(['text', 'binary']).toContain(decoded.kind);
    }
  });
});
