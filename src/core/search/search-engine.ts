import type { DocumentDate } from '../archive/document';
import type { Snippet } from './snippets';

export interface SearchHit {
  id: string;
  title: string;
  byline: string | null;
  date: DocumentDate | null;
  score: number;
  /** How many places in the body match. */
  matchCount: number;
  snippets: Snippet[];
}

export interface SearchResult {
  query: string;
  total: number;
  hits: SearchHit[];
}

export interface SearchOptions {
  limit?: number;
}

/**
 * What the rest of Casefile needs from a search engine. lunr implements it in-process; a server
 * engine (OpenSearch, Elasticsearch) could implement it for archives that outgrow one machine.
 */
export interface SearchEngine {
  search(query: string, options?: SearchOptions): SearchResult;
  /** Every matching range [start, end) of the query in one document's text, in order. */
  locate(query: string, docId: string): Array<[number, number]>;
}
