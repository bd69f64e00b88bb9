/**
 * `npm run bench -- [--docs N] [--corpus brown|varied] [--files F] [--skip-flexsearch] [--json [--out FILE]] [--runs R]`:
 * Casefile's performance, measured, never asserted (issues 8 and 22). On a reproducible corpus of N
 * articles (default 1,000; Brown-derived, or `varied`: the same with a Zipf-drawn vocabulary of made-up
 * words) and on the seed archive, each written to a temporary folder, it measures Casefile,
 * MiniSearch, FlexSearch and SQLite FTS5 (Python's sqlite3, when it has FTS5) on the same documents
 * and queries, each in fresh processes: a build process writes the engine's index to disk (on one
 * thread; Casefile also on every core), an open process reads it back, answers a first query, takes
 * RSS and runs the queries and search as you type (with and without a prefix on the last word). The
 * engines take turns within each run, so they see the same machine; Casefile and MiniSearch are also
 * timed paired in one process, query by query in alternating order. Plus Casefile-only figures (cold
 * open with ingest, a one-file update, the warm-open breakdown), the dossier export and re-anchoring,
 * and the ingest of a folder of F tiny files (default 10,000; 0 leaves it out). Each measurement is
 * repeated R times (default 5; fewer than 3 gives no real p95, for the smoke test only) and reported
 * as median and p95. `--json` prints the report and writes it to bench/results/bench-<time>.json (or FILE).
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ChildReport, PairedSample, QuerySample } from './bench-child';
import { buildCorpus, buildVariedCorpus, tinyFiles } from './bench-corpus';
import { buildQueries, fts5Match, fts5Typed } from './bench-queries';
import { keystrokes, QUERY_KINDS, stats, type QueryKind, type QuerySet } from './bench-shared';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    runs: { type: 'string' },
    docs: { type: 'string' },
    files: { type: 'string' },
    out: { type: 'string' },
    corpus: { type: 'string' },
    'skip-flexsearch': { type: 'boolean' },
  },
});
const CORPUS = values.corpus ?? 'brown';
if (CORPUS !== 'brown' && CORPUS !== 'varied') throw new Error(`--corpus is brown or varied, not ${CORPUS}`);
const RUNS = Math.max(1, Math.floor(Number(values.runs ?? 5)));
const DOCS = Math.max(1, Math.floor(Number(values.docs ?? 1000)));
/** The folder of many tiny files (issue 6); 0 leaves it out. */
const FILES = Math.max(0, Math.floor(Number(values.files ?? 10_000)));
/**
 * FlexSearch left out of the corpus (not the seed archive): at 10,000 articles its index is ten times
 * Casefile's and its process 1.4 GB, so at 100,000 it would need about 14 GB and an hour to build.
 */
const SKIP_FLEXSEARCH = values['skip-flexsearch'] === true;
const ROOT = path.resolve(import.meta.dirname, '..');
const ARCHIVE = path.join(ROOT, 'archive');
const CHILD = path.join(ROOT, 'scripts', 'bench-child.ts');
const FTS5 = path.join(ROOT, 'scripts', 'bench-fts5.py');

type Report<M extends ChildReport['mode']> = Extract<ChildReport, { mode: M }>;

/** What scripts/bench-fts5.py prints. */
interface Fts5Build {
  mode: 'sqlite-build';
  docs: number;
  readMs: number;
  buildMs: number;
  cpuMs: number;
  indexBytes: number;
  /** The unstemmed table that prefixes are asked of (FTS5 would stem the prefix itself). */
  prefixBuildMs: number;
  prefixIndexBytes: number;
  rssPeakBytes: number;
}
interface Fts5Open {
  mode: 'sqlite-open';
  openMs: number;
  firstQueryMs: number;
  rssBytes: number;
  rssPeakBytes: number;
  rssAfterQueriesBytes: number;
  queries: QuerySample[];
  typeahead: number[];
  typeaheadPrefix: number[];
}

/**
 * Every engine's process gets the same heap limit, three quarters of the machine's memory: Node's
 * default (about 4 GB here) stopped MiniSearch's build at 100,000 articles (out of memory), which
 * says nothing about the engine. Below that size no process comes near either limit.
 */
const HEAP_LIMIT = `--max-old-space-size=${Math.floor((os.totalmem() * 0.75) / 2 ** 20)}`;

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const median = (xs: number[]) => stats(xs).medianMs;
const p95 = (xs: number[]) => stats(xs).p95Ms;

/** Runs a process to its end and returns the last line it printed, parsed. */
function lastJsonLine(command: string, args: string[], stderr: 'inherit' | 'ignore' = 'inherit'): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const proc = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', stderr] });
    let out = '';
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      const line = out.trim().split('\n').at(-1);
      if (code !== 0 || !line) reject(new Error(`${path.basename(args.includes(CHILD) ? CHILD : command)} ${args.join(' ')} ended with ${signal ?? `exit code ${code}`}`));
      else resolve(JSON.parse(line));
    });
  });
}

async function timedStep<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  process.stderr.write(`  ${label} …`);
  const value = await run();
  process.stderr.write(` ${round((performance.now() - started) / 1000)} s\n`);
  return value;
}

/** Runs one measurement in its own Node process and returns its JSON line. */
async function child<M extends ChildReport['mode']>(mode: M, label: string, args: string[]): Promise<Report<M>> {
  const report = (await timedStep(label, () => lastJsonLine(process.execPath, ['--expose-gc', HEAP_LIMIT, '--import', 'tsx', CHILD, '--mode', mode, ...args]))) as ChildReport;
  if (report.mode !== mode) throw new Error(`bench-child answered ${report.mode} for ${mode}`);
  return report as Report<M>;
}

