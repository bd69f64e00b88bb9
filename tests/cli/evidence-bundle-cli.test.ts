import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveFile } from '../helpers/archive-files';
import { runCli } from '../helpers/cli';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-cli-bundle-');
afterAll(temp.cleanup);

const DOC_003 = archiveFile('003_').name;
const DOC_004 = archiveFile('004_').name;

interface JsonReport {
  ok: boolean;
  quotes: Array<{ id: string; docId: string; source: string; printed: string; status: string }>;
  signature: { state: string };
  ledger: { state: string };
  bundle: { manifest: string; problems: string[] };
}

describe('casefile export --format bundle, then verify FILE.zip elsewhere', () => {
  let bundle: string;

  beforeAll(async () => {
    const archive = await temp.make();
    for (const doc of [archiveFile('003_'), archiveFile('004_')]) await writeFile(path.join(archive, doc.name), doc.bytes);
    const data = await temp.make();
    const where = ['--archive', archive, '--data', data];
    for (const [doc, quote] of [
      [DOC_004, '“It’s unfathomable. I can’t understand. How is this possible?”'],
      [DOC_003, 'According to official data, 8,000 people were arrested.'],
    ]) {
      const made = await runCli(['annotate', '--doc', doc, '--quote', quote, ...where]);
      expect(made.code, made.stderr).toBe(0);
    }
    bundle = path.join(await temp.make(), 'evidence.zip');
    const exported = await runCli(['export', '--format', 'bundle', '--out', bundle, ...where]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(`casefile verify ${bundle}`);
    expect(exported.stdout).toMatch(/signed by CN=Casefile user \(certificate SHA-256 [0-9A-F:]+\): valid/);
    // What the bundle was made from is gone: the archive, the data folder with its ledger and signing key.
    await rm(archive, { recursive: true });
    await rm(data, { recursive: true });
  }, 120_000);

  it('holds every annotation when no dossier is named', async () => {
    const files = unzipSync(new Uint8Array(await readFile(bundle)));
    const annotations = JSON.parse(new TextDecoder().decode(files['annotations.jsonld'])) as { total: number };
    expect(annotations.total).toBe(2);
    expect(Object.keys(files).filter((name) => name.startsWith('sources/')).sort()).toEqual([`sources/${DOC_003}`, `sources/${DOC_004}`]);
  });

  it('verifies in a fresh folder with an empty data folder and an archive without the sources, touching neither', async () => {
    const fresh = await temp.make();
    const copy = path.join(fresh, 'evidence.zip');
    await copyFile(bundle, copy);
    const data = path.join(fresh, 'data');
    const archive = path.join(fresh, 'unrelated-archive');
    await mkdir(data);
    await mkdir(archive);
    await writeFile(path.join(archive, 'other.txt'), 'Nothing quoted is here.\n');
    const result = await runCli(['verify', copy, '--data', data, '--archive', archive]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('checked against the sources/ folder of the bundle');
    expect(result.stdout).toMatch(/^bundle: .*the bundled manifest is the one attached; 2 sources with the SHA-256 it records$/m);
    expect(result.stdout).toMatch(/^verified: .*the signature is valid$/m);
    expect(await readdir(data)).toEqual([]);
    expect(await readdir(fresh)).toEqual(['data', 'evidence.zip', 'unrelated-archive'].sort());

    const json = await runCli(['verify', copy, '--json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as JsonReport;
    expect(report).toMatchObject({ ok: true, signature: { state: 'valid' }, ledger: { state: 'ok' }, bundle: { manifest: 'same', problems: [] } });
    expect(report.quotes.map((q) => q.status)).toEqual(['ok', 'ok']);
  }, 60_000);

  it('fails, exit 1, naming the quote whose bundled source changed', async () => {
    const files = unzipSync(new Uint8Array(await readFile(bundle)));
    const source = Uint8Array.from(files[`sources/${DOC_003}`]);
    source[Buffer.from(source).indexOf('8,000')] = '9'.charCodeAt(0);
    const changed = path.join(await temp.make(), 'changed.zip');
    await writeFile(changed, zipSync({ ...files, [`sources/${DOC_003}`]: source }));
    const result = await runCli(['verify', changed, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.ok).toBe(false);
    expect(report.quotes.map((q) => [q.docId, q.source])).toEqual([
      [DOC_003, 'changed'],
      [DOC_004, 'ok'],
    ]);
    const text = await runCli(['verify', changed]);
    expect(text.stdout).toMatch(new RegExp(`^changed +\\[1\\] ${DOC_003.replace('.', '\\.')}`, 'm'));
    expect(text.stdout).toMatch(/^NOT verified: 1 of 2 quotes failed, the bundle has 1 problem$/m);
  }, 60_000);

  it('refuses an entry named ../evil.txt with one clear line, and writes nothing beside the bundle', async () => {
    const dir = await temp.make();
    const evil = path.join(dir, 'evil.zip');
    await writeFile(evil, zipSync({ ...unzipSync(new Uint8Array(await readFile(bundle))), '../evil.txt': strToU8('evil') }));
    const result = await runCli(['verify', evil]);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual(['error: not a usable evidence bundle: its entry "../evil.txt" must not contain . or .. segments']);
    expect(await readdir(dir)).toEqual(['evil.zip']);
    expect(await readdir(path.dirname(dir))).not.toContain('evil.txt');
  }, 60_000);
});
