/**
 * One measurement of `npm run bench`, in a process of its own so that its memory is its own:
 *
 *   node --expose-gc --import tsx scripts/bench-child.ts --mode MODE --dir CORPUS [--data DIR]
 *        [--queries FILE] [--reps N] [--update-doc ID --update-word WORD] [--runs N]
 *
 * Modes: casefile-build (buildSegment on the ingested documents), casefile-cold (Workstation.open on
 * an empty data dir, then indexReady), casefile-warm (Workstation.open on the warm cache, first
 * query, RSS, the query set, search as you type, then a one-file update), casefile-breakdown (the
 * steps of a warm open timed one by one, with the heap after each), minisearch, flexsearch (build,
 * RSS, the same queries), dossier (the dossier and re-anchoring figures). Prints one JSON line.
 *
 * How the query set is translated for lunr's peers (what they cannot say, they are asked the nearest
 * thing they can answer; the per-kind hit counts in the report show the difference):
 * - term `word`: MiniSearch `search(word)`, FlexSearch `search(word)`.
 * - and `+a +b`: MiniSearch `combineWith: 'AND'`; FlexSearch's default for several words is AND,
 *   but within one field (a document with `a` in the title and `b` only in the text is missed).
 * - phrase `"a b c"`: neither has phrases (and neither keeps positions): asked as AND of the words,
 *   a superset of the phrase's documents. FlexSearch's contextual index is not used (it scores
 *   nearby words higher but still does not require adjacency).
 * - prefix `pre*`: MiniSearch `prefix: true`; FlexSearch is built with `tokenize: 'forward'`
 *   (every prefix of every word indexed), which it needs for prefixes, so `pre` finds `prefix`.
 * - fuzzy `wrod~1`: MiniSearch `fuzzy: 1` (edit distance 1); FlexSearch has no edit distance: the
 *   misspelling is searched as written (its default encoder folds case, accents and doubled letters
 *   only), so these mostly find nothing.
 * - name `Kenndy` (a variant spelling): Casefile's name variants; MiniSearch `fuzzy: 1` (a doubled
 *   letter or a y/i swap is one edit); FlexSearch as written (its encoder folds doubled letters, so
 *   those match; y/i swaps do not).
 * - search as you type: Casefile gets the box's text as the UI sends it (no implicit prefix);
 *   MiniSearch with `prefix` on the last word (its usual autocomplete use); FlexSearch as written
 *   (its forward index makes every word a prefix match).
 * Casefile answers as the UI asks (limit 100, variants on) and builds snippets for every hit shown,
 * counting all matches; the others return ids only: MiniSearch ranks all matches (all counted),
 * FlexSearch stops at `limit: 100` per field (merged over title and text, so up to 200 counted). Every process
 * keeps the documents' text in memory, as Casefile must (snippets, phrase checks).
 */
import { copyFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DocumentOptions } from 'flexsearch';
import type { Options as MiniSearchOptions } from 'minisearch';
import type { dossierExport, reanchoring } from './bench-dossier';
import { keystrokes, type BenchQuery, type QueryKind, type QuerySet } from './bench-shared';

// Each mode imports what it measures, and nothing else: a MiniSearch process never loads lunr.

export interface QuerySample {
  /** Position in the query set. */
  index: number;
  kind: QueryKind;
  ms: number;
  hits: number;
}

export interface MemoryFigures {
  /** After load and a forced garbage collection. */
  rssBytes: number;
  heapUsedBytes: number;
  externalBytes: number;
  /** The process's highest RSS so far (getrusage). */
  rssPeakBytes: number;
}

export interface SearchRun extends MemoryFigures {
  docs: number;
  queries: QuerySample[];
  typeahead: number[];
  rssAfterQueriesBytes: number;
}

export interface PeerRun extends SearchRun {
  /** Reading the files (not part of the build). */
  readMs: number;
  buildMs: number;
  /** The index serialized (what would be kept on disk). */
  indexBytes: number;
  /** Loading that serialized index instead of building. */
  loadMs: number;
}

