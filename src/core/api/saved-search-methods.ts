import { z } from 'zod';
import { SavedOptions } from '../saved/saved-searches';
import { matchingNow, runSaved, savedSearches, summary } from '../saved/workstation-saved';
import { method } from './method';

const SavedId = z.string().uuid();
const SavedName = z.string().trim().min(1).max(200);

/** Saved searches: a search kept by name, which says what is new or changed among its matches since it was last looked at. */
export const savedSearchMethods = {
  saveSearch: method(SavedOptions.extend({ name: SavedName, query: z.string().min(1).max(10_000) }).strict(), async (ws, { name, query, ...options }) => {
    const saved = await (await savedSearches(ws)).save(name, query, options, (await matchingNow(ws, query, options)).matching, new Date());
    return summary(ws, saved);
  }),
  savedSearches: method(z.object({}).strict(), async (ws) => Promise.all((await savedSearches(ws)).list().map((s) => summary(ws, s)))),
  /** Runs a saved search; histogram, entityFacets and groupDuplicates shape the results as the search method's do. */
  runSavedSearch: method(
    z
      .object({
        id: SavedId,
        limit: z.number().int().min(1).max(10_000).optional(),
        histogram: z.boolean().optional(),
        entityFacets: z.boolean().optional(),
        groupDuplicates: z.boolean().optional(),
      })
      .strict(),
    async (ws, { id, ...shape }) => runSaved(ws, (await savedSearches(ws)).get(id), shape),
  ),
  markSavedSearchSeen: method(z.object({ id: SavedId }).strict(), async (ws, { id }) => {
    const store = await savedSearches(ws);
    const saved = store.get(id);
    return summary(ws, await store.seen(id, (await matchingNow(ws, saved.query, saved.options)).matching, new Date()));
  }),
  renameSavedSearch: method(z.object({ id: SavedId, name: SavedName }).strict(), async (ws, { id, name }) => summary(ws, await (await savedSearches(ws)).rename(id, name))),
  deleteSavedSearch: method(z.object({ id: SavedId }).strict(), async (ws, { id }) => {
    await (await savedSearches(ws)).remove(id);
    return { deleted: id };
  }),
};
