import { appendFile, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CustodyLedger, describeCustody, LEDGER_FILE, LEDGER_HEAD_FILE, readLedger } from '../../../src/core/archive/custody-ledger';
import { invokeApi } from '../../../src/core/api';
import { DossierManifest } from '../../../src/core/dossier/model';
import { archiveDataDir } from '../../../src/core/locations';
import { tempDirs } from '../../helpers/temp-dir';
import { makeBench } from '../../helpers/workstation';

const dirs = tempDirs('casefile-ledger-');
afterAll(dirs.cleanup);
const tempDir = dirs.make;

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);

/** A clock that moves one minute per call, from a fixed day. */
function clock(): () => Date {
  let minutes = 0;
  return () => new Date(Date.UTC(2026, 0, 5, 9, minutes++));
}

async function ledgerWith(dir: string): Promise<CustodyLedger> {
  const ledger = await CustodyLedger.open(dir, clock());
  await ledger.record([{ file: 'one.txt', sha256: A }, { file: 'two.txt', sha256: B }]);
  await ledger.record([{ file: 'one.txt', sha256: C }, { file: 'two.txt', sha256: B }]);
  await ledger.record([{ file: 'one.txt', sha256: C }]);
  return ledger;
}

describe('the custody ledger', () => {
  it('records first sight, changes and removals, each entry chained to the one before', async () => {
    const dir = await tempDir();
    const ledger = await ledgerWith(dir);
    const { entries, check } = readLedger(await readFile(path.join(dir, LEDGER_FILE), 'utf8'));
    expect(check).toMatchObject({ state: 'ok', problem: null });
    expect(entries.map((e) => [e.seq, e.event, e.file, e.sha256])).toEqual([
      [0, 'first-seen', 'one.txt', A],
      [1, 'first-seen', 'two.txt', B],
      [2, 'changed', 'one.txt', C],
      [3, 'removed', 'two.txt', null],
    ]);
    expect(entries.slice(1).every((e, i) => e.prev === entries[i].hash)).toBe(true);
    expect(ledger.custody('one.txt')).toMatchObject({ firstSeen: '2026-01-05T09:00:00.000Z' });
    expect(describeCustody(ledger.custody('one.txt'), A)).toBe('first seen at 2026-01-05T09:00:00.000Z; changed at 2026-01-05T09:01:00.000Z');
    expect(describeCustody(ledger.custody('one.txt'), C)).toBe('first seen at 2026-01-05T09:00:00.000Z; unchanged since 2026-01-05T09:01:00.000Z');
    expect(describeCustody(ledger.custody('two.txt'), B)).toBe('first seen at 2026-01-05T09:00:00.000Z; changed at 2026-01-05T09:02:00.000Z');
  });

  it('says a file unchanged since it was first seen, and writes nothing when nothing changed', async () => {
    const dir = await tempDir();
    const ledger = await CustodyLedger.open(dir, clock());
    await ledger.record([{ file: 'one.txt', sha256: A }]);
    const before = await readFile(path.join(dir, LEDGER_FILE), 'utf8');
    await ledger.record([{ file: 'one.txt', sha256: A }]);
    expect(await readFile(path.join(dir, LEDGER_FILE), 'utf8')).toBe(before);
    expect(describeCustody(ledger.custody('one.txt'), A)).toBe('unchanged since first seen at 2026-01-05T09:00:00.000Z');
    expect(describeCustody(ledger.custody('other.txt'), A)).toBe('not in the custody ledger');
  });

  it('detects an entry rewritten, even with its own hash recomputed', async () => {
    const dir = await tempDir();
    await ledgerWith(dir);
    const file = path.join(dir, LEDGER_FILE);
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    await writeFile(file, `${[lines[0], lines[1].replace(B, A), ...lines.slice(2)].join('\n')}\n`);
    expect((await CustodyLedger.open(dir)).check()).toMatchObject({ state: 'broken', problem: expect.stringMatching(/entry 2 .* changed after it was written/) });

    // A forger who recomputes every hash after the change still leaves the head (and exported dossiers) behind.
    const { entryHash } = await import('../../../src/core/archive/custody-ledger');
    let prev = '0'.repeat(64);
    const forged = lines.map((line, seq) => {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      const entry = { seq, at: parsed.at as string, event: parsed.event as 'first-seen', file: parsed.file as string, sha256: seq === 1 ? A : (parsed.sha256 as string | null), prev };
      const hash = entryHash(entry);
      prev = hash;
      return JSON.stringify({ ...entry, hash });
    });
    await writeFile(file, `${forged.join('\n')}\n`);
    expect((await CustodyLedger.open(dir)).check()).toMatchObject({ state: 'broken', problem: expect.stringMatching(/rewritten/) });
  });

  it('detects a ledger cut short, or deleted, from its head', async () => {
    const dir = await tempDir();
    await ledgerWith(dir);
    const file = path.join(dir, LEDGER_FILE);
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    await writeFile(file, `${lines.slice(0, 2).join('\n')}\n`);
    expect((await CustodyLedger.open(dir)).check()).toMatchObject({ state: 'broken', problem: expect.stringMatching(/cut short/) });
    await writeFile(file, '');
    expect((await CustodyLedger.open(dir)).check()).toMatchObject({ state: 'broken', problem: expect.stringMatching(/gone/) });
  });

  it('never builds on a broken ledger: the fault stays visible', async () => {
    const dir = await tempDir();
    await ledgerWith(dir);
    const file = path.join(dir, LEDGER_FILE);
    const damaged = (await readFile(file, 'utf8')).replace('"one.txt"', '"One.txt"');
    await writeFile(file, damaged);
    const ledger = await CustodyLedger.open(dir, clock());
    await ledger.record([{ file: 'three.txt', sha256: A }]);
    expect(await readFile(file, 'utf8')).toBe(damaged);
    expect(ledger.check().state).toBe('broken');
  });

  it('sets aside an entry half-written by a crash and goes on from the last whole one', async () => {
    const dir = await tempDir();
    await ledgerWith(dir);
    const file = path.join(dir, LEDGER_FILE);
    await appendFile(file, '{"seq":4,"at":"2026-01-0');
    const ledger = await CustodyLedger.open(dir, clock());
    expect(ledger.check().state).toBe('ok');
    await ledger.record([{ file: 'one.txt', sha256: A }]);
    const { entries, check } = readLedger(await readFile(file, 'utf8'));
    expect(check.state).toBe('ok');
    expect(entries.at(-1)).toMatchObject({ seq: 4, event: 'changed', file: 'one.txt', sha256: A });
    expect(await readFile(`${file}.unfinished`, 'utf8')).toBe('{"seq":4,"at":"2026-01-0');
  });

  it('keeps one chain when two ledgers on the same folder append in turn', async () => {
    const dir = await tempDir();
    const first = await CustodyLedger.open(dir, clock());
    const second = await CustodyLedger.open(dir, clock());
    await Promise.all([first.record([{ file: 'one.txt', sha256: A }]), second.record([{ file: 'one.txt', sha256: A }, { file: 'two.txt', sha256: B }])]);
    const { entries, check } = readLedger(await readFile(path.join(dir, LEDGER_FILE), 'utf8'));
    expect(check.state).toBe('ok');
    // Whichever came first, each file is first seen once.
    expect(entries.filter((e) => e.event === 'first-seen').map((e) => e.file).sort()).toEqual(['one.txt', 'two.txt']);
    expect(JSON.parse(await readFile(path.join(dir, LEDGER_HEAD_FILE), 'utf8'))).toEqual({ seq: entries.length - 1, hash: entries.at(-1)?.hash });
  });
});

