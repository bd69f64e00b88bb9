import { existsSync, readdirSync } from 'node:fs';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveDataDir } from '../../../src/core/locations';
import { inProcessBuilder, SHARD_THRESHOLD, WORKER_THRESHOLD, workerBuilder, type SegmentBuilder } from '../../../src/core/search/index-builder';
import { CompactSearchEngine } from '../../../src/core/search/compact-search-engine';
import { Segment, type IndexableDocument } from '../../../src/core/search/segment';
import type { Workstation } from '../../../src/core/workstation';
import { ARCHIVE_DIR, readArchiveFiles } from '../../helpers/archive-files';
import { apiError, callApi, openWorkstation, tempDirsPerTest } from '../../helpers/workstation';
import { documentsOf } from '../../helpers/search';

const temp = tempDirsPerTest('casefile-index-');

/** A builder that records which documents each build indexed, and builds in-process. */
function recordingBuilder(): { builder: SegmentBuilder; builds: string[][] } {
  const builds: string[][] = [];
  return {
    builds,
    builder: (documents, onProgress) => {
      builds.push(documents.map((d) => d.id).sort());
      return inProcessBuilder(documents, onProgress);
    },
  };
}

async function copyOfSeedArchive(): Promise<string> {
  const dir = await temp.make();
  await cp(ARCHIVE_DIR, dir, { recursive: true });
  return dir;
}

async function open(archiveDir: string, dataDir: string, builder: SegmentBuilder): Promise<Workstation> {
  const ws = await openWorkstation({ archiveDir, dataDir, indexBuilder: builder });
  await ws.indexReady();
  return ws;
}

function ids(ws: Workstation, query: string): string[] {
  return ws
    .search(query, { variants: false })
    .hits.map((h) => h.id)
    .sort();
}

/**
 * A builder that reports half its documents done, then waits until `release` (or until stopped, when
 * it rejects with the signal's reason), then builds in-process.
 */
function gatedBuilder(): { builder: SegmentBuilder; builds: string[][]; release(): void } {
  const builds: string[][] = [];
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    builds,
    release: () => release(),
    builder: async (documents, onProgress, signal) => {
      builds.push(documents.map((d) => d.id).sort());
      onProgress({ done: Math.floor(documents.length / 2), total: documents.length });
      await new Promise<void>((resolve, reject) => {
        signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
        void gate.then(resolve);
      });
      return inProcessBuilder(documents, onProgress, signal);
    },
  };
}

