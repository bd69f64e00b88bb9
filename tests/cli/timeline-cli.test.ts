import { afterAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/core/archive/archive';
import { ARCHIVE_DIR } from '../helpers/archive-files';
import { runCli } from '../helpers/cli';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-timeline-cli-');
afterAll(temp.cleanup);

const FIELDS = ['basis', 'date', 'doc', 'end', 'kind', 'precision', 'start', 'text'];
const PRECISIONS = ['day', 'week', 'month', 'year'];
const DATE_AT = { day: /^\d{4}-\d{2}-\d{2}$/, week: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ };

describe('casefile timeline', () => {
  it('--json prints [{date,precision,text,doc,start,end,…}] in date order, each slicing its document to its words', async () => {
    const run = await runCli(['timeline', '--json', '--data', await temp.make()]);
    expect(run.code, run.stderr).toBe(0);
    const entries = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(Array.isArray(entries)).toBe(true);
    expect(entries.length).toBeGreaterThan(20);
    const texts = new Map((await loadArchive(ARCHIVE_DIR)).documents.map((d) => [d.id, d.text]));
    for (const e of entries) {
      expect(Object.keys(e).sort()).toEqual(FIELDS);
      expect(PRECISIONS).toContain(e.precision);
      expect(e.date).toMatch(DATE_AT[e.precision as keyof typeof DATE_AT]);
      expect(typeof e.start).toBe('number');
      expect(texts.get(e.doc as string)?.slice(e.start as number, e.end as number)).toBe(e.text);
    }
    const dates = entries.map((e) => e.date as string);
    expect(dates).toEqual([...dates].sort());
    expect(entries).toContainEqual(expect.objectContaining({ text: 'January 2', date: '2022-01-02', precision: 'day' }));
  }, 60_000);

  it('prints one line per date without --json, and refuses a positional argument', async () => {
    const data = await temp.make();
    const run = await runCli(['timeline', '--data', data]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^2022-01-02 +day.*“January 2”/m);
    const wrong = await runCli(['timeline', 'x', '--data', data]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^error: timeline takes no positional arguments/);
  }, 60_000);
});
