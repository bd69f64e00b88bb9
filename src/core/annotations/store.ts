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

/** The annotations of one archive, kept in one JSON file in the data directory (see JsonFile). */
export class AnnotationStore {
  private constructor(
    private readonly json: JsonFile<StoreFile>,
    private readonly annotations: Map<string, Annotation>,
  ) {}

  static async open(file: string): Promise<AnnotationStore> {
    const { store, value } = await JsonFile.open(file, 'annotation store', StoreFile, EMPTY);
    return new AnnotationStore(store, new Map(value.annotations.map((a) => [a.id, a])));
  }

  get file(): string {
    return this.json.file;
  }

  /** Set when the file on disk could not be read; the store then refuses to overwrite it. */
  get problem(): StoreProblem | null {
    return this.json.problem;
  }

  list(): Annotation[] {
    return [...this.annotations.values()].sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
  }

  get(id: string): Annotation | undefined {
    return this.annotations.get(id);
  }

  async put(annotation: Annotation): Promise<void> {
    await this.apply({ put: [annotation] });
  }

  /** Several changes in one save: `put` annotations stored or replaced, `remove` ids deleted. */
  async apply({ put = [], remove = [] }: { put?: Annotation[]; remove?: string[] }): Promise<void> {
    this.json.assertWritable();
    const parsed = put.map((a) => Annotation.parse(a));
    for (const a of parsed) this.annotations.set(a.id, a);
    for (const id of remove) this.annotations.delete(id);
    await this.save();
  }

  async remove(id: string): Promise<boolean> {
    this.json.assertWritable();
    const existed = this.annotations.delete(id);
    if (existed) await this.save();
    return existed;
  }

  /** Resolves once every save requested so far is on disk. */
  flush(): Promise<void> {
    return this.json.flush();
  }

  /** Replaces a damaged store with its backup (the damaged file is kept); returns the reopened store. */
  async restoreBackup(now: Date): Promise<AnnotationStore> {
    await this.json.restoreBackup(StoreFile, now);
    return AnnotationStore.open(this.json.file);
  }

  private save(): Promise<void> {
    return this.json.save(() =>
      JSON.stringify({ format: STORE_FORMAT, version: STORE_VERSION, annotations: this.list() } satisfies StoreFile, null, 2),
    );
  }
}