/** One SQLite FTS5 measurement, in a Python process of its own. */
async function fts5<M extends 'build' | 'open'>(mode: M, label: string, args: string[]): Promise<M extends 'build' ? Fts5Build : Fts5Open> {
  const report = (await timedStep(label, () => lastJsonLine('python3', [FTS5, '--mode', mode, ...args]))) as Fts5Build | Fts5Open;
  if (report.mode !== `sqlite-${mode}`) throw new Error(`bench-fts5 answered ${report.mode} for ${mode}`);
  return report as M extends 'build' ? Fts5Build : Fts5Open;
}

/** Python's sqlite3 with FTS5 (its version and an idle process's RSS), or why not (then the anchor is left out). */
async function fts5Available(): Promise<{ version: string; idleRssBytes: number } | { missing: string }> {
  try {
    return (await lastJsonLine('python3', [FTS5, '--mode', 'check'], 'ignore')) as { version: string; idleRssBytes: number };
  } catch (error) {
    return { missing: `python3 with SQLite FTS5 is not available here (${error instanceof Error ? error.message : String(error)})` };
  }
}

interface Case {
  name: string;
  dir: string;
  docs: number;
  words: number;
  bytes: number;
  queries: QuerySet;
  queriesFile: string;
  /** The query set as SQLite FTS5 is asked it (translatable queries, keystrokes both ways). */
  fts5File: string;
  /** The document changed for the update figure. */
  updateDoc: string;
}

async function prepareCase(work: string, name: string, files: Array<{ name: string; text: string }>): Promise<Case> {
  const dir = path.join(work, name);
  await mkdir(dir, { recursive: true });
  for (const f of files) await writeFile(path.join(dir, f.name), f.text);
  const texts = files.map((f) => f.text);
  const queries = buildQueries(texts);
  const queriesFile = path.join(work, `queries-${name}.json`);
  await writeFile(queriesFile, JSON.stringify(queries));
  const fts5File = path.join(work, `queries-${name}-fts5.json`);
  await writeFile(
    fts5File,
    JSON.stringify({
      queries: queries.queries.flatMap((q, index) => {
        const match = fts5Match(q);
        return match ? [{ index, kind: q.kind, match }] : [];
      }),
      typeahead: queries.typed.flatMap((text) => keystrokes(text).map((box) => ({ plain: fts5Typed(box, false), prefix: fts5Typed(box, true) }))),
    }),
  );
  const sorted = files.map((f) => f.name).sort();
  return {
    name,
    dir,
    docs: files.length,
    words: texts.reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0),
    bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0),
    queries,
    queriesFile,
    fts5File,
    updateDoc: sorted[Math.floor(sorted.length / 2)],
  };
}

const maxOf = (xs: number[]) => (xs.length > 0 ? round(Math.max(...xs)) : NaN);

/** Median, p95 and max of keystroke times. */
function typingFigures(samples: number[]) {
  const t = stats(samples);
  return { medianMs: t.medianMs, p95Ms: t.p95Ms, maxMs: maxOf(samples) };
}

function queryFigures(samples: QuerySample[]) {
  const byKind = Object.fromEntries(
    QUERY_KINDS.map((kind) => {
      const of = samples.filter((s) => s.kind === kind);
      const queries = new Set(of.map((s) => s.index));
      const answered = new Set(of.filter((s) => s.hits > 0).map((s) => s.index));
      const meanHits = of.length > 0 ? of.reduce((n, s) => n + s.hits, 0) / of.length : NaN;
      return [kind, { ...stats(of.map((s) => s.ms)), meanHits: round(meanHits), queries: queries.size, queriesWithHits: answered.size }];
    }),
  ) as Record<QueryKind, { medianMs: number; p95Ms: number; meanHits: number; queries: number; queriesWithHits: number }>;
  const q = stats(samples.map((s) => s.ms));
  return { queryMedianMs: q.medianMs, queryP95Ms: q.p95Ms, queryMaxMs: maxOf(samples.map((s) => s.ms)), queryByKind: byKind };
}

/** An open from disk in a fresh process: to the first answer, RSS at that point, then the query set. */
function openFigures(runs: Array<{ openMs: number; firstQueryMs: number; rssBytes: number; rssPeakBytes: number; rssAfterQueriesBytes: number; queries: QuerySample[]; typeahead: number[]; typeaheadPrefix: number[] }>) {
  return {
    openMs: median(runs.map((r) => r.openMs)),
    openP95Ms: p95(runs.map((r) => r.openMs)),
    firstQueryMs: median(runs.map((r) => r.firstQueryMs)),
    firstQueryP95Ms: p95(runs.map((r) => r.firstQueryMs)),
    rssBytes: median(runs.map((r) => r.rssBytes)),
    rssPeakBytes: median(runs.map((r) => r.rssPeakBytes)),
    rssAfterQueriesBytes: median(runs.map((r) => r.rssAfterQueriesBytes)),
    ...queryFigures(runs.flatMap((r) => r.queries)),
    typeahead: typingFigures(runs.flatMap((r) => r.typeahead)),
    typeaheadPrefix: typingFigures(runs.flatMap((r) => r.typeaheadPrefix)),
  };
}