export type ChildReport =
  | ({ mode: 'baseline' } & MemoryFigures)
  | { mode: 'casefile-build'; docs: number; ingestMs: number; buildMs: number; shards: number; segmentBytes: number }
  | { mode: 'casefile-cold'; docs: number; ingestMs: number; indexMs: number; totalMs: number; indexBytes: number; origin: string; rssPeakBytes: number }
  | (SearchRun & {
      mode: 'casefile-warm';
      openMs: number;
      firstQueryMs: number;
      firstQueryOnlyMs: number;
      verifyMs: number;
      origin: string;
      segments: number;
      updateMs: number | null;
      updateFound: boolean | null;
    })
  | {
      mode: 'casefile-breakdown';
      docs: number;
      /** Documents taken from the ingest catalog. */
      reused: number;
      segments: number;
      ingestMs: number;
      readMs: number;
      cacheBytes: number;
      /** Checksum and header of each cache file. */
      decodeMs: number;
      /** Searchers opened over the compact data (term lookup, name variants). */
      searcherLoadMs: number;
      terms: number;
      postingBytes: number;
      heap: { baseBytes: number; documentsBytes: number; serializedBytes: number; searcherBytes: number };
      externalBytes: number;
      textBytes: number;
      rssBytes: number;
    }
  | (PeerRun & { mode: 'minisearch' })
  | (PeerRun & { mode: 'flexsearch' })
  | { mode: 'dossier'; dossier: Awaited<ReturnType<typeof dossierExport>>; anchoring: ReturnType<typeof reanchoring> };

const { values } = parseArgs({
  options: {
    mode: { type: 'string' },
    dir: { type: 'string' },
    data: { type: 'string' },
    queries: { type: 'string' },
    reps: { type: 'string' },
    runs: { type: 'string' },
    'update-doc': { type: 'string' },
    'update-word': { type: 'string' },
  },
});
const DIR = path.resolve(values.dir ?? '.');
const REPS = Math.max(1, Number(values.reps ?? 3));
const LIMIT = 100;

function gc(): void {
  if (!globalThis.gc) throw new Error('run with --expose-gc');
  globalThis.gc();
  globalThis.gc();
}

function memory(): MemoryFigures {
  gc();
  const m = process.memoryUsage();
  return { rssBytes: m.rss, heapUsedBytes: m.heapUsed, externalBytes: m.external, rssPeakBytes: process.resourceUsage().maxRSS * 1024 };
}

async function loadQueries(): Promise<QuerySet> {
  if (!values.queries) throw new Error('--queries FILE is needed');
  return JSON.parse(await readFile(values.queries, 'utf8')) as QuerySet;
}

/** One untimed pass (warm-up: JIT, lazily built structures), then `REPS` timed passes. */
function runQueries(queries: readonly BenchQuery[], search: (q: BenchQuery) => number): QuerySample[] {
  for (const q of queries) search(q);
  const samples: QuerySample[] = [];
  for (let r = 0; r < REPS; r++) {
    for (const [index, q] of queries.entries()) {
      const started = performance.now();
      const hits = search(q);
      samples.push({ index, kind: q.kind, ms: performance.now() - started, hits });
    }
  }
  return samples;
}

