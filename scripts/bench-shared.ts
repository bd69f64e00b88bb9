/**
 * What the benchmark's parent and its child processes share: the query set's shape, keystrokes and
 * the statistics. Imports nothing, so a child measuring one engine loads no other.
 */

/** What a query exercises (the mix): each engine translates it as well as it can. */
export type QueryKind = 'term' | 'and' | 'phrase' | 'prefix' | 'fuzzy' | 'name';
export const QUERY_KINDS: readonly QueryKind[] = ['term', 'and', 'phrase', 'prefix', 'fuzzy', 'name'];

export interface BenchQuery {
  kind: QueryKind;
  /** In Casefile's query language, as a user types it. */
  casefile: string;
  /** The bare words (for a prefix, the prefix; for fuzzy and name, the word as misspelled). */
  words: string[];
}

export interface QuerySet {
  queries: BenchQuery[];
  /** Queries typed letter by letter: every prefix is searched (search as you type). */
  typed: string[];
}

/** Every prefix of a typed query, as the search box holds it after each keystroke (trailing spaces trimmed away). */
export function keystrokes(typed: string): string[] {
  const out: string[] = [];
  for (let i = 1; i <= typed.length; i++) {
    const prefix = typed.slice(0, i).trim();
    if (prefix !== '' && out.at(-1) !== prefix) out.push(prefix);
  }
  return out;
}

export interface Stats {
  medianMs: number;
  p95Ms: number;
}

/** Median and 95th percentile (nearest rank) of samples, rounded to 0.01 (a peer's median query is under 0.1 ms). */
export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) return { medianMs: NaN, p95Ms: NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const round = (x: number) => Math.round(x * 100) / 100;
  return { medianMs: round(at(0.5)), p95Ms: round(at(0.95)) };
}

export async function time<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}
