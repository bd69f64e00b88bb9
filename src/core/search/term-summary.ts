import type { SearchField } from './query-parser';
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

export function summarizeTerms(
  outcomes: ClauseOutcome[],
  shown: (n: number) => boolean,
  lookup: (n: number) => IndexableDocument | undefined,
): TermSummary[] {
  return outcomes.map(({ clause, matches, note }) => {
    let occurrences = 0;
    let documents = 0;
    const variantCounts = new Map<string, number>();
    // The title and byline are lines of the text: their places count once, as places in the body,
    // unless the clause looks only at those fields.
    const countedField = (field: SearchField) => (clause.fields && !clause.fields.includes('body') ? true : field === 'body');
    for (const [n, match] of matches) {
      if (!shown(n)) continue;
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
      presence: clause.presence,
      occurrences,
      documents,
      variants: [...variantCounts].map(([text, count]) => ({ text, occurrences: count })).sort((a, b) => b.occurrences - a.occurrences),
      ...(note ? { note } : {}),
    };
  });
}
