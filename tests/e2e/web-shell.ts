import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUNDLED_ARCHIVE = path.join(ROOT, 'archive');

export interface RunningShell {
  /** The printed URL, with its token. */
  url: string;
  dataDir: string;
  /** The archive the shell reads: the bundled one, or with `copyArchive` a copy the test may edit. */
  archiveDir: string;
  /** Stops the shell and starts a fresh one on the same data directory (a restart). */
  restart(): Promise<void>;
}

async function launch(dataDir: string, archiveDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/web/main.ts', '--port', '0', '--data', dataDir, '--archive', archiveDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`web shell exited with code ${code} before printing its URL`)));
  });
  if (!/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/.test(firstLine)) throw new Error(`unexpected first line: ${firstLine}`);
  return { url: firstLine, child };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * Each test gets its own web shell with an empty data directory, on the bundled archive or, with
 * `test.use({ copyArchive: true })`, on a fresh copy of it that the test may change on disk.
 */
export const test = base.extend<{ copyArchive: boolean; shell: RunningShell }>({
  copyArchive: [false, { option: true }],
  shell: async ({ copyArchive }, use) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'casefile-e2e-'));
    const archiveDir = copyArchive ? path.join(await mkdtemp(path.join(os.tmpdir(), 'casefile-e2e-archive-')), 'archive') : BUNDLED_ARCHIVE;
    if (copyArchive) await cp(BUNDLED_ARCHIVE, archiveDir, { recursive: true });
    let running = await launch(dataDir, archiveDir);
    const shell: RunningShell = {
      get url() {
        return running.url;
      },
      dataDir,
      archiveDir,
      async restart() {
        await stop(running.child);
        running = await launch(dataDir, archiveDir);
      },
    };
    await use(shell);
    await stop(running.child);
    await rm(dataDir, { recursive: true, force: true });
    if (copyArchive) await rm(path.dirname(archiveDir), { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
