import type { QuerySpan } from '../../../core/api/types';
import { MarkedText } from './MarkedText';

/** A search that was refused: the message, and for a malformed query the query with the place marked. */
export interface SearchProblem {
  message: string;
  /** The query as it was sent. */
  query: string;
  span: QuerySpan | null;
}

/** Characters of the query shown on each side of the marked place; a long query is cut around it. */
const CONTEXT = 40;

/**
 * The part of the query to show with the span marked. A span at the very end (or empty) still gets
 * one visible marked character, so there is always something to point at.
 */
export function excerptAround(query: string, span: QuerySpan): { text: string; mark: [number, number] } {
  const start = Math.min(Math.max(0, span.start), query.length);
  const end = Math.min(Math.max(span.end, start + 1), query.length + 1);
  const padded = end > query.length ? `${query} ` : query;
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(padded.length, end + CONTEXT);
  const before = from > 0 ? '…' : '';
  const after = to < padded.length ? '…' : '';
  return { text: `${before}${padded.slice(from, to)}${after}`, mark: [start - from + before.length, end - from + before.length] };
}

export function QueryError({ problem }: { problem: SearchProblem }) {
  return (
    <div className="query-error" role="alert">
      <p className="query-error-message">{problem.message}</p>
      {problem.span && <QueryEcho query={problem.query} span={problem.span} />}
    </div>
  );
}

/** The query (or the part of it around the problem) with the offending characters marked. */
function QueryEcho({ query, span }: { query: string; span: QuerySpan }) {
  const excerpt = excerptAround(query, span);
  return (
    <p className="query-echo">
      <code>
        <MarkedText text={excerpt.text} marks={[excerpt.mark]} />
      </code>
      <span className="query-echo-where">
        {span.end - span.start > 1 ? `characters ${span.start + 1}–${span.end}` : `character ${span.start + 1}`}
      </span>
    </p>
  );
}
