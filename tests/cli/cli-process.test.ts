/**
 * The CLI as a real process (node with tsx on src/cli/main.ts): what only a process shows — the
 * exit code set by the entry, one error line on stderr, a closed pipe, a memory limit. The commands'
 * behaviour is tested in-process in cli.test.ts and annotations-cli.test.ts.
 */
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_ENTRY, spawnCli } from '../helpers/cli';
import { REPO_ROOT } from '../helpers/archive-files';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-cli-process-');
afterAll(temp.cleanup);

// Each run starts node with tsx and indexes the seed archive: seconds alone, far more on a busy machine.
describe('casefile as a process', { timeout: 120_000 }, () => {
  it('exits 0 with the JSON answer on stdout, and 2 with one error line for a refused query', async () => {
    const data = await temp.make();
    const found = await spawnCli(['search', 'Zhanaozen', '--json', '--data', data]);
    expect({ code: found.code, stderr: found.stderr }).toEqual({ code: 0, stderr: '' });
    expect((JSON.parse(found.stdout) as { total: number }).total).toBeGreaterThan(0);
    const refused = await spawnCli(['search', 'foo:bar', '--data', data]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^error: [^\n]*unknown field 'foo'[^\n]*\n$/u);
  });

  it('a fuzzy query with a huge edit distance is answered or refused, not allowed to exhaust memory', async () => {
    // lunr expands "word~N" into every string within N edits; N must be bounded before that happens.
    const run = await spawnCli(['search', 'zhanaozen~12', '--json', '--data', await temp.make()], { nodeOptions: ['--max-old-space-size=256'], timeoutMs: 100_000 });
    expect(run.timedOut).toBe(false);
    expect(run.signal).toBeNull();
    expect([0, 2]).toContain(run.code);
    expect(run.stderr).not.toContain('heap');
  });

  it('ends quietly when the reader of its output goes away (search … | head -1)', async () => {
    const data = await temp.make();
    const child = spawn(process.execPath, ['--import', 'tsx', CLI_ENTRY, 'search', 'Kazakhstan', '--data', data], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
