import { z } from 'zod';
import { BatchJobs } from '../batch/batch-jobs';
import { batchCsv } from '../batch/batch-csv';
import { runBatch, type BatchOptions } from '../batch/batch-search';
import { readQueryList, type ListedQuery } from '../batch/query-list';
import { CasefileError } from '../errors';
import { said } from '../said';
import { SORT_ORDERS } from '../search/search-engine';
import type { Workstation } from '../workstation';
import { method } from './method';
import { IsoDay } from './search-methods';

/** Queries in one batch at most: a list past this is a mistake (a whole spreadsheet), not a list of names. */
export const MAX_BATCH_QUERIES = 20_000;

/** The list as pasted or read from a file, where its queries are, and the options every query is searched with. */
const BatchRequest = z
  .object({
    text: z.string().max(5_000_000),
    /** A CSV column by header name or number (1 is the first); absent: one query a line. */
    column: z.union([z.string().min(1).max(200), z.number().int().min(1).max(10_000)]).optional(),
    phrases: z.boolean().optional(),
    documentsPerQuery: z.number().int().min(0).max(20).optional(),
    variants: z.boolean().optional(),
    sort: z.enum(SORT_ORDERS).optional(),
    from: IsoDay.optional(),
    to: IsoDay.optional(),
    includeUndated: z.boolean().optional(),
    source: z.string().max(300).optional(),
  })
  .strict();
type BatchRequest = z.output<typeof BatchRequest>;

const BatchId = z.string().uuid();

/** The batches of each open workstation (a batch belongs to the archive it searched). */
const jobsOf = new WeakMap<Workstation, BatchJobs>();

function jobs(ws: Workstation): BatchJobs {
  let found = jobsOf.get(ws);
  if (!found) {
    found = new BatchJobs((query, options) => ws.search(query, options));
    jobsOf.set(ws, found);
  }
  return found;
}

function listed({ text, column }: BatchRequest): ListedQuery[] {
  const queries = readQueryList(text, { column });
  if (queries.length > MAX_BATCH_QUERIES) throw new CasefileError('invalid-argument', said('batch.tooMany', { count: queries.length, limit: MAX_BATCH_QUERIES }));
  return queries;
}

function optionsOf({ text: _text, column: _column, ...options }: BatchRequest): BatchOptions {
  return options;
}

/**
 * Batch search: a list of names or queries searched one by one through the search API's own path.
 * `batchSearch` answers when all are done (the CLI); the app starts a batch, polls it for progress
 * and rows, may cancel it, and exports it as CSV.
 */
export const batchMethods = {
  batchSearch: method(BatchRequest, async (ws, request) => {
    const { rows } = await runBatch(listed(request), (query, options) => ws.search(query, options), { options: optionsOf(request) });
    return rows;
  }),
  startBatchSearch: method(BatchRequest, (ws, request) => jobs(ws).start(listed(request), optionsOf(request))),
  batchSearchStatus: method(z.object({ id: BatchId, from: z.number().int().min(0).optional() }).strict(), (ws, { id, from }) => jobs(ws).status(id, from)),
  cancelBatchSearch: method(z.object({ id: BatchId }).strict(), (ws, { id }) => jobs(ws).cancel(id)),
  exportBatchSearch: method(z.object({ id: BatchId }).strict(), (ws, { id }) => ({
    fileName: 'batch-search.csv',
    mediaType: 'text/csv',
    content: batchCsv(jobs(ws).rows(id)),
  })),
};
