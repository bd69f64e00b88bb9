import { watch, type FSWatcher } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { CasefileError, errorMessage } from '../errors';
import { withFileLock } from './file-lock';
import { writeFailure } from './write-failure';

/** Why a stored file could not be read; the damaged file is left exactly as it was found. */
export interface StoreProblem {
  file: string;
  message: string;
  backupFile: string;
}

export function backupPath(file: string): string {
  return `${file}.bak`;
}

/** write-file-atomic's temporary names: `<file>.<32-bit number>`; one left behind means a save was killed. */
function isTemporaryOf(file: string, candidate: string): boolean {
  const base = path.basename(file);
  return candidate.startsWith(`${base}.`) && /^\.(?:bak\.)?\d+$/.test(candidate.slice(base.length));
}

/** How long changes seen on disk are gathered before reloading (an atomic save is a write and a rename). */
const RELOAD_SETTLE_MS = 40;

type Read<T> = { kind: 'absent' } | { kind: 'value'; text: string; value: T } | { kind: 'damaged'; reason: string };

/**
 * One JSON file of the user's work (annotations, dossiers, metadata corrections, preferences),
 * validated on load and safe to share between processes (the app, the web shell, the CLI):
 *
 * - every change runs under a lock in the data folder, on the file as it is on disk at that moment
 *   (`update` reads it again first), so a change made by another process is merged, never erased;
 * - a save is atomic (temporary file, fsync, rename) and keeps the previous version as `<file>.bak`,
 *   so a crash mid-save leaves the old or the new file, never a torn one;
 * - the value in memory changes only after the save succeeded: a refused save (a full disk, a
 *   read-only folder) leaves it exactly as on disk;
 * - a file that cannot be read is never overwritten: `problem` says why, and changes are refused until
 *   it is restored from the backup;
 * - `watch` follows changes other processes make, so a running process shows them.
 */
export class JsonFile<T> {
  private queue: Promise<unknown> = Promise.resolve();
  private listeners = new Set<() => void>();
  private watcher: FSWatcher | null = null;
  private reloadTimer: NodeJS.Timeout | null = null;

  private constructor(
    readonly file: string,
    private readonly what: string,
    private readonly schema: z.ZodType<T>,
    private readonly empty: T,
    private current: T,
    /** The file's text as last read or written: a reload that finds the same text changes nothing. */
    private text: string | null,
    private damage: StoreProblem | null,
  ) {}

