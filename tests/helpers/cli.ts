import { spawn } from 'node:child_process';
import path from 'node:path';
import { runCommandLine } from '../../src/cli/commands';
import { REPO_ROOT } from './archive-files';

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export const CLI_ENTRY = path.join(REPO_ROOT, 'src', 'cli', 'main.ts');

/**
 * Runs `casefile <args>` in this process: the CLI's own command-line runner with its output
 * collected (no tsx start-up per call, so the tests stay quick on a loaded machine). What only a
 * real process shows (exit codes from the entry, memory limits, pipes) is tested with `spawnCli`.
 */
export async function runCli(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCommandLine(args, {
    out: (line) => (stdout += `${line}\n`),
    err: (line) => (stderr += `${line}\n`),
    color: false,
  });
  return { code, signal: null, stdout, stderr, timedOut: false };
}

/** Runs `casefile <args>` as a user would (node with tsx on src/cli/main.ts), from the repository root. */
export function spawnCli(args: string[], { nodeOptions = [], timeoutMs = 60_000 }: { nodeOptions?: string[]; timeoutMs?: number } = {}): Promise<CliRun> {
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