function buildFigures(runs: Array<{ buildMs: number; cpuMs: number; rssPeakBytes: number; indexBytes: number }>, docs: number) {
  const ms = runs.map((r) => r.buildMs);
  return {
    buildMs: median(ms),
    buildP95Ms: p95(ms),
    buildCpuMs: median(runs.map((r) => r.cpuMs)),
    buildDocsPerSec: Math.round(docs / (median(ms) / 1000)),
    buildRssPeakBytes: median(runs.map((r) => r.rssPeakBytes)),
    indexBytes: runs.at(-1)?.indexBytes ?? NaN,
  };
}

/** Each query with its hits (capped at 100 for FlexSearch) and median time, per engine. */
function perQuery(queries: QuerySet, engines: Record<string, QuerySample[]>) {
  return queries.queries.map((q, index) => ({
    query: q.casefile,
    kind: q.kind,
    ...Object.fromEntries(
      Object.entries(engines).map(([name, samples]) => {
        const of = samples.filter((s) => s.index === index);
        return [name, of.length > 0 ? { hits: of[0].hits, medianMs: median(of.map((s) => s.ms)) } : null];
      }),
    ),
  }));
}

/** a / b to 2 digits; null when b is 0 or missing (no ratio to give). */
const ratio = (a: number, b: number): number | null => (b > 0 && Number.isFinite(a) ? round(a / b, 2) : null);

/** Casefile's and MiniSearch's times taken side by side: their percentiles and the ratios of those. */
function pairedFigures(samples: PairedSample[]) {
  const of = (list: PairedSample[]) => {
    const cf = stats(list.map((s) => s.casefileMs));
    const mi = stats(list.map((s) => s.minisearchMs));
    return {
      samples: list.length,
      casefileMedianMs: cf.medianMs,
      casefileP95Ms: cf.p95Ms,
      minisearchMedianMs: mi.medianMs,
      minisearchP95Ms: mi.p95Ms,
      ratioP50: ratio(cf.medianMs, mi.medianMs),
      ratioP95: ratio(cf.p95Ms, mi.p95Ms),
    };
  };
  return { all: of(samples), byKind: Object.fromEntries(QUERY_KINDS.map((k) => [k, of(samples.filter((s) => s.kind === k))])) as Record<QueryKind, ReturnType<typeof of>> };
}

