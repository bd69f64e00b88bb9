import type { ArchiveDocument } from '../archive/document';
import { mergeRanges, type Occurrence } from './matches';
import type { DateHistogram, SearchHit, SearchOptions, SortOrder } from './search-engine';
import { fieldText } from './segment';
import { buildSnippets } from './snippets';

/** Snippets built for one hit at most (the reader shows every match; results show the first few). */
const MAX_SNIPPETS = 100;

/** Whether the options filter the matching documents at all. */
export function filtersDocuments({ from, to, source, only }: SearchOptions): boolean {
  return Boolean(from || to || source || only);
}

/** Whether a document passes the date range, the source filter (byline or folder, any case) and the caller's own test. */
export function passesFilters(doc: ArchiveDocument | undefined, { from, to, source, includeUndated, only }: SearchOptions): boolean {
  if (!doc) return false;
  if (only && !only(doc)) return false;
  if (from || to) {
    const iso = doc.date?.iso;
    if (!iso ? !includeUndated : (from && iso < from) || (to && iso > to)) return false;
  }
  if (source) {
    const needle = source.toLowerCase();
    const folder = doc.id.includes('/') ? doc.id.slice(0, doc.id.lastIndexOf('/')) : '';
    if (!(doc.byline ?? '').toLowerCase().includes(needle) && !folder.toLowerCase().includes(needle)) return false;
  }
  return true;
}

/** Matching documents that pass the source filter but have no date: what a date range cannot place. */
export function undatedCount(docs: readonly number[], documentAt: (n: number) => ArchiveDocument | undefined, options: SearchOptions): number {
  const sourceOnly: SearchOptions = { source: options.source, only: options.only };
  return docs.filter((n) => {
    const doc = documentAt(n);
    return doc !== undefined && !doc.date && passesFilters(doc, sourceOnly);
  }).length;
}

/** Matching documents that pass the source filter, by month of publication: the date facet (its range aside). */
export function dateHistogram(docs: readonly number[], documentAt: (n: number) => ArchiveDocument | undefined, options: SearchOptions): DateHistogram {
  const sourceOnly: SearchOptions = { source: options.source, only: options.only };
  const months = new Map<string, number>();
  let undated = 0;
  for (const n of docs) {
    const doc = documentAt(n);
    if (!doc || !passesFilters(doc, sourceOnly)) continue;
    if (!doc.date) undated++;
    else months.set(doc.date.iso.slice(0, 7), (months.get(doc.date.iso.slice(0, 7)) ?? 0) + 1);
  }
  return { months: [...months].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, documents]) => ({ month, documents })), undated };
}

/** What ranks hits, in columns indexed by the engine's document number. */
export interface Ranking {
  scores: Float64Array;
  /** Clauses matched with at least one place as asked: ranks hits before variant-only ones. */
  exactClauses: Uint32Array;
}

/** How hits are ordered: a total order (ties end with the id), so the first hits never depend on the sort. */
export function hitOrder(
  { scores, exactClauses }: Ranking,
  order: SortOrder,
  idOf: (n: number) => string,
  documentAt: (n: number) => ArchiveDocument | undefined,
): (a: number, b: number) => number {
  const byRelevance = (a: number, b: number): number => exactClauses[b] - exactClauses[a] || scores[b] - scores[a] || idOf(a).localeCompare(idOf(b));
  if (order === 'relevance') return byRelevance;
  const direction = order === 'newest' ? -1 : 1;
  return (a, b) => {
    const da = documentAt(a)?.date?.iso;
    const db = documentAt(b)?.date?.iso;
    if (da && db && da !== db) return da < db ? -direction : direction;
    if (da && !db) return -1; // undated documents last, whichever way
    if (db && !da) return 1;
    return byRelevance(a, b);
  };
}

/** A result as shown: the document's card, its matches in the body, the spellings that matched, snippets. */
export function toSearchHit(doc: ArchiveDocument, occurrences: readonly Occurrence[], score: number, exact: boolean): SearchHit {
  const body = mergeRanges(occurrences.filter((o) => o.field === 'body'));
  return {
    id: doc.id,
    title: doc.title,
    byline: doc.byline,
    date: doc.date,
    score: Math.round(score * 1000) / 1000,
    matchCount: body.length,
    exact,
    matchedVariants: [...new Set(occurrences.filter((o) => o.kind !== 'exact').map((o) => fieldText(doc, o.field).slice(o.start, o.end)))],
    snippets: buildSnippets(
      doc.text,
      body.map((o) => [o.start, o.end]),
      { maxSnippets: MAX_SNIPPETS },
      body.map((o) => o.kind),
    ),
  };
}
