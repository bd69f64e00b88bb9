import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface RunningShell {
  /** The printed URL, with its token. */
  url: string;
  dataDir: string;
  /** Stops the shell and starts a fresh one on the same data directory (a restart). */
  restart(): Promise<void>;
}

async function launch(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/web/main.ts', '--port', '0', '--data', dataDir], {
    cwd: path.resolve(import.meta.dirname, '../..'),
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

/** Each test gets its own web shell on the bundled archive with an empty data directory. */
export const test = base.extend<{ shell: RunningShell }>({
  shell: async ({}, use) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'casefile-e2e-'));
    let running = await launch(dataDir);
    const shell: RunningShell = {
      get url() {
        return running.url;
      },
      dataDir,
      async restart() {
        await stop(running.child);
        running = await launch(dataDir);
      },
    };
    await use(shell);
    await stop(running.child);
    await rm(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
