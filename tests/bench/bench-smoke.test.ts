import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-bench-');
afterAll(temp.cleanup);
const ROOT = path.resolve(import.meta.dirname, '..', '..');

// Keeps `npm run bench` working: a small run, its report's shape (the contract other tools read), and
// that what it measured happened. No figure is judged here: timing belongs to the benchmark itself, so
// one run of each measurement is enough (each is a child process; three runs tripled the file's time).
describe('npm run bench on 50 documents', () => {
  it('writes the JSON report with every figure the contract names', async () => {
    const out = path.join(await temp.make(), 'report.json');
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', '--docs', '50', '--files', '120', '--runs', '1', '--json', '--out', out], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (status) => (status === 0 ? resolve(status) : reject(new Error(`bench exited ${status}:\n${stderr.slice(-2000)}`))));
    });
    expect(code).toBe(0);
    const report = JSON.parse(await readFile(out, 'utf8')) as Record<string, Record<string, unknown>> & { docs: number };
    expect(report.machine).toEqual(expect.objectContaining({ cores: expect.any(Number), memoryBytes: expect.any(Number), node: process.version }));
    expect(report.docs).toBe(50);
    for (const key of ['buildMs', 'indexBytes', 'openMs', 'firstQueryMs', 'rssBytes', 'queryP95Ms', 'typeaheadP95Ms', 'updateMs', 'dossierMs', 'dossierBytes']) {
      expect(report.casefile[key], `casefile.${key}`).toEqual(expect.any(Number));
      expect(report.casefile[key] as number, `casefile.${key}`).toBeGreaterThan(0);
    }
    for (const peer of ['minisearch', 'flexsearch']) {
      for (const key of ['buildMs', 'queryP95Ms', 'rssBytes']) expect(report[peer][key], `${peer}.${key}`).toEqual(expect.any(Number));
    }
    // The one-file update was found by a search, the warm opens came from the cache, every tiny file was indexed.
    expect(report.casefile.updateFound).toBe(true);
    expect(report.casefile.openOrigin).toBe('cache');
    expect(report.ingestFolder).toEqual(expect.objectContaining({ files: 120, documents: 120 }));
  }, 600_000);
});
