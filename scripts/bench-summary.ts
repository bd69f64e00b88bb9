/**
 * `npm run -s bench:summary -- REPORT.json...`: the fair figures of several bench reports (one per
 * archive size, written by `npm run bench -- --json`) side by side, as a Markdown table: each engine
 * opened from disk in a fresh process, Casefile's ratio to MiniSearch, the paired ratios and SQLite
 * FTS5 as the anchor. It reads reports only; it measures nothing.
 */
import { readFile } from 'node:fs/promises';
import { QUERY_KINDS } from './bench-shared';

interface Timing {
  medianMs: number;
  p95Ms: number;
}
interface EngineFigures {
  buildMs: number;
  buildCpuMs: number;
  buildRssPeakBytes: number;
  indexBytes: number;
  firstQueryMs: number;
  rssBytes: number;
  queryMedianMs: number;
  queryP95Ms: number;
  queryByKind: Record<string, Timing & { queries: number }>;
  typeahead: Timing;
  typeaheadPrefix: Timing;
}
interface PairedFigures {
  samples: number;
  ratioP50: number | null;
  ratioP95: number | null;
}
interface Report {
  docs: number;
  corpus: { kind: string; words: number };
  load?: { start: number[]; end: number[] };
  casefile: EngineFigures & {
    buildShards: number;
    build1Thread: { buildMs: number; buildCpuMs: number; buildRssPeakBytes: number };
    coldTotalMs: number;
    coldRssPeakBytes: number;
    variantsOff: { queryMedianMs: number; queryP95Ms: number };
  };
  minisearch: EngineFigures;
  flexsearch: EngineFigures;
  sqlite: (EngineFigures & { prefixIndexBytes: number; hitComparison: { queries: number; same: number } }) | null;
  paired: { queries: { all: PairedFigures; byKind: Record<string, PairedFigures> } };
}

const present = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const ms = (x: number | undefined) => (!present(x) ? '—' : x >= 10_000 ? `${round(x / 1000, 0)} s` : x >= 1000 ? `${round(x / 1000, 1)} s` : x >= 10 ? `${round(x, 0)} ms` : `${round(x, 1)} ms`);
const mb = (x: number | undefined) => (!present(x) || x === 0 ? '—' : x >= 2 ** 30 ? `${round(x / 2 ** 30, 2)} GB` : `${round(x / 2 ** 20, x >= 10 * 2 ** 20 ? 0 : 1)} MB`);
const ratio = (a: number | undefined, b: number | undefined) => (present(a) && present(b) && b > 0 ? `${round(a / b, 2)}×` : '—');
const both = (a: string, b: string) => `${a} / ${b}`;

/** One row: a label and, for each report, its cell. */
type Row = [string, (r: Report) => string];

