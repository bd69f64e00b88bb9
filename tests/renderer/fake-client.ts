import type { AnchoredAnnotation, ArchiveIndexStatus, ArgsOf, MethodName, ResultOf, SearchHit, TermSummary, WorkstationSearchResult } from '../../src/core/api/types';
import { ApiCallError, type CasefileClient } from '../../src/renderer/src/api/client';

export type Handlers = { [M in MethodName]?: (args: ArgsOf<M>) => ResultOf<M> | Promise<ResultOf<M>> };

/**
 * A client that answers from the given handlers instead of a shell, and records every call. A
 * method without a handler is refused the way a shell refuses an unknown one.
 */
export function fakeClient(handlers: Handlers): CasefileClient & { calls: Array<{ method: MethodName; args: unknown }> } {
  const calls: Array<{ method: MethodName; args: unknown }> = [];
  return {
    calls,
    async call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
      calls.push({ method, args });
      const handler = handlers[method] as ((args: ArgsOf<M>) => ResultOf<M> | Promise<ResultOf<M>>) | undefined;
      if (!handler) throw new ApiCallError({ code: 'not-found', message: `unknown method "${method}"` });
      return handler(args);
    },
  };
}

export const READY: ArchiveIndexStatus = { state: 'ready', done: 5, total: 5, documents: 5, origin: 'cache', problem: null, checking: false };

export function hit(overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    id: '000.txt',
    title: 'In Kazakhstan, participants of peaceful protests fear prosecution',
    byline: null,
    date: null,
    score: 1,
    matchCount: 1,
    exact: true,
    matchedVariants: [],
    snippets: [{ text: 'president Kassym-Jomart Tokayev said', start: 10, matches: [[10, 23]] }],
    ...overrides,
  };
}

export function term(overrides: Partial<TermSummary> = {}): TermSummary {
  return { term: 'Tokayev', field: null, presence: 'optional', occurrences: 1, documents: 1, variants: [], ...overrides };
}

export function searchResult(query: string, hits: SearchHit[], overrides: Partial<WorkstationSearchResult> = {}): WorkstationSearchResult {
  return { query, total: hits.length, hits, terms: [], variants: true, index: READY, ...overrides };
}

/** An annotation as the core lists it: anchored at its place unless the overrides say otherwise. */
export function annotation(overrides: Partial<AnchoredAnnotation> & { quote?: string; docId?: string; start?: number } = {}): AnchoredAnnotation {
  const { quote = 'the quoted words', docId = '000.txt', start = 0, ...rest } = overrides;
  const position = { start, end: start + quote.length };
  return {
    id: '00000000-0000-4000-8000-000000000001',
    target: { docId, docSha256: 'a'.repeat(64), quote: { exact: quote, prefix: '', suffix: '' }, position },
    note: '',
    tags: [],
    color: 'yellow',
    author: '',
    created: '2024-05-01T10:00:00.000Z',
    modified: '2024-05-01T10:00:00.000Z',
    status: 'anchored',
    current: position,
    currentText: null,
    score: null,
    ...rest,
  };
}
