import { z } from 'zod';
import { JsonFile, type StoreProblem } from '../storage/json-file';
import { Annotation } from './model';

export { backupPath, type StoreProblem } from '../storage/json-file';

const STORE_FORMAT = 'casefile-annotations';
/** 2 added `author` and `detached`; a version-1 file is read as version 2 (author '') and written as 2. */
const STORE_VERSION = 2;

const StoreFile = z.object({
  format: z.literal(STORE_FORMAT),
  version: z.union([z.literal(1), z.literal(STORE_VERSION)]),
  annotations: z.array(Annotation),
});
type StoreFile = z.infer<typeof StoreFile>;

const EMPTY: StoreFile = { format: STORE_FORMAT, version: STORE_VERSION, annotations: [] };

function byCreation(a: Annotation, b: Annotation): number {
  return a.created.localeCompare(b.created) || a.id.localeCompare(b.id);
}

/**
 * The annotations of one archive, kept in one JSON file in the data directory (see JsonFile: changes
 * are merged, annotation by annotation, with what other processes saved meanwhile).
 */
export class AnnotationStore {
  /** The annotations by id, for the file's value it was made from. */
  private byId: { of: StoreFile; map: Map<string, Annotation> } | null = null;

  private constructor(private readonly json: JsonFile<StoreFile>) {}

  static async open(file: string): Promise<AnnotationStore> {
    return new AnnotationStore(await JsonFile.open(file, 'annotation store', StoreFile, EMPTY));
  }

  get file(): string {
    return this.json.file;
  }

  /** Set when the file on disk could not be read; the store then refuses to overwrite it. */
  get problem(): StoreProblem | null {
    return this.json.problem;
  }

  list(): Annotation[] {
    return [...this.map().values()].sort(byCreation);
  }

  get(id: string): Annotation | undefined {
    return this.map().get(id);
  }

  async put(annotation: Annotation): Promise<void> {
    await this.apply({ put: [annotation] });
  }

  /**
   * Several changes in one save: `put` annotations stored or replaced, `remove` ids deleted. They are
   * applied to the store as it is on disk at that moment; annotations they do not name are kept as
   * found there (another process may have added or changed them).
   */
  async apply({ put = [], remove = [] }: { put?: Annotation[]; remove?: string[] }): Promise<void> {
    const parsed = put.map((a) => Annotation.parse(a));
    await this.json.update((current) => {
      const annotations = new Map(current.annotations.map((a) => [a.id, a]));
      for (const a of parsed) annotations.set(a.id, a);
      for (const id of remove) annotations.delete(id);
      return { format: STORE_FORMAT, version: STORE_VERSION, annotations: [...annotations.values()].sort(byCreation) };
    });
  }

  async remove(id: string): Promise<boolean> {
    let existed = false;
    await this.json.update((current) => {
      existed = current.annotations.some((a) => a.id === id);
      return { ...current, version: STORE_VERSION, annotations: current.annotations.filter((a) => a.id !== id) };
    });
    return existed;
  }

  /** Follows changes other processes make to the file: `listener` runs after each is read. */
  watch(listener: () => void): () => void {
    return this.json.watch(listener);
  }

  /** Reads the file again if another process changed it; true if anything changed. */
  reload(): Promise<boolean> {
    return this.json.reload();
  }

  /** Resolves once every save requested so far is on disk. */
  flush(): Promise<void> {
    return this.json.flush();
  }

  close(): void {
    this.json.close();
  }

  /** Replaces a damaged store with its backup (the damaged file is kept); the store reads it. */
  async restoreBackup(now: Date): Promise<AnnotationStore> {
    await this.json.restoreBackup(now);
    return this;
  }

  private map(): Map<string, Annotation> {
    const value = this.json.value;
    if (this.byId?.of !== value) this.byId = { of: value, map: new Map(value.annotations.map((a) => [a.id, a])) };
    return this.byId.map;
  }
}