const ROWS: Row[] = [
  ['corpus: articles, words', (r) => `${r.docs.toLocaleString('en')}, ${(r.corpus.words / 1e6).toFixed(1)} M (${r.corpus.kind})`],
  ['load average at start / end (2 cores)', (r) => (r.load ? both(r.load.start[0].toFixed(1), r.load.end[0].toFixed(1)) : 'not recorded')],
  ['**build on 1 thread**: Casefile / MiniSearch / FlexSearch / FTS5', (r) => [r.casefile.build1Thread.buildMs, r.minisearch.buildMs, r.flexsearch.buildMs, r.sqlite?.buildMs].map(ms).join(' / ')],
  ['  Casefile / MiniSearch, wall clock (CPU time)', (r) => `${ratio(r.casefile.build1Thread.buildMs, r.minisearch.buildMs)} (${ratio(r.casefile.build1Thread.buildCpuMs, r.minisearch.buildCpuMs)})`],
  ['build on all cores, Casefile (shards) / MiniSearch', (r) => `${ms(r.casefile.buildMs)} (${r.casefile.buildShards}), ${ratio(r.casefile.buildMs, r.minisearch.buildMs)}`],
  ['peak RSS of the build: Casefile 1 thread / all cores / MiniSearch', (r) => [r.casefile.build1Thread.buildRssPeakBytes, r.casefile.buildRssPeakBytes, r.minisearch.buildRssPeakBytes].map(mb).join(' / ')],
  ['Casefile cold open (ingest + index + cache), peak RSS', (r) => `${ms(r.casefile.coldTotalMs)}, ${mb(r.casefile.coldRssPeakBytes)}`],
  ['**index on disk**: Casefile / MiniSearch / FlexSearch / FTS5 (+ prefix table)', (r) => `${[r.casefile.indexBytes, r.minisearch.indexBytes, r.flexsearch.indexBytes].map(mb).join(' / ')} / ${r.sqlite ? `${mb(r.sqlite.indexBytes)} (+${mb(r.sqlite.prefixIndexBytes)})` : '—'}`],
  ['  Casefile / MiniSearch', (r) => ratio(r.casefile.indexBytes, r.minisearch.indexBytes)],
  ['**open → first answer**: Casefile / MiniSearch / FlexSearch / FTS5', (r) => [r.casefile.firstQueryMs, r.minisearch.firstQueryMs, r.flexsearch.firstQueryMs, r.sqlite?.firstQueryMs].map(ms).join(' / ')],
  ['  Casefile / MiniSearch', (r) => ratio(r.casefile.firstQueryMs, r.minisearch.firstQueryMs)],
  ['RSS after open + first answer: Casefile / MiniSearch / FlexSearch', (r) => [r.casefile.rssBytes, r.minisearch.rssBytes, r.flexsearch.rssBytes].map(mb).join(' / ')],
  ['  Casefile / MiniSearch', (r) => ratio(r.casefile.rssBytes, r.minisearch.rssBytes)],
  ['**queries**, separate processes, p50 / p95: Casefile', (r) => both(ms(r.casefile.queryMedianMs), ms(r.casefile.queryP95Ms))],
  ['  MiniSearch', (r) => both(ms(r.minisearch.queryMedianMs), ms(r.minisearch.queryP95Ms))],
  ['  Casefile / MiniSearch, p50 / p95', (r) => both(ratio(r.casefile.queryMedianMs, r.minisearch.queryMedianMs), ratio(r.casefile.queryP95Ms, r.minisearch.queryP95Ms))],
  ['**paired** in one process, Casefile / MiniSearch p50 / p95', (r) => both(`${r.paired.queries.all.ratioP50 ?? '—'}×`, `${r.paired.queries.all.ratioP95 ?? '—'}×`)],
  ...QUERY_KINDS.map((kind): Row => [`  ${kind}: paired p95 ratio (Casefile p95, separate)`, (r) => `${r.paired.queries.byKind[kind]?.ratioP95 ?? '—'}× (${ms(r.casefile.queryByKind[kind]?.p95Ms)})`]),
  ['**against SQLite FTS5** (variants off, the queries it can say), p50 / p95', (r) => (r.sqlite ? both(ratio(r.casefile.variantsOff.queryMedianMs, r.sqlite.queryMedianMs), ratio(r.casefile.variantsOff.queryP95Ms, r.sqlite.queryP95Ms)) : '—')],
  ['  FTS5 p50 / p95; same hit counts', (r) => (r.sqlite ? `${both(ms(r.sqlite.queryMedianMs), ms(r.sqlite.queryP95Ms))}; ${r.sqlite.hitComparison.same} of ${r.sqlite.hitComparison.queries}` : '—')],
  ['search as you type, p95, Casefile / MiniSearch: as written, last word a prefix', (r) => both(ratio(r.casefile.typeahead.p95Ms, r.minisearch.typeahead.p95Ms), ratio(r.casefile.typeaheadPrefix.p95Ms, r.minisearch.typeaheadPrefix.p95Ms))],
];

async function main(): Promise<void> {
  const files = process.argv.slice(2);
  if (files.length === 0) throw new Error('give the bench reports to set side by side: bench-summary REPORT.json...');
  const reports = await Promise.all(files.map(async (file) => JSON.parse(await readFile(file, 'utf8')) as Report));
  reports.sort((a, b) => a.docs - b.docs);
  const header = ['', ...reports.map((r) => `${r.docs.toLocaleString('en')} articles`)];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...ROWS.map(([label, cell]) => `| ${label} | ${reports.map(cell).join(' | ')} |`)];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
