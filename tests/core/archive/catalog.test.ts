import { cp, mkdir, readdir, readFile, realpath, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { loadArchive, sha256Hex } from '../../../src/core/archive/archive';
import { IngestCatalog } from '../../../src/core/archive/catalog';
import { LEDGER_FILE } from '../../../src/core/archive/custody-ledger';
import { archiveDataDir } from '../../../src/core/locations';
import { inProcessBuilder } from '../../../src/core/search/index-builder';
import { ARCHIVE_DIR } from '../../helpers/archive-files';
import { openWorkstation, tempDirsPerTest } from '../../helpers/workstation';

const temp = tempDirsPerTest('casefile-catalog-');

/** V8's collector, asked for directly: memory still held after it is memory kept, not garbage. */
v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

async function archiveCopy(): Promise<{ archive: string; catalogFile: string }> {
  const archive = await temp.make();
  await cp(ARCHIVE_DIR, archive, { recursive: true });
  return { archive, catalogFile: path.join(await temp.make(), 'ingest-catalog') };
}

const firstFile = async (dir: string) => (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort()[0];

describe('the ingest catalog', () => {
  it('gives back, for unchanged files, exactly what reading them gives', async () => {
    const { archive, catalogFile } = await archiveCopy();
    const read = await loadArchive(archive, await IngestCatalog.open(catalogFile));
    expect(read.reused).toEqual([]);
    const again = await loadArchive(archive, await IngestCatalog.open(catalogFile));
    expect(again.reused.sort()).toEqual(read.documents.map((d) => d.id).sort());
    expect(again.documents).toEqual(read.documents);
    expect(again.report).toEqual(read.report);
    expect(again.documents).toEqual((await loadArchive(archive)).documents);
  });

  it('reads a file again when its size or time changed, and a document again when its sidecar came or changed', async () => {
    const { archive, catalogFile } = await archiveCopy();
    await loadArchive(archive, await IngestCatalog.open(catalogFile));
    const name = await firstFile(archive);
    await writeFile(path.join(archive, name), `${await readFile(path.join(archive, name), 'utf8')}\nA line added later.\n`);
    let loaded = await loadArchive(archive, await IngestCatalog.open(catalogFile));
    expect(loaded.reused).not.toContain(name);
    expect(loaded.documents.find((d) => d.id === name)?.text).toContain('A line added later.');

    await writeFile(path.join(archive, name.replace(/\.txt$/, '.meta.json')), JSON.stringify({ title: 'A corrected title' }));
    loaded = await loadArchive(archive, await IngestCatalog.open(catalogFile));
    expect(loaded.reused).not.toContain(name);
    expect(loaded.documents.find((d) => d.id === name)?.title).toBe('A corrected title');
    loaded = await loadArchive(archive, await IngestCatalog.open(catalogFile));
    expect(loaded.reused).toContain(name);
    expect(loaded.documents.find((d) => d.id === name)?.title).toBe('A corrected title');
  });

  it('is ignored, with a reason, when damaged or of another version; every file is then read', async () => {
    const { archive, catalogFile } = await archiveCopy();
    await loadArchive(archive, await IngestCatalog.open(catalogFile));
    const bytes = await readFile(catalogFile);
    for (const damaged of [bytes.subarray(0, bytes.length - 10), Buffer.from(bytes.toString('utf8').replace(/"version":\d+/, '"version":99')), Buffer.from('not a catalog')]) {
      await writeFile(catalogFile, damaged);
      const catalog = await IngestCatalog.open(catalogFile);
      expect(catalog.problem).toMatch(/the ingest catalog was not used/);
      const loaded = await loadArchive(archive, catalog);
      expect(loaded.reused).toEqual([]);
      expect(loaded.documents).toHaveLength(5);
    }
  });

  it('refuses damaged records at open, and damaged texts when it reads them all: the documents are then read again from their files', async () => {
    const { archive, catalogFile } = await archiveCopy();
    await loadArchive(archive, await IngestCatalog.open(catalogFile));
    const bytes = await readFile(catalogFile);
    const newline = bytes.indexOf(0x0a);
    const { recordBytes } = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as { recordBytes: number };
    // A letter of a title (in the records) changed, the length kept: refused at open.
    const title = bytes.indexOf('"title":"', newline) + '"title":"'.length;
    const recordsDamaged = Buffer.from(bytes);
    recordsDamaged[title] = recordsDamaged[title] === 0x58 ? 0x59 : 0x58;
    await writeFile(catalogFile, recordsDamaged);
    expect((await IngestCatalog.open(catalogFile)).problem).toMatch(/the ingest catalog was not used \(checksum mismatch\)/);

    // A letter of a text changed: the records are read at open, the texts are found wrong when checked.
    const textsDamaged = Buffer.from(bytes);
    const inText = newline + 1 + recordBytes + 40;
    textsDamaged[inText] = textsDamaged[inText] === 0x58 ? 0x59 : 0x58;
    await writeFile(catalogFile, textsDamaged);
    const catalog = await IngestCatalog.open(catalogFile);
    expect(catalog.problem).toBeNull();
    expect(await catalog.verifyTexts()).toMatch(/do not match its checksum/);

    // Through the workstation: the check reads the documents again, so no text stays as damaged.
    const data = await temp.make();
    const store = archiveDataDir(data, archive);
    const first = await openWorkstation({ archiveDir: archive, dataDir: data, indexBuilder: inProcessBuilder });
    await first.close();
    const written = await readFile(path.join(store, 'ingest-catalog'));
    const at = written.indexOf(0x0a) + 1 + (JSON.parse(written.subarray(0, written.indexOf(0x0a)).toString('utf8')) as { recordBytes: number }).recordBytes + 40;
    written[at] = written[at] === 0x58 ? 0x59 : 0x58;
    await writeFile(path.join(store, 'ingest-catalog'), written);
    const again = await openWorkstation({ archiveDir: archive, dataDir: data, indexBuilder: inProcessBuilder, openAsLastSeen: true });
    try {
      await again.archiveVerified();
      const fresh = await loadArchive(archive);
      expect(again.archive.listDocuments().length).toBe(fresh.documents.length);
      for (const doc of fresh.documents) expect(again.archive.documents.get(doc.id)?.text).toBe(doc.text);
    } finally {
      await again.close();
    }
  });

  it('checks its texts without keeping them: after the check a text is still read from the file when asked for', async () => {
    // 32 articles of 1 MB each (written for the test): the check must not leave 32 MB held.
    const archive = await temp.make();
    const paragraph = 'The commission heard the witnesses from Almaty and Astana in turn. '.repeat(15);
    for (let i = 0; i < 32; i++) await writeFile(path.join(archive, `article-${String(i).padStart(2, '0')}.txt`), `Article ${i}\n\n${`${paragraph}\n`.repeat(1_000)}`);
    const catalogFile = path.join(await temp.make(), 'ingest-catalog');
    await loadArchive(archive, await IngestCatalog.open(catalogFile));
    const catalog = await IngestCatalog.open(catalogFile);
    const { documents } = await loadArchive(archive, catalog);
    const held = () => {
      collectGarbage();
      return process.memoryUsage().arrayBuffers;
    };
    try {
      const before = held();
      expect(await catalog.verifyTexts()).toBeNull();
      expect(held() - before).toBeLessThan(8 * 1024 * 1024);
      const fresh = await loadArchive(archive);
      for (const doc of fresh.documents) expect(documents.find((d) => d.id === doc.id)?.text).toBe(doc.text);
    } finally {
      await catalog.close();
    }
  });

  it('cannot hide an edit that kept the size and time: the workstation reads every file in the background and takes the edit in', async () => {
    const { archive } = await archiveCopy();
    const name = await firstFile(archive);
    const file = path.join(archive, name);
    // A whole second, which every file system stores exactly, so that it can be set again below.
    const when = new Date('2024-01-15T10:00:00Z');
    await utimes(file, when, when);
    const data = await temp.make();
    const first = await openWorkstation({ archiveDir: archive, dataDir: data, indexBuilder: inProcessBuilder });
    await first.indexReady();
    await first.close();
    expect((await readdir(archiveDataDir(data, archive))).includes('ingest-catalog')).toBe(true);

    // Same length, same modification time: only the bytes tell.
    const before = await stat(file);
    const text = await readFile(file, 'utf8');
    const target = /\b[a-z]{8}\b/.exec(text.slice(text.indexOf('\n'))) as RegExpExecArray;
    const at = text.indexOf('\n') + target.index;
    await writeFile(file, text.slice(0, at) + 'zqxwvjkp' + text.slice(at + 8));
    await utimes(file, when, when);
    expect((await stat(file)).size).toBe(before.size);
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);

    const ws = await openWorkstation({ archiveDir: archive, dataDir: data, indexBuilder: inProcessBuilder });
    await ws.archiveVerified();
    expect(ws.search('zqxwvjkp').hits.map((h) => h.id)).toEqual([name]);
    expect((await ws.getDocument(name)).document.text).toContain('zqxwvjkp');
    await ws.close();
  });
});

describe('an archive opened as last seen (the app)', () => {
  const openApp = (archiveDir: string, dataDir: string) => openWorkstation({ archiveDir, dataDir, indexBuilder: inProcessBuilder, openAsLastSeen: true });

  async function seenOnce(): Promise<{ archive: string; data: string; name: string }> {
    const { archive } = await archiveCopy();
    await writeFile(path.join(archive, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const data = await temp.make();
    const first = await openApp(archive, data);
    await first.archiveVerified();
    await first.close();
    return { archive, data, name: await firstFile(archive) };
  }

  it('answers before the custody ledger is read: one that cannot be read fails only what asks for it', async () => {
    const { archive, data } = await seenOnce();
    const ledger = path.join(archiveDataDir(data, await realpath(archive)), LEDGER_FILE);
    await rm(ledger);
    await mkdir(ledger); // a folder in the file's place: reading it fails
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const ws = await openApp(archive, data);
      expect(ws.search('Zhanaozen').total).toBeGreaterThan(0);
      await expect(ws.archive.ledgerCheck()).rejects.toThrow(/EISDIR|directory/);
      // The background check then records the files' custody: that it cannot is said, not left unhandled.
      await ws.archiveVerified();
      await ws.close();
      expect(logged.mock.calls.map((call) => call.join(' ')).join('\n')).toMatch(/custody of \d+ files not recorded: .*(EISDIR|directory)/);
    } finally {
      logged.mockRestore();
    }
  });

  it('has no last listing before a folder was listed and saved', async () => {
    const { catalogFile } = await archiveCopy();
    expect((await IngestCatalog.open(catalogFile)).lastSeen()).toBeNull();
  });

  it('opens with what the last listing found — documents and every file’s outcome — and that is what listing now finds of an unchanged folder', async () => {
    const { archive, catalogFile } = await archiveCopy();
    await writeFile(path.join(archive, '.hidden.txt'), 'not for the archive');
    const listed = await loadArchive(archive, await IngestCatalog.open(catalogFile));
    const lastSeen = (await IngestCatalog.open(catalogFile)).lastSeen();
    expect(lastSeen?.documents).toEqual(listed.documents);
    expect(lastSeen?.report).toEqual(listed.report);
    expect(lastSeen?.report.find((e) => e.file === '.hidden.txt')).toMatchObject({ status: 'skipped', reason: 'hidden file' });
  });

  it('takes in, in the background, files changed, added and removed while it was closed', async () => {
    const { archive, data, name } = await seenOnce();
    const others = (await readdir(archive)).filter((f) => f.endsWith('.txt') && f !== name).sort();
    const file = path.join(archive, name);
    await writeFile(file, `${await readFile(file, 'utf8')}\nA paragraph about qwzzyx added later.\n`);
    await writeFile(path.join(archive, 'new-story.txt'), 'New story\n\nThe vrrblat report came in on Monday.\n');
    const removed = others[0];
    await rm(path.join(archive, removed));

    const ws = await openApp(archive, data);
    // At once: the archive as it was last seen, with the check under way.
    expect(ws.indexStatus().checking).toBe(true);
    expect(ws.info().skipped.some((s) => s.id === 'photo.png')).toBe(true);
    await ws.archiveVerified();
    expect(ws.indexStatus().checking).toBe(false);
    expect(ws.search('qwzzyx').hits.map((h) => h.id)).toEqual([name]);
    expect(ws.search('vrrblat').hits.map((h) => h.id)).toEqual(['new-story.txt']);
    expect(ws.archive.listDocuments().map((d) => d.id)).not.toContain(removed);
    expect(ws.archive.ingestReport().some((e) => e.file === removed)).toBe(false);
    expect(ws.archive.ingestReport().find((e) => e.file === 'new-story.txt')).toMatchObject({ status: 'indexed' });
    await ws.close();
  });

  it('exports dossiers and annotations of the files as they are now, never as last seen, when a file changed while closed', async () => {
    const { archive, data, name } = await seenOnce();
    const quote = 'qwzzyx stood here.';
    const file = path.join(archive, name);
    const original = await readFile(file, 'utf8');
    await writeFile(file, `${original}\n${quote}\n`);
    const first = await openApp(archive, data);
    await first.archiveVerified();
    const annotation = await first.annotations.annotateQuote({ docId: name, quote });
    const dossier = await first.dossiers.create('Checks');
    await first.dossiers.add(dossier.id, annotation.id);
    await first.close();
    // Reworded while closed: the dossier must quote the file as it now is, or say the quote is gone.
    await writeFile(file, `${original}\nqwzzyx stood there.\n`);

    const now = sha256Hex(await readFile(file));
    let ws = await openApp(archive, data);
    const manifest = JSON.parse(new TextDecoder().decode((await ws.dossiers.export(dossier.id, 'json')).bytes)) as { quotes: Array<{ status: string; sourceSha256: string }> };
    expect(manifest.quotes).toEqual([expect.objectContaining({ status: 'fuzzy', sourceSha256: now })]);
    await ws.close();
    ws = await openApp(archive, data);
    const annotations = (await ws.exportAnnotations('md')).content;
    expect(annotations).toContain('status: fuzzy'); // as last seen, the quote stood there unchanged
    await ws.close();
  });
});
