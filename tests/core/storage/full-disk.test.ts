/**
 * A full disk and a read-only folder, for real: the data folder and the archive sit on a small
 * tmpfs mounted for the test (root only; elsewhere these tests are skipped and say why). A refused
 * save must leave what the user sees exactly as it is on disk, name the cause, and leave nothing
 * for a later save to write by surprise.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, open, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CasefileError } from '../../../src/core/errors';
import { inProcessBuilder } from '../../../src/core/search/index-builder';
import { Workstation } from '../../../src/core/workstation';
import { steppingClock } from '../../helpers/workstation';
import { makeTempDir, removeDir } from '../../helpers/temp-dir';

const TEXT = 'Zhanaozen, 16 December 2011. Oil workers had been on strike for months. The police opened fire on the square.\n';

function tryMount(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let base = '';
let disk = '';
let mounted = false;
beforeAll(async () => {
  base = await makeTempDir('casefile-full-disk-');
  disk = path.join(base, 'disk');
  await mkdir(disk);
  mounted = process.getuid?.() === 0 && tryMount(disk, '8m');
});
afterAll(async () => {
  if (mounted) execFileSync('umount', ['-l', disk], { stdio: 'ignore' });
  await removeDir(base);
});

/** Fills the disk holding `dir` with one file, and returns how to give the space back. */
async function fill(dir: string): Promise<() => Promise<void>> {
  const filler = path.join(dir, 'filler.bin');
  const handle = await open(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) await handle.write(chunk);
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
  }
  // Small writes may still fit in the last partial block: fill that too.
  try {
    for (;;) await handle.write(Buffer.alloc(512));
  } catch {
    // full now
  }
  await handle.close();
  return () => rm(filler);
}

async function refusal(promise: Promise<unknown>): Promise<CasefileError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CasefileError);
  return error as CasefileError;
}

describe.skipIf(process.getuid?.() !== 0)('a full disk (tmpfs mounted for the test)', () => {
  it('refuses each change with the cause, shows only what is on disk, and undo knows only what was saved', async () => {
    expect(mounted, 'mounting a tmpfs failed').toBe(true);
    const archiveDir = path.join(disk, 'archive');
    const dataDir = path.join(disk, 'data');
    await mkdir(archiveDir);
    await writeFile(path.join(archiveDir, 'story.txt'), TEXT);
    const ws = await Workstation.open({ archiveDir, dataDir, now: steppingClock(), indexBuilder: inProcessBuilder });
    try {
      const kept = await ws.annotations.create({ docId: 'story.txt', start: 0, end: 9, note: 'first' });
      const dossier = await ws.dossiers.create('Strike');
      await ws.preferences.set({ author: 'Before' });
      const giveBack = await fill(disk);

      const created = await refusal(ws.annotations.create({ docId: 'story.txt', start: 11, end: 27 }));
      expect(created.code).toBe('write-failed');
      expect(created.message).toMatch(/the disk is full/);
      const edited = await refusal(ws.annotations.update({ id: kept.id, note: 'changed' }));
      expect(edited.message).toMatch(/the disk is full/);
      const deleted = await refusal(ws.annotations.delete(kept.id));
      expect(deleted.message).toMatch(/the disk is full/);
      expect(ws.annotations.list().map((a) => [a.id, a.note])).toEqual([[kept.id, 'first']]);

      await refusal(ws.dossiers.create('Refused'));
      await refusal(ws.dossiers.add(dossier.id, kept.id));
      expect(ws.dossiers.list().map((d) => [d.name, d.sections[0].items.length])).toEqual([['Strike', 0]]);
      await refusal(ws.preferences.set({ author: 'After' }));
      expect(ws.preferences.get().author).toBe('Before');
      await refusal(ws.archive.setDocumentMetadata('story.txt', { title: 'Refused title' }));
      expect(ws.archive.getDocumentMetadata('story.txt')).toEqual({});

      const added = await refusal(ws.archive.addFiles([{ name: 'more.txt', bytes: new TextEncoder().encode(TEXT.repeat(2000)) }]));
      expect(added.message).toMatch(/more\.txt could not be added: the disk is full/);
      // Nothing cut short is left in the archive to be indexed.
      expect((await readdir(archiveDir)).sort()).toEqual(['story.txt']);

      await giveBack();
      // The refused actions are not written by the next save, and undo steps over them.
      const later = await ws.annotations.create({ docId: 'story.txt', start: 29, end: 45, note: 'later' });
      expect((await ws.annotations.undo())?.action).toBe('create highlight');
      expect((await ws.annotations.undo())?.ids).toEqual([kept.id]);
      expect(ws.annotations.list()).toEqual([]);
      expect(later.id).not.toBe(kept.id);
    } finally {
      await ws.close();
    }
    const reopened = await Workstation.open({ archiveDir, dataDir, indexBuilder: inProcessBuilder });
    try {
      expect(reopened.annotations.list()).toEqual([]);
      expect(reopened.dossiers.list().map((d) => d.name)).toEqual(['Strike']);
      expect(reopened.preferences.get().author).toBe('Before');
    } finally {
      await reopened.close();
    }
  });

  it('names a read-only folder as the cause', async () => {
    expect(mounted, 'mounting a tmpfs failed').toBe(true);
    const archiveDir = path.join(disk, 'archive-ro');
    const dataDir = path.join(disk, 'data-ro');
    await mkdir(archiveDir);
    await writeFile(path.join(archiveDir, 'story.txt'), TEXT);
    const ws = await Workstation.open({ archiveDir, dataDir, now: steppingClock(), indexBuilder: inProcessBuilder });
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    try {
      const created = await refusal(ws.annotations.create({ docId: 'story.txt', start: 0, end: 9 }));
      expect(created.code).toBe('write-failed');
      expect(created.message).toMatch(/read-only disk/);
      expect(ws.annotations.list()).toEqual([]);
      const added = await refusal(ws.archive.addFiles([{ name: 'more.txt', bytes: new TextEncoder().encode(TEXT) }]));
      expect(added.message).toMatch(/more\.txt could not be added: the archive folder is on a read-only disk/);
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', disk]);
      await ws.close();
    }
  });
});

describe.skipIf(process.getuid?.() !== 0)('a read-only data folder (tmpfs mounted read-only)', () => {
  it('opens and shows what is stored; changes are refused with the cause', async () => {
    expect(mounted, 'mounting a tmpfs failed').toBe(true);
    const archiveDir = path.join(base, 'archive-elsewhere');
    await mkdir(archiveDir);
    await writeFile(path.join(archiveDir, 'story.txt'), TEXT);
    const dataDir = path.join(disk, 'data-opened-ro');
    const first = await Workstation.open({ archiveDir, dataDir, now: steppingClock(), indexBuilder: inProcessBuilder });
    const made = await first.annotations.create({ docId: 'story.txt', start: 0, end: 9, note: 'stored' });
    await first.close();
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    try {
      const ws = await Workstation.open({ archiveDir, dataDir, indexBuilder: inProcessBuilder });
      try {
        expect(ws.annotations.list().map((a) => a.id)).toEqual([made.id]);
        expect((await refusal(ws.annotations.update({ id: made.id, note: 'x' }))).message).toMatch(/read-only disk/);
        expect(ws.annotations.list()[0].note).toBe('stored');
      } finally {
        await ws.close();
      }
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', disk]);
    }
  });
});