  /**
   * Opens `file`; `schema` reads its content (migrating older versions). A missing file is `empty`.
   * Temporary files left by a save that was killed are removed (under the lock: no save is under way).
   */
  static async open<T>(file: string, what: string, schema: z.ZodType<T>, empty: T): Promise<JsonFile<T>> {
    const store = new JsonFile<T>(file, what, schema, empty, empty, null, null);
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await store.exclusive(async () => {
        await store.removeLeftovers();
        store.take(await store.read());
      });
    } catch (error) {
      if (!(error instanceof CasefileError && error.code === 'write-failed')) throw error;
      // A folder that cannot be written (a read-only disk) can still be read; each change will say why it failed.
      store.take(await store.read());
    }
    return store;
  }

  get value(): T {
    return this.current;
  }

  get problem(): StoreProblem | null {
    return this.damage;
  }

  assertWritable(): void {
    if (this.damage) throw new CasefileError('store-corrupt', this.damage.message);
  }

  /**
   * Changes the stored value: `change` gets the value as it is on disk now (another process's
   * changes included) and returns the next one, or throws to refuse (nothing is written). Changes
   * run one after another; each resolves with the value saved.
   */
  update(change: (current: T) => T): Promise<T> {
    return this.serially(() =>
      this.exclusive(async () => {
        if (this.take(await this.read())) this.notify();
        this.assertWritable();
        const next = this.schema.parse(change(this.current));
        const text = JSON.stringify(next, null, 2);
        if (text !== this.text) {
          try {
            if (this.text !== null) await writeFileAtomic(backupPath(this.file), this.text);
            await writeFileAtomic(this.file, text);
          } catch (error) {
            throw writeFailure(error, `the ${this.what} could not be saved`);
          }
          this.current = next;
          this.text = text;
        }
        return this.current;
      }),
    );
  }

  /**
   * Reads the file again if it changed on disk (another process saved it); true if the value changed.
   * A file that turned unreadable keeps the last good value in memory and refuses changes.
   */
  reload(): Promise<boolean> {
    return this.serially(async () => {
      const changed = this.take(await this.read());
      if (changed) this.notify();
      return changed;
    });
  }

  /**
   * Calls `listener` after each change another process made to the file is read (by the watch, or
   * before a change of this process's own); returns the way to stop.
   */
  watch(listener: () => void): () => void {
    this.listeners.add(listener);
    this.startWatching();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopWatching();
    };
  }

  /** Resolves once every change requested so far is on disk (or refused). */
  async flush(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  close(): void {
    this.listeners.clear();
    this.stopWatching();
  }

  /**
   * Replaces a damaged file with its backup, keeping the damaged one beside it
   * (`<file>.damaged-<time>`), never deleting it; then reads it.
   */
  restoreBackup(now: Date): Promise<void> {
    return this.serially(() =>
      this.exclusive(async () => {
        if (!this.damage) throw new CasefileError('invalid-argument', `the ${this.what} is not damaged; nothing to restore`);
        const backup = await JsonFile.readFrom(backupPath(this.file), this.schema);
        if (backup.kind !== 'value') {
          const why = backup.kind === 'absent' ? 'it does not exist' : `it ${backup.reason}`;
          throw new CasefileError('store-corrupt', `the backup ${backupPath(this.file)} cannot be used either: ${why}`);
        }
        const kept = `${this.file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
        await rename(this.file, kept).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
        await copyFile(backupPath(this.file), this.file);
        this.damage = null;
        this.take(await this.read());
      }),
    );
  }

  private serially<R>(work: () => Promise<R>): Promise<R> {
    const next = this.queue.catch(() => undefined).then(work);
    this.queue = next;
    return next;
  }

  private exclusive<R>(work: () => Promise<R>): Promise<R> {
    return withFileLock(this.file, work);
  }

  private read(): Promise<Read<T>> {
    return JsonFile.readFrom(this.file, this.schema);
  }

  private static async readFrom<T>(file: string, schema: z.ZodType<T>): Promise<Read<T>> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
      return { kind: 'damaged', reason: `cannot be read (${errorMessage(error)})` };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return { kind: 'damaged', reason: `is not valid JSON (${errorMessage(error)})` };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
      return { kind: 'damaged', reason: `does not match the expected format (${issues.slice(0, 5).join('; ')})` };
    }
    return { kind: 'value', text, value: parsed.data };
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  /**
   * Takes what was read as the current state (a damaged file keeps the last good value in memory);
   * true if anything changed since the last read or write of this process.
   */
  private take(read: Read<T>): boolean {
    const before = { text: this.text, damaged: this.damage !== null };
    this.takeRead(read);
    return this.text !== before.text || (this.damage !== null) !== before.damaged;
  }

  private takeRead(read: Read<T>): void {
    if (read.kind === 'damaged') {
      this.damage = {
        file: this.file,
        backupFile: backupPath(this.file),
        message: `The ${this.what} ${this.file} ${read.reason}. It has been left untouched; the previous version is kept at ${backupPath(this.file)}.`,
      };
      return;
    }
    this.damage = null;
    if (read.kind === 'absent') {
      if (this.text !== null) this.current = this.empty; // removed by hand: start again from nothing
      this.text = null;
    } else if (read.text !== this.text) {
      this.current = read.value;
      this.text = read.text;
    }
  }

  private async removeLeftovers(): Promise<void> {
    const dir = path.dirname(this.file);
    const names = await readdir(dir).catch(() => [] as string[]);
    await Promise.all(names.filter((name) => isTemporaryOf(this.file, name)).map((name) => unlink(path.join(dir, name)).catch(() => undefined)));
  }

  private startWatching(): void {
    if (this.watcher) return;
    const name = path.basename(this.file);
    try {
      // The folder, not the file: a save replaces the file (rename), which would end a watch on it.
      this.watcher = watch(path.dirname(this.file), { persistent: false }, (_event, changed) => {
        if (changed !== null && changed !== name) return;
        if (this.reloadTimer) clearTimeout(this.reloadTimer);
        this.reloadTimer = setTimeout(() => {
          this.reloadTimer = null;
          void this.reload().catch((error: unknown) => console.error(`reloading the ${this.what} failed:`, errorMessage(error)));
        }, RELOAD_SETTLE_MS);
      });
      this.watcher.on('error', () => this.stopWatching());
    } catch (error) {
      console.error(`the ${this.what} is not followed for changes by other processes:`, errorMessage(error));
    }
  }

  private stopWatching(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = null;
    this.watcher?.close();
    this.watcher = null;
  }
}

/**
 * A store kept in one JSON file of the data folder (dossiers, entity edits, document marks, saved
 * searches): what every such store shares is said once here — its problem (a damaged file, left
 * as it is), following other processes' changes, and saving safely before it closes.
 */
export abstract class JsonStore<T> {
  protected constructor(protected readonly json: JsonFile<T>) {}

  get problem(): StoreProblem | null {
    return this.json.problem;
  }

  /** Follows changes other processes make to the file; `listener` runs after each is read. */
  watch(listener: () => void): () => void {
    return this.json.watch(listener);
  }

  /** Resolves when every change so far is on disk. */
  flush(): Promise<void> {
    return this.json.flush();
  }

  close(): void {
    this.json.close();
  }
}
