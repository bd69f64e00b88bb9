/**
 * `npm run bench -- [--docs N] [--files F] [--json [--out FILE]] [--runs R]`: Casefile's performance, measured, never asserted
 * (issue 8). On a reproducible Brown-derived corpus of N articles (default 1,000) and on the seed
 * archive (a small case), each written to a temporary folder, it measures Casefile (index build, cold
 * open with ingest, index size on disk, warm open to the first answer, RSS, query and type-ahead
 * latency, a one-file update) and, on the same documents and queries, MiniSearch and FlexSearch;
 * plus the dossier export and re-anchoring figures, and the ingest of a folder of F tiny files
 * (default 10,000; 0 leaves it out). Every measurement runs in a child process of its
 * own (scripts/bench-child.ts), so memory figures are not mixed; each is repeated R times (default 5;
 * fewer than 3 gives no real p95, for the smoke test only) and reported as median and p95. `--json`
 * prints the report and writes it to bench/results/bench-<time>.json (or FILE).
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ChildReport, QuerySample } from './bench-child';
import { buildCorpus, tinyFiles } from './bench-corpus';
import { buildQueries } from './bench-queries';
import { keystrokes, QUERY_KINDS, stats, type QueryKind, type QuerySet } from './bench-shared';

const { values } = parseArgs({
  options: { json: { type: 'boolean' }, runs: { type: 'string' }, docs: { type: 'string' }, files: { type: 'string' }, out: { type: 'string' } },
});
const RUNS = Math.max(1, Math.floor(Number(values.runs ?? 5)));
const DOCS = Math.max(1, Math.floor(Number(values.docs ?? 1000)));
/** The folder of many tiny files (issue 6); 0 leaves it out. */
const FILES = Math.max(0, Math.floor(Number(values.files ?? 10_000)));
const ROOT = path.resolve(import.meta.dirname, '..');
const ARCHIVE = path.join(ROOT, 'archive');
const CHILD = path.join(ROOT, 'scripts', 'bench-child.ts');

type Report<M extends ChildReport['mode']> = Extract<ChildReport, { mode: M }>;

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const median = (xs: number[]) => stats(xs).medianMs;
const p95 = (xs: number[]) => stats(xs).p95Ms;

/** Runs one measurement in its own Node process and returns its JSON line. */
async function child<M extends ChildReport['mode']>(mode: M, label: string, args: string[]): Promise<Report<M>> {
  const started = performance.now();
  process.stderr.write(`  ${label} …`);
  const report = await new Promise<ChildReport>((resolve, reject) => {
    const proc = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, '--mode', mode, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      const line = out.trim().split('\n').at(-1);
      if (code !== 0 || !line) reject(new Error(`bench-child --mode ${mode} ${args.join(' ')} ended with ${signal ?? `exit code ${code}`}`));
      else resolve(JSON.parse(line) as ChildReport);
    });
  });
  if (report.mode !== mode) throw new Error(`bench-child answered ${report.mode} for ${mode}`);
  process.stderr.write(` ${round((performance.now() - started) / 1000)} s\n`);
  return report as Report<M>;
}

interface Case {
  name: string;
  dir: string;
  docs: number;
  words: number;
  bytes: number;
  queries: QuerySet;
  queriesFile: string;
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
  const sorted = files.map((f) => f.name).sort();
  return {
    name,
    dir,
    docs: files.length,
    words: texts.reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0),
    bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0),
    queries,
    queriesFile,
    updateDoc: sorted[Math.floor(sorted.length / 2)],
  };
}

