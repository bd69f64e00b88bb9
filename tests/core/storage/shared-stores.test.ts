/**
 * Several Casefile processes on one data folder: each store instance below stands for a process
 * (its own memory, the same files). Nothing one of them saved may be erased by another's save, a
 * change is made to the file as it is on disk, and a process that watches sees the others' changes.
 */
import { mkdir, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AnnotationStore } from '../../../src/core/annotations/store';
import { MetadataOverrides } from '../../../src/core/archive/metadata-overrides';
import { DossierStore } from '../../../src/core/dossier/dossier-store';
import { PreferencesStore } from '../../../src/core/preferences';
import { STALE_LOCK_MS } from '../../../src/core/storage/file-lock';
import { sampleAnnotation } from '../../helpers/annotations';
import { tempDirs } from '../../helpers/temp-dir';

const temp = tempDirs('casefile-shared-');
afterEach(() => temp.cleanup());

const now = () => new Date('2026-01-02T03:04:05Z');

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!condition()) throw new Error(`never happened: ${what}`);
}

describe('annotations shared by two processes', () => {
  it('keeps every annotation either saved, their saves interleaved', async () => {
    const file = path.join(await temp.make(), 'annotations.json');
    const first = await AnnotationStore.open(file);
    const second = await AnnotationStore.open(file);
    const saved: string[] = [];
    await Promise.all([
      (async () => {
        for (let i = 0; i < 30; i++) {
          const a = sampleAnnotation({}, i);
          await first.put(a);
          saved.push(a.id);
        }
      })(),
      (async () => {
        for (let i = 0; i < 30; i++) {
          const a = sampleAnnotation({}, 100 + i);
          await second.put(a);
          saved.push(a.id);
        }
      })(),
    ]);
    const reopened = await AnnotationStore.open(file);
    expect(reopened.list().map((a) => a.id).sort()).toEqual([...saved].sort());
    expect(saved).toHaveLength(60);
  });

  it('does not erase an annotation another process saved after this one last read the file', async () => {
    const file = path.join(await temp.make(), 'annotations.json');
    const shell = await AnnotationStore.open(file);
    await shell.put(sampleAnnotation({}, 1));
    const cli = await AnnotationStore.open(file);
    const fromCli = sampleAnnotation({ note: 'made with the CLI' }, 2);
    await cli.put(fromCli);
    // The shell's next save (its memory has never seen the CLI's annotation).
    await shell.put(sampleAnnotation({}, 3));
    const reopened = await AnnotationStore.open(file);
    expect(reopened.get(fromCli.id)?.note).toBe('made with the CLI');
    expect(reopened.list()).toHaveLength(3);
  });

  it('removes only what it was asked to remove', async () => {
    const file = path.join(await temp.make(), 'annotations.json');
    const a = await AnnotationStore.open(file);
    const b = await AnnotationStore.open(file);
    const doomed = sampleAnnotation({}, 1);
    await a.put(doomed);
    const kept = sampleAnnotation({}, 2);
    await b.put(kept);
    expect(await a.remove(doomed.id)).toBe(true);
    expect((await AnnotationStore.open(file)).list().map((x) => x.id)).toEqual([kept.id]);
  });

  it('shows another process its changes while it watches the file', async () => {
    const file = path.join(await temp.make(), 'annotations.json');
    const watching = await AnnotationStore.open(file);
    let told = 0;
    const stop = watching.watch(() => told++);
    try {
      const other = await AnnotationStore.open(file);
      const made = sampleAnnotation({}, 7);
      await other.put(made);
      await until(() => watching.get(made.id) !== undefined, 'the watching store reloads');
      expect(told).toBeGreaterThan(0);
      await other.remove(made.id);
      await until(() => watching.get(made.id) === undefined, 'the removal reaches the watching store');
    } finally {
      stop();
    }
  });
});

