import path from 'node:path';
import type { ArchiveDocument } from '../archive/document';
import { archiveDataDir } from '../locations';
import type { SearchOptions } from '../search/search-engine';
import type { Workstation, WorkstationSearchResult } from '../workstation';
import { DocumentMarkStore, type DocumentMark } from './document-marks';

/** The search's filters by document marks (see searchMarked). */
export interface MarkFilters {
  /** Only starred documents. */
  starred?: boolean;
  /** Only documents with every one of these tags (any case). */
  documentTags?: string[];
}

/** Each open workstation's marks, opened on first use in its archive's data folder. */
const stores = new WeakMap<Workstation, Promise<DocumentMarkStore>>();

export function documentMarks(ws: Workstation): Promise<DocumentMarkStore> {
  let store = stores.get(ws);
  if (!store) {
    const { dataDir, archiveRoot } = ws.info();
    store = DocumentMarkStore.open(path.join(archiveDataDir(dataDir, archiveRoot), 'document-marks.json'));
    stores.set(ws, store);
  }
  return store;
}

/** Every marked document of the archive, by id. */
export async function marksByDocument(ws: Workstation): Promise<Map<string, DocumentMark>> {
  return (await documentMarks(ws)).resolve(ws.archive.documents);
}

/**
 * A search narrowed to documents marked so: the marks are one more test the engine applies with the
 * other filters, so the count, the order, the words' counts and the facets are the marked documents'.
 */
export async function searchMarked(ws: Workstation, query: string, { starred, documentTags, ...options }: SearchOptions & MarkFilters): Promise<WorkstationSearchResult> {
  const tags = (documentTags ?? []).map((t) => t.trim().toLocaleLowerCase()).filter(Boolean);
  if (!starred && tags.length === 0) return ws.search(query, options);
  const marks = await marksByDocument(ws);
  const marked = (doc: ArchiveDocument): boolean => {
    const mark = marks.get(doc.id);
    if (!mark || (starred && !mark.starred)) return false;
    const own = new Set(mark.tags.map((t) => t.toLocaleLowerCase()));
    return tags.every((t) => own.has(t));
  };
  return ws.search(query, { ...options, only: marked });
}
