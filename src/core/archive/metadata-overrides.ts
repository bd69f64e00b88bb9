import { z } from 'zod';
import { JsonFile, type StoreProblem } from '../storage/json-file';
import type { ArchiveDocument, DocumentDate } from './document';
import { parseDateLine } from './metadata';

// '' clears a correction.
const IsoDay = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')]);

/** Metadata the user corrected in the app: it wins over the file, its sidecar and the heuristics. */
export const MetadataEdit = z
  .object({
    title: z.string().trim().max(500),
    byline: z.string().trim().max(300),
    date: IsoDay,
    publisher: z.string().trim().max(300),
    url: z.string().trim().max(2_000),
    retrieved: IsoDay,
    language: z.string().trim().max(20),
  })
  .partial()
  .strict();
export type MetadataEdit = z.infer<typeof MetadataEdit>;

const FORMAT = 'casefile-metadata';
const MetadataFile = z.object({ format: z.literal(FORMAT), version: z.literal(1), documents: z.record(z.string(), MetadataEdit) });
type MetadataFile = z.infer<typeof MetadataFile>;

/**
 * The user's metadata corrections, one JSON file in the archive's data folder: the archive folder
 * is never written to. An empty string clears a field (the file's own value shows again).
 */
export class MetadataOverrides {
  private constructor(
    private readonly json: JsonFile<MetadataFile>,
    private readonly edits: Map<string, MetadataEdit>,
  ) {}

  static async open(file: string): Promise<MetadataOverrides> {
    const { store, value } = await JsonFile.open(file, 'metadata corrections', MetadataFile, { format: FORMAT, version: 1, documents: {} });
    return new MetadataOverrides(store, new Map(Object.entries(value.documents)));
  }

  get problem(): StoreProblem | null {
    return this.json.problem;
  }

  get(id: string): MetadataEdit {
    return { ...(this.edits.get(id) ?? {}) };
  }

  async set(id: string, edit: MetadataEdit): Promise<MetadataEdit> {
    this.json.assertWritable();
    const merged: Record<string, string> = { ...(this.edits.get(id) ?? {}) };
    for (const [key, value] of Object.entries(MetadataEdit.parse(edit))) {
      if (value === '') delete merged[key];
      else merged[key] = value;
    }
    if (Object.keys(merged).length === 0) this.edits.delete(id);
    else this.edits.set(id, merged);
    await this.json.save(() => JSON.stringify({ format: FORMAT, version: 1, documents: Object.fromEntries(this.edits) } satisfies MetadataFile, null, 2));
    return this.get(id);
  }

  /** The document with the user's corrections applied (a new object; the original is untouched). */
  apply(doc: ArchiveDocument): ArchiveDocument {
    const edit = this.edits.get(doc.id);
    if (!edit) return doc;
    const day = (iso: string | undefined, fallback: DocumentDate | null) => (iso ? (parseDateLine(iso) ?? fallback) : fallback);
    return {
      ...doc,
      title: edit.title ?? doc.title,
      byline: edit.byline ?? doc.byline,
      date: day(edit.date, doc.date),
      publisher: edit.publisher ?? doc.publisher,
      url: edit.url ?? doc.url,
      retrieved: day(edit.retrieved, doc.retrieved),
      language: edit.language ?? doc.language,
    };
  }
}
