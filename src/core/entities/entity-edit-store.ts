import { z } from 'zod';
import { JsonFile, JsonStore } from '../storage/json-file';
import type { EntityEdit } from './types';

const EntityId = z.string().min(1).max(300);
const Spelling = z.string().min(1).max(300);
const Edit = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('merge'), ids: z.array(EntityId).min(2).max(100), name: z.string().trim().min(1).max(300).optional(), at: z.iso.datetime() }),
  z.object({ kind: z.literal('split'), id: EntityId, variants: z.array(Spelling).min(1).max(1_000), at: z.iso.datetime() }),
]);

const FORMAT = 'casefile-entity-edits';
const EditsFile = z.object({ format: z.literal(FORMAT), version: z.literal(1), edits: z.array(Edit).max(100_000) });
type EditsFile = z.infer<typeof EditsFile>;

/**
 * The merges and splits made to an archive's entities by hand, in the order they were made, in one
 * JSON file beside its annotations (saved like them: see JsonFile). A change is made to the list as
 * it is on disk then, so another process's edits are kept; a damaged file is left as found and
 * changes are refused until it is restored.
 */
export class EntityEditStore extends JsonStore<EditsFile> {
  private constructor(json: JsonFile<EditsFile>) {
    super(json);
  }

  static async open(file: string): Promise<EntityEditStore> {
    return new EntityEditStore(await JsonFile.open(file, 'entity edits', EditsFile, { format: FORMAT, version: 1, edits: [] }));
  }

  /** The edits in order; the same array until they change (the entity index is made again only then). */
  get edits(): readonly EntityEdit[] {
    return this.json.value.edits;
  }

  /** Adds an edit at the end; `check` sees the edits as on disk now and throws to refuse. */
  async add(edit: EntityEdit, check: (edits: readonly EntityEdit[]) => void = () => undefined): Promise<void> {
    this.json.assertWritable();
    await this.json.update((file) => {
      check(file.edits);
      return { ...file, edits: [...file.edits, edit] };
    });
  }

  /** Removes the edit at `index` (0-based, as listed); `check` may refuse. */
  async remove(index: number, check: (edits: readonly EntityEdit[]) => void): Promise<void> {
    this.json.assertWritable();
    await this.json.update((file) => {
      check(file.edits);
      return { ...file, edits: file.edits.filter((_e, i) => i !== index) };
    });
  }
}
