import { parseArgs, type ParseArgsConfig } from 'node:util';
import { bundledArchiveDir, defaultDataDir } from '../core/locations';
import { Workstation } from '../core/workstation';
import { errorMessage } from '../core/errors';

/** A mistake in how a command was called: reported as `error: …` with exit code 2. */
export class UsageError extends Error {}

export const LOCATION_OPTIONS = {
  archive: { type: 'string' },
  data: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export function parseCommandLine<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // node's messages name the option and say what is wrong; its error codes are not for users.
    throw new UsageError(errorMessage(error).replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

export function openWorkstation(values: { archive?: string; data?: string }): Promise<Workstation> {
  return Workstation.open({ archiveDir: values.archive ?? bundledArchiveDir(), dataDir: values.data ?? defaultDataDir() });
}

export function parseCount(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--${option} must be a whole number of at least 1, not ${JSON.stringify(value)}`);
  return Number(value);
}

export function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new UsageError(`--port must be 0..65535, not ${JSON.stringify(value)}`);
  return port;
}
