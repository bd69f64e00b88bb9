import { expect } from 'vitest';
import { parseDocument } from '../../src/core/archive/archive';
import type { ArchiveDocument } from '../../src/core/archive/document';
import { CasefileError } from '../../src/core/errors';
import { CompactSearchEngine } from '../../src/core/search/compact-search-engine';
import type { SearchHit, SearchResult } from '../../src/core/search/search-engine';

/** Documents parsed from texts written in a test, by id. */
export function documentsOf(texts: Record<string, string>): ArchiveDocument[] {
  return Object.entries(texts).map(([id, text]) => parseDocument(id, new TextEncoder().encode(text)));
}

/** An engine over documents written in a test. */
export function engineOver(texts: Record<string, string>): CompactSearchEngine {
  return CompactSearchEngine.fromDocuments(documentsOf(texts));
}

/** The ids of a result's hits, sorted. */
export function hitIds(result: SearchResult): string[] {
  return result.hits.map((h) => h.id).sort();
}

/** Document offsets [start, end) of every place marked in a hit's snippets, in reading order. */
export function markedRanges(hit: SearchHit): Array<[number, number]> {
  return hit.snippets.flatMap((s) => s.matches.map(([a, b]): [number, number] => [s.start + a, s.start + b]));
}

/** What each marked place of a hit reads in the document's text. */
export function markedTexts(hit: SearchHit, text: string): string[] {
  return markedRanges(hit).map(([s, e]) => text.slice(s, e));
}

/** Exact hits come first: no hit with `exact: true` follows one with `exact: false`. */
export function expectExactHitsFirst(result: SearchResult): void {
  const firstVariantOnly = result.hits.findIndex((h) => !h.exact);
  if (firstVariantOnly === -1) return;
  expect(result.hits.slice(firstVariantOnly).map((h) => [h.id, h.exact])).toEqual(
    result.hits.slice(firstVariantOnly).map((h) => [h.id, false]),
  );
}

/** Runs `run` and returns what it threw (undefined when it returned). */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Whether an error is the one kind a query may cause: CasefileError with code 'invalid-query'. */
export function isInvalidQuery(error: unknown): error is CasefileError {
  return error instanceof CasefileError && error.code === 'invalid-query';
}

export function expectInvalidQuery(run: () => unknown): CasefileError {
  const error = thrownBy(run);
  expect(error).toBeInstanceOf(CasefileError);
  expect((error as CasefileError).code).toBe('invalid-query');
  expect((error as CasefileError).message).not.toBe('');
  return error as CasefileError;
}
