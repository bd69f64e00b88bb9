import { z } from 'zod';
import { confineToArchive } from '../contained-path';
import { foldCopies } from '../duplicates/archive-duplicates';
import { SORT_ORDERS } from '../search/search-engine';
import { method } from './method';
import { DocId, Tags } from './schemas';
import { searchMarked } from '../marks/workstation-marks';

const MAX_QUERY = 10_000;
export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

/** The search methods of the API: the index's state, queries, and a document opened with its matches. */
export const searchMethods = {
  indexStatus: method(z.object({}).strict(), (ws) => ws.indexStatus()),
  cancelIndexing: method(z.object({}).strict(), (ws) => ws.cancelIndexing()),
  resumeIndexing: method(z.object({}).strict(), (ws) => ws.resumeIndexing()),
  search: method(
    z
      .object({
        query: z.string().max(MAX_QUERY),
        limit: z.number().int().min(1).max(10_000).optional(),
        variants: z.boolean().optional(),
        sort: z.enum(SORT_ORDERS).optional(),
        from: IsoDay.optional(),
        to: IsoDay.optional(),
        includeUndated: z.boolean().optional(),
        histogram: z.boolean().optional(),
        source: z.string().max(300).optional(),
        /** Fold copies of a result (reprints, light edits) into it: they are listed in its alsoIn. */
        groupDuplicates: z.boolean().optional(),
        entity: z.string().min(1).max(300).optional(),
        entityFacets: z.boolean().optional(),
        /** Only starred documents; only documents with every one of these tags (document marks). */
        starred: z.boolean().optional(),
        documentTags: Tags.optional(),
      })
      .strict(),
    async (ws, { query, groupDuplicates, ...options }) => {
      const result = await searchMarked(ws, query, options);
      return groupDuplicates ? { ...result, hits: foldCopies(result.hits, (id) => ws.archive.documents.get(id)) } : result;
    },
  ),
  getDocument: method(
    z.object({ id: DocId, query: z.string().max(MAX_QUERY).optional(), variants: z.boolean().optional() }).strict(),
    async (ws, { id, query, variants }) => {
      // The file is read again: a folder on its path swapped for a link out of the archive must not be followed.
      await confineToArchive(ws.archive.root, id);
      return ws.getDocument(id, query, { variants });
    },
  ),
};