/** Each keystroke of each typed query, once, timed (a new query every time, as in a search box). */
function runTypeahead(typed: readonly string[], search: (text: string) => number): number[] {
  const samples: number[] = [];
  for (const text of typed) {
    for (const prefix of keystrokes(text)) {
      const started = performance.now();
      search(prefix);
      samples.push(performance.now() - started);
    }
  }
  return samples;
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** The index cache folder of the (only) archive in a data dir: `archives/<digest>/index`. */
async function cacheDir(dataDir: string): Promise<string> {
  const archives = await readdir(path.join(dataDir, 'archives'));
  if (archives.length !== 1) throw new Error(`expected one archive in ${dataDir}, found ${archives.length}`);
  return path.join(dataDir, 'archives', archives[0], 'index');
}

async function casefileBuild(): Promise<ChildReport> {
  const { loadArchive } = await import('../src/core/archive/archive');
  const { workerBuilder } = await import('../src/core/search/index-builder');
  const { encodeSegment } = await import('../src/core/search/segment');
  const started = performance.now();
  const archive = await loadArchive(DIR);
  const ingestMs = performance.now() - started;
  // As the app builds: in worker threads, in shards on every core for large archives.
  const t = performance.now();
  const segments = await workerBuilder(archive.documents, () => {});
  const buildMs = performance.now() - t;
  const segmentBytes = segments.reduce((n, s) => n + encodeSegment(s).byteLength, 0);
  return { mode: 'casefile-build', docs: archive.documents.length, ingestMs, buildMs, shards: segments.length, segmentBytes };
}

async function casefileCold(dataDir: string): Promise<ChildReport> {
  const { Workstation } = await import('../src/core/workstation');
  const started = performance.now();
  const ws = await Workstation.open({ archiveDir: DIR, dataDir, openAsLastSeen: true }); // as the app opens; the default builder: a worker thread
  const ingestMs = performance.now() - started;
  await ws.indexReady();
  const totalMs = performance.now() - started;
  const { documents, origin, problem } = ws.indexStatus();
  if (problem) throw new Error(problem);
  await ws.close();
  const indexBytes = await folderBytes(await cacheDir(dataDir));
  return { mode: 'casefile-cold', docs: documents, ingestMs, indexMs: totalMs - ingestMs, totalMs, indexBytes, origin, rssPeakBytes: process.resourceUsage().maxRSS * 1024 };
}

async function casefileWarm(dataDir: string): Promise<ChildReport> {
  const { queries, typed } = await loadQueries();
  const { Workstation } = await import('../src/core/workstation');
  const started = performance.now();
  const ws = await Workstation.open({ archiveDir: DIR, dataDir, openAsLastSeen: true }); // as the app opens
  const openMs = performance.now() - started;
  const t = performance.now();
  ws.search(queries[0].casefile, { limit: LIMIT });
  const firstQueryOnlyMs = performance.now() - t;
  const firstQueryMs = performance.now() - started;
  const { origin, documents, problem } = ws.indexStatus();
  if (problem) throw new Error(problem);
  // Files taken from the ingest catalog are read and hashed in the background after open; the query
  // set is measured once that is done (the first query above ran while it was going on).
  const v = performance.now();
  await ws.archiveVerified();
  const verifyMs = performance.now() - v;
  const segments = JSON.parse(await readFile(path.join(await cacheDir(dataDir), 'manifest.json'), 'utf8')).segments.length as number;
  const loaded = memory();
  const samples = runQueries(queries, (q) => ws.search(q.casefile, { limit: LIMIT }).total);
  const typeahead = runTypeahead(typed, (text) => ws.search(text, { limit: LIMIT }).total);
  const rssAfterQueriesBytes = process.memoryUsage().rss;
  // A one-word change to one file: the reader's re-read notices it, the index catches up (a delta segment).
  let updateMs: number | null = null;
  let updateFound: boolean | null = null;
  const docId = values['update-doc'];
  const word = values['update-word'];
  if (docId && word) {
    const file = path.join(DIR, docId);
    const text = await readFile(file, 'utf8');
    const body = text.indexOf('\n');
    const target = /\b[a-z]{6,}\b/.exec(text.slice(body));
    if (!target) throw new Error(`no word to change in ${docId}`);
    const at = body + target.index;
    await writeFile(file, text.slice(0, at) + word + text.slice(at + target[0].length));
    const u = performance.now();
    await ws.getDocument(docId);
    await ws.indexReady();
    updateMs = performance.now() - u;
    updateFound = ws.search(word).hits.some((h) => h.id === docId);
  }
  await ws.close();
  return {
    mode: 'casefile-warm',
    docs: documents,
    openMs,
    firstQueryMs,
    firstQueryOnlyMs,
    verifyMs,
    origin,
    segments,
    ...loaded,
    queries: samples,
    typeahead,
    rssAfterQueriesBytes,
    updateMs,
    updateFound,
  };
}

/** The steps of LiveIndex's cache load, one by one, with the live heap after each. */
async function casefileBreakdown(dataDir: string): Promise<ChildReport> {
  const { loadArchive } = await import('../src/core/archive/archive');
  const { Segment, decodeSegment } = await import('../src/core/search/segment');
  const { IngestCatalog } = await import('../src/core/archive/catalog');
  const dir = await cacheDir(dataDir);
  // As a warm open does it: files checked against the ingest catalog (copied, so it is not rewritten).
  const catalogCopy = path.join(dataDir, 'breakdown-catalog');
  await copyFile(path.join(path.dirname(dir), 'ingest-catalog'), catalogCopy);
  const base = memory().heapUsedBytes;
  let t = performance.now();
  const archive = await loadArchive(DIR, await IngestCatalog.open(catalogCopy));
  const ingestMs = performance.now() - t;
  const afterDocuments = memory().heapUsedBytes;
  t = performance.now();
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as { segments: string[] };
  const raw = await Promise.all(manifest.segments.map((name) => readFile(path.join(dir, name))));
  const readMs = performance.now() - t;
  const cacheBytes = raw.reduce((n, s) => n + s.byteLength, 0);
  t = performance.now();
  const serialized = raw.map((file) => decodeSegment(file));
  const decodeMs = performance.now() - t;
  raw.length = 0;
  const afterSerialized = memory().heapUsedBytes;
  t = performance.now();
  const segments = serialized.map((s) => Segment.load(s));
  const searcherLoadMs = performance.now() - t;
  const after = memory();
  const textBytes = archive.documents.reduce((n, d) => n + d.text.length * 2, 0);
  if (segments.length === 0) throw new Error('no segment loaded');
  const compact = serialized.map((s) => s.compact);
  return {
    mode: 'casefile-breakdown',
    docs: archive.documents.length,
    reused: archive.reused.length,
    segments: segments.length,
    ingestMs,
    readMs,
    cacheBytes,
    decodeMs,
    searcherLoadMs,
    terms: compact.reduce((n, c) => n + c.terms.length, 0),
    postingBytes: compact.reduce((n, c) => n + c.postings.byteLength, 0),
    // The compact index is kept as bytes (external memory); the term lookup and the name variants
    // are built on load.
    heap: { baseBytes: base, documentsBytes: afterDocuments - base, serializedBytes: afterSerialized - afterDocuments, searcherBytes: after.heapUsedBytes - afterSerialized },
    externalBytes: after.externalBytes,
    textBytes,
    rssBytes: after.rssBytes,
  };
}

// A type, not an interface: FlexSearch wants an index signature.
type PlainDoc = {
  id: string;
  title: string;
  text: string;
};

/** The corpus as lunr's peers get it: id = file name, title = first line, text = the whole file. */
async function readPlainDocs(): Promise<PlainDoc[]> {
  const names = (await readdir(DIR)).filter((n) => n.endsWith('.txt')).sort();
  return Promise.all(
    names.map(async (id) => {
      const text = (await readFile(path.join(DIR, id), 'utf8')).replace(/\r\n?/g, '\n').normalize('NFC');
      return { id, title: text.slice(0, Math.max(0, text.indexOf('\n'))) || text.slice(0, 200), text };
    }),
  );
}

async function miniSearch(): Promise<ChildReport> {
  const { queries, typed } = await loadQueries();
  const { default: MiniSearch } = await import('minisearch');
  let t = performance.now();
  const docs = await readPlainDocs();
  const readMs = performance.now() - t;
  const options: MiniSearchOptions<PlainDoc> = { fields: ['title', 'text'], idField: 'id', searchOptions: { boost: { title: 10 } } };
  t = performance.now();
  let index = new MiniSearch<PlainDoc>(options);
  index.addAll(docs);
  const buildMs = performance.now() - t;
  const loaded = memory();
  // MiniSearch ranks every match anyway: its whole result count is reported (the UI would show 100).
  const search = (q: BenchQuery): number => {
    const text = q.words.join(' ');
    switch (q.kind) {
      case 'term':
        return index.search(text).length;
      case 'and':
      case 'phrase':
        return index.search(text, { combineWith: 'AND' }).length;
      case 'prefix':
        return index.search(text, { prefix: true }).length;
      case 'fuzzy':
      case 'name':
        return index.search(text, { fuzzy: 1 }).length;
    }
  };
  const samples = runQueries(queries, search);
  const typeahead = runTypeahead(typed, (text) => index.search(text, { prefix: (_term, i, terms) => i === terms.length - 1 }).length);
  const rssAfterQueriesBytes = process.memoryUsage().rss;
  // What it would keep on disk, and how long loading that takes (instead of rebuilding).
  const json = JSON.stringify(index);
  t = performance.now();
  index = MiniSearch.loadJSON<PlainDoc>(json, options);
  const loadMs = performance.now() - t;
  return { mode: 'minisearch', docs: docs.length, readMs, buildMs, indexBytes: Buffer.byteLength(json), loadMs, ...loaded, queries: samples, typeahead, rssAfterQueriesBytes };
}

async function flexSearch(): Promise<ChildReport> {
  const { queries, typed } = await loadQueries();
  const { Document: FlexDocument } = await import('flexsearch');
  let t = performance.now();
  const docs = await readPlainDocs();
  const readMs = performance.now() - t;
  const options: DocumentOptions<PlainDoc> = {
    document: {
      id: 'id',
      index: [
        { field: 'title', tokenize: 'forward' },
        { field: 'text', tokenize: 'forward' },
      ],
    },
  };
  t = performance.now();
  const index = new FlexDocument<PlainDoc>(options);
  for (const doc of docs) index.add(doc);
  const buildMs = performance.now() - t;
  const loaded = memory();
  const count = (text: string): number => (index.search(text, { limit: LIMIT, merge: true }) as unknown as unknown[]).length;
  const samples = runQueries(queries, (q) => count(q.words.join(' ')));
  const typeahead = runTypeahead(typed, count);
  const rssAfterQueriesBytes = process.memoryUsage().rss;
  const chunks: Array<[string, string]> = [];
  const exported: unknown = index.export((key, data) => {
    if (data != null) chunks.push([key, data]);
  });
  if (exported instanceof Promise) await exported;
  t = performance.now();
  const reloaded = new FlexDocument<PlainDoc>(options);
  for (const [key, data] of chunks) reloaded.import(key, data);
  const loadMs = performance.now() - t;
  const indexBytes = chunks.reduce((n, [key, data]) => n + Buffer.byteLength(key) + Buffer.byteLength(data), 0);
  return { mode: 'flexsearch', docs: docs.length, readMs, buildMs, indexBytes, loadMs, ...loaded, queries: samples, typeahead, rssAfterQueriesBytes };
}

async function dossier(): Promise<ChildReport> {
  const runs = Math.max(1, Number(values.runs ?? 5));
  if (!values.data) throw new Error('--data DIR is needed');
  const { dossierExport, reanchoring } = await import('./bench-dossier');
  return { mode: 'dossier', dossier: await dossierExport(DIR, values.data, runs), anchoring: reanchoring(runs) };
}

async function main(): Promise<ChildReport> {
  const data = values.data ? path.resolve(values.data) : '';
  switch (values.mode) {
    case 'baseline':
      return { mode: 'baseline', ...memory() };
    case 'casefile-build':
      return casefileBuild();
    case 'casefile-cold':
      return casefileCold(data);
    case 'casefile-warm':
      return casefileWarm(data);
    case 'casefile-breakdown':
      return casefileBreakdown(data);
    case 'minisearch':
      return miniSearch();
    case 'flexsearch':
      return flexSearch();
    case 'dossier':
      return dossier();
    default:
      throw new Error(`unknown --mode ${values.mode}`);
  }
}

// The parent imports this module's types only, so this runs only as the child's entry.
const report = await main();
process.stdout.write(`${JSON.stringify(report)}\n`, () => process.exit(0));
