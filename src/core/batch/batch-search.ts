import type { MessageCode } from '../../shared/i18n/core-messages';
import type { DocumentDate } from '../archive/document';
import { CasefileError } from '../errors';
import { QuerySyntaxError, type QuerySpan } from '../search/query-parser';
import type { SearchOptions, SearchResult } from '../search/search-engine';
import type { Snippet } from '../search/snippets';
import type { ListedQuery } from './query-list';

/** The options of a batch: the search's filters for every query, and how each line is read. */
export interface BatchOptions extends Omit<SearchOptions, 'limit' | 'histogram'> {
  /** A line of several plain words is searched as one phrase ("Kassym-Jomart Tokayev"), not as any of its words. */
  phrases?: boolean;
  /** Documents listed for each query, best first (3 unless said). */
  documentsPerQuery?: number;
}

/** One of a query's first documents, with its first passage. */
export interface BatchDocument {
  id: string;
  title: string;
  date: DocumentDate | null;
  /** Places in its body that match. */
  matchCount: number;
  snippet: Snippet | null;
}

/** What one query of the list found, or why it could not be searched. */
export interface BatchRow {
  /** The query as listed, and the lines of the list it is on. */
  query: string;
  lines: number[];
  /** The query as searched (a phrase, with `phrases`). */
  searched: string;
  /** Matching documents, and the matching places in them. */
  documents: number;
  matches: number;
  /** Other spellings found for the query's words (variants, near spellings), with their counts. */
  matchedAs: Array<{ text: string; occurrences: number }>;
  /** The first documents, best first. */
  top: BatchDocument[];
  error?: { message: string; messageCode?: MessageCode; span?: QuerySpan };
}

export interface BatchProgress {
  done: number;
  total: number;
}

/** How a batch reaches the search: the one the search API uses (Workstation.search). */
export type SearchFunction = (query: string, options: SearchOptions) => SearchResult;

/** Queries searched between two looks at the event loop (a cancel, a progress poll, another window's call). */
const QUERIES_PER_TURN = 20;

/** A line of plain words, without the query language's signs, is what `phrases` quotes. */
const PLAIN_WORDS = /^[^"():*~^]+$/u;

export function searchedAs(query: string, phrases: boolean | undefined): string {
  const words = query.split(/\s+/u).filter(Boolean);
  if (!phrases || words.length < 2 || !PLAIN_WORDS.test(query) || words.some((w) => /^[+-]/u.test(w))) return query;
  return `"${words.join(' ')}"`;
}

/**
 * Searches every query of a list with the same options, in the list's order, through `search`:
 * each gets its documents and matches counted, the spellings it matched as, and its first
 * documents with a passage. A query that cannot be searched (a syntax error, a line that cannot
 * be read) gets a row with its error; the rest go on. Stopped by `signal`, it resolves with the
 * rows done so far.
 */
export async function runBatch(
  queries: readonly ListedQuery[],
  search: SearchFunction,
  { options = {}, signal, onRow }: { options?: BatchOptions; signal?: AbortSignal; onRow?: (row: BatchRow, progress: BatchProgress) => void } = {},
): Promise<{ rows: BatchRow[]; cancelled: boolean }> {
  const { phrases, documentsPerQuery = 3, ...searchOptions } = options;
  const rows: BatchRow[] = [];
  for (const listed of queries) {
    // The caller gets its answer (a batch started) before the first query runs.
    if (rows.length % QUERIES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) return { rows, cancelled: true };
    const row = searchOne(listed, search, searchOptions, phrases, documentsPerQuery);
    rows.push(row);
    onRow?.(row, { done: rows.length, total: queries.length });
  }
  return { rows, cancelled: false };
}

function searchOne(listed: ListedQuery, search: SearchFunction, options: SearchOptions, phrases: boolean | undefined, documentsPerQuery: number): BatchRow {
  const searched = searchedAs(listed.query, phrases);
  const empty = { query: listed.query, lines: listed.lines, searched, documents: 0, matches: 0, matchedAs: [], top: [] };
  if (listed.problem) return { ...empty, error: { message: listed.problem.text, messageCode: listed.problem.code } };
  let result: SearchResult;
  try {
    result = search(searched, { ...options, limit: documentsPerQuery });
  } catch (error) {
    if (!(error instanceof CasefileError)) throw error;
    const span = error instanceof QuerySyntaxError ? { span: error.span } : {};
    return { ...empty, error: { message: error.message, ...(error.messageCode ? { messageCode: error.messageCode } : {}), ...span } };
  }
  const counted = result.terms.filter((t) => t.presence !== 'prohibited');
  const matchedAs = new Map<string, number>();
  for (const term of counted) for (const v of term.variants) matchedAs.set(v.text, (matchedAs.get(v.text) ?? 0) + v.occurrences);
  return {
    ...empty,
    documents: result.total,
    matches: counted.reduce((sum, t) => sum + t.occurrences, 0),
    matchedAs: [...matchedAs].map(([text, occurrences]) => ({ text, occurrences })).sort((a, b) => b.occurrences - a.occurrences || a.text.localeCompare(b.text)),
    top: result.hits.map((hit) => ({ id: hit.id, title: hit.title, date: hit.date, matchCount: hit.matchCount, snippet: hit.snippets[0] ?? null })),
  };
}