async function eventually(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The cache folder's files with their contents. */
async function cacheFiles(dir: string): Promise<Record<string, string>> {
  if (!existsSync(dir)) return {};
  const files: Record<string, string> = {};
  for (const file of (await readdir(dir)).sort()) files[file] = (await readFile(path.join(dir, file))).toString('base64');
  return files;
}

const SEED_IDS = readArchiveFiles().map((f) => f.name);
const DOC_002 = SEED_IDS[2];
const DOC_004 = SEED_IDS[4];

describe('the persistent index', () => {
  it('is built at the first open, then loaded from the cache when nothing changed', async () => {
    const [archive, data] = [await copyOfSeedArchive(), await temp.make()];
    const first = recordingBuilder();
    const ws1 = await open(archive, data, first.builder);
    expect(first.builds).toEqual([[...SEED_IDS].sort()]);
    expect(ws1.indexStatus()).toMatchObject({ state: 'ready', origin: 'built', problem: null });
    const cacheFiles = await readdir(path.join(archiveDataDir(data, archive), 'index'));
    expect(cacheFiles).toContain('manifest.json');
    expect(cacheFiles.filter((f) => f.startsWith('segment-'))).toHaveLength(1);

    const second = recordingBuilder();
    const ws2 = await open(archive, data, second.builder);
    expect(second.builds).toEqual([]);
    expect(ws2.indexStatus()).toMatchObject({ state: 'ready', origin: 'cache' });
    expect(ids(ws2, 'Zhanaozen')).toEqual(ids(ws1, 'Zhanaozen'));
    expect(ids(ws2, 'Zhanaozen').length).toBeGreaterThan(0);
  });

  it('indexes only a changed file at the next open, and finds its new words but not its old ones', async () => {
    const [archive, data] = [await copyOfSeedArchive(), await temp.make()];
    await open(archive, data, inProcessBuilder);
    const file = path.join(archive, DOC_002);
    const original = await readFile(file, 'utf8');
    expect(original).toContain('liquefied');
    await writeFile(file, original.replace(/liquefied/g, 'quetzalcoatl'));

    const after = recordingBuilder();
    const ws = await open(archive, data, after.builder);
    expect(after.builds).toEqual([[DOC_002]]);
    expect(ids(ws, 'quetzalcoatl')).toEqual([DOC_002]);
    expect(ids(ws, 'liquefied')).not.toContain(DOC_002);
    // The unchanged documents are still found through the cached segment.
    expect(ids(ws, 'Ruzakhunov')).toContain(DOC_004);
  });

  it('forgets a removed file without rebuilding, and indexes an added one', async () => {
    const [archive, data] = [await copyOfSeedArchive(), await temp.make()];
    await open(archive, data, inProcessBuilder);
    await rm(path.join(archive, DOC_004));
    await writeFile(path.join(archive, 'new.txt'), 'A new article\n\nRuzakhunov spoke again.');

    const after = recordingBuilder();
    const ws = await open(archive, data, after.builder);
    expect(after.builds).toEqual([['new.txt']]);
    expect(ids(ws, 'Ruzakhunov')).not.toContain(DOC_004);
    expect(ids(ws, 'Ruzakhunov')).toContain('new.txt');
  });

  it('rebuilds from the documents when the cache is damaged, says so, and caches afresh', async () => {
    const [archive, data] = [await copyOfSeedArchive(), await temp.make()];
    await open(archive, data, inProcessBuilder);
    const cacheDir = path.join(archiveDataDir(data, archive), 'index');
    const segment = (await readdir(cacheDir)).find((f) => f.startsWith('segment-')) as string;
    await writeFile(path.join(cacheDir, segment), '{"format":"casefile-index-segment", truncated');

    const rebuilt = recordingBuilder();
    const ws = await open(archive, data, rebuilt.builder);
    expect(rebuilt.builds).toEqual([[...SEED_IDS].sort()]);
    expect(ws.indexStatus().problem).toBeNull(); // the fresh cache was written
    expect(ids(ws, 'Zhanaozen').length).toBeGreaterThan(0);

    const again = recordingBuilder();
    await open(archive, data, again.builder);
    expect(again.builds).toEqual([]);
  });

  it('reports an unreadable cache until it is replaced', async () => {
    const [archive, data] = [await copyOfSeedArchive(), await temp.make()];
    await open(archive, data, inProcessBuilder);
    const manifest = path.join(archiveDataDir(data, archive), 'index', 'manifest.json');
    await writeFile(manifest, JSON.stringify({ format: 'casefile-index', version: 999, segments: [] }));
    const ws = await openWorkstation({ archiveDir: archive, dataDir: data, indexBuilder: inProcessBuilder });
    // Right after open the index is being rebuilt, and the status says why.
    expect(ws.indexStatus().problem).toMatch(/cached search index could not be read/);
    await ws.indexReady();
    expect(ids(ws, 'Zhanaozen').length).toBeGreaterThan(0);
  });

  it('keeps searching what is indexed when a build fails, and says how many documents are missing', async () => {
    const [archive, data] = [await copyOfSeedArchive(), await temp.make()];
    await open(archive, data, inProcessBuilder);
    await writeFile(path.join(archive, 'new.txt'), 'A new article\n\nRuzakhunov spoke again.');
    const failing: SegmentBuilder = () => Promise.reject(new Error('disk on fire'));
    const ws = await open(archive, data, failing);
    expect(ws.indexStatus()).toMatchObject({ state: 'ready' });
    expect(ws.indexStatus().problem).toMatch(/indexing failed \(disk on fire\); 1 document is not searchable/);
    expect(ids(ws, 'Ruzakhunov')).toContain(DOC_004);
    expect(ids(ws, 'Ruzakhunov')).not.toContain('new.txt');
  });

  it('rebuilds the whole index, not a delta, when most documents changed', async () => {
    const [archive, data] = [await copyOfSeedArchive(), await temp.make()];
    await open(archive, data, inProcessBuilder);
    for (const name of SEED_IDS) {
      const file = path.join(archive, name);
      await writeFile(file, `${await readFile(file, 'utf8')}\nEdited.`);
    }
    const after = recordingBuilder();
    await open(archive, data, after.builder);
    expect(after.builds).toEqual([[...SEED_IDS].sort()]);
    const cacheFiles = await readdir(path.join(archiveDataDir(data, archive), 'index'));
    expect(cacheFiles.filter((f) => f.startsWith('segment-'))).toHaveLength(1);
  });
});

describe('stopping and resuming indexing', () => {
  const NEW = { name: 'new.txt', text: 'A new article\n\nRuzakhunov spoke again of the xenolith.' };

  /** The seed archive indexed and cached, then a file added and the archive opened again, its build under way. */
  async function buildingNewFile() {
    const [archive, data] = [await copyOfSeedArchive(), await temp.make()];
    await (await open(archive, data, inProcessBuilder)).close();
    const cacheDir = path.join(archiveDataDir(data, archive), 'index');
    const cached = await cacheFiles(cacheDir);
    await writeFile(path.join(archive, NEW.name), NEW.text);
    const gated = gatedBuilder();
    const ws = await openWorkstation({ archiveDir: archive, dataDir: data, indexBuilder: gated.builder });
    await eventually(() => gated.builds.length === 1, 'the build starts');
    return { archive, data, cacheDir, cached, gated, ws };
  }

  it('stops a build under way: what was indexed stays searchable, nothing of the build is written, and resuming indexes the rest', async () => {
    const { cacheDir, cached, gated, ws } = await buildingNewFile();
    expect(ws.indexStatus().state).toBe('indexing');

    const paused = await callApi(ws, 'cancelIndexing', {});
    expect(paused).toMatchObject({ state: 'paused', done: SEED_IDS.length, total: SEED_IDS.length + 1 });
    await ws.indexReady(); // does not wait for a resume
    expect(ids(ws, 'Ruzakhunov')).toContain(DOC_004);
    expect(ids(ws, 'xenolith')).toEqual([]);
    expect(await cacheFiles(cacheDir)).toEqual(cached);
    expect(await ws.cancelIndexing()).toMatchObject({ state: 'paused' }); // stopping again changes nothing

    gated.release();
    expect(await apiError(ws, 'resumeIndexing', { now: true })).toMatchObject({ code: 'invalid-argument' });
    expect((await callApi(ws, 'resumeIndexing', {})).state).toBe('indexing');
    await ws.indexReady();
    expect(ws.indexStatus()).toMatchObject({ state: 'ready', problem: null });
    expect(gated.builds).toEqual([[NEW.name], [NEW.name]]);
    expect(ids(ws, 'xenolith')).toEqual([NEW.name]);
    expect(ids(ws, 'Ruzakhunov')).toEqual(expect.arrayContaining([DOC_004, NEW.name]));
    await ws.close();
  });

  it('never answers from the old version of a document changed while a build is under way', async () => {
    const { archive, gated, ws } = await buildingNewFile();
    const file = path.join(archive, DOC_002);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/liquefied/g, 'quetzalcoatl'));
    const sha = ws.archive.listDocuments().find((d) => d.id === DOC_002)?.sha256;
    // Read again (the running build does not hold it); opening it waits for its indexing, this test does not.
    const opening = ws.getDocument(DOC_002);
    await eventually(() => ws.archive.listDocuments().find((d) => d.id === DOC_002)?.sha256 !== sha, 'the new version is read');
    // Its old version's places would point into the new text at the wrong words: until indexed
    // again it is not searchable, as the status says.
    expect(ids(ws, 'liquefied')).not.toContain(DOC_002);
    expect(ws.indexStatus().done).toBeLessThan(ws.indexStatus().total);
    gated.release();
    await opening;
    await ws.indexReady();
    expect(ids(ws, 'quetzalcoatl')).toEqual([DOC_002]);
    expect(ids(ws, 'liquefied')).not.toContain(DOC_002);
    await ws.close();
  });

  it('closes without waiting for a build under way, writes none of it, and builds at the next open', async () => {
    const [archive, data] = [await copyOfSeedArchive(), await temp.make()];
    const gated = gatedBuilder(); // never released: only stopping ends this build
    const ws = await openWorkstation({ archiveDir: archive, dataDir: data, indexBuilder: gated.builder });
    await eventually(() => gated.builds.length === 1, 'the first build starts');
    await ws.close();
    expect(ws.indexStatus()).toMatchObject({ state: 'paused', done: 0, total: SEED_IDS.length });
    const cacheDir = path.join(archiveDataDir(data, archive), 'index');
    expect(Object.keys(await cacheFiles(cacheDir)).filter((f) => f.startsWith('segment-'))).toEqual([]);

    const next = recordingBuilder();
    const reopened = await open(archive, data, next.builder);
    expect(next.builds).toEqual([[...SEED_IDS].sort()]);
    expect(reopened.indexStatus()).toMatchObject({ state: 'ready', origin: 'built' });
    expect(ids(reopened, 'Ruzakhunov')).toContain(DOC_004);
  });

  it('closes a stopped index, which catches up at the next open', async () => {
    const { archive, data, ws } = await buildingNewFile();
    expect((await ws.cancelIndexing()).state).toBe('paused');
    await ws.close();

    const next = recordingBuilder();
    const reopened = await open(archive, data, next.builder);
    expect(next.builds).toEqual([[NEW.name]]);
    expect(ids(reopened, 'xenolith')).toEqual([NEW.name]);
  });

  it('resumes when the archive changes while indexing is stopped', async () => {
    const { gated, ws } = await buildingNewFile();
    expect((await ws.cancelIndexing()).state).toBe('paused');

    gated.release();
    await ws.archive.addFiles([{ name: 'more.txt', bytes: new TextEncoder().encode('More\n\nAnother xenolith was found.') }]);
    expect(ws.indexStatus().state).toBe('indexing');
    await ws.indexReady();
    expect(ws.indexStatus().state).toBe('ready');
    expect(ids(ws, 'xenolith')).toEqual([NEW.name, 'more.txt'].sort());
    await ws.close();
  });

  it('stops an in-process build between documents', async () => {
    const documents = documentsOf(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`doc-${i}.txt`, `Report ${i}\n\nWords of item${i}.`])));
    const stop = new AbortController();
    const progress: number[] = [];
    const build = inProcessBuilder(documents, ({ done }) => {
      progress.push(done);
      if (done === 3) stop.abort();
    }, stop.signal);
    await expect(build).rejects.toMatchObject({ name: 'AbortError' });
    expect(progress).toEqual([1, 2, 3]);
  });
});

