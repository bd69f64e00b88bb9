import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readPdfSignature } from '../../src/core/dossier/signature';
import { archiveFile } from '../helpers/archive-files';
import { runCli, type CliRun } from '../helpers/cli';
import { tempDirs } from '../helpers/temp-dir';

const run = promisify(execFile);
const temp = tempDirs('casefile-cli-signing-');
afterAll(temp.cleanup);
afterEach(() => vi.unstubAllEnvs());

const DOC_004 = archiveFile('004_').name;
const QUOTE = '“It’s unfathomable. I can’t understand. How is this possible?”';
const PASSPHRASE_VARIABLE = 'CASEFILE_TEST_P12_PASSPHRASE';

function refused(result: CliRun, message: RegExp): void {
  expect(result.code, result.stdout).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
}

async function pdfsig(file: string): Promise<string> {
  const { stdout, stderr } = await run('pdfsig', [file]).catch((error: { stdout: string; stderr: string }) => error);
  return stdout + stderr;
}

describe('casefile export signs the PDF', () => {
  let data: string;
  let p12: string;
  let p12Fingerprint: string;

  beforeAll(async () => {
    data = await temp.make();
    const made = await runCli(['annotate', '--doc', DOC_004, '--quote', QUOTE, '--data', data]);
    expect(made.code, made.stderr).toBe(0);
    const dir = await temp.make();
    const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
    p12 = path.join(dir, 'examiner.p12');
    await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '30', '-subj', '/CN=Test Examiner/O=Casefile Tests']);
    await run('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', 'pass:open sesame']);
    p12Fingerprint = (await run('openssl', ['x509', '-in', cert, '-noout', '-fingerprint', '-sha256'])).stdout.trim().replace(/^.*Fingerprint=/i, '');
  }, 60_000);

  it('with the local identity by default, said on the way out, the key readable by the user alone', async () => {
    const out = path.join(data, 'signed.pdf');
    const result = await runCli(['export', '--out', out, '--data', data]);
    expect(result.code, result.stderr).toBe(0);
    const signature = await readPdfSignature(await readFile(out));
    expect(signature).toMatchObject({ state: 'valid', subject: 'CN=Casefile user' });
    expect(result.stdout).toContain(`signed by CN=Casefile user (certificate SHA-256 ${signature.fingerprint}): valid`);
    expect((await stat(path.join(data, 'signing', 'key.pem'))).mode & 0o777).toBe(0o600);
    const report = await pdfsig(out);
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
  }, 60_000);

  it('not at all with --no-sign', async () => {
    const out = path.join(data, 'unsigned.pdf');
    const result = await runCli(['export', '--out', out, '--no-sign', '--data', data]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('not signed');
    expect((await readPdfSignature(await readFile(out))).state).toBe('unsigned');
  }, 60_000);

  it('with the user’s PKCS#12 certificate, the passphrase read from the variable --passphrase-env names', async () => {
    vi.stubEnv(PASSPHRASE_VARIABLE, 'open sesame');
    const out = path.join(data, 'examiner.pdf');
    const result = await runCli(['export', '--out', out, '--p12', p12, '--passphrase-env', PASSPHRASE_VARIABLE, '--data', data]);
    expect(result.code, result.stderr).toBe(0);
    expect(await readPdfSignature(await readFile(out))).toEqual({ state: 'valid', subject: 'CN=Test Examiner, O=Casefile Tests', fingerprint: p12Fingerprint });
    expect(await pdfsig(out)).toContain('Signature is Valid.');
  }, 60_000);

  it('refuses a wrong passphrase with one clear line, and writes nothing', async () => {
    vi.stubEnv(PASSPHRASE_VARIABLE, 'open barley');
    const out = path.join(data, 'never.pdf');
    refused(await runCli(['export', '--out', out, '--p12', p12, '--passphrase-env', PASSPHRASE_VARIABLE, '--data', data]), /^error: cannot open .*examiner\.p12: the passphrase is wrong/);
    await expect(stat(out)).rejects.toMatchObject({ code: 'ENOENT' });
  }, 60_000);

  it.each([
    [['--p12', 'FILE'], /--p12 needs --passphrase-env VAR/],
    [['--p12', 'FILE', '--passphrase-env', 'CASEFILE_TEST_UNSET_VARIABLE'], /CASEFILE_TEST_UNSET_VARIABLE named by --passphrase-env is not set/],
    [['--passphrase-env', PASSPHRASE_VARIABLE], /--passphrase-env goes with --p12/],
    [['--p12', 'FILE', '--no-sign'], /contradict/],
    [['--p12', 'FILE', '--format', 'md'], /only a PDF is signed/],
  ])('refuses %j, saying why, and writes nothing', async (args, message) => {
    const out = path.join(data, 'refused.pdf');
    refused(await runCli(['export', '--out', out, ...args.map((a) => (a === 'FILE' ? p12 : a)), '--data', data]), message);
    await expect(stat(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