async function measureCase(work: string, c: Case, withFts5: boolean, withFlexSearch = true) {
  const common = ['--dir', c.dir, '--queries', c.queriesFile];
  process.stderr.write(`${c.name}: ${c.docs} documents, ${c.words.toLocaleString('en')} words, ${c.queries.queries.length} queries\n`);
  // Cold opens (Casefile's app path from nothing), each on an empty data dir; the last one's cache
  // is the warm cache of what follows.
  const colds: Array<Report<'casefile-cold'>> = [];
  const snapshot = path.join(work, `${c.name}-data`);
  for (let r = 1; r <= RUNS; r++) {
    await rm(snapshot, { recursive: true, force: true });
    colds.push(await child('casefile-cold', `${c.name} casefile cold open + index, run ${r}/${RUNS}`, [...common, '--data', snapshot]));
  }
  const files = { minisearch: path.join(work, `${c.name}-minisearch.json`), flexsearch: path.join(work, `${c.name}-flexsearch.json`), sqlite: path.join(work, `${c.name}-fts5.db`) };
  const builds1: Array<Report<'casefile-build'>> = [];
  const buildsAll: Array<Report<'casefile-build'>> = [];
  const miniBuilds: Array<Report<'minisearch-build'>> = [];
  const flexBuilds: Array<Report<'flexsearch-build'>> = [];
  const sqliteBuilds: Fts5Build[] = [];
  const warms: Array<Report<'casefile-warm'>> = [];
  const miniOpens: Array<Report<'minisearch-open'>> = [];
  const flexOpens: Array<Report<'flexsearch-open'>> = [];
  const sqliteOpens: Fts5Open[] = [];
  const paireds: Array<Report<'paired'>> = [];
  let flexFailure: string | null = null;
  const updated = path.join(c.dir, c.updateDoc);
  const original = await readFile(updated);
  /** A copy of the warm cache for one process (an open may write to its data dir). */
  const warmCopy = async (name: string) => {
    const data = path.join(work, `${c.name}-${name}`);
    await rm(data, { recursive: true, force: true });
    await cp(snapshot, data, { recursive: true });
    return data;
  };
  // The engines take turns within each run: builds, then opens from disk, then the paired process.
  for (let r = 1; r <= RUNS; r++) {
    const run = `run ${r}/${RUNS}`;
    builds1.push(await child('casefile-build', `${c.name} casefile build, 1 thread, ${run}`, [...common, '--threads', '1']));
    buildsAll.push(await child('casefile-build', `${c.name} casefile build, all cores, ${run}`, common));
    miniBuilds.push(await child('minisearch-build', `${c.name} minisearch build, ${run}`, [...common, '--index', files.minisearch]));
    if (withFlexSearch && flexFailure === null) {
      // A peer that cannot build at this size is reported as such; the other engines' figures still count.
      try {
        flexBuilds.push(await child('flexsearch-build', `${c.name} flexsearch build, ${run}`, [...common, '--index', files.flexsearch]));
      } catch (error) {
        flexFailure = error instanceof Error ? error.message : String(error);
        process.stderr.write(`  FlexSearch left out: ${flexFailure}\n`);
      }
    }
    if (withFts5) sqliteBuilds.push(await fts5('build', `${c.name} sqlite fts5 build, ${run}`, ['--dir', c.dir, '--db', files.sqlite]));
    const data = await warmCopy('warm');
    const word = `casefilebench${'abcdefghijklmnopqrstuvwxyz'[(r - 1) % 26]}`;
    try {
      warms.push(await child('casefile-warm', `${c.name} casefile open + queries + update, ${run}`, [...common, '--data', data, '--update-doc', c.updateDoc, '--update-word', word]));
    } finally {
      await writeFile(updated, original);
      await rm(data, { recursive: true, force: true });
    }
    miniOpens.push(await child('minisearch-open', `${c.name} minisearch open + queries, ${run}`, [...common, '--index', files.minisearch]));
    if (withFlexSearch && flexFailure === null) flexOpens.push(await child('flexsearch-open', `${c.name} flexsearch open + queries, ${run}`, [...common, '--index', files.flexsearch]));
    if (withFts5) sqliteOpens.push(await fts5('open', `${c.name} sqlite fts5 open + queries, ${run}`, ['--db', files.sqlite, '--queries', c.fts5File]));
    const pairedData = await warmCopy('paired');
    paireds.push(await child('paired', `${c.name} casefile and minisearch paired, ${run}`, [...common, '--data', pairedData, '--index', files.minisearch]));
    await rm(pairedData, { recursive: true, force: true });
  }
  const breakdown = await child('casefile-breakdown', `${c.name} casefile warm-open breakdown`, [...common, '--data', snapshot]);
  const coldTotal = colds.map((x) => x.totalMs);
  const casefile = {
    ...buildFigures(buildsAll, c.docs),
    buildShards: buildsAll.at(-1)?.shards ?? 0,
    build1Thread: buildFigures(builds1, c.docs),
    ingestMs: median(colds.map((x) => x.ingestMs)),
    ingestP95Ms: p95(colds.map((x) => x.ingestMs)),
    coldIndexMs: median(colds.map((x) => x.indexMs)),
    coldTotalMs: median(coldTotal),
    coldTotalP95Ms: p95(coldTotal),
    coldDocsPerSec: Math.round(c.docs / (median(coldTotal) / 1000)),
    coldRssPeakBytes: median(colds.map((x) => x.rssPeakBytes)),
    // The cache folder as the app writes it (segments, manifest), not the encoded segments alone.
    indexBytes: colds.at(-1)?.indexBytes ?? 0,
    ...openFigures(warms),
    firstQueryOnlyMs: median(warms.map((w) => w.firstQueryOnlyMs)),
    verifyMs: median(warms.map((w) => w.verifyMs)),
    rssAfterVerifyBytes: median(warms.map((w) => w.rssAfterVerifyBytes)),
    openOrigin: [...new Set(warms.map((w) => w.origin))].join(','),
    variantsOff: queryFigures(warms.flatMap((w) => w.queriesPlain)),
    updateMs: median(warms.map((w) => w.updateMs ?? NaN)),
    updateP95Ms: p95(warms.map((w) => w.updateMs ?? NaN)),
    updateFound: warms.every((w) => w.updateFound === true),
    breakdown: {
      segments: breakdown.segments,
      reused: breakdown.reused,
      ingestMs: round(breakdown.ingestMs),
      readMs: round(breakdown.readMs),
      decodeMs: round(breakdown.decodeMs),
      searcherLoadMs: round(breakdown.searcherLoadMs),
      cacheBytes: breakdown.cacheBytes,
      terms: breakdown.terms,
      postingBytes: breakdown.postingBytes,
      textBytes: breakdown.textBytes,
      heapDocumentsBytes: breakdown.heap.documentsBytes,
      heapSerializedBytes: breakdown.heap.serializedBytes,
      heapSearcherBytes: breakdown.heap.searcherBytes,
      externalBytes: breakdown.externalBytes,
      rssBytes: breakdown.rssBytes,
    },
  };
  const peer = (builds: Array<Report<'minisearch-build' | 'flexsearch-build'>>, opens: Array<Report<'minisearch-open' | 'flexsearch-open'>>) => ({
    ...buildFigures(builds, c.docs),
    readMs: median(builds.map((x) => x.readMs)),
    textMs: median(opens.map((x) => x.textMs)),
    ...openFigures(opens),
  });
  const sqlite = withFts5
    ? {
        ...buildFigures(sqliteBuilds, c.docs),
        prefixBuildMs: median(sqliteBuilds.map((b) => b.prefixBuildMs)),
        prefixIndexBytes: sqliteBuilds.at(-1)?.prefixIndexBytes ?? 0,
        ...openFigures(sqliteOpens),
        hitComparison: compareHits(c, warms, sqliteOpens),
      }
    : null;
  return {
    docs: c.docs,
    casefile,
    minisearch: peer(miniBuilds, miniOpens),
    flexsearch: { ...peer(flexBuilds, flexOpens), ...(withFlexSearch ? {} : { leftOut: 'skipped (--skip-flexsearch)' }), ...(flexFailure ? { leftOut: flexFailure } : {}) },
    sqlite,
    paired: {
      queries: pairedFigures(paireds.flatMap((p) => p.queries)),
      typeahead: pairedFigures(paireds.flatMap((p) => p.typeahead)).all,
      typeaheadPrefix: pairedFigures(paireds.flatMap((p) => p.typeaheadPrefix)).all,
    },
    perQuery: perQuery(c.queries, {
      casefile: warms.flatMap((w) => w.queries),
      casefileVariantsOff: warms.flatMap((w) => w.queriesPlain),
      minisearch: miniOpens.flatMap((o) => o.queries),
      flexsearch: flexOpens.flatMap((o) => o.queries),
      sqlite: sqliteOpens.flatMap((o) => o.queries),
    }),
  };
}