describe('indexing in a worker thread', () => {
  it('builds a large set of documents off the calling thread, reporting progress up to the total', async () => {
    const documents: IndexableDocument[] = Array.from({ length: WORKER_THRESHOLD + 10 }, (_, i) => ({
      id: `doc-${i}.txt`,
      title: `Document ${i}`,
      byline: null,
      text: `Paragraph about item${i} and the Zhanaozen strike.`,
      sha256: `sha-${i}`,
    }));
    const progress: number[] = [];
    const segments = await workerBuilder(documents, ({ done, total }) => {
      expect(total).toBe(documents.length);
      progress.push(done);
    });
    expect(segments.flatMap((s) => s.header.docs)).toHaveLength(documents.length);
    expect(progress.at(-1)).toBe(documents.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  }, 30_000);

  it('ends the indexing threads when the build is stopped', async () => {
    // Linux counts a process's threads in /proc; each indexing worker adds some while it runs.
    const threads = (): number => readdirSync('/proc/self/task').length;
    const sentence = (i: number) => `Workers of field ${i % 13} spoke of item${i} and the strike. `;
    // Big enough that the build goes on for seconds after its first progress, had its threads not been ended.
    const documents = documentsOf(Object.fromEntries(Array.from({ length: SHARD_THRESHOLD + 100 }, (_, i) => [`doc-${i}.txt`, `Report ${i}\n\n${sentence(i).repeat(300)}`])));
    const before = threads();
    // The whole build, here and now: threads left running after a stop would end only near its end.
    const fullStarted = performance.now();
    await workerBuilder(documents, () => {});
    const fullBuildMs = performance.now() - fullStarted;
    await eventually(() => threads() <= before, 'the threads of the whole build end');
    const stop = new AbortController();
    let reported = 0;
    const build = workerBuilder(documents, ({ done }) => (reported = done), stop.signal);
    await eventually(() => reported > 0, 'the workers report progress');
    expect(threads()).toBeGreaterThan(before);
    stop.abort();
    const stoppedAt = performance.now();
    await expect(build).rejects.toMatchObject({ name: 'AbortError' });
    // The OS may take a moment to reap an ended thread, far less than the build would have taken.
    // Measured against the whole build just before, not a fixed time, so that load slows both alike.
    await eventually(() => threads() <= before, 'the indexing threads end');
    expect(performance.now() - stoppedAt).toBeLessThan(fullBuildMs / 2);
    expect(reported).toBeLessThan(documents.length);
  }, 60_000);
});

describe('a large build split into shards', () => {
  it('indexes every document once, one shard per core, and finds what one index finds', async () => {
    const names = ['Tokayev', 'Tokaev', 'Nazarbayev', 'Zhanaozen', 'Almaty', 'Kassym-Jomart'];
    const texts: Record<string, string> = {};
    for (let i = 0; i < SHARD_THRESHOLD + 100; i++) {
      texts[`box-${i % 7}/doc-${i}.txt`] = `Report ${i}\n\n${names[i % names.length]} spoke about the oil strike in item${i % 50}.\nWorkers of field ${i % 13} ${i % 3 === 0 ? 'shot without warning' : 'went home'}.`;
    }
    const documents = documentsOf(texts);
    const segments = await workerBuilder(documents, () => {});
    expect(segments).toHaveLength(Math.min(availableParallelism(), 8));
    const ids = segments.flatMap((s) => s.header.docs.map(([id]) => id));
    expect(ids.sort()).toEqual(documents.map((d) => d.id).sort());

    const sharded = new CompactSearchEngine(segments.map((s) => Segment.load(s)), new Map(documents.map((d) => [d.id, d])));
    const whole = CompactSearchEngine.fromDocuments(documents);
    for (const query of ['Tokayev', 'item7', '"shot without warning"', '+oil +item3', 'Zhanao*', 'Nazarbaev', 'field -item1']) {
      const all = (engine: CompactSearchEngine) => engine.search(query, { limit: 10_000 }).hits.map((h) => h.id).sort();
      expect(all(sharded), query).toEqual(all(whole));
    }
  }, 120_000);
});

describe('a running workstation follows the archive folder', () => {
  it('indexes files added, changed and removed while it runs', async () => {
    const [archive, data] = [await copyOfSeedArchive(), await temp.make()];
    const ws = await open(archive, data, inProcessBuilder);
    await ws.watch();
    try {
      await writeFile(path.join(archive, 'added.txt'), 'Added later\n\nThe word xenolith appears here.');
      await eventually(async () => {
        await ws.indexReady();
        return ids(ws, 'xenolith').includes('added.txt');
      }, 'the added file is found');
      expect(ws.archive.listDocuments().map((d) => d.id)).toContain('added.txt');

      await writeFile(path.join(archive, 'added.txt'), 'Added later\n\nNow it says basalt.');
      await eventually(async () => {
        await ws.indexReady();
        return ids(ws, 'basalt').includes('added.txt') && !ids(ws, 'xenolith').includes('added.txt');
      }, 'the changed file is found by its new words only');

      await rm(path.join(archive, 'added.txt'));
      await eventually(async () => {
        await ws.indexReady();
        return !ids(ws, 'basalt').includes('added.txt');
      }, 'the removed file is gone');
      expect(ws.archive.listDocuments().map((d) => d.id)).not.toContain('added.txt');
    } finally {
      await ws.close();
    }
  }, 30_000);

  it('reads a document again when its metadata sidecar is written while it runs', async () => {
    const [archive, data] = [await copyOfSeedArchive(), await temp.make()];
    const ws = await open(archive, data, inProcessBuilder);
    await ws.watch();
    try {
      const sidecar = path.join(archive, DOC_002.replace(/\.txt$/, '.meta.json'));
      await writeFile(sidecar, JSON.stringify({ title: 'A title stated in the sidecar', publisher: 'Crimethinc' }));
      await eventually(() => ws.archive.listDocuments().find((d) => d.id === DOC_002)?.title === 'A title stated in the sidecar', 'the new title shows');
      expect(ws.archive.listDocuments().find((d) => d.id === DOC_002)?.publisher).toBe('Crimethinc');
    } finally {
      await ws.close();
    }
  }, 30_000);

  it('never shows a stale document: getDocument reads the file again and matches the new text', async () => {
    const [archive, data] = [await copyOfSeedArchive(), await temp.make()];
    const ws = await open(archive, data, inProcessBuilder);
    const file = path.join(archive, DOC_002);
    const edited = (await readFile(file, 'utf8')).replace(/liquefied/g, 'quetzalcoatl');
    await writeFile(file, edited);
    const opened = await ws.getDocument(DOC_002, 'quetzalcoatl');
    expect(opened.document.text).toBe(edited.replace(/\r\n?/g, '\n').normalize('NFC'));
    expect(opened.matches.length).toBeGreaterThan(0);
    for (const [start, end] of opened.matches) expect(opened.document.text.slice(start, end)).toBe('quetzalcoatl');
    expect(ids(ws, 'quetzalcoatl')).toEqual([DOC_002]);
  });

  it('reports a document whose file was deleted as not found, and drops it from search', async () => {
    const [archive, data] = [await copyOfSeedArchive(), await temp.make()];
    const ws = await open(archive, data, inProcessBuilder);
    await rm(path.join(archive, DOC_004));
    await expect(ws.getDocument(DOC_004)).rejects.toMatchObject({ code: 'not-found' });
    await ws.indexReady();
    expect(ids(ws, 'Ruzakhunov')).not.toContain(DOC_004);
  });
});