function queryFigures(runs: Array<{ queries: QuerySample[]; typeahead: number[] }>) {
  const samples = runs.flatMap((r) => r.queries);
  const typeahead = runs.flatMap((r) => r.typeahead);
  const byKind = Object.fromEntries(
    QUERY_KINDS.map((kind) => {
      const of = samples.filter((s) => s.kind === kind);
      const queries = new Set(of.map((s) => s.index));
      const answered = new Set(of.filter((s) => s.hits > 0).map((s) => s.index));
      const meanHits = of.length > 0 ? of.reduce((n, s) => n + s.hits, 0) / of.length : 0;
      return [kind, { ...stats(of.map((s) => s.ms)), meanHits: round(meanHits), queries: queries.size, queriesWithHits: answered.size }];
    }),
  ) as Record<QueryKind, { medianMs: number; p95Ms: number; meanHits: number; queries: number; queriesWithHits: number }>;
  const q = stats(samples.map((s) => s.ms));
  const t = stats(typeahead);
  return {
    queryMedianMs: q.medianMs,
    queryP95Ms: q.p95Ms,
    queryMaxMs: round(Math.max(...samples.map((s) => s.ms))),
    queryByKind: byKind,
    typeaheadMedianMs: t.medianMs,
    typeaheadP95Ms: t.p95Ms,
    typeaheadMaxMs: round(Math.max(...typeahead)),
  };
}

/** Each query with its hits (capped at 100 for the peers) and median time, per engine. */
function perQuery(queries: QuerySet, engines: Record<string, Array<{ queries: QuerySample[] }>>) {
  return queries.queries.map((q, index) => ({
    query: q.casefile,
    kind: q.kind,
    ...Object.fromEntries(
      Object.entries(engines).map(([name, runs]) => {
        const of = runs.flatMap((r) => r.queries.filter((s) => s.index === index));
        return [name, { hits: of[0]?.hits ?? 0, medianMs: median(of.map((s) => s.ms)) }];
      }),
    ),
  }));
}

function memoryFigures(runs: Array<{ rssBytes: number; rssPeakBytes: number; heapUsedBytes: number; rssAfterQueriesBytes: number }>) {
  return {
    rssBytes: median(runs.map((r) => r.rssBytes)),
    rssPeakBytes: median(runs.map((r) => r.rssPeakBytes)),
    heapUsedBytes: median(runs.map((r) => r.heapUsedBytes)),
    rssAfterQueriesBytes: median(runs.map((r) => r.rssAfterQueriesBytes)),
  };
}

