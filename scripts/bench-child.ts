/**
 * One measurement of `npm run bench`, in a process of its own so that its memory is its own:
 *
 *   node --expose-gc --import tsx scripts/bench-child.ts --mode MODE --dir CORPUS [--data DIR]
 *        [--queries FILE] [--index FILE] [--threads 1|all] [--reps N]
 *        [--update-doc ID --update-word WORD] [--runs N]
 *
 * Modes: casefile-build (the index of the ingested documents, in worker threads on every core as the
 * app builds, or with `--threads 1` in one shard on the calling thread, as on a one-core machine),
 * casefile-cold (Workstation.open on an empty data dir, then indexReady), casefile-warm
 * (the app's session opened on the warm cache, following the folder after its first answer; first query, RSS, the query set with variants on and off,
 * search as you type with and without a prefix, then a one-file update), casefile-breakdown (the
 * steps of a warm open timed one by one, with the heap after each), minisearch-build and
 * flexsearch-build (build on the one thread they have, serialize to `--index FILE`),
 * minisearch-open and flexsearch-open (a fresh process: read that file and load it, first query,
 * RSS, the same queries as Casefile), paired (Casefile's warm cache and MiniSearch's file opened in
 * one process, each query asked of both in alternating order), dossier (the dossier and
 * re-anchoring figures). Prints one JSON line. SQLite FTS5 is measured by scripts/bench-fts5.py.
 *
 * Every engine is measured at the same points: open (from its files on disk) → first answer, then
 * RSS after a forced garbage collection, then the queries.
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
 * - search as you type, twice: every engine as written, then every engine with a prefix on the last
 *   word (Casefile `word*`, MiniSearch `prefix` on the last term). FlexSearch's forward index makes
 *   every word a prefix match, so its two rows ask the same thing.
 * Casefile answers as the UI asks (limit 100, variants on) and builds snippets for every hit shown,
 * counting all matches; the others return ids only: MiniSearch ranks all matches (all counted),
 * FlexSearch stops at `limit: 100` per field (merged over title and text, so up to 200 counted). Every process
 * keeps the documents' text in memory, as Casefile must (snippets, phrase checks): the peers read
 * the files after loading their index (timed apart, `textMs`), before RSS is taken.
 */
import { createReadStream } from 'node:fs';
import { copyFile, open, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Workstation } from '../src/core/workstation';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DocumentOptions } from 'flexsearch';
import type { default as MiniSearch, Options as MiniSearchOptions } from 'minisearch';
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
  /** After open and the first answer, and a forced garbage collection. */
  rssBytes: number;
  heapUsedBytes: number;
  externalBytes: number;
  /** The process's highest RSS so far (getrusage). */
  rssPeakBytes: number;
}

export interface SearchRun extends MemoryFigures {
  docs: number;
  /** From the start of the open to its end (the index loaded from disk). */
  openMs: number;
  /** From the start of the open to the first query's answer. */
  firstQueryMs: number;
  queries: QuerySample[];
  /** Each keystroke as written. */
  typeahead: number[];
  /** Each keystroke with a prefix on its last word. */
  typeaheadPrefix: number[];
  rssAfterQueriesBytes: number;
}

/** A build, timed in wall-clock and in CPU time (every thread of the process). */
export interface BuildRun {
  docs: number;
  /** Reading (and for Casefile, ingesting) the files, before the build. */
  readMs: number;
  buildMs: number;
  cpuMs: number;
  /** Its file(s) on disk. */
  indexBytes: number;
  rssPeakBytes: number;
}

export interface PeerOpen extends SearchRun {
  /** Reading the documents' text after the index is loaded (not part of the open). */
  textMs: number;
}

export interface PairedSample {
  index: number;
  kind: QueryKind;
  casefileMs: number;
  minisearchMs: number;
}