describe('the lock in the data folder', () => {
  it('takes over a lock left by a process that died (not renewed for longer than the stale time)', async () => {
    const file = path.join(await temp.make(), 'annotations.json');
    const store = await AnnotationStore.open(file);
    const lock = `${file}.lock`;
    await mkdir(lock);
    const past = new Date(Date.now() - STALE_LOCK_MS * 3);
    await utimes(lock, past, past);
    await store.put(sampleAnnotation({}, 1));
    expect((await AnnotationStore.open(file)).list()).toHaveLength(1);
  });

  it('waits while another process holds the lock, and saves once it lets go', async () => {
    const file = path.join(await temp.make(), 'annotations.json');
    const store = await AnnotationStore.open(file);
    const lock = `${file}.lock`;
    await mkdir(lock);
    let saved = false;
    const saving = store.put(sampleAnnotation({}, 1)).then(() => {
      saved = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(saved).toBe(false);
    const { rm } = await import('node:fs/promises');
    await rm(lock, { recursive: true });
    await saving;
    expect((await AnnotationStore.open(file)).list()).toHaveLength(1);
  });

  it('removes temporary files a killed save left behind when it opens, and nothing else', async () => {
    const dir = await temp.make();
    const file = path.join(dir, 'annotations.json');
    const store = await AnnotationStore.open(file);
    await store.put(sampleAnnotation({}, 1));
    await store.put(sampleAnnotation({}, 2)); // the first version is now the backup
    await writeFile(`${file}.3735928559`, '{"half": ');
    await writeFile(`${file}.bak.12345`, '{"half": ');
    await writeFile(path.join(dir, 'annotations.json.damaged-2026'), 'kept');
    await writeFile(path.join(dir, 'dossiers.json.42'), 'not this store’s');
    await AnnotationStore.open(file);
    expect((await readdir(dir)).sort()).toEqual(['annotations.json', 'annotations.json.bak', 'annotations.json.damaged-2026', 'dossiers.json.42'].sort());
    expect((await stat(file)).size).toBeGreaterThan(0);
  });
});

describe('dossiers, metadata corrections and preferences shared by two processes', () => {
  it('keeps the dossiers both processes created, and each one’s changes to the same dossier', async () => {
    const file = path.join(await temp.make(), 'dossiers.json');
    const app = await DossierStore.open(file, now);
    const cli = await DossierStore.open(file, now);
    const one = await app.create('One');
    const two = await cli.create('Two');
    await app.update(one.id, { title: 'First title' });
    // The CLI changes the introduction of a dossier it has never read: the app's title stays.
    await cli.update(one.id, { introduction: 'Written elsewhere' });
    const reopened = await DossierStore.open(file, now);
    expect(reopened.list().map((d) => d.name)).toEqual(['One', 'Two']);
    expect(reopened.get(one.id)).toMatchObject({ title: 'First title', introduction: 'Written elsewhere' });
    expect(reopened.get(two.id).name).toBe('Two');
  });

  it('refuses a name another process took meanwhile', async () => {
    const file = path.join(await temp.make(), 'dossiers.json');
    const app = await DossierStore.open(file, now);
    const cli = await DossierStore.open(file, now);
    await cli.create('Same');
    await expect(app.create('Same')).rejects.toThrow(/already exists/);
    expect((await DossierStore.open(file, now)).list()).toHaveLength(1);
  });

  it('keeps the corrections both processes made', async () => {
    const file = path.join(await temp.make(), 'metadata.json');
    const app = await MetadataOverrides.open(file);
    const cli = await MetadataOverrides.open(file);
    await app.set('a.txt', { title: 'A title' });
    await cli.set('b.txt', { byline: 'B byline' });
    await cli.set('a.txt', { date: '2022-01-07' });
    const reopened = await MetadataOverrides.open(file);
    expect(reopened.get('a.txt')).toEqual({ title: 'A title', date: '2022-01-07' });
    expect(reopened.get('b.txt')).toEqual({ byline: 'B byline' });
  });

  it('tells a watcher which documents’ corrections another process changed', async () => {
    const file = path.join(await temp.make(), 'metadata.json');
    const app = await MetadataOverrides.open(file);
    const seen: string[][] = [];
    const stop = app.watch((ids) => seen.push(ids));
    try {
      await (await MetadataOverrides.open(file)).set('c.txt', { title: 'C' });
      await until(() => seen.length > 0, 'the watcher is told');
      expect(seen.flat()).toEqual(['c.txt']);
      expect(app.get('c.txt')).toEqual({ title: 'C' });
    } finally {
      stop();
    }
  });

  it('keeps the recent archives when the author is set by another owner of the file', async () => {
    const dir = await temp.make();
    const session = await PreferencesStore.open(dir);
    const settings = await PreferencesStore.open(dir);
    await session.change(({ recentArchives }) => ({ recentArchives: ['/archives/one', ...recentArchives] }));
    await settings.set({ author: 'A. Researcher' });
    const reopened = await PreferencesStore.open(dir);
    expect(reopened.get()).toEqual({ author: 'A. Researcher', recentArchives: ['/archives/one'], language: 'system' });
  });

  it('keeps a damaged preferences file aside and starts from the defaults', async () => {
    const dir = await temp.make();
    await writeFile(path.join(dir, 'preferences.json'), '{ not json');
    const store = await PreferencesStore.open(dir, now);
    expect(store.problem).toMatch(/is not valid JSON.*moved to .*preferences\.json\.damaged-/);
    expect(store.get()).toEqual({ author: '', recentArchives: [], language: 'system' });
    await store.set({ author: 'Me' });
    expect((await readdir(dir)).filter((f) => f.includes('damaged'))).toHaveLength(1);
  });
});
