import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempDirsPerTest } from '../helpers/workstation';

const temp = tempDirsPerTest('casefile-cli-names-');

describe('index --report', () => {
  it('writes out bidirectional overrides and control characters in file names instead of obeying them', async () => {
    const archive = await temp.make();
    await writeFile(path.join(archive, 'invoice\u202Efdp.txt'), 'Invoice\n\nThe amount is due in March.');
    await writeFile(path.join(archive, 'tab\there.txt'), 'Tab\n\nA name with a tab.');
    const run = await runCli(['index', '--report', '--archive', archive, '--data', await temp.make()]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^indexed +invoice\[U\+202E\]fdp\.txt/m);
    expect(run.stdout).toMatch(/^skipped +tab\[U\+0009\]here\.txt .*rename it/m);
    expect(run.stdout).not.toMatch(/[\u202A-\u202E\u2066-\u2069\t]/);
  }, 60_000);
});
