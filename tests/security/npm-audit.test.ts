import { spawnSync } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/archive-files';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-npm-audit-');
afterAll(temp.cleanup);

/**
 * Runs scripts/npm-audit.sh with an `npm` that prints `output` and exits with `status` for `npm audit`.
 * Like npm, it prints nothing when the environment asks for silence (`npm run -s` sets
 * npm_config_loglevel=silent) unless its command line sets another log level.
 */
async function auditWith(output: string, status: number, env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string }> {
  const bin = await temp.make();
  const fakeNpm = [
    '#!/usr/bin/env bash',
    'if [ "$1" = config ]; then echo https://registry.example/; exit 0; fi',
    'if [ "${npm_config_loglevel:-}" = silent ] && [[ " $* " != *" --loglevel="* ]]; then exit ' + status + '; fi',
    `cat <<'OUT'`,
    output,
    'OUT',
    `exit ${status}`,
  ].join('\n');
  await writeFile(path.join(bin, 'npm'), fakeNpm);
  await chmod(path.join(bin, 'npm'), 0o755);
  const run = spawnSync('bash', [path.join(REPO_ROOT, 'scripts/npm-audit.sh')], { env: { ...process.env, ...env, PATH: `${bin}:${process.env.PATH}` }, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout };
}

describe('CI step: npm audit of the runtime dependencies', () => {
  it('passes when npm audit finds nothing at high or above', async () => {
    expect((await auditWith('found 0 vulnerabilities', 0)).status).toBe(0);
  });

  it('fails on a high advisory', async () => {
    const report = ['# npm audit report', '', 'linkedom  <0.18.99', 'Severity: high', 'Prototype pollution - https://github.com/advisories/GHSA-xxxx', '', '1 high severity vulnerability'].join('\n');
    const result = await auditWith(report, 1);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('npm audit: failed');
  });

  it('passes with a clear NOT CHECKED line when the registry has no audit endpoint (405)', async () => {
    const error = ['npm warn audit 405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk', 'npm error audit endpoint returned an error'].join('\n');
    const result = await auditWith(error, 1);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^npm audit: NOT CHECKED .*no audit endpoint/m);
  });

  it('still tells a missing endpoint from a finding when run as `npm run -s` (silent)', async () => {
    const error = ['npm warn audit 405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk', 'npm error audit endpoint returned an error'].join('\n');
    const result = await auditWith(error, 1, { npm_config_loglevel: 'silent' });
    expect(result.stdout).toMatch(/^npm audit: NOT CHECKED/m);
    expect(result.status).toBe(0);
  });

  it('fails when npm audit cannot run for another reason (no network)', async () => {
    const result = await auditWith('npm error code ENOTFOUND\nnpm error network request to https://registry.example failed', 1);
    expect(result.status).not.toBe(0);
  });
});
