import path from 'node:path';
import { foldCopies } from '../duplicates/archive-duplicates';
import { archiveDataDir } from '../locations';
import { searchMarked } from '../marks/workstation-marks';
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

/** How a run's results are shown, as the search method takes them: these change what comes back, not what matches. */
export interface RunShape {
  limit?: number;
  histogram?: boolean;
  entityFacets?: boolean;
  groupDuplicates?: boolean;
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

/** Every document the query matches now (its marks filters applied), with its content's hash, in the search's order. */
export async function matchingNow(
  ws: Workstation,
  query: string,
  options: SavedOptions,
  shape: Omit<RunShape, 'limit' | 'groupDuplicates'> = {},
): Promise<{ result: WorkstationSearchResult; matching: Matched[] }> {
  const { entityName: _label, ...searched } = options;
  const result = await searchMarked(ws, query, { ...searched, ...shape, limit: Math.max(1, ws.archive.documents.size) });
  const matching = result.hits.flatMap((hit) => {
    const doc = ws.archive.documents.get(hit.id);
    return doc ? [{ id: doc.id, sha256: doc.sha256 }] : [];
  });
  return { result, matching };
}

export async function summary(ws: Workstation, saved: SavedSearch): Promise<SavedSearchSummary> {
  return summaryOf(saved, freshSince(saved, (await matchingNow(ws, saved.query, saved.options)).matching));
}

function summaryOf(saved: SavedSearch, fresh: { added: string[]; changed: string[] }): SavedSearchSummary {
  return { id: saved.id, name: saved.name, query: saved.query, options: saved.options, seenAt: saved.seenAt, added: fresh.added.length, changed: fresh.changed.length };
}

/** A saved search run now: its results with the documents new or changed since last seen first, and which they are. */
export async function runSaved(ws: Workstation, saved: SavedSearch, { limit = 100, groupDuplicates, ...shape }: RunShape = {}) {
  const { result, matching } = await matchingNow(ws, saved.query, saved.options, shape);
  const fresh = freshSince(saved, matching);
  const first = new Set([...fresh.added, ...fresh.changed]);
  const ordered = [...result.hits.filter((h) => first.has(h.id)), ...result.hits.filter((h) => !first.has(h.id))].slice(0, limit);
  const hits = groupDuplicates ? foldCopies(ordered, (id) => ws.archive.documents.get(id)) : ordered;
  return { search: summaryOf(saved, fresh), result: { ...result, hits }, added: fresh.added, changed: fresh.changed };
}
