import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { ARCHIVE_DIR, REPO_ROOT } from '../helpers/archive-files';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-web-link-');
const ID = '3f2b8c1e-5a4d-4e6f-9b7a-0c1d2e3f4a5b';
let child: ChildProcessWithoutNullStreams | null = null;

afterEach(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  child = null;
  await temp.cleanup();
});

/** Starts `npm run web`'s program with `args`; its first line on stdout, or its exit code and stderr if it stops first. */
async function start(args: string[]): Promise<{ line: string | null; code: number | null; stderr: string }> {
  const data = await temp.make();
  const started = spawn(process.execPath, ['--import', 'tsx', 'src/web/main.ts', '--port', '0', '--data', data, '--archive', ARCHIVE_DIR, ...args], { cwd: REPO_ROOT });
  child = started;
  let stderr = '';
  started.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const firstLine = new Promise<string>((resolve) => createInterface({ input: started.stdout }).once('line', resolve));
  const exited = once(started, 'exit').then(([code]) => code as number);
  const first = await Promise.race([firstLine.then((line) => ({ line })), exited.then((code) => ({ code }))]);
  return 'line' in first ? { line: first.line, code: null, stderr } : { line: null, code: first.code, stderr };
}

describe('the web shell started with a link to an annotation', () => {
  it('prints its URL with the route to the annotation', async () => {
    const { line } = await start([`casefile://annotation/${ID}`]);
    expect(line).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/\\?token=[\\w-]+#/annotation/${ID}$`));
  }, 60_000);

  it('refuses any other argument, as before', async () => {
    const { line, code, stderr } = await start(['casefile://annotation/not-an-id']);
    expect([line, code]).toEqual([null, 2]);
    expect(stderr).toContain('unexpected argument');
  }, 60_000);
});