export type ChildReport =
  | ({ mode: 'baseline' } & MemoryFigures)
  | (BuildRun & { mode: 'casefile-build'; threads: number; shards: number })
  | { mode: 'casefile-cold'; docs: number; ingestMs: number; indexMs: number; totalMs: number; indexBytes: number; origin: string; rssPeakBytes: number }
  | (SearchRun & {
      mode: 'casefile-warm';
      firstQueryOnlyMs: number;
      /** The query set with variants off (what SQLite FTS5 is compared with). */
      queriesPlain: QuerySample[];
      /** After the background check of the archive's files, and a forced garbage collection. */
      rssAfterVerifyBytes: number;
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
  | (BuildRun & { mode: 'minisearch-build' })
  | (BuildRun & { mode: 'flexsearch-build' })
  | (PeerOpen & { mode: 'minisearch-open' })
  | (PeerOpen & { mode: 'flexsearch-open' })
  | { mode: 'paired'; queries: PairedSample[]; typeahead: PairedSample[]; typeaheadPrefix: PairedSample[] }
  | { mode: 'dossier'; dossier: Awaited<ReturnType<typeof dossierExport>>; anchoring: ReturnType<typeof reanchoring> };

const { values } = parseArgs({
  options: {
    mode: { type: 'string' },
    dir: { type: 'string' },
    data: { type: 'string' },
    queries: { type: 'string' },
    index: { type: 'string' },
    threads: { type: 'string' },
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

/** Wall-clock and CPU time (all threads) of a task. */
async function timedWithCpu<T>(task: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await task();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, value };
}

function indexFile(): string {
  if (!values.index) throw new Error('--index FILE is needed');
  return path.resolve(values.index);
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

/**
 * Each keystroke of each typed query, once, timed (a new query every time, as in a search box):
 * first as written, then with a prefix on the last word.
 */
function runTypeahead(typed: readonly string[], search: (text: string, prefix: boolean) => number): { typeahead: number[]; typeaheadPrefix: number[] } {
  const pass = (prefix: boolean) =>
    typed.flatMap((text) =>
      keystrokes(text).map((box) => {
        const started = performance.now();
        search(box, prefix);
        return performance.now() - started;
      }),
    );
  return { typeahead: pass(false), typeaheadPrefix: pass(true) };
}

/** Casefile's query for a search box's text: a prefix on the last word is `word*`. */
const casefileTyped = (box: string, prefix: boolean) => (prefix ? `${box}*` : box);

/** Casefile's answer as the UI asks for it: its whole count, 100 hits with snippets. */
const casefileAnswer = (ws: Workstation, text: string, variants = true) => ws.search(text, { limit: LIMIT, variants }).total;

/** The queries SQLite FTS5 can be asked too (Casefile with variants off is compared with it). */
const TRANSLATABLE: ReadonlySet<QueryKind> = new Set(['term', 'and', 'phrase', 'prefix']);

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
  const { inProcessBuilder, workerBuilder } = await import('../src/core/search/index-builder');
  const { encodeSegment } = await import('../src/core/search/segment');
  const started = performance.now();
  const archive = await loadArchive(DIR);
  const readMs = performance.now() - started;
  // As the app builds (worker threads, shards on every core from 2,000 documents), or on one thread.
  const oneThread = values.threads === '1';
  const builder = oneThread ? inProcessBuilder : workerBuilder;
  const { ms: buildMs, cpuMs, value: segments } = await timedWithCpu(() => builder(archive.documents, () => {}));
  const rssPeakBytes = process.resourceUsage().maxRSS * 1024;
  const indexBytes = segments.reduce((n, s) => n + encodeSegment(s).byteLength, 0);
  return { mode: 'casefile-build', docs: archive.documents.length, readMs, buildMs, cpuMs, indexBytes, rssPeakBytes, threads: oneThread ? 1 : segments.length, shards: segments.length };
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
  const { ArchiveSession } = await import('../src/core/session');
  const started = performance.now();
  // Exactly as the app opens (issue 22 point 2): a session that follows the folder, which it starts
  // watching and checking only once this first query is answered.
  const session = await ArchiveSession.open({ archiveDir: DIR, dataDir, watch: true });
  const ws = session.current;
  const openMs = performance.now() - started;
  const t = performance.now();
  casefileAnswer(ws, queries[0].casefile);
  const firstQueryOnlyMs = performance.now() - t;
  const firstQueryMs = performance.now() - started;
  const { origin, documents, problem } = ws.indexStatus();
  if (problem) throw new Error(problem);
  const opened = memory();
  // Files taken from the ingest catalog are read and hashed in the background after open; the query
  // set is measured once that is done (the first query above ran while it was going on).
  const v = performance.now();
  await ws.archiveVerified();
  const verifyMs = performance.now() - v;
  const segments = JSON.parse(await readFile(path.join(await cacheDir(dataDir), 'manifest.json'), 'utf8')).segments.length as number;
  const rssAfterVerifyBytes = memory().rssBytes;
  const samples = runQueries(queries, (q) => casefileAnswer(ws, q.casefile));
  const plain = queries.filter((q) => TRANSLATABLE.has(q.kind));
  const queriesPlain = runQueries(plain, (q) => casefileAnswer(ws, q.casefile, false)).map((s) => ({ ...s, index: queries.indexOf(plain[s.index]) }));
  const typing = runTypeahead(typed, (box, prefix) => casefileAnswer(ws, casefileTyped(box, prefix)));
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
  await session.close();
  return {
    mode: 'casefile-warm',
    docs: documents,
    openMs,
    firstQueryMs,
    firstQueryOnlyMs,
    verifyMs,
    origin,
    segments,
    ...opened,
    rssAfterVerifyBytes,
    queries: samples,
    queriesPlain,
    ...typing,
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
  const docs: PlainDoc[] = [];
  // In slices: every file opened at once runs past the open-file limit (EMFILE at 30,000 articles).
  for (let at = 0; at < names.length; at += READ_AT_ONCE) {
    const slice = names.slice(at, at + READ_AT_ONCE);
    const texts = await Promise.all(slice.map((id) => readFile(path.join(DIR, id), 'utf8')));
    slice.forEach((id, i) => {
      const text = texts[i].replace(/\r\n?/g, '\n').normalize('NFC');
      docs.push({ id, title: text.slice(0, Math.max(0, text.indexOf('\n'))) || text.slice(0, 200), text });
    });
  }
  return docs;
}

/** Files the peers' processes read at one time. */
const READ_AT_ONCE = 256;

const MINISEARCH_OPTIONS: MiniSearchOptions<PlainDoc> = { fields: ['title', 'text'], idField: 'id', searchOptions: { boost: { title: 10 } } };

/** MiniSearch's answer to a query of the set (it ranks every match anyway: its whole count). */
function miniSearchAnswer(index: MiniSearch<PlainDoc>, q: BenchQuery): number {
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
}

const miniSearchTyped = (index: MiniSearch<PlainDoc>, box: string, prefix: boolean) =>
  index.search(box, prefix ? { prefix: (_term, i, terms) => i === terms.length - 1 } : {}).length;

/** Reads and loads MiniSearch's serialized index (the JSON its build wrote). */
/**
 * A peer's index is written as JSON lines: one string of the whole index passes V8's longest string
 * (about 512 MB) past 30,000 articles (FlexSearch died in JSON.stringify there; MiniSearch's would at
 * about 100,000). Each line is one JSON value, parsed as it is read.
 */
async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = await open(file, 'w');
  try {
    for (const line of lines) await out.write(`${line}\n`);
  } finally {
    await out.close();
  }
}

async function readLines(file: string): Promise<string[]> {
  const read: string[] = [];
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) if (line !== '') read.push(line);
  return read;
}

const writeJsonLines = (file: string, values: Iterable<unknown>) => writeLines(file, [...values].map((value) => JSON.stringify(value)));
const readJsonLines = async (file: string): Promise<unknown[]> => (await readLines(file)).map((line) => JSON.parse(line) as unknown);

/** MiniSearch's index terms per line of its file. */
const MINISEARCH_TERMS_PER_LINE = 20_000;

/** MiniSearch's plain form as lines: everything but its terms, then its terms in slices. */
function* miniSearchLines(index: MiniSearch<PlainDoc>): Generator<unknown> {
  const { index: terms, ...rest } = index.toJSON();
  yield rest;
  for (let at = 0; at < terms.length; at += MINISEARCH_TERMS_PER_LINE) yield terms.slice(at, at + MINISEARCH_TERMS_PER_LINE);
}

async function openMiniSearch(): Promise<MiniSearch<PlainDoc>> {
  const { default: MiniSearchClass } = await import('minisearch');
  const [rest, ...slices] = await readJsonLines(indexFile());
  const plain = { ...(rest as object), index: (slices as unknown[][]).flat() } as Parameters<typeof MiniSearchClass.loadJS>[0];
  return MiniSearchClass.loadJS<PlainDoc>(plain, MINISEARCH_OPTIONS);
}

const FLEXSEARCH_OPTIONS: DocumentOptions<PlainDoc> = {
  document: {
    id: 'id',
    index: [
      { field: 'title', tokenize: 'forward' },
      { field: 'text', tokenize: 'forward' },
    ],
  },
};

/** A peer's build on the one thread it has, then its index written to `--index FILE`. */
async function peerBuild(engine: 'minisearch' | 'flexsearch'): Promise<ChildReport> {
  const t = performance.now();
  const docs = await readPlainDocs();
  const readMs = performance.now() - t;
  let serialize: () => Promise<void>;
  let buildMs: number;
  let cpuMs: number;
  if (engine === 'minisearch') {
    const { default: MiniSearchClass } = await import('minisearch');
    const built = await timedWithCpu(() => {
      const index = new MiniSearchClass<PlainDoc>(MINISEARCH_OPTIONS);
      index.addAll(docs);
      return index;
    });
    ({ ms: buildMs, cpuMs } = built);
    serialize = () => writeJsonLines(indexFile(), miniSearchLines(built.value));
  } else {
    const { Document: FlexDocument } = await import('flexsearch');
    const built = await timedWithCpu(() => {
      const index = new FlexDocument<PlainDoc>(FLEXSEARCH_OPTIONS);
      for (const doc of docs) index.add(doc);
      return index;
    });
    ({ ms: buildMs, cpuMs } = built);
    serialize = async () => {
      const chunks: Array<[string, string]> = [];
      const exported: unknown = built.value.export((key, data) => {
        if (data != null) chunks.push([key, data]);
      });
      if (exported instanceof Promise) await exported;
      // Each chunk is JSON already (one can pass 256 MB at 30,000 articles): written as it is, after its key and a tab.
      await writeLines(indexFile(), chunks.map(([key, data]) => `${key}\t${data}`));
    };
  }
  // The peak of the build, before serializing (which holds the index and its JSON at once).
  const rssPeakBytes = process.resourceUsage().maxRSS * 1024;
  await serialize();
  return { mode: `${engine}-build`, docs: docs.length, readMs, buildMs, cpuMs, indexBytes: (await stat(indexFile())).size, rssPeakBytes };
}

/** A fresh process: the peer's index read from disk and loaded, the first answer, RSS, the query set. */
async function peerOpen(engine: 'minisearch' | 'flexsearch'): Promise<ChildReport> {
  const { queries, typed } = await loadQueries();
  let answer: (q: BenchQuery) => number;
  let typedAnswer: (box: string, prefix: boolean) => number;
  // The library's code is loaded before the clock starts: a module load is not the index's open.
  const started = { at: 0 };
  if (engine === 'minisearch') {
    await import('minisearch');
    started.at = performance.now();
    const index = await openMiniSearch();
    answer = (q) => miniSearchAnswer(index, q);
    typedAnswer = (box, prefix) => miniSearchTyped(index, box, prefix);
  } else {
    const { Document: FlexDocument } = await import('flexsearch');
    started.at = performance.now();
    const chunks = (await readLines(indexFile())).map((line) => {
      const tab = line.indexOf('\t');
      return [line.slice(0, tab), line.slice(tab + 1)] as const;
    });
    const index = new FlexDocument<PlainDoc>(FLEXSEARCH_OPTIONS);
    for (const [key, data] of chunks) index.import(key, data);
    const count = (text: string): number => (index.search(text, { limit: LIMIT, merge: true }) as unknown as unknown[]).length;
    answer = (q) => count(q.words.join(' '));
    typedAnswer = (box) => count(box);
  }
  const openMs = performance.now() - started.at;
  answer(queries[0]);
  const firstQueryMs = performance.now() - started.at;
  const t = performance.now();
  const docs = await readPlainDocs();
  const textMs = performance.now() - t;
  const opened = memory();
  const samples = runQueries(queries, answer);
  const typing = runTypeahead(typed, typedAnswer);
  const rssAfterQueriesBytes = process.memoryUsage().rss;
  return { mode: `${engine}-open`, docs: docs.length, openMs, firstQueryMs, textMs, ...opened, queries: samples, ...typing, rssAfterQueriesBytes };
}

/**
 * Casefile and MiniSearch in one process, each query asked of both back to back, the order
 * alternating from query to query and from pass to pass, so that both see the same machine.
 */
async function paired(dataDir: string): Promise<ChildReport> {
  const { queries, typed } = await loadQueries();
  const { Workstation } = await import('../src/core/workstation');
  const ws = await Workstation.open({ archiveDir: DIR, dataDir, openAsLastSeen: true });
  await ws.archiveVerified();
  const mini = await openMiniSearch();
  const both = (index: number, kind: QueryKind, casefile: () => number, minisearch: () => number, casefileFirst: boolean): PairedSample => {
    const sample: PairedSample = { index, kind, casefileMs: 0, minisearchMs: 0 };
    const run = (which: 'casefile' | 'minisearch') => {
      const started = performance.now();
      (which === 'casefile' ? casefile : minisearch)();
      sample[`${which}Ms`] = performance.now() - started;
    };
    run(casefileFirst ? 'casefile' : 'minisearch');
    run(casefileFirst ? 'minisearch' : 'casefile');
    return sample;
  };
  for (const q of queries) both(0, q.kind, () => casefileAnswer(ws, q.casefile), () => miniSearchAnswer(mini, q), true);
  const samples: PairedSample[] = [];
  for (let r = 0; r < REPS; r++) {
    for (const [index, q] of queries.entries()) {
      samples.push(both(index, q.kind, () => casefileAnswer(ws, q.casefile), () => miniSearchAnswer(mini, q), (index + r) % 2 === 0));
    }
  }
  const typing = (prefix: boolean) =>
    typed.flatMap((text) =>
      keystrokes(text).map((box, i) => both(i, 'prefix', () => casefileAnswer(ws, casefileTyped(box, prefix)), () => miniSearchTyped(mini, box, prefix), i % 2 === 0)),
    );
  const typeahead = typing(false);
  const typeaheadPrefix = typing(true);
  await ws.close();
  return { mode: 'paired', queries: samples, typeahead, typeaheadPrefix };
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
    case 'minisearch-build':
      return peerBuild('minisearch');
    case 'flexsearch-build':
      return peerBuild('flexsearch');
    case 'minisearch-open':
      return peerOpen('minisearch');
    case 'flexsearch-open':
      return peerOpen('flexsearch');
    case 'paired':
      return paired(data);
    case 'dossier':
      return dossier();
    default:
      throw new Error(`unknown --mode ${values.mode}`);
  }
}

// The parent imports this module's types only, so this runs only as the child's entry.
const report = await main();
process.stdout.write(`${JSON.stringify(report)}\n`, () => process.exit(0));
