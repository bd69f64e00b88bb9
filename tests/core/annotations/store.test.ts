import { spawn } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { AnnotationStore, backupPath } from '../../../src/core/annotations/store';
import { CasefileError } from '../../../src/core/errors';
import { sampleAnnotation } from '../../helpers/annotations';
import { REPO_ROOT } from '../../helpers/archive-files';
import { tempDirs } from '../../helpers/temp-dir';

const temp = tempDirs('casefile-store-');
afterEach(temp.cleanup);

async function storeFile(): Promise<string> {
  return path.join(await temp.make(), 'annotations.json');
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('AnnotationStore', () => {
  it('starts empty when the file does not exist yet, without creating it', async () => {
    const file = await storeFile();
    const store = await AnnotationStore.open(file);
    expect(store.problem).toBeNull();
    expect(store.list()).toEqual([]);
    expect(await readdir(path.dirname(file))).toEqual([]);
  });

  it('gives back, after reopening, exactly the annotations that were put', async () => {
    const file = await storeFile();
    const store = await AnnotationStore.open(file);
    const annotations = [sampleAnnotation({ note: 'first “quoted” note', tags: ['a', 'b'] }, 1), sampleAnnotation({ color: 'pink' }, 2)];
    for (const a of annotations) await store.put(a);
    expect(store.list()).toEqual(annotations);

    const reopened = await AnnotationStore.open(file);
    expect(reopened.problem).toBeNull();
    expect(reopened.list()).toEqual(annotations);
    expect(reopened.get(annotations[0].id)).toEqual(annotations[0]);
  });

  it('lists annotations in order of creation', async () => {
    const store = await AnnotationStore.open(await storeFile());
    const later = sampleAnnotation({}, 5);
    const earlier = sampleAnnotation({}, 1);
    await store.put(later);
    await store.put(earlier);
    expect(store.list().map((a) => a.id)).toEqual([earlier.id, later.id]);
  });

  it('replaces an annotation put again with the same id', async () => {
    const file = await storeFile();
    const store = await AnnotationStore.open(file);
    const a = sampleAnnotation({ note: 'before' });
    await store.put(a);
    await store.put({ ...a, note: 'after' });
    expect((await AnnotationStore.open(file)).list()).toEqual([{ ...a, note: 'after' }]);
  });

  it('removes an annotation for good, and reports whether there was one to remove', async () => {
    const file = await storeFile();
    const store = await AnnotationStore.open(file);
    const keep = sampleAnnotation({}, 1);
    const drop = sampleAnnotation({}, 2);
    await store.put(keep);
    await store.put(drop);
    expect(await store.remove(drop.id)).toBe(true);
    expect(await store.remove(drop.id)).toBe(false);
    expect(store.get(drop.id)).toBeUndefined();
    expect((await AnnotationStore.open(file)).list()).toEqual([keep]);
  });

  it('refuses an annotation that does not match the format, and keeps nothing of it', async () => {
    const file = await storeFile();
    const store = await AnnotationStore.open(file);
    const bad = { ...sampleAnnotation(), id: 'not-a-uuid' };
    await expect(store.put(bad)).rejects.toThrow();
    expect((await AnnotationStore.open(file)).list()).toEqual([]);
  });

  it('keeps the previous version as <file>.bak after a second save', async () => {
    const file = await storeFile();
    const store = await AnnotationStore.open(file);
    await store.put(sampleAnnotation({}, 1));
    const firstVersion = await readFile(file, 'utf8');
    await store.put(sampleAnnotation({}, 2));
    expect(backupPath(file)).toBe(`${file}.bak`);
    expect(await readFile(`${file}.bak`, 'utf8')).toBe(firstVersion);
    expect(await readFile(file, 'utf8')).not.toBe(firstVersion);
  });

  it('backs up the version it opened before its first save', async () => {
    const file = await storeFile();
    const first = await AnnotationStore.open(file);
    await first.put(sampleAnnotation({}, 1));
    const opened = await readFile(file, 'utf8');
    const second = await AnnotationStore.open(file);
    await second.put(sampleAnnotation({}, 2));
    expect(await readFile(`${file}.bak`, 'utf8')).toBe(opened);
  });

  it('writes every one of many concurrent puts', async () => {
    const file = await storeFile();
    const store = await AnnotationStore.open(file);
    const annotations = Array.from({ length: 25 }, (_, i) => sampleAnnotation({}, i));
    await Promise.all(annotations.map((a) => store.put(a)));
    await store.flush();
    expect((await AnnotationStore.open(file)).list()).toEqual(annotations);
  });
});

describe('AnnotationStore with a damaged file', () => {
  it.each([
    ['invalid JSON', '{ "format": "casefile-annotations", "version": 1, "annotations": [ {'],
    ['JSON of another format', JSON.stringify({ format: 'something-else', version: 1, annotations: [] })],
    ['an annotation without an id', JSON.stringify({ format: 'casefile-annotations', version: 1, annotations: [{ note: 'x' }] })],
  ])('reports %s as a problem naming the file, and never overwrites it', async (_what, content) => {
    const file = await storeFile();
    await writeFile(file, content);
    const before = await readFile(file);

    const store = await AnnotationStore.open(file);
    expect(store.problem).not.toBeNull();
    expect(store.problem?.file).toBe(file);
    expect(store.problem?.message).toContain(file);
    expect(store.problem?.backupFile).toBe(`${file}.bak`);
    expect(store.list()).toEqual([]);

    const putError = await rejection(store.put(sampleAnnotation()));
    expect(putError).toBeInstanceOf(CasefileError);
    expect((putError as CasefileError).code).toBe('store-corrupt');
    const removeError = await rejection(store.remove(sampleAnnotation().id));
    expect((removeError as CasefileError).code).toBe('store-corrupt');

    expect((await readFile(file)).equals(before)).toBe(true);
    expect(await readdir(path.dirname(file))).toEqual(['annotations.json']);
  });
});

describe('AnnotationStore when the process is killed mid-save', () => {
  const child = fileURLToPath(new URL('../../helpers/store-crash-child.ts', import.meta.url));

  it('keeps every annotation whose save had completed, and a readable file', async () => {
    const file = await storeFile();
    const proc = spawn(process.execPath, ['--import', 'tsx', child, file], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      proc.on('close', (code, signal) => resolve({ code, signal })),
    );
    await new Promise<void>((resolve) => {
      proc.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        // Kill at an arbitrary moment once enough saves have completed.
        if (stdout.split('\n').length > 25 && !proc.killed) {
          proc.kill('SIGKILL');
          resolve();
        }
      });
      void exited.then(() => resolve());
    });
    const { signal } = await exited;
    expect(stderr).toBe('');
    expect(signal).toBe('SIGKILL');

    // Only whole lines count: the last one may have been cut by the kill.
    const printed = stdout.split('\n').slice(0, -1);
    expect(printed.length).toBeGreaterThanOrEqual(20);

    const store = await AnnotationStore.open(file);
    expect(store.problem).toBeNull();
    const stored = store.list().map((a) => a.id);
    expect(stored).toEqual(expect.arrayContaining(printed));
    // At most the one save in flight at the kill may have landed without being reported.
    expect(stored.length).toBeLessThanOrEqual(printed.length + 1);
  });
});
