import type { Presence, SearchField } from './query-parser';
import type { TermSummary } from './search-engine';
import { fieldText, type IndexableDocument } from './segment';
import { mergeRanges, type ClauseOutcome, type Occurrence } from './matches';

/**
 * How many places `mergeRanges` would give of the counted occurrences, when that is their number:
 * all exact, in one field, each starting at or after the end of the one before. Null otherwise.
 */
function plainCount(occurrences: readonly Occurrence[], counted: (field: SearchField) => boolean): number | null {
  let count = 0;
  let last: Occurrence | null = null;
  for (const o of occurrences) {
    if (!counted(o.field)) continue;
    if (o.kind !== 'exact' || (last && (o.field !== last.field || o.start < last.end))) return null;
    last = o;
    count++;
  }
  return count;
}

/** A word clause's outcome as the summary counts it, groups opened. */
interface CountedOutcome {
  outcome: ClauseOutcome;
  presence: Presence;
  /** Inside groups: whether the groups around it matched a document (only there are its places marked). */
  within: ((n: number) => boolean) | null;
}

/**
 * The word clauses' outcomes in reading order, each group's words in its place. A word in a group
 * says required when every hit must hold it (required, or the group's one optional clause, in a
 * required group), excluded inside an excluded group, and optional otherwise.
 */
function countedOutcomes(outcomes: readonly ClauseOutcome[], around: { presence: Presence; within: (n: number) => boolean } | null = null): CountedOutcome[] {
  const optional = outcomes.filter((o) => o.clause.presence === 'optional').length;
  const required = outcomes.length - optional - outcomes.filter((o) => o.clause.presence === 'prohibited').length;
  return outcomes.flatMap((outcome): CountedOutcome[] => {
    const written = outcome.clause.presence;
    const needed = written === 'required' || (written === 'optional' && required === 0 && optional === 1);
    const presence: Presence =
      around === null ? written : around.presence === 'prohibited' || written === 'prohibited' ? 'prohibited' : around.presence === 'required' && needed ? 'required' : 'optional';
    if (!outcome.inner) return [{ outcome, presence, within: around?.within ?? null }];
    const outer = around?.within;
    const { matches } = outcome;
    return countedOutcomes(outcome.inner, { presence, within: outer ? (n) => outer(n) && matches.has(n) : (n) => matches.has(n) });
  });
}

/**
 * Each word, phrase or wildcard of the query (a group's one by one) with its places and documents
 * among those `shown`; words inside groups only where their groups matched, as they are marked.
 */
export function summarizeTerms(
  outcomes: ClauseOutcome[],
  shown: (n: number) => boolean,
  lookup: (n: number) => IndexableDocument | undefined,
): TermSummary[] {
  return countedOutcomes(outcomes).map(({ outcome: { clause, matches, note }, presence, within }) => {
    let occurrences = 0;
    let documents = 0;
    const variantCounts = new Map<string, number>();
    // The title and byline are lines of the text: their places count once, as places in the body,
    // unless the clause looks only at those fields.
    const countedField = (field: SearchField) => (clause.fields && !clause.fields.includes('body') ? true : field === 'body');
    for (const [n, match] of matches) {
      if (!shown(n) || (within && !within(n))) continue;
      documents++;
      // Most often every counted place is an exact one, in one field, in order and apart: then they
      // are simply counted, with no merge to build (a broad word meets thousands of documents).
      const plain = plainCount(match.occurrences, countedField);
      if (plain !== null) {
        occurrences += plain;
        continue;
      }
      const doc = lookup(n);
      const places = mergeRanges(match.occurrences.filter((o) => countedField(o.field)));
      occurrences += places.length;
      for (const o of places) {
        if (o.kind === 'exact' || !doc) continue;
        const text = fieldText(doc, o.field).slice(o.start, o.end);
        variantCounts.set(text, (variantCounts.get(text) ?? 0) + 1);
      }
    }
    return {
      term: clause.text,
      field: clause.fields?.[0] ?? null,
      presence,
      occurrences,
      documents,
      variants: [...variantCounts].map(([text, count]) => ({ text, occurrences: count })).sort((a, b) => b.occurrences - a.occurrences),
      ...(note ? { note } : {}),
    };
  });
}
