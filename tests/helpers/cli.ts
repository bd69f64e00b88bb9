import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './archive-files';

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export const CLI_ENTRY = path.join(REPO_ROOT, 'src', 'cli', 'main.ts');

/** Runs `casefile <args>` as a user would (node with tsx on src/cli/main.ts), from the repository root. */
export function runCli(args: string[], { nodeOptions = [], timeoutMs = 20_000 }: { nodeOptions?: string[]; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', CLI_ENTRY, ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', CASEFILE_DATA: '' },
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}