describe('an archive keeps its custody ledger', () => {
  it('notes every file at first open, then each change and removal as the archive sees it', async () => {
    const bench = await makeBench(tempDir, { 'a.txt': 'Alpha\n\nThe first text.', 'b.txt': 'Beta\n\nThe second text.', 'notes.bin': '\u0000\u0001' });
    let ws = await bench.open();
    await ws.archiveVerified();
    await ws.close();
    ws = await bench.open();
    await ws.archiveVerified();
    expect((await ws.archive.ledgerCheck()).state).toBe('ok');
    const firstSeen = (await ws.archive.custody('a.txt')).firstSeen;
    expect(firstSeen).not.toBeNull();
    expect((await ws.archive.custody('a.txt')).events).toHaveLength(1); // a second open notes nothing new

    await bench.write('a.txt', 'Alpha\n\nThe first text, edited.');
    await ws.getDocument('a.txt'); // the reader reads the file again and sees the change
    await bench.remove('b.txt');
    await expect(ws.getDocument('b.txt')).rejects.toThrow(/no longer readable/);
    await ws.close();

    const { entries, check } = readLedger(await readFile(path.join(archiveDataDir(bench.dataDir, await realpath(bench.archiveDir)), LEDGER_FILE), 'utf8'));
    expect(check.state).toBe('ok');
    expect(entries.map((e) => [e.event, e.file])).toEqual([
      ['first-seen', 'a.txt'],
      ['first-seen', 'b.txt'],
      ['changed', 'a.txt'],
      ['removed', 'b.txt'],
    ]);
    expect(entries[0].at).toBe(firstSeen);
  });
});

describe('a dossier carries the custody of its sources', () => {
  it('names where the ledger ended and when each quoted source was first seen', async () => {
    const bench = await makeBench(tempDir, { 'a.txt': 'Alpha\n\nThe death toll stands at 227.' });
    const ws = await bench.open();
    await ws.annotations.annotateQuote({ docId: 'a.txt', quote: 'The death toll stands at 227.' });
    const exported = await ws.dossiers.export(null, 'json');
    const manifest = DossierManifest.parse(JSON.parse(new TextDecoder().decode(exported.bytes)));
    const { entries } = readLedger(await readFile(path.join(archiveDataDir(bench.dataDir, await realpath(bench.archiveDir)), LEDGER_FILE), 'utf8'));
    expect(manifest.custody).toEqual({
      ledger: { seq: entries.length - 1, hash: entries.at(-1)?.hash },
      sources: [{ docId: 'a.txt', firstSeen: entries.find((e) => e.file === 'a.txt')?.at }],
    });
    await ws.close();
  });
});

describe('the custody API method', () => {
  it('gives the ledger state and one file history', async () => {
    const bench = await makeBench(tempDir, { 'a.txt': 'Alpha\n\nText.' });
    const ws = await bench.open();
    await ws.archiveVerified();
    await ws.archive.custodyView();
    const result = await invokeApi(ws, 'custody', { id: 'a.txt' });
    expect(result).toMatchObject({ ok: true, value: { ledger: { state: 'ok', problem: null }, file: { firstSeen: expect.any(String), events: [{ event: 'first-seen' }] } } });
    expect(await invokeApi(ws, 'custody', { id: '../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    await ws.close();
  });
});
