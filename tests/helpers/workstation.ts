import { mkdir, readdir, realpath, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { invokeApi, type ApiError, type ArgsOf, type MethodName, type ResultOf } from '../../src/core/api';
import { archiveDataDir } from '../../src/core/locations';
import { inProcessBuilder } from '../../src/core/search/index-builder';
import { Workstation, type WorkstationOptions } from '../../src/core/workstation';
import { tempDirs } from './temp-dir';

const opened = new Set<Workstation>();

/**
 * Opens a workstation for one test; it is closed after the test (by `tempDirsPerTest`'s cleanup,
 * before the folders go, or by `closeWorkstations`), so no watcher, index thread or pending save
 * outlives its test. A workstation shared by the tests of a file (opened in beforeAll) is opened
 * with Workstation.open and closed in afterAll instead.
 */
export async function openWorkstation(options: WorkstationOptions): Promise<Workstation> {
  const ws = await Workstation.open(options);
  opened.add(ws);
  return ws;
}

/** Closes every workstation opened by `openWorkstation` (or a bench) and not closed yet. */
export async function closeWorkstations(): Promise<void> {
  const open = [...opened];
  opened.clear();
  await Promise.all(open.map((ws) => ws.close()));
}

/** Temporary folders for the tests of one file: after each test its workstations are closed, then its folders removed. */
export function tempDirsPerTest(prefix: string): ReturnType<typeof tempDirs> {
  const dirs = tempDirs(prefix);
  afterEach(async () => {
    await closeWorkstations();
    await dirs.cleanup();
  });
  return dirs;
}

/** A clock that moves `stepMs` on each reading, so that every change gets a later time than the one before. */
export function steppingClock(startIso = '2024-05-01T12:00:00.000Z', stepMs = 1000): () => Date {
  let t = Date.parse(startIso);
  return () => new Date((t += stepMs));
}

/**
 * A test's own archive folder and data folder, with the files it writes into the archive. Every
 * `open()` gives a fresh Workstation on both (indexing in-process, closed after the test), sharing
 * one stepping clock so later changes always carry later times.
 */
export interface Bench {
  archiveDir: string;
  dataDir: string;
  clock: () => Date;
  open(): Promise<Workstation>;
  write(id: string, text: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** The annotation store file of this archive in the data folder. */
  storeFile(): Promise<string>;
  /** Names of the files in the archive's data folder that start with `annotations.json`, sorted. */
  storeFiles(): Promise<string[]>;
}

export async function makeBench(makeDir: () => Promise<string>, files: Record<string, string>, clock = steppingClock()): Promise<Bench> {
  const [archiveDir, dataDir] = [await makeDir(), await makeDir()];
  const bench: Bench = {
    archiveDir,
    dataDir,
    clock,
    open: () => openWorkstation({ archiveDir, dataDir, now: clock, indexBuilder: inProcessBuilder }),
    write: async (id, text) => {
      await mkdir(path.dirname(path.join(archiveDir, id)), { recursive: true });
      await writeFile(path.join(archiveDir, id), text);
    },
    remove: (id) => rm(path.join(archiveDir, id)),
    storeFile: async () => path.join(archiveDataDir(dataDir, await realpath(archiveDir)), 'annotations.json'),
    storeFiles: async () => {
      const dir = path.dirname(await bench.storeFile());
      return (await readdir(dir)).filter((name) => name.startsWith('annotations.json')).sort();
    },
  };
  for (const [id, text] of Object.entries(files)) await bench.write(id, text);
  return bench;
}

/** Writes the store file of a bench by hand (before the workstation is opened). */
export async function writeStoreFile(bench: Bench, content: string): Promise<string> {
  const file = await bench.storeFile();
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

/** Calls an API method as the shells do and returns its value; a refusal fails the test with its message. */
export async function callApi<M extends MethodName>(ws: Workstation, method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const result = await invokeApi(ws, method, args);
  if (!result.ok) throw new Error(`${method} refused: ${result.error.code}: ${result.error.message}`);
  return result.value as ResultOf<M>;
}

/** Calls an API method that must be refused, and returns the error it gave. */
export async function apiError(ws: Workstation, method: string, args: unknown): Promise<ApiError> {
  const result = await invokeApi(ws, method, args);
  expect(result.ok, `${method} should have been refused`).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.message).not.toBe('');
  return result.error;
}
