import { cp, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadArchive } from '../../../src/core/archive/archive';
import { IngestCatalog } from '../../../src/core/archive/catalog';
import { archiveDataDir } from '../../../src/core/locations';
import { inProcessBuilder } from '../../../src/core/search/index-builder';
import { Workstation } from '../../../src/core/workstation';
import { ARCHIVE_DIR } from '../../helpers/archive-files';
import { tempDirs } from '../../helpers/temp-dir';

const temp = tempDirs('casefile-catalog-');
afterEach(temp.cleanup);

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

  it('cannot hide an edit that kept the size and time: the workstation reads every file in the background and takes the edit in', async () => {
    const { archive } = await archiveCopy();
    const name = await firstFile(archive);
    const file = path.join(archive, name);
    // A whole second, which every file system stores exactly, so that it can be set again below.
    const when = new Date('2024-01-15T10:00:00Z');
    await utimes(file, when, when);
    const data = await temp.make();
    const first = await Workstation.open({ archiveDir: archive, dataDir: data, indexBuilder: inProcessBuilder });
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

    const ws = await Workstation.open({ archiveDir: archive, dataDir: data, indexBuilder: inProcessBuilder });
    await ws.archiveVerified();
    expect(ws.search('zqxwvjkp').hits.map((h) => h.id)).toEqual([name]);
    expect((await ws.getDocument(name)).document.text).toContain('zqxwvjkp');
    await ws.close();
  });
});
