import { readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { CasefileError, errorMessage } from '../errors';
import { Annotation } from './model';

const STORE_FORMAT = 'casefile-annotations';
const STORE_VERSION = 1;

const StoreFile = z.object({
  format: z.literal(STORE_FORMAT),
  version: z.literal(STORE_VERSION),
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

  async remove(id: string): Promise<boolean> {
    this.assertWritable();
    const existed = this.annotations.delete(id);
    if (existed) await this.save();
    return existed;
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
