import { CompactSearchEngine, type Evaluation } from '../../../../src/core/search/compact-search-engine';
import type { ClauseOutcome, DocMatch } from '../../../../src/core/search/matches';
import { parseQuery } from './query-parser';

/**
 * The engine as it read queries before groups and proximity: the frozen parser beside this file and
 * the flat clause logic of the same commit (0dc11be), copied here and not to be edited. Words,
 * phrases and wildcards are matched by the live engine's own code (cachedClause), so what is
 * compared is how a query is read and how its clauses combine into hits, scores and places.
 */
export class FlatReferenceEngine extends CompactSearchEngine {
  protected override evaluate(query: string, variants: boolean): Evaluation {
    const { clauses } = parseQuery(query);
    const nearSpellings = variants && clauses.length <= 16;
    const outcomes: ClauseOutcome[] = clauses.map((clause) => this.cachedClause(clause, variants, nearSpellings));
    const active = outcomes.filter((o) => o.note === undefined);
    const required = active.filter((o) => o.clause.presence === 'required');
    const optional = active.filter((o) => o.clause.presence === 'optional');
    const prohibited = active.filter((o) => o.clause.presence === 'prohibited');
    let candidates: number[];
    if (required.length > 0) {
      const [fewest, ...others] = [...required].sort((a, b) => a.matches.size - b.matches.size);
      candidates = [...fewest.matches.keys()].filter((n) => others.every((o) => o.matches.has(n)));
    } else if (optional.length === 1) {
      candidates = [...optional[0].matches.keys()];
    } else if (optional.length > 1) {
      candidates = [...new Set(optional.flatMap((o) => [...o.matches.keys()]))];
    } else {
      candidates = prohibited.length > 0 ? this.searchableNumbers() : [];
    }
    if (prohibited.length > 0) candidates = candidates.filter((n) => !prohibited.some((o) => o.matches.has(n)));
    const scored = [...required, ...optional];
    const scores = new Float64Array(this.numbered);
    const exactClauses = new Uint32Array(this.numbered);
    for (const o of scored) {
      for (const [n, match] of o.matches) {
        scores[n] += match.score;
        if (hasExactPlace(match)) exactClauses[n]++;
      }
    }
    return { outcomes, scored, docs: candidates, scores, exactClauses };
  }
}

function hasExactPlace(match: DocMatch): boolean {
  return match.occurrences.some((o) => o.kind === 'exact');
}
