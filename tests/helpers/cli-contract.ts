import { expect } from 'vitest';
import type { CliRun } from './cli';

/**
 * The CLI's contract for a refused command: exit code 2 and a single line on stderr that starts
 * with `error:` (no stack trace, nothing on stdout). Returns that line.
 */
export function refusal(run: CliRun): string {
  expect({ code: run.code, stdout: run.stdout }, run.stderr).toEqual({ code: 2, stdout: '' });
  expect(run.stderr).toMatch(/^error: [^\n]+\n?$/u);
  return run.stderr.trim();
}

/** A command that worked: exit code 0 and nothing on stderr. Returns its stdout. */
export function success(run: CliRun): string {
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  return run.stdout;
}
