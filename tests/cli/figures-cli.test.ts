import { afterAll, describe, expect, it } from 'vitest';
import { readArchiveFiles } from '../helpers/archive-files';
import { runCli } from '../helpers/cli';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-figures-cli-');
afterAll(temp.cleanup);

interface ClaimJson {
  value: number;
  text: string;
  doc: string;
  start: number;
  end: number;
  date: string | null;
}
interface MeasureJson {
  measure: string;
  claims: ClaimJson[];
  conflict: boolean;
}

/** The archive's documents' texts as Casefile reads them (line endings unified, NFC), by file name. */
const TEXTS = new Map(readArchiveFiles().map((f) => [f.name, f.raw.replace(/\r\n?/gu, '\n').normalize('NFC')]));

async function figuresJson(args: string[] = []): Promise<MeasureJson[]> {
  const run = await runCli(['figures', '--json', ...args, '--data', await temp.make()]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as MeasureJson[];
}

describe('casefile figures', () => {
  it('--json lists each measure with its claims and whether they disagree; offsets slice the document to the claim', async () => {
    const groups = await figuresJson();
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) {
      expect(Object.keys(group).sort()).toEqual(['claims', 'conflict', 'measure']);
      expect(typeof group.measure).toBe('string');
      expect(typeof group.conflict).toBe('boolean');
      for (const claim of group.claims) {
        expect(Object.keys(claim).sort()).toEqual(['date', 'doc', 'end', 'high', 'measure', 'qualifier', 'sentence', 'start', 'text', 'value']);
        expect(typeof claim.value).toBe('number');
        expect(claim.date === null || /^\d{4}-\d{2}-\d{2}$/u.test(claim.date)).toBe(true);
        const text = TEXTS.get(claim.doc);
        expect(text, claim.doc).toBeDefined();
        expect(text?.slice(claim.start, claim.end)).toBe(claim.text);
      }
    }
  });

  it('finds the bundled archive disagreeing on deaths (164 and 227) and on detentions (8,000, 9,900, 16,000)', async () => {
    const groups = await figuresJson();
    const deaths = groups.find((g) => g.measure === 'deaths');
    const detentions = groups.find((g) => g.measure === 'detentions');
    expect(deaths?.claims.map((c) => c.value)).toEqual(expect.arrayContaining([164, 227]));
    expect(deaths?.conflict).toBe(true);
    expect(detentions?.claims.map((c) => c.value)).toEqual(expect.arrayContaining([8000, 9900, 16000]));
    expect(detentions?.conflict).toBe(true);
    const died = deaths?.claims.find((c) => c.value === 164);
    expect(died?.text).toBe('164 persons died');
  });

  it('--measure keeps one measure; an unknown one is a usage error naming the measures', async () => {
    const groups = await figuresJson(['--measure', 'detentions']);
    expect(groups.map((g) => g.measure)).toEqual(['detentions']);
    const run = await runCli(['figures', '--measure', 'weather', '--data', await temp.make()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: .*deaths, detentions/u);
  });

  it('prints one block per measure in plain text, conflicts marked', async () => {
    const run = await runCli(['figures', '--data', await temp.make()]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^deaths — sources disagree$/mu);
    expect(run.stdout).toMatch(/^ {2}164 .*164 persons died/mu);
    expect(run.stdout).toMatch(/^ {2}about 16,000 .*004_caba11c37ce94665\.txt/mu);
  });
});
