import type { MessageCode, QuerySpan } from '../../../core/api/types';
import type { Catalogue } from '../../../shared/i18n/catalogue';
import { wordMessage } from '../../../shared/i18n/core-messages';
import { useT } from '../i18n';
import { MarkedText } from './MarkedText';

/** A search that was refused: the message, and for a malformed query the query with the place marked. */
export interface SearchProblem {
  message: string;
  /** The core's code for the message, to say it in the interface's language; null: the message as it is. */
  messageCode?: MessageCode | null;
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

/** Where in the query the problem is, in words: "character 7" or "characters 1–3". */
function placeOf(span: QuerySpan, t: Catalogue['search']['problem']): string {
  return span.end - span.start > 1 ? t.characters(span.start + 1, span.end) : t.character(span.start + 1);
}

/**
 * The problem said quietly, while the query is still being typed (an opened quote not closed yet is
 * no mistake): one muted line with the place, which stays the same from keystroke to keystroke so a
 * screen reader's polite live region is not repeated at each one.
 */
export function QueryHint({ problem }: { problem: SearchProblem }) {
  const catalogue = useT();
  const t = catalogue.search.problem;
  return (
    <p className="query-hint">
      {wordMessage(catalogue.messages, problem.messageCode, problem.message)}
      {problem.span && <span className="query-echo-where"> ({placeOf(problem.span, t)})</span>}
    </p>
  );
}

/** The problem said plainly, once the query was submitted or left as it is: the message and the query with the place marked. */
export function QueryError({ problem }: { problem: SearchProblem }) {
  const { messages } = useT();
  return (
    <div className="query-error" role="alert">
      <p className="query-error-message">{wordMessage(messages, problem.messageCode, problem.message)}</p>
      {problem.span && <QueryEcho query={problem.query} span={problem.span} />}
    </div>
  );
}

/** The query (or the part of it around the problem) with the offending characters marked. */
function QueryEcho({ query, span }: { query: string; span: QuerySpan }) {
  const t = useT().search.problem;
  const excerpt = excerptAround(query, span);
  return (
    <p className="query-echo">
      <code>
        <MarkedText text={excerpt.text} marks={[excerpt.mark]} />
      </code>
      <span className="query-echo-where">{placeOf(span, t)}</span>
    </p>
  );
}
