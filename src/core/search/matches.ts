import type { MatchKind } from './search-engine';
import type { QueryClause, SearchField } from './query-parser';

/*
 * What a query's clauses matched: places in documents, by the documents' numbers in the engine.
 */

/** Exact before variant before near spelling: a place's kind is the weakest of its words'. */
export const KIND_RANK: Record<MatchKind, number> = { exact: 0, variant: 1, fuzzy: 2 };

export interface Occurrence {
  field: SearchField;
  start: number;
  end: number;
  kind: MatchKind;
}

export interface DocMatch {
  score: number;
  occurrences: Occurrence[];
  /** A group's: how many of its clauses matched here with a place as asked (what ranks exact hits first). */
  exactClauses?: number;
}

/** Matched documents by their number in the engine (segment after segment; see CompactSearchEngine.idOf). */
export type Matches = Map<number, DocMatch>;

export interface ClauseOutcome {
  clause: QueryClause;
  matches: Matches;
  /** Set when the clause cannot match anything (only stop words): it is then left out of the logic. */
  note?: string;
  /** A group's: the outcomes of its clauses (their words are counted one by one). */
  inner?: ClauseOutcome[];
}

/** Sorted, overlapping places in one field merged (a phrase and one of its words), keeping the best kind. */
export function mergeRanges(occurrences: Occurrence[]): Occurrence[] {
  // Fields by name, not by locale: the order only groups them, and ICU's collation is slow.
  const sorted = [...occurrences].sort((a, b) => (a.field === b.field ? a.start - b.start || b.end - a.end : a.field < b.field ? -1 : 1));
  const merged: Occurrence[] = [];
  for (const o of sorted) {
    const last = merged.at(-1);
    if (last && last.field === o.field && o.start < last.end) {
      last.end = Math.max(last.end, o.end);
      if (KIND_RANK[o.kind] < KIND_RANK[last.kind]) last.kind = o.kind;
    } else {
      merged.push({ ...o });
    }
  }
  return merged;
}