/** Casefile's hit counts (variants off) against SQLite FTS5's, query by query. */
function compareHits(c: Case, warms: Array<Report<'casefile-warm'>>, opens: Fts5Open[]) {
  const hitsOf = (samples: QuerySample[], index: number) => samples.find((s) => s.index === index)?.hits;
  const compared = c.queries.queries.flatMap((q, index) => {
    const sqlite = hitsOf(opens.flatMap((o) => o.queries), index);
    const casefile = hitsOf(warms.flatMap((w) => w.queriesPlain), index);
    return sqlite === undefined || casefile === undefined ? [] : [{ query: q.casefile, kind: q.kind, casefile, sqlite }];
  });
  const mismatches = compared.filter((x) => x.casefile !== x.sqlite);
  return { queries: compared.length, same: compared.length - mismatches.length, mismatches };
}

type CaseFigures = Awaited<ReturnType<typeof measureCase>>;

/** The figures to compare, Casefile's over MiniSearch's (and SQLite's), each from one run. */
function ratiosOf(c: CaseFigures) {
  const { casefile: cf, minisearch: mi, sqlite: sq } = c;
  return {
    queryP95VsMiniSearch: ratio(cf.queryP95Ms, mi.queryP95Ms),
    pairedQueryP50VsMiniSearch: c.paired.queries.all.ratioP50,
    pairedQueryP95VsMiniSearch: c.paired.queries.all.ratioP95,
    buildVsMiniSearch: ratio(cf.buildMs, mi.buildMs),
    build1ThreadVsMiniSearch: ratio(cf.build1Thread.buildMs, mi.buildMs),
    buildCpuVsMiniSearch: ratio(cf.buildCpuMs, mi.buildCpuMs),
    firstAnswerVsMiniSearch: ratio(cf.firstQueryMs, mi.firstQueryMs),
    rssVsMiniSearch: ratio(cf.rssBytes, mi.rssBytes),
    indexBytesVsMiniSearch: ratio(cf.indexBytes, mi.indexBytes),
    typeaheadP95VsMiniSearch: ratio(cf.typeahead.p95Ms, mi.typeahead.p95Ms),
    typeaheadPrefixP95VsMiniSearch: ratio(cf.typeaheadPrefix.p95Ms, mi.typeaheadPrefix.p95Ms),
    variantsOffP50VsSqlite: sq ? ratio(cf.variantsOff.queryMedianMs, sq.queryMedianMs) : null,
    variantsOffP95VsSqlite: sq ? ratio(cf.variantsOff.queryP95Ms, sq.queryP95Ms) : null,
  };
}

/** Ingest of a folder of many tiny files: each run a cold Workstation.open on an empty data dir, then the index. */
async function measureTinyFolder(work: string) {
  const dir = path.join(work, 'tiny');
  const files = tinyFiles(FILES);
  for (const f of files) {
    await mkdir(path.dirname(path.join(dir, f.name)), { recursive: true });
    await writeFile(path.join(dir, f.name), f.text);
  }
  const runs: Array<Report<'casefile-cold'>> = [];
  const count = Math.min(RUNS, 3);
  for (let r = 1; r <= count; r++) {
    const data = path.join(work, 'tiny-data');
    await rm(data, { recursive: true, force: true });
    runs.push(await child('casefile-cold', `${num(FILES)} tiny files: cold open + index, run ${r}/${count}`, ['--dir', dir, '--data', data]));
  }
  const ingest = runs.map((x) => x.ingestMs);
  return {
    files: FILES,
    folders: new Set(files.map((f) => path.dirname(f.name))).size,
    bytes: files.reduce((n, f) => n + Buffer.byteLength(f.text), 0),
    documents: Math.min(...runs.map((x) => x.docs)),
    ingestMs: median(ingest),
    ingestP95Ms: p95(ingest),
    ingestFilesPerSec: Math.round(FILES / (median(ingest) / 1000)),
    openAndIndexMs: median(runs.map((x) => x.totalMs)),
    indexBytes: runs.at(-1)?.indexBytes ?? 0,
    rssPeakBytes: median(runs.map((x) => x.rssPeakBytes)),
  };
}

const ms = (x: number) => (Number.isNaN(x) ? '—' : x >= 10_000 ? `${round(x / 1000)} s` : x >= 1000 ? `${round(x / 1000, 2)} s` : x >= 10 ? `${round(x)} ms` : `${round(x, 2)} ms`);
const mb = (x: number) => (Number.isNaN(x) ? '—' : `${round(x / 2 ** 20)} MB`);
const num = (x: number) => x.toLocaleString('en');

