import { copyFile, readFile, rename } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { CasefileError, errorMessage } from '../errors';
import { Annotation } from './model';

const STORE_FORMAT = 'casefile-annotations';
/** 2 added `author` and `detached`; a version-1 file is read as version 2 (author '') and written as 2. */
const STORE_VERSION = 2;

const StoreFile = z.object({
  format: z.literal(STORE_FORMAT),
  version: z.union([z.literal(1), z.literal(STORE_VERSION)]),
  annotations: z.array(Annotation),
});

/** Why a store could not be read; the damaged file is left exactly as it was found. */
export interface StoreProblem {
  file: string;
  message: string;
  backupFile: string;
}

/**
 * The annotations of one archive, kept in one JSON file in the data directory. Every change is
 * written atomically (temporary file, fsync, rename), and the previous good version is kept as
 * `<file>.bak`, so a crash mid-save leaves either the old or the new store, never a torn one.
 */
export class AnnotationStore {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly annotations: Map<string, Annotation>,
    /** Set when the file on disk could not be read; the store then refuses to overwrite it. */
    readonly problem: StoreProblem | null,
    private lastWritten: string | null,
  ) {}

  static async open(file: string): Promise<AnnotationStore> {
    let raw: string;
    try {
      raw = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new AnnotationStore(file, new Map(), null, null);
      return AnnotationStore.damaged(file, `cannot be read (${errorMessage(error)})`);
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      return AnnotationStore.damaged(file, `is not valid JSON (${errorMessage(error)})`);
    }
    const parsed = StoreFile.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
      return AnnotationStore.damaged(file, `does not match the annotation format (${issues.slice(0, 5).join('; ')})`);
    }
    const annotations = new Map(parsed.data.annotations.map((a) => [a.id, a]));
    return new AnnotationStore(file, annotations, null, raw);
  }

  private static damaged(file: string, what: string): AnnotationStore {
    const problem = {
      file,
      backupFile: backupPath(file),
      message: `The annotation store ${file} ${what}. It has been left untouched; the previous version is kept at ${backupPath(file)}.`,
    };
    return new AnnotationStore(file, new Map(), problem, null);
  }

  list(): Annotation[] {
    return [...this.annotations.values()].sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
  }

  get(id: string): Annotation | undefined {
    return this.annotations.get(id);
  }

  async put(annotation: Annotation): Promise<void> {
    this.assertWritable();
    this.annotations.set(annotation.id, Annotation.parse(annotation));
    await this.save();
  }

  /** Several changes in one save: `put` annotations stored or replaced, `remove` ids deleted. */
  async apply({ put = [], remove = [] }: { put?: Annotation[]; remove?: string[] }): Promise<void> {
    this.assertWritable();
    const parsed = put.map((a) => Annotation.parse(a));
    for (const a of parsed) this.annotations.set(a.id, a);
    for (const id of remove) this.annotations.delete(id);
    await this.save();
  }

  async remove(id: string): Promise<boolean> {
    this.assertWritable();
    const existed = this.annotations.delete(id);
    if (existed) await this.save();
    return existed;
  }

  /**
   * Replaces a damaged store with its backup. The damaged file is kept beside it
   * (`<file>.damaged-<time>`), never deleted. Returns the reopened store.
   */
  async restoreBackup(now: Date): Promise<AnnotationStore> {
    if (!this.problem) throw new CasefileError('invalid-argument', 'the annotation store is not damaged; nothing to restore');
    const backup = await AnnotationStore.open(backupPath(this.file));
    if (backup.problem) {
      throw new CasefileError('store-corrupt', `the backup ${backupPath(this.file)} cannot be used either: ${backup.problem.message}`);
    }
    const kept = `${this.file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
    await rename(this.file, kept).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await copyFile(backupPath(this.file), this.file);
    return AnnotationStore.open(this.file);
  }

  /** Resolves once every save requested so far is on disk. */
  flush(): Promise<void> {
    return this.writing;
  }

  private assertWritable(): void {
    if (this.problem) throw new CasefileError('store-corrupt', this.problem.message);
  }

  private save(): Promise<void> {
    // Saves run one after another, each writing the state at the time it runs.
    const next = this.writing.then(async () => {
      const content = JSON.stringify(
        { format: STORE_FORMAT, version: STORE_VERSION, annotations: this.list() },
        null,
        2,
      );
      if (this.lastWritten !== null) await writeFileAtomic(backupPath(this.file), this.lastWritten);
      await writeFileAtomic(this.file, content);
      this.lastWritten = content;
    });
    this.writing = next.catch(() => undefined);
    return next;
  }
}

export function backupPath(file: string): string {
  return `${file}.bak`;
}
