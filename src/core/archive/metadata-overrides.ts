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
 * is never written to. An empty string clears a field (the file's own value shows again). Each
 * correction is merged into the file as it is on disk then (see JsonFile).
 */
export class MetadataOverrides {
  private byId: { of: MetadataFile; map: Map<string, MetadataEdit> } | null = null;

  private constructor(private readonly json: JsonFile<MetadataFile>) {}

  static async open(file: string): Promise<MetadataOverrides> {
    return new MetadataOverrides(await JsonFile.open(file, 'metadata corrections', MetadataFile, { format: FORMAT, version: 1, documents: {} }));
  }

  get problem(): StoreProblem | null {
    return this.json.problem;
  }

  get(id: string): MetadataEdit {
    return { ...(this.edits().get(id) ?? {}) };
  }

  async set(id: string, edit: MetadataEdit): Promise<MetadataEdit> {
    const changes = Object.entries(MetadataEdit.parse(edit));
    await this.json.update((current) => {
      const edits = new Map(Object.entries(current.documents));
      const merged: Record<string, string> = { ...(edits.get(id) ?? {}) };
      for (const [key, value] of changes) {
        if (value === '') delete merged[key];
        else merged[key] = value;
      }
      if (Object.keys(merged).length === 0) edits.delete(id);
      else edits.set(id, merged);
      return { ...current, documents: Object.fromEntries(edits) };
    });
    return this.get(id);
  }

  /**
   * Follows corrections other processes make; `listener` gets the ids of the documents whose
   * corrections changed.
   */
  watch(listener: (ids: string[]) => void): () => void {
    let seen = this.json.value.documents;
    return this.json.watch(() => {
      const now = this.json.value.documents;
      const before = new Map(Object.entries(seen));
      const after = new Map(Object.entries(now));
      seen = now;
      const ids = new Set([...before.keys(), ...after.keys()]);
      listener([...ids].filter((id) => JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id))));
    });
  }

  close(): void {
    this.json.close();
  }

  /** The document with the user's corrections applied (a new object; the original is untouched). */
  apply(doc: ArchiveDocument): ArchiveDocument {
    const edit = this.edits().get(doc.id);
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

  /** The corrections by document id, for the file's value they were read from. */
  private edits(): Map<string, MetadataEdit> {
    const value = this.json.value;
    if (this.byId?.of !== value) this.byId = { of: value, map: new Map(Object.entries(value.documents)) };
    return this.byId.map;
  }
}
