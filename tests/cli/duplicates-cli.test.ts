import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ARCHIVE_DIR } from '../helpers/archive-files';
import { runCli } from '../helpers/cli';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-duplicates-cli-');
afterAll(temp.cleanup);

const ORIGINAL = '003_39bcaa47380087dc.txt';

/** The bundled archive plus two reprints of one article: one verbatim under another name, one lightly edited. */
async function archiveWithReprints(): Promise<string> {
  const dir = await temp.make();
  await cp(ARCHIVE_DIR, dir, { recursive: true });
  const text = await readFile(path.join(dir, ORIGINAL), 'utf8');
  await writeFile(path.join(dir, 'reprint-verbatim.txt'), text);
  await writeFile(path.join(dir, 'reprint-edited.txt'), text.replace('security forces', 'police').replace(/Almaty/u, 'Almaty, the largest city,'));
  return dir;
}

async function run(args: string[]): Promise<string> {
  const result = await runCli([...args, '--data', await temp.make()]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

describe('casefile duplicates and compare', () => {
  it('duplicates --json groups the reprints with their original, earliest first, each with its share of text in common', async () => {
    const archive = await archiveWithReprints();
    const groups = JSON.parse(await run(['duplicates', '--json', '--archive', archive])) as Array<Array<{ id: string; similarity: number; date: string | null }>>;
    expect(groups).toHaveLength(1);
    expect(groups[0].map((d) => d.id)).toEqual([ORIGINAL, 'reprint-edited.txt', 'reprint-verbatim.txt']);
    expect(groups[0][0].similarity).toBe(1);
    expect(groups[0].find((d) => d.id === 'reprint-verbatim.txt')?.similarity).toBe(1);
    const edited = groups[0].find((d) => d.id === 'reprint-edited.txt')!.similarity;
    expect(edited).toBeGreaterThan(0.9);
    expect(edited).toBeLessThan(1);
  });

  it('duplicates on the bundled archive finds none, and says so', async () => {
    expect(await run(['duplicates'])).toBe('no near-duplicate documents in the archive\n');
  });

  it('duplicates --of lists one document’s copies; an unknown id is refused', async () => {
    const archive = await archiveWithReprints();
    const out = await run(['duplicates', '--of', 'reprint-edited.txt', '--archive', archive]);
    expect(out.trim().split('\n')).toEqual([expect.stringMatching(/^\d+% {2}003_39bcaa47380087dc\.txt /u), expect.stringMatching(/^\d+% {2}reprint-verbatim\.txt /u)]);
    const refused = await runCli(['duplicates', '--of', 'nope.txt', '--archive', archive, '--data', await temp.make()]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('no document with id "nope.txt"');
  });

  it('compare marks the words only one text has, as wdiff does', async () => {
    const archive = await archiveWithReprints();
    const out = await run(['compare', ORIGINAL, 'reprint-edited.txt', '--archive', archive]);
    expect(out).toContain('[-security forces-]{+police+} to fire');
    expect(out).toContain('[-Almaty-]{+Almaty, the largest city,+}.');
    const json = JSON.parse(await run(['compare', ORIGINAL, 'reprint-edited.txt', '--json', '--archive', archive])) as { parts: Array<{ kind: string }> };
    expect(json.parts.filter((p) => p.kind !== 'same').map((p) => p.kind)).toEqual(['removed', 'added', 'removed', 'added']);
  });
});
