import path from 'node:path';
import { archiveDataDir } from '../locations';
import type { Workstation, WorkstationSearchResult } from '../workstation';
import { freshSince, SavedSearchStore, type Matched, type SavedOptions, type SavedSearch } from './saved-searches';

/** A saved search as listed: what it asks, and how many matching documents are new or changed since the user last looked. */
export interface SavedSearchSummary {
  id: string;
  name: string;
  query: string;
  options: SavedOptions;
  seenAt: string;
  added: number;
  changed: number;
}

const stores = new WeakMap<Workstation, Promise<SavedSearchStore>>();

export function savedSearches(ws: Workstation): Promise<SavedSearchStore> {
  let store = stores.get(ws);
  if (!store) {
    const { dataDir, archiveRoot } = ws.info();
    store = SavedSearchStore.open(path.join(archiveDataDir(dataDir, archiveRoot), 'saved-searches.json'));
    stores.set(ws, store);
  }
  return store;
}

/** Every document the query matches now, with its content's hash, in the search's order. */
export function matchingNow(ws: Workstation, query: string, options: SavedOptions): { result: WorkstationSearchResult; matching: Matched[] } {
  const result = ws.search(query, { ...options, limit: Math.max(1, ws.archive.documents.size) });
  const matching = result.hits.flatMap((hit) => {
    const doc = ws.archive.documents.get(hit.id);
    return doc ? [{ id: doc.id, sha256: doc.sha256 }] : [];
  });
  return { result, matching };
}

export function summary(ws: Workstation, saved: SavedSearch): SavedSearchSummary {
  const { added, changed } = freshSince(saved, matchingNow(ws, saved.query, saved.options).matching);
  return { id: saved.id, name: saved.name, query: saved.query, options: saved.options, seenAt: saved.seenAt, added: added.length, changed: changed.length };
}

/** A saved search run now: its results with the documents new or changed since last seen first, and which they are. */
export function runSaved(ws: Workstation, saved: SavedSearch, limit = 100) {
  const { result, matching } = matchingNow(ws, saved.query, saved.options);
  const fresh = freshSince(saved, matching);
  const first = new Set([...fresh.added, ...fresh.changed]);
  const hits = [...result.hits.filter((h) => first.has(h.id)), ...result.hits.filter((h) => !first.has(h.id))].slice(0, limit);
  return { search: summary(ws, saved), result: { ...result, hits }, added: fresh.added, changed: fresh.changed };
}