function table(title: string, header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [title, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

/** The fair table (issue 22): every engine opened from disk in a fresh process, with Casefile / MiniSearch. */
function engineTable(name: string, c: CaseFigures): string {
  const { casefile: cf, minisearch: mi, flexsearch: fx, sqlite: sq } = c;
  const peers = [mi, fx];
  const dash = '—';
  const sqCell = (cell: (e: NonNullable<typeof sq>) => string) => (sq ? cell(sq) : 'n/a');
  const medP95 = (a: number, b: number) => `${ms(a)} / ${ms(b)}`;
  const typing = (t: { medianMs: number; p95Ms: number; maxMs: number }) => `${ms(t.medianMs)} / ${ms(t.p95Ms)} (${ms(t.maxMs)})`;
  const rows: string[][] = [
    ['build on 1 thread, median / p95 (Casefile: 1 shard)', medP95(cf.build1Thread.buildMs, cf.build1Thread.buildP95Ms), ...peers.map((e) => medP95(e.buildMs, e.buildP95Ms)), sqCell((e) => medP95(e.buildMs, e.buildP95Ms)), `${fmtRatio(cf.build1Thread.buildMs, mi.buildMs)}`],
    [`build on all cores (Casefile: ${cf.buildShards} shard${cf.buildShards === 1 ? '' : 's'} in worker threads)`, medP95(cf.buildMs, cf.buildP95Ms), dash, dash, dash, `${fmtRatio(cf.buildMs, mi.buildMs)}`],
    ['  CPU time of the build, 1 thread / all cores', `${ms(cf.build1Thread.buildCpuMs)} / ${ms(cf.buildCpuMs)}`, ...peers.map((e) => ms(e.buildCpuMs)), sqCell((e) => ms(e.buildCpuMs)), `${fmtRatio(cf.build1Thread.buildCpuMs, mi.buildCpuMs)} / ${fmtRatio(cf.buildCpuMs, mi.buildCpuMs)}`],
    ['  peak RSS of the build process, 1 thread / all cores', `${mb(cf.build1Thread.buildRssPeakBytes)} / ${mb(cf.buildRssPeakBytes)}`, ...peers.map((e) => mb(e.buildRssPeakBytes)), sqCell((e) => mb(e.buildRssPeakBytes)), `${fmtRatio(cf.buildRssPeakBytes, mi.buildRssPeakBytes)}`],
    ['index on disk (SQLite: + its unstemmed table for prefixes)', mb(cf.indexBytes), ...peers.map((e) => mb(e.indexBytes)), sqCell((e) => `${mb(e.indexBytes)} + ${mb(e.prefixIndexBytes)}`), `${fmtRatio(cf.indexBytes, mi.indexBytes)}`],
    ['open from disk, fresh process, median / p95', medP95(cf.openMs, cf.openP95Ms), ...peers.map((e) => medP95(e.openMs, e.openP95Ms)), sqCell((e) => medP95(e.openMs, e.openP95Ms)), `${fmtRatio(cf.openMs, mi.openMs)}`],
    ['  → first answer, median / p95', medP95(cf.firstQueryMs, cf.firstQueryP95Ms), ...peers.map((e) => medP95(e.firstQueryMs, e.firstQueryP95Ms)), sqCell((e) => medP95(e.firstQueryMs, e.firstQueryP95Ms)), `${fmtRatio(cf.firstQueryMs, mi.firstQueryMs)}`],
    ['RSS after open + first answer (after GC) / peak so far', ...[cf, ...peers].map((e) => `${mb(e.rssBytes)} / ${mb(e.rssPeakBytes)}`), sqCell((e) => `${mb(e.rssBytes)} / ${mb(e.rssPeakBytes)}`), `${fmtRatio(cf.rssBytes, mi.rssBytes)}`],
    [`query latency, all ${cf.queryByKind.term.queries + cf.queryByKind.and.queries + cf.queryByKind.phrase.queries + cf.queryByKind.prefix.queries + cf.queryByKind.fuzzy.queries + cf.queryByKind.name.queries} queries, median / p95`, ...[cf, ...peers].map((e) => medP95(e.queryMedianMs, e.queryP95Ms)), dash, `${fmtRatio(cf.queryMedianMs, mi.queryMedianMs)} / ${fmtRatio(cf.queryP95Ms, mi.queryP95Ms)}`],
    ...QUERY_KINDS.map((k) => [
      `  ${k}: median / p95 (mean hits)`,
      ...[cf, ...peers].map((e) => `${medP95(e.queryByKind[k].medianMs, e.queryByKind[k].p95Ms)} (${e.queryByKind[k].meanHits})`),
      sqCell((e) => (e.queryByKind[k].queries > 0 ? `${medP95(e.queryByKind[k].medianMs, e.queryByKind[k].p95Ms)} (${e.queryByKind[k].meanHits})` : dash)),
      `${fmtRatio(cf.queryByKind[k].medianMs, mi.queryByKind[k].medianMs)} / ${fmtRatio(cf.queryByKind[k].p95Ms, mi.queryByKind[k].p95Ms)}`,
    ]),
    [
      `queries SQLite can say (term, and, phrase, prefix), variants off: median / p95`,
      medP95(cf.variantsOff.queryMedianMs, cf.variantsOff.queryP95Ms),
      dash,
      dash,
      sqCell((e) => medP95(e.queryMedianMs, e.queryP95Ms)),
      sq ? `vs SQLite ${fmtRatio(cf.variantsOff.queryMedianMs, sq.queryMedianMs)} / ${fmtRatio(cf.variantsOff.queryP95Ms, sq.queryP95Ms)}` : dash,
    ],
    ['  same hit count as Casefile (variants off)', dash, dash, dash, sqCell((e) => `${e.hitComparison.same} of ${e.hitComparison.queries}`), dash],
    ['search as you type, as written: median / p95 (max)', ...[cf, ...peers].map((e) => typing(e.typeahead)), sqCell((e) => typing(e.typeahead)), `${fmtRatio(cf.typeahead.medianMs, mi.typeahead.medianMs)} / ${fmtRatio(cf.typeahead.p95Ms, mi.typeahead.p95Ms)}`],
    ['search as you type, last word a prefix: median / p95 (max)', ...[cf, ...peers].map((e) => typing(e.typeaheadPrefix)), sqCell((e) => typing(e.typeaheadPrefix)), `${fmtRatio(cf.typeaheadPrefix.medianMs, mi.typeaheadPrefix.medianMs)} / ${fmtRatio(cf.typeaheadPrefix.p95Ms, mi.typeaheadPrefix.p95Ms)}`],
  ];
  return table(`${name}: ${num(c.docs)} documents, each engine in fresh processes, its index opened from disk`, ['', 'Casefile', 'MiniSearch', 'FlexSearch', 'SQLite FTS5', 'Casefile / MiniSearch'], rows);
}

const fmtRatio = (a: number, b: number) => {
  const r = ratio(a, b);
  return r === null ? '—' : `${r}×`;
};

/** Casefile and MiniSearch timed in one process, query by query in alternating order. */
function pairedTable(name: string, c: CaseFigures): string {
  const row = (label: string, p: CaseFigures['paired']['typeahead']) => [
    `${label} (${p.samples} pairs)`,
    `${ms(p.casefileMedianMs)} / ${ms(p.casefileP95Ms)}`,
    `${ms(p.minisearchMedianMs)} / ${ms(p.minisearchP95Ms)}`,
    `${p.ratioP50 ?? '—'} / ${p.ratioP95 ?? '—'}`,
  ];
  return table(`${name}: Casefile and MiniSearch paired in one process`, ['', 'Casefile median / p95', 'MiniSearch median / p95', 'ratio p50 / p95'], [
    row('all queries', c.paired.queries.all),
    ...QUERY_KINDS.map((k) => row(`  ${k}`, c.paired.queries.byKind[k])),
    row('search as you type, as written', c.paired.typeahead),
    row('search as you type, last word a prefix', c.paired.typeaheadPrefix),
  ]);
}

function mismatchTable(c: CaseFigures): string {
  if (!c.sqlite || c.sqlite.hitComparison.mismatches.length === 0) return '';
  return table('Hit counts that differ: Casefile (variants off) and SQLite FTS5', ['query', 'Casefile', 'SQLite'], c.sqlite.hitComparison.mismatches.map((m) => [`${m.kind} ${m.query}`, num(m.casefile), num(m.sqlite)]));
}

function casefileTable(c: CaseFigures['casefile'], docs: number): string {
  const b = c.breakdown;
  const rows: string[][] = [
    ['ingest (cold Workstation.open: read, hash, parse every file), median / p95', `${ms(c.ingestMs)} / ${ms(c.ingestP95Ms)}`],
    ['cold open + index ready (worker thread, cache written), median / p95', `${ms(c.coldTotalMs)} / ${ms(c.coldTotalP95Ms)} (${num(c.coldDocsPerSec)} docs/s)`],
    ['background check of catalogued files after a warm open (read + SHA-256 of each), median', ms(c.verifyMs)],
    [`update after changing 1 file of ${num(docs)} (re-read + delta segment), median / p95`, `${ms(c.updateMs)} / ${ms(c.updateP95Ms)}${c.updateFound ? '' : ' (new word NOT found)'}`],
    [`warm open, step by step: files against the catalog (${num(b.reused)} unread) / read index / check and decode / open`, [b.ingestMs, b.readMs, b.decodeMs, b.searcherLoadMs].map(ms).join(' / ')],
    ['heap held: documents / index bytes / built on load (term lookup, name variants)', `${mb(b.heapDocumentsBytes)} / ${mb(b.heapSerializedBytes)} / ${mb(b.heapSearcherBytes)}`],
    [`index: segments / terms / postings bytes`, `${b.segments} / ${num(b.terms)} / ${mb(b.postingBytes)}`],
  ];
  return table('Casefile only', ['', ''], rows);
}

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'casefile-bench-'));
  try {
    const loadAtStart = os.loadavg();
    const machine = { cores: os.cpus().length, memoryBytes: os.totalmem(), node: process.version, cpu: os.cpus()[0]?.model ?? '', platform: `${os.platform()} ${os.release()}`, childBaselineRssBytes: 0 };
    process.stderr.write(`Casefile bench: ${DOCS} documents, ${RUNS} runs, in ${work}\n`);
    const baseline = await child('baseline', 'baseline (an idle child process)', []);
    machine.childBaselineRssBytes = baseline.rssBytes;
    const seedFiles = await Promise.all(
      (await readdir(ARCHIVE)).filter((n) => n.endsWith('.txt')).sort().map(async (name) => ({ name, text: await readFile(path.join(ARCHIVE, name), 'utf8') })),
    );
    const seed = await prepareCase(work, 'seed', seedFiles);
    const corpus = await prepareCase(work, 'corpus', (CORPUS === 'varied' ? buildVariedCorpus : buildCorpus)(DOCS).map((d) => ({ name: d.name, text: d.text })));
    const sqlite = await fts5Available();
    if ('missing' in sqlite) process.stderr.write(`  ${sqlite.missing}: SQLite FTS5 left out\n`);
    const withFts5 = !('missing' in sqlite);
    const seedFigures = await measureCase(work, seed, withFts5);
    const figures = await measureCase(work, corpus, withFts5, !SKIP_FLEXSEARCH);
    const tiny = FILES > 0 ? await measureTinyFolder(work) : null;
    const dossier = await child('dossier', 'dossier export and re-anchoring', ['--dir', seed.dir, '--data', path.join(work, 'dossier'), '--runs', String(RUNS)]);
    const report = {
      machine,
      // Other work on the machine shows in every wall-clock figure: the 1-minute load average when the run began and ended.
      load: { start: loadAtStart, end: os.loadavg() },
      runs: RUNS,
      docs: DOCS,
      corpus: { kind: CORPUS, words: corpus.words, bytes: corpus.bytes, seed: 2026 },
      queries: {
        count: corpus.queries.queries.length,
        byKind: Object.fromEntries(QUERY_KINDS.map((k) => [k, corpus.queries.queries.filter((q) => q.kind === k).length])),
        typed: corpus.queries.typed,
        keystrokes: corpus.queries.typed.reduce((n, t) => n + keystrokes(t).length, 0),
        list: corpus.queries.queries.map((q) => q.casefile),
      },
      casefile: {
        ...figures.casefile,
        dossierMs: dossier.dossier.medianMs,
        dossierP95Ms: dossier.dossier.p95Ms,
        dossierFirstMs: dossier.dossier.firstMs,
        dossierBytes: dossier.dossier.bytes,
        reanchorMs: dossier.anchoring.medianMs,
        reanchorP95Ms: dossier.anchoring.p95Ms,
        reanchorStatuses: dossier.anchoring.statuses,
      },
      ingestFolder: tiny,
      minisearch: figures.minisearch,
      flexsearch: figures.flexsearch,
      sqlite: figures.sqlite ? { ...figures.sqlite, version: 'version' in sqlite ? sqlite.version : '', idleRssBytes: 'idleRssBytes' in sqlite ? sqlite.idleRssBytes : 0 } : null,
      paired: figures.paired,
      perQuery: figures.perQuery,
      ratios: ratiosOf(figures),
      seed: { ...seedFigures, typed: seed.queries.typed },
    };
    const out = [
      `Casefile bench — ${machine.cores} cores, ${round(machine.memoryBytes / 2 ** 30, 0)} GiB, Node ${machine.node}, ${RUNS} runs; ` +
        `corpus ${num(DOCS)} documents (${num(corpus.words)} words, ${mb(corpus.bytes)}); ${report.queries.count} queries ` +
        `(${QUERY_KINDS.map((k) => `${report.queries.byKind[k]} ${k}`).join(', ')}), ${report.queries.keystrokes} keystrokes\n`,
      engineTable(`Corpus (${CORPUS})`, figures),
      pairedTable(`Corpus (${CORPUS})`, figures),
      mismatchTable(figures),
      casefileTable(figures.casefile, DOCS),
      table('Dossier and annotations', ['', ''], [
        ['dossier export, 500 quotes, median / p95', `${ms(dossier.dossier.medianMs)} / ${ms(dossier.dossier.p95Ms)} (first ${ms(dossier.dossier.firstMs)})`],
        ['dossier PDF size', mb(dossier.dossier.bytes)],
        [`re-anchoring ${dossier.anchoring.annotations} annotations, ${num(dossier.anchoring.words)} words, median / p95`, `${ms(dossier.anchoring.medianMs)} / ${ms(dossier.anchoring.p95Ms)}`],
        ['re-anchoring outcome', Object.entries(dossier.anchoring.statuses).map(([s, n]) => `${n} ${s}`).join(', ')],
      ]),
      ...(tiny
        ? [
            table(`A folder of ${num(tiny.files)} tiny files (${num(tiny.folders)} subfolders, ${mb(tiny.bytes)})`, ['', ''], [
              ['documents indexed', num(tiny.documents)],
              ['ingest (list, read, hash, decode, metadata), median / p95', `${ms(tiny.ingestMs)} / ${ms(tiny.ingestP95Ms)} (${num(tiny.ingestFilesPerSec)} files/s)`],
              ['cold open + index ready, median', ms(tiny.openAndIndexMs)],
              ['index on disk / peak RSS', `${mb(tiny.indexBytes)} / ${mb(tiny.rssPeakBytes)}`],
            ]),
          ]
        : []),
      engineTable('Seed archive', seedFigures),
      table('Seed archive, Casefile only', ['', ''], [
        ['cold open + index ready', ms(seedFigures.casefile.coldTotalMs)],
        ['update after changing 1 file', ms(seedFigures.casefile.updateMs)],
      ]),
      pairedTable('Seed archive', seedFigures),
      `RSS of an idle child process (node --import tsx, nothing loaded): ${mb(machine.childBaselineRssBytes)}` +
        ('idleRssBytes' in sqlite ? `; of an idle python3 with sqlite3: ${mb(sqlite.idleRssBytes)}` : '') +
        '\n',
      `Ratios (Casefile / MiniSearch): ${Object.entries(report.ratios)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}\n`,
    ];
    // The table always; with --json it goes to stderr and the report to stdout (and to a file).
    if (!values.json) {
      process.stdout.write(out.join('\n'));
      return;
    }
    process.stderr.write(`\n${out.join('\n')}\n`);
    const file = values.out
      ? path.resolve(values.out)
      : path.join(ROOT, 'bench', 'results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.stderr.write(`written to ${file}\n`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
