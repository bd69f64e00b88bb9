import { execFile, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-bench-');
afterAll(temp.cleanup);
const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Whether this machine's python3 has SQLite FTS5 (the bench leaves the anchor out when not). */
async function hasFts5(): Promise<boolean> {
  try {
    await promisify(execFile)('python3', [path.join(ROOT, 'scripts', 'bench-fts5.py'), '--mode', 'check']);
    return true;
  } catch {
    return false;
  }
}

type Figures = Record<string, unknown>;
const num = expect.any(Number);

// Keeps `npm run bench` working: a small run, its report's shape (the contract other tools read), and
// that what it measured happened. No figure is judged here: timing belongs to the benchmark itself, so
// one run of each measurement is enough (each is a child process; three runs tripled the file's time).
describe('npm run bench on 50 documents', () => {
  it('writes the JSON report with every figure the contract names', async () => {
    const out = path.join(await temp.make(), 'report.json');
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', '--docs', '50', '--files', '0', '--runs', '1', '--json', '--out', out], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (status) => (status === 0 ? resolve(status) : reject(new Error(`bench exited ${status}:\n${stderr.slice(-2000)}`))));
    });
    expect(code).toBe(0);
    const report = JSON.parse(await readFile(out, 'utf8')) as Record<string, Figures> & { docs: number; queries: { count: number; keystrokes: number } };
    expect(report.machine).toEqual(expect.objectContaining({ cores: num, memoryBytes: num, node: process.version }));
    expect(report.docs).toBe(50);
    expect(report.corpus).toEqual(expect.objectContaining({ kind: 'brown' }));
    const casefile = report.casefile;
    for (const key of ['buildMs', 'buildCpuMs', 'indexBytes', 'openMs', 'firstQueryMs', 'rssBytes', 'queryP95Ms', 'updateMs', 'dossierMs', 'dossierBytes']) {
      expect(casefile[key], `casefile.${key}`).toEqual(num);
      expect(casefile[key] as number, `casefile.${key}`).toBeGreaterThan(0);
    }
    // Built twice: in worker threads on every core, and in one shard on one thread.
    expect(casefile.build1Thread).toEqual(expect.objectContaining({ buildMs: num, buildCpuMs: num, buildRssPeakBytes: num }));
    expect(casefile.variantsOff).toEqual(expect.objectContaining({ queryMedianMs: num, queryP95Ms: num }));
    // Every engine opened its index from disk in a fresh process and typed both ways.
    const engines = ['casefile', 'minisearch', 'flexsearch', ...((await hasFts5()) ? ['sqlite'] : [])];
    for (const engine of engines) {
      const e = report[engine];
      for (const key of ['buildMs', 'buildCpuMs', 'buildRssPeakBytes', 'indexBytes', 'openMs', 'firstQueryMs', 'rssBytes', 'queryMedianMs', 'queryP95Ms']) {
        expect(e[key], `${engine}.${key}`).toEqual(num);
      }
      expect(e.indexBytes as number, `${engine}.indexBytes`).toBeGreaterThan(0);
      expect(e.firstQueryMs as number, `${engine}.firstQueryMs`).toBeGreaterThanOrEqual(e.openMs as number);
      for (const typing of ['typeahead', 'typeaheadPrefix']) expect(e[typing], `${engine}.${typing}`).toEqual({ medianMs: num, p95Ms: num, maxMs: num });
    }
    if (engines.includes('sqlite')) {
      // Casefile's hit counts (variants off) set beside SQLite's, query by query.
      const hits = report.sqlite.hitComparison as { queries: number; same: number; mismatches: unknown[] };
      expect(hits.queries).toBeGreaterThan(0);
      expect(hits.same + hits.mismatches.length).toBe(hits.queries);
      // Prefixes are asked of an unstemmed table of their own (FTS5 would stem the prefix).
      expect(report.sqlite.prefixIndexBytes as number).toBeGreaterThan(0);
    } else {
      expect(report.sqlite).toBeNull();
    }
    // Paired in one process: every query asked of both engines, three passes, every keystroke both ways.
    const paired = report.paired as { queries: { all: Figures; byKind: Record<string, Figures> }; typeahead: Figures; typeaheadPrefix: Figures };
    expect(paired.queries.all.samples).toBe(3 * report.queries.count);
    for (const kind of ['term', 'and', 'phrase', 'prefix', 'fuzzy', 'name']) {
      expect(paired.queries.byKind[kind], kind).toEqual(expect.objectContaining({ casefileMedianMs: num, minisearchMedianMs: num, casefileP95Ms: num, minisearchP95Ms: num }));
    }
    expect(paired.typeahead.samples).toBe(report.queries.keystrokes);
    expect(paired.typeaheadPrefix.samples).toBe(report.queries.keystrokes);
    expect(Object.keys(report.ratios)).toEqual(expect.arrayContaining(['pairedQueryP95VsMiniSearch', 'build1ThreadVsMiniSearch', 'typeaheadPrefixP95VsMiniSearch', 'variantsOffP95VsSqlite']));
    // The one-file update was found by a search, the warm opens came from the cache; no tiny-file folder was asked for.
    expect(casefile.updateFound).toBe(true);
    expect(casefile.openOrigin).toBe('cache');
    expect(report.ingestFolder).toBeNull();
  }, 600_000);
});
