import { copyFile, readFile, rename } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { CasefileError, errorMessage } from '../errors';

/** Why a stored file could not be read; the damaged file is left exactly as it was found. */
export interface StoreProblem {
  file: string;
  message: string;
  backupFile: string;
}

export function backupPath(file: string): string {
  return `${file}.bak`;
}

/**
 * One JSON file of the user's work (annotations, dossiers), validated on load. Every save is atomic
 * (temporary file, fsync, rename) and keeps the previous good version as `<file>.bak`, so a crash
 * mid-save leaves the old or the new file, never a torn one. A file that cannot be read is never
 * overwritten: `problem` says why, and writes are refused until it is restored from the backup.
 */
export class JsonFile<T> {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly what: string,
    readonly problem: StoreProblem | null,
    private lastWritten: string | null,
  ) {}

  /** Opens `file`; `schema` reads its content (migrating older versions). A missing file is `empty`. */
  static async open<T>(file: string, what: string, schema: z.ZodType<T>, empty: T): Promise<{ store: JsonFile<T>; value: T }> {
    let raw: string;
    try {
      raw = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { store: new JsonFile<T>(file, what, null, null), value: empty };
      return JsonFile.damaged(file, what, `cannot be read (${errorMessage(error)})`, empty);
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      return JsonFile.damaged(file, what, `is not valid JSON (${errorMessage(error)})`, empty);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
      return JsonFile.damaged(file, what, `does not match the expected format (${issues.slice(0, 5).join('; ')})`, empty);
    }
    return { store: new JsonFile<T>(file, what, null, raw), value: parsed.data };
  }

  private static damaged<T>(file: string, what: string, reason: string, empty: T): { store: JsonFile<T>; value: T } {
    const problem = {
      file,
      backupFile: backupPath(file),
      message: `The ${what} ${file} ${reason}. It has been left untouched; the previous version is kept at ${backupPath(file)}.`,
    };
    return { store: new JsonFile<T>(file, what, problem, null), value: empty };
  }

  assertWritable(): void {
    if (this.problem) throw new CasefileError('store-corrupt', this.problem.message);
  }

  /** Saves run one after another; each writes what `content()` gives at the time it runs. */
  save(content: () => string): Promise<void> {
    this.assertWritable();
    const next = this.writing.then(async () => {
      const text = content();
      if (this.lastWritten !== null) await writeFileAtomic(backupPath(this.file), this.lastWritten);
      await writeFileAtomic(this.file, text);
      this.lastWritten = text;
    });
    this.writing = next.catch(() => undefined);
    return next;
  }

  /** Resolves once every save requested so far is on disk. */
  flush(): Promise<void> {
    return this.writing;
  }

  /**
   * Replaces a damaged file with its backup, keeping the damaged one beside it
   * (`<file>.damaged-<time>`), never deleting it. The caller reopens the file afterwards.
   */
  async restoreBackup(schema: z.ZodType<T>, now: Date): Promise<void> {
    if (!this.problem) throw new CasefileError('invalid-argument', `the ${this.what} is not damaged; nothing to restore`);
    const backup = await JsonFile.open(backupPath(this.file), `backup of the ${this.what}`, schema, null);
    if (backup.store.problem || backup.value === null) {
      const why = backup.store.problem?.message ?? 'it does not exist';
      throw new CasefileError('store-corrupt', `the backup ${backupPath(this.file)} cannot be used either: ${why}`);
    }
    const kept = `${this.file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
    await rename(this.file, kept).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await copyFile(backupPath(this.file), this.file);
  }
}
