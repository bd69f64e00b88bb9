import { afterAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/core/archive/archive';
import { ARCHIVE_DIR } from '../helpers/archive-files';
import { runCli } from '../helpers/cli';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-undated-cli-');
afterAll(temp.cleanup);

describe('search with a date range on the bundled archive', () => {
  it('says how many undated documents the range left out, and --include-undated keeps them', async () => {
    const docs = (await loadArchive(ARCHIVE_DIR)).documents.filter((d) => d.text.includes('Tokayev'));
    const undated = docs.filter((d) => !d.date);
    expect(undated.length).toBeGreaterThan(0);
    const data = await temp.make();
    const left = await runCli(['search', 'Tokayev', '--from', '2022-01-20', '--json', '--data', data]);
    expect(left.code, left.stderr).toBe(0);
    const leftResult = JSON.parse(left.stdout) as { total: number; undated: number; hits: Array<{ id: string }> };
    expect(leftResult.undated).toBe(undated.length);
    expect(leftResult.hits.map((h) => h.id)).not.toContain(undated[0].id);
    const plain = await runCli(['search', 'Tokayev', '--from', '2022-01-20', '--data', data]);
    expect(plain.stdout).toContain(`${undated.length} undated`);
    const kept = await runCli(['search', 'Tokayev', '--from', '2022-01-20', '--include-undated', '--json', '--data', data]);
    const keptResult = JSON.parse(kept.stdout) as { total: number; hits: Array<{ id: string }> };
    expect(keptResult.total).toBe(leftResult.total + undated.length);
    expect(keptResult.hits.map((h) => h.id)).toEqual(expect.arrayContaining(undated.map((d) => d.id)));
  }, 60_000);
});
