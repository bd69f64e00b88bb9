import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { refusal, success } from '../helpers/cli-contract';
import { parseCsv } from '../helpers/csv';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-batch-cli-');
afterAll(temp.cleanup);

// Written for the test: a name in three spellings, a two-word name, and a line a spreadsheet would run.
const FILES: Record<string, string> = {
  'a.txt': 'Almaty protests\n\nPresident Tokayev spoke on television. Karim Masimov was detained the next day.\n',
  'b.txt': 'Итоги недели\n\nТокаев выступил с обращением. Токаев ввёл режим ЧП.\n',
  'c.txt': 'Wire report\n\nMr Tokaev met Karim Bekov; Masimov was not there.\n',
};

async function setUp(list: string, name = 'names.txt') {
  const dir = await temp.make();
  const archive = path.join(dir, 'archive');
  await mkdir(archive);
  for (const [file, text] of Object.entries(FILES)) await writeFile(path.join(archive, file), text);
  const queries = path.join(dir, name);
  await writeFile(queries, list);
  return { args: ['--archive', archive, '--data', path.join(dir, 'data'), '--queries', queries], queries };
}

describe('casefile batch', () => {
  it('--json gives each query its row, in the list’s order; a malformed line its error', async () => {
    const { args } = await setUp('\ufeffTokayev\r\nKarim Masimov\r\n\r\ntitle:\r\ntokayev\r\n');
    const rows = JSON.parse(success(await runCli(['batch', ...args, '--json', '--phrases']))) as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.query, r.lines, r.documents, r.error === undefined])).toEqual([
      ['Tokayev', [1, 5], 3, true],
      ['Karim Masimov', [2], 1, true],
      ['title:', [4], 0, false],
    ]);
    expect((rows[0].matchedAs as Array<{ text: string }>).map((m) => m.text).sort()).toEqual(['Tokaev', 'Токаев']);
  }, 60_000);

  it('--csv writes RFC 4180 with formulas defused; --column reads a CSV column by name or number', async () => {
    const { args } = await setUp('id;who\n1;"-Masimov"\n2;"Tokayev"\n', 'list.csv');
    const byName = success(await runCli(['batch', ...args, '--csv', '--column', 'Who']));
    expect(byName.startsWith('\ufefflines,query,documents,matches,matched as,first documents,first passage,error\r\n')).toBe(true);
    const records = parseCsv(byName.trimEnd());
    expect(records.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['2', "'-Masimov", '1'],
      ['3', 'Tokayev', '3'],
    ]);
    expect(success(await runCli(['batch', ...args, '--csv', '--column', '2']))).toBe(byName);
  }, 60_000);

  it('prints a readable summary without --json or --csv', async () => {
    const { args } = await setUp('Masimov\nnobody\n');
    const out = success(await runCli(['batch', ...args]));
    expect(out).toMatch(/^2 queries searched\n/);
    expect(out).toMatch(/line 1: Masimov — 2 documents, 2 matches\n {3}[ac]\.txt · (Wire report|Almaty protests)\n {6}… .*\[Masimov\]/);
    expect(out).toContain('   a.txt · Almaty protests\n');
    expect(out).toMatch(/line 2: nobody — 0 documents, 0 matches/);
  }, 60_000);

  it('refuses what it cannot do, with one line', async () => {
    const { args, queries } = await setUp('Tokayev\n');
    expect(refusal(await runCli(['batch', '--json']))).toMatch(/needs --queries FILE/);
    expect(refusal(await runCli(['batch', ...args, '--json', '--csv']))).toMatch(/one of --json and --csv/);
    expect(refusal(await runCli(['batch', ...args.slice(0, -1), `${queries}.missing`]))).toMatch(/cannot read the list of queries/);
    expect(refusal(await runCli(['batch', ...args, '--column', 'name']))).toMatch(/no column “name”; its columns are 1 Tokayev/);
    expect(refusal(await runCli(['batch', ...args, '--limit', '21']))).toMatch(/at most 20/);
  }, 60_000);
});
