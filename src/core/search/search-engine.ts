import type { ArchiveDocument, DocumentDate } from '../archive/document';
import type { EntityFacets } from '../entities/types';
import type { CopyOf } from '../duplicates/archive-duplicates';
import type { SearchField } from './query-parser';
import type { Snippet } from './snippets';
import type { SpellingSuggestion } from './suggestions';

/** How a place in a text matched: the word as asked, a name variant, or a near spelling. */
export type MatchKind = 'exact' | 'variant' | 'fuzzy';

export interface SearchHit {
  id: string;
  title: string;
  byline: string | null;
  date: DocumentDate | null;
  score: number;
  /** How many places in the body match. */
  matchCount: number;
  /** Whether any place matched as asked (hits matched only through variants rank below). */
  exact: boolean;
  /** Words as written in the document that matched as variants or near spellings ("Kasym-Zhomart"). */
  matchedVariants: string[];
  /** Keyword in context for each matching place in the body, in reading order. */
  snippets: Snippet[];
  /** Asked with groupDuplicates: the matching documents that are copies of this one (reprints, light edits), folded into it. */
  alsoIn?: CopyOf[];
}

/** One term or phrase of the query and how often it matched. */
export interface TermSummary {
  /** As written in the query, operators and field aside. */
  term: string;
  field: SearchField | null;
  presence: 'optional' | 'required' | 'prohibited';
  /** Matching places in the documents counted (all results, or the one document). */
  occurrences: number;
  documents: number;
  /** Words that matched as variants or near spellings, with their counts. */
  variants: Array<{ text: string; occurrences: number }>;
  /** Why the term could not match, e.g. a word too common to be indexed. */
  note?: string;
}

/** How results are ordered; relevance unless asked. */
export const SORT_ORDERS = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface SearchOptions {
  limit?: number;
  /** Name variants and automatic near spellings (on unless turned off). */
  variants?: boolean;
  sort?: SortOrder;
  /** Only documents dated on or after / before this day (YYYY-MM-DD); undated documents are left out (counted in `undated`). */
  from?: string;
  to?: string;
  /** With a date range: keep the documents that have no date too (they cannot be placed in or out of it). */
  includeUndated?: boolean;
  /** Count the matching documents by month of publication (the date range aside): a date facet. */
  histogram?: boolean;
  /** Only documents whose byline or folder contains this text (case-insensitive). */
  source?: string;
  /** Only documents that mention this entity (an id from the entities list). */
  entity?: string;
  /** Count the entities of all the matching documents (filters applied), by type: the entity facets. */
  entityFacets?: boolean;
  /** Not in the API: a test each matching document must pass too (the workstation's entity filter). */
  only?: (doc: ArchiveDocument) => boolean;
  /** Not in the API: told the ids of all the matching documents (filters applied), for facets over every result. */
  matchingIds?: (ids: readonly string[]) => void;
}

export interface SearchResult {
  query: string;
  total: number;
  hits: SearchHit[];
  terms: TermSummary[];
  variants: boolean;
  /** With a date range only: matching documents without a date, which the range left out (or, with includeUndated, kept). */
  undated?: number;
  /** When asked: the matching documents (source filter applied, date range not) by month, and those undated. */
  histogram?: DateHistogram;
  /** When asked: the entities of all the matching documents, by type, most documents first. */
  entityFacets?: EntityFacets;
  /** Words of the query that match nothing, with the archive's likely intended word ("Did you mean …?"); absent when none. */
  suggestions?: SpellingSuggestion[];
}

export interface DateHistogram {
  /** Months (YYYY-MM) with at least one document, in order. */
  months: Array<{ month: string; documents: number }>;
  undated: number;
}

export interface DocumentMatches {
  /** Matching ranges [start, end) in the text, in order. */
  ranges: Array<[number, number]>;
  kinds: MatchKind[];
  terms: TermSummary[];
}

/**
 * What the rest of Casefile needs from a search engine. lunr implements it in-process; a server
 * engine (OpenSearch, Elasticsearch) could implement it for archives that outgrow one machine.
 */
export interface SearchEngine {
  search(query: string, options?: SearchOptions): SearchResult;
  /** Where the query matches in one document's text, with the query's terms counted there. */
  locate(query: string, docId: string, options?: Pick<SearchOptions, 'variants'>): DocumentMatches;
}
