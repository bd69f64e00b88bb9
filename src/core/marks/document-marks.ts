import { z } from 'zod';
import { Tag } from '../annotations/model';
import { JsonFile, JsonStore } from '../storage/json-file';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/u);
const StoredMark = z.object({
  /** The document's id when it was marked. */
  docId: z.string().min(1).max(4_096),
  /** Its content then: a file renamed or moved is found again by it. */
  sha256: Sha256,
  starred: z.boolean(),
  tags: z.array(Tag).max(100),
  modified: z.iso.datetime(),
});
type StoredMark = z.infer<typeof StoredMark>;

const FORMAT = 'casefile-document-marks';
const MarksFile = z.object({ format: z.literal(FORMAT), version: z.literal(1), marks: z.array(StoredMark).max(1_000_000) });
type MarksFile = z.infer<typeof MarksFile>;

/** A whole document's marks: starred, and tags of its own (apart from its passages' annotations). */
export interface DocumentMark {
  docId: string;
  starred: boolean;
  tags: string[];
}

/** What the marks need of a document: its id and its content's hash. */
export interface MarkedDocument {
  id: string;
  sha256: string;
}

/**
 * The stars and tags put on whole documents of one archive, in one JSON file beside its
 * annotations (saved like them, see JsonFile: atomic, under a lock, another process's changes
 * merged; a damaged file is left as found and changes are refused until it is restored). A mark
 * names its document by id and by content: a document edited in place keeps its marks (same id);
 * one renamed or moved keeps them too (same content, its old id gone).
 */
export class DocumentMarkStore extends JsonStore<MarksFile> {
  private constructor(json: JsonFile<MarksFile>) {
    super(json);
  }

  static async open(file: string): Promise<DocumentMarkStore> {
    return new DocumentMarkStore(await JsonFile.open(file, 'document marks', MarksFile, { format: FORMAT, version: 1, marks: [] }));
  }

  /** Every document's marks, by the id it has now in `documents`; marks of a document no longer in the archive are kept but not listed. */
  resolve(documents: ReadonlyMap<string, MarkedDocument>): Map<string, DocumentMark> {
    return resolveMarks(this.json.value.marks, documents);
  }

  /** Stars or unstars a document, or sets its tags; a document with neither keeps no record. */
  async set(doc: MarkedDocument, change: { starred?: boolean; tags?: string[] }, documents: ReadonlyMap<string, MarkedDocument>, now: Date): Promise<DocumentMark> {
    this.json.assertWritable();
    const saved = await this.json.update((file) => {
      const before = resolveMarks(file.marks, documents).get(doc.id);
      const starred = change.starred ?? before?.starred ?? false;
      const tags = [...new Set((change.tags ?? before?.tags ?? []).map((t) => t.trim()).filter(Boolean))];
      // The record this document had (under its id, or under the id it had before a rename) gives way to the new one.
      const kept = file.marks.filter((m) => m !== recordOf(file.marks, doc, documents));
      const marks = starred || tags.length > 0 ? [...kept, { docId: doc.id, sha256: doc.sha256, starred, tags, modified: now.toISOString() }] : kept;
      return { ...file, marks };
    });
    return resolveMarks(saved.marks, documents).get(doc.id) ?? { docId: doc.id, starred: false, tags: [] };
  }
}

/** The stored record that holds a document's marks: its own id's, else one whose id is gone from the archive and whose content is the document's. */
function recordOf(marks: readonly StoredMark[], doc: MarkedDocument, documents: ReadonlyMap<string, MarkedDocument>): StoredMark | undefined {
  return marks.findLast((m) => m.docId === doc.id) ?? marks.findLast((m) => !documents.has(m.docId) && m.sha256 === doc.sha256);
}

function resolveMarks(marks: readonly StoredMark[], documents: ReadonlyMap<string, MarkedDocument>): Map<string, DocumentMark> {
  const resolved = new Map<string, DocumentMark>();
  const bySha = new Map<string, string[]>();
  for (const doc of documents.values()) bySha.set(doc.sha256, [...(bySha.get(doc.sha256) ?? []), doc.id]);
  // A document's own record first; then records whose document was renamed or moved, by content.
  for (const m of marks) if (documents.has(m.docId)) resolved.set(m.docId, { docId: m.docId, starred: m.starred, tags: m.tags });
  for (const m of marks) {
    if (documents.has(m.docId)) continue;
    const now = (bySha.get(m.sha256) ?? []).find((id) => !resolved.has(id));
    if (now) resolved.set(now, { docId: now, starred: m.starred, tags: m.tags });
  }
  return resolved;
}
