/**
 * Two Casefile processes on one data folder, as users run them: the web shell (this process,
 * following the data folder as the app does) and another process making annotations meanwhile (a
 * loop in a child process, and the real CLI). Every acknowledged annotation must be on disk, and
 * the shell must show the other process's annotations without being restarted.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveSession } from '../../src/core/session';
import { Workstation } from '../../src/core/workstation';
import { startWebShell, type WebShell } from '../../src/web/server';
import { ARCHIVE_DIR, REPO_ROOT } from '../helpers/archive-files';
import { spawnCli } from '../helpers/cli';
import { rawRequest } from '../helpers/http';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-two-processes-');
const CHILD = fileURLToPath(new URL('../helpers/annotate-loop-child.ts', import.meta.url));
const WRITES = 100;
const CHILD_DOC = '000_d2eb1496df625781.txt';
const SHELL_DOC = '001_f765530c45934157.txt';

let dataDir: string;
let session: ArchiveSession;
let shell: WebShell;

beforeAll(async () => {
  const base = await temp.make();
  dataDir = path.join(base, 'data');
  const rendererDir = path.join(base, 'renderer');
  await mkdir(rendererDir);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>test</title>');
  session = await ArchiveSession.open({ archiveDir: ARCHIVE_DIR, dataDir, watch: true });
  shell = await startWebShell({ workstation: session, rendererDir });
});

afterAll(async () => {
  await shell.close();
  await session.close();
  await temp.cleanup();
});

async function api<T>(method: string, args: unknown): Promise<T> {
  const response = await rawRequest({
    port: shell.port,
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', 'x-casefile-token': shell.token },
    body: JSON.stringify(args),
  });
  const answer = JSON.parse(response.body) as { ok: boolean; value?: T; error?: { message: string } };
  if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
  return answer.value as T;
}

async function shellLists(): Promise<Set<string>> {
  return new Set((await api<Array<{ id: string }>>('listAnnotations', {})).map((a) => a.id));
}

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never happened: ${what}`);
}

describe('the web shell and another process on one data folder', () => {
  it('keeps all 200 acknowledged annotations of 100 writes each, interleaved, and the shell shows them', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ARCHIVE_DIR, dataDir, CHILD_DOC, String(WRITES)], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const childAcks: string[] = [];
    let stderr = '';
    let buffered = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const firstAck = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) if (line.startsWith('ack ')) childAcks.push(line.slice(4));
        if (childAcks.length > 0) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await Promise.race([firstAck, exited]);
    expect(stderr).toBe('');

    const revisionBefore = await api<{ data: number }>('dataRevision', {});
    const childAcksWhenShellStarted = childAcks.length;
    const shellAcks: string[] = [];
    for (let i = 0; i < WRITES; i++) {
      const start = (i * 41) % 2000;
      shellAcks.push((await api<{ id: string }>('createAnnotation', { docId: SHELL_DOC, start, end: start + 10, note: `shell ${i}` })).id);
    }
    const childAcksWhenShellEnded = childAcks.length;
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    expect(childAcks).toHaveLength(WRITES);
    // The two really wrote at the same time: the child was still writing when the shell began.
    expect(childAcksWhenShellStarted).toBeLessThan(WRITES);
    expect(childAcksWhenShellEnded).toBeGreaterThan(childAcksWhenShellStarted);

    const acknowledged = [...shellAcks, ...childAcks];
    const fresh = await Workstation.open({ archiveDir: ARCHIVE_DIR, dataDir });
    try {
      const onDisk = new Set(fresh.annotations.list().map((a) => a.id));
      expect(acknowledged.filter((id) => !onDisk.has(id))).toEqual([]);
      expect(onDisk.size).toBe(2 * WRITES);
    } finally {
      await fresh.close();
    }
    // The shell follows the data folder: it lists the child's annotations without a restart.
    await eventually(async () => (await shellLists()).size === 2 * WRITES, 'the shell lists every annotation');
    expect((await api<{ data: number }>('dataRevision', {})).data).toBeGreaterThan(revisionBefore.data);
  });

  it('keeps an annotation the CLI made while the shell runs through the shell’s next save', async () => {
    const quote = 'Zhanaozen';
    const doc = '002_06b90974a18acc89.txt';
    const cli = await spawnCli(['annotate', '--doc', doc, '--quote', quote, '--occurrence', '1', '--note', 'from the CLI', '--archive', ARCHIVE_DIR, '--data', dataDir], {
      timeoutMs: 60_000,
    });
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const cliId = /: ([0-9a-f-]{36})$/m.exec(cli.stdout)?.[1] ?? '';
    expect(cliId).not.toBe('');
    // The shell saves next, from its own memory.
    await api('createAnnotation', { docId: SHELL_DOC, start: 5, end: 15, note: 'shell after the CLI' });
    const fresh = await Workstation.open({ archiveDir: ARCHIVE_DIR, dataDir });
    try {
      expect(fresh.annotations.list().find((a) => a.id === cliId)?.note).toBe('from the CLI');
    } finally {
      await fresh.close();
    }
    await eventually(async () => (await shellLists()).has(cliId), 'the shell lists the CLI’s annotation');
  });
});