async function measureCase(work: string, c: Case) {
  const common = ['--dir', c.dir, '--queries', c.queriesFile];
  process.stderr.write(`${c.name}: ${c.docs} documents, ${c.words.toLocaleString('en')} words, ${c.queries.queries.length} queries\n`);
  const builds: Array<Report<'casefile-build'>> = [];
  const minis: Array<Report<'minisearch'>> = [];
  const flexes: Array<Report<'flexsearch'>> = [];
  for (let r = 1; r <= RUNS; r++) {
    builds.push(await child('casefile-build', `${c.name} casefile build (worker threads), run ${r}/${RUNS}`, common));
    minis.push(await child('minisearch', `${c.name} minisearch, run ${r}/${RUNS}`, common));
    flexes.push(await child('flexsearch', `${c.name} flexsearch, run ${r}/${RUNS}`, common));
  }
  // Cold opens, each on an empty data dir; the last one's cache is the warm cache of what follows.
  const colds: Array<Report<'casefile-cold'>> = [];
  const snapshot = path.join(work, `${c.name}-data`);
  for (let r = 1; r <= RUNS; r++) {
    await rm(snapshot, { recursive: true, force: true });
    colds.push(await child('casefile-cold', `${c.name} casefile cold open + index, run ${r}/${RUNS}`, [...common, '--data', snapshot]));
  }
  // Warm opens, each on a copy of that cache; the run's one-file change is undone after it.
  const warms: Array<Report<'casefile-warm'>> = [];
  const updated = path.join(c.dir, c.updateDoc);
  const original = await readFile(updated);
  for (let r = 1; r <= RUNS; r++) {
    const data = path.join(work, `${c.name}-warm`);
    await rm(data, { recursive: true, force: true });
    await cp(snapshot, data, { recursive: true });
    const word = `casefilebench${'abcdefghijklmnopqrstuvwxyz'[(r - 1) % 26]}`;
    try {
      warms.push(await child('casefile-warm', `${c.name} casefile warm open + queries + update, run ${r}/${RUNS}`, [...common, '--data', data, '--update-doc', c.updateDoc, '--update-word', word]));
    } finally {
      await writeFile(updated, original);
      await rm(data, { recursive: true, force: true });
    }
  }
  const breakdown = await child('casefile-breakdown', `${c.name} casefile warm-open breakdown`, [...common, '--data', snapshot]);
  const buildMs = builds.map((b) => b.buildMs);
  const coldTotal = colds.map((x) => x.totalMs);
  const casefile = {
    buildMs: median(buildMs),
    buildP95Ms: p95(buildMs),
    buildDocsPerSec: Math.round(c.docs / (median(buildMs) / 1000)),
    ingestMs: median(colds.map((x) => x.ingestMs)),
    ingestP95Ms: p95(colds.map((x) => x.ingestMs)),
    coldIndexMs: median(colds.map((x) => x.indexMs)),
    coldTotalMs: median(coldTotal),
    coldTotalP95Ms: p95(coldTotal),
    coldDocsPerSec: Math.round(c.docs / (median(coldTotal) / 1000)),
    coldRssPeakBytes: median(colds.map((x) => x.rssPeakBytes)),
    indexBytes: colds.at(-1)?.indexBytes ?? 0,
    openMs: median(warms.map((w) => w.openMs)),
    openP95Ms: p95(warms.map((w) => w.openMs)),
    firstQueryMs: median(warms.map((w) => w.firstQueryMs)),
    firstQueryP95Ms: p95(warms.map((w) => w.firstQueryMs)),
    firstQueryOnlyMs: median(warms.map((w) => w.firstQueryOnlyMs)),
    verifyMs: median(warms.map((w) => w.verifyMs)),
    buildShards: builds.at(-1)?.shards ?? 0,
    openOrigin: [...new Set(warms.map((w) => w.origin))].join(','),
    ...memoryFigures(warms),
    ...queryFigures(warms),
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
  const peer = (runs: Array<Report<'minisearch'> | Report<'flexsearch'>>) => ({
    buildMs: median(runs.map((x) => x.buildMs)),
    buildP95Ms: p95(runs.map((x) => x.buildMs)),
    buildDocsPerSec: Math.round(c.docs / (median(runs.map((x) => x.buildMs)) / 1000)),
    readMs: median(runs.map((x) => x.readMs)),
    indexBytes: runs.at(-1)?.indexBytes ?? 0,
    loadMs: median(runs.map((x) => x.loadMs)),
    ...memoryFigures(runs),
    ...queryFigures(runs),
  });
  return { docs: c.docs, casefile, minisearch: peer(minis), flexsearch: peer(flexes), perQuery: perQuery(c.queries, { casefile: warms, minisearch: minis, flexsearch: flexes }) };
}

type CaseFigures = Awaited<ReturnType<typeof measureCase>>;

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

const ms = (x: number) => (Number.isNaN(x) ? '—' : x >= 10_000 ? `${round(x / 1000)} s` : x >= 1000 ? `${round(x / 1000, 2)} s` : `${round(x)} ms`);
const mb = (x: number) => `${round(x / 2 ** 20)} MB`;
const num = (x: number) => x.toLocaleString('en');

function table(title: string, header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [title, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

function engineTable(name: string, c: CaseFigures): string {
  const { casefile: cf, minisearch: mi, flexsearch: fx } = c;
  const engines = [cf, mi, fx];
  const rows: string[][] = [
    [`index build, median / p95 (Casefile: ${cf.buildShards} shard${cf.buildShards === 1 ? '' : 's'} in worker threads)`, ...engines.map((e) => `${ms(e.buildMs)} / ${ms(e.buildP95Ms)}`)],
    ['  docs/s', ...engines.map((e) => num(e.buildDocsPerSec))],
    ['index size (Casefile: on disk; others: serialized)', mb(cf.indexBytes), mb(mi.indexBytes), mb(fx.indexBytes)],
    ['open unchanged (Casefile: Workstation.open; others: load serialized)', `${ms(cf.openMs)} / ${ms(cf.openP95Ms)}`, ms(mi.loadMs), ms(fx.loadMs)],
    ['first query answered after open starts', `${ms(cf.firstQueryMs)} / ${ms(cf.firstQueryP95Ms)}`, '', ''],
    ['RSS after load (after GC) / peak', ...engines.map((e) => `${mb(e.rssBytes)} / ${mb(e.rssPeakBytes)}`)],
    ['query latency, median / p95', ...engines.map((e) => `${ms(e.queryMedianMs)} / ${ms(e.queryP95Ms)}`)],
    ...QUERY_KINDS.map((k) => [
      `  ${k}: p95 (mean hits; queries answered of ${cf.queryByKind[k].queries})`,
      ...engines.map((e) => `${ms(e.queryByKind[k].p95Ms)} (${e.queryByKind[k].meanHits}; ${e.queryByKind[k].queriesWithHits})`),
    ]),
    ['search as you type, median / p95 (max)', ...engines.map((e) => `${ms(e.typeaheadMedianMs)} / ${ms(e.typeaheadP95Ms)} (${ms(e.typeaheadMaxMs)})`)],
  ];
  return table(`${name}: ${num(c.docs)} documents`, ['', 'Casefile', 'MiniSearch', 'FlexSearch'], rows);
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
    const machine = { cores: os.cpus().length, memoryBytes: os.totalmem(), node: process.version, cpu: os.cpus()[0]?.model ?? '', platform: `${os.platform()} ${os.release()}`, childBaselineRssBytes: 0 };
    process.stderr.write(`Casefile bench: ${DOCS} documents, ${RUNS} runs, in ${work}\n`);
    const baseline = await child('baseline', 'baseline (an idle child process)', []);
    machine.childBaselineRssBytes = baseline.rssBytes;
    const seedFiles = await Promise.all(
      (await readdir(ARCHIVE)).filter((n) => n.endsWith('.txt')).sort().map(async (name) => ({ name, text: await readFile(path.join(ARCHIVE, name), 'utf8') })),
    );
    const seed = await prepareCase(work, 'seed', seedFiles);
    const corpus = await prepareCase(work, 'corpus', buildCorpus(DOCS).map((d) => ({ name: d.name, text: d.text })));
    const seedFigures = await measureCase(work, seed);
    const figures = await measureCase(work, corpus);
    const tiny = FILES > 0 ? await measureTinyFolder(work) : null;
    const dossier = await child('dossier', 'dossier export and re-anchoring', ['--dir', seed.dir, '--data', path.join(work, 'dossier'), '--runs', String(RUNS)]);
    const report = {
      machine,
      runs: RUNS,
      docs: DOCS,
      corpus: { words: corpus.words, bytes: corpus.bytes, seed: 2026 },
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
      perQuery: figures.perQuery,
      ratios: {
        queryP95VsMiniSearch: round(figures.casefile.queryP95Ms / figures.minisearch.queryP95Ms, 2),
        buildVsMiniSearch: round(figures.casefile.buildMs / figures.minisearch.buildMs, 2),
        typeaheadP95VsMiniSearch: round(figures.casefile.typeaheadP95Ms / figures.minisearch.typeaheadP95Ms, 2),
      },
      seed: { ...seedFigures, typed: seed.queries.typed },
    };
    const out = [
      `Casefile bench — ${machine.cores} cores, ${round(machine.memoryBytes / 2 ** 30, 0)} GiB, Node ${machine.node}, ${RUNS} runs; ` +
        `corpus ${num(DOCS)} documents (${num(corpus.words)} words, ${mb(corpus.bytes)}); ${report.queries.count} queries ` +
        `(${QUERY_KINDS.map((k) => `${report.queries.byKind[k]} ${k}`).join(', ')}), ${report.queries.keystrokes} keystrokes\n`,
      engineTable('Corpus', figures),
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
      `RSS of an idle child process (node --import tsx, nothing loaded): ${mb(machine.childBaselineRssBytes)}\n`,
      `Ratios (Casefile / MiniSearch): query p95 ${report.ratios.queryP95VsMiniSearch}, build ${report.ratios.buildVsMiniSearch}, type-ahead p95 ${report.ratios.typeaheadP95VsMiniSearch}\n`,
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
