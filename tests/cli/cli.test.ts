import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ARCHIVE_DIR, archiveFile, exactOccurrences, readArchiveFiles } from '../helpers/archive-files';
import { runCli, type CliRun } from '../helpers/cli';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-cli-');
afterAll(temp.cleanup);

const WORD = 'Zhanaozen';
const DOC_004 = archiveFile('004_').name;
const QUOTE = '“It’s unfathomable. I can’t understand. How is this possible?”';

/** A usage or user error: exit code 2 and exactly one line on stderr, starting with "error:", no stack. */
function expectUserError(run: CliRun): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr.startsWith('error:')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toContain('    at ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

describe.concurrent('casefile CLI', () => {
  it(`search ${WORD} --json prints {query,total,hits[{id,title,score,snippets[{text,matches}]}]} with the articles that contain it`, async () => {
    const run = await runCli(['search', WORD, '--json', '--data', await temp.make()]);
    expect(run.code, run.stderr).toBe(0);
    const result: unknown = JSON.parse(run.stdout);
    if (!isRecord(result)) throw new Error('not an object');
    const expected = readArchiveFiles().filter((f) => f.raw.includes(WORD)).map((f) => f.name);
    expect(result.query).toBe(WORD);
    expect(result.total).toBe(expected.length);
    expect(Array.isArray(result.hits)).toBe(true);
    const hits = result.hits as unknown[];
    expect(hits.map((h) => (isRecord(h) ? h.id : undefined)).sort()).toEqual(expected.sort());
    for (const hit of hits) {
      if (!isRecord(hit)) throw new Error('hit is not an object');
      expect(typeof hit.id).toBe('string');
      expect(typeof hit.title).toBe('string');
      expect(typeof hit.score).toBe('number');
      expect(Array.isArray(hit.snippets)).toBe(true);
      for (const snippet of hit.snippets as unknown[]) {
        if (!isRecord(snippet)) throw new Error('snippet is not an object');
        expect(typeof snippet.text).toBe('string');
        expect(Array.isArray(snippet.matches)).toBe(true);
        for (const match of snippet.matches as unknown[]) {
          expect(Array.isArray(match) && match.length === 2).toBe(true);
          const [s, e] = match as [number, number];
          expect((snippet.text as string).slice(s, e)).toBe(WORD);
        }
      }
    }
  });

  it(`search ${WORD} prints a readable list with the matches marked`, async () => {
    const run = await runCli(['search', WORD, '--data', await temp.make()]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`3 documents match "${WORD}"`);
    expect(run.stdout).toContain(`[${WORD}]`);
  });

  it('search with a malformed query exits 2 with one error line', async () => {
    expectUserError(await runCli(['search', 'title:', '--data', await temp.make()]));
  });

  it('search without a query exits 2 with one error line', async () => {
    expectUserError(await runCli(['search', '--data', await temp.make()]));
  });

  it('an unknown option exits 2 with one error line and no stack trace', async () => {
    const run = await runCli(['search', WORD, '--bogus', '--data', await temp.make()]);
    expectUserError(run);
    expect(run.stderr).toContain('--bogus');
  });

  it('an unknown command exits 2 with one error line', async () => {
    expectUserError(await runCli(['frobnicate', '--data', await temp.make()]));
  });

  it('annotate with a quote that is not in the document exits 2 with one error line', async () => {
    const data = await temp.make();
    const run = await runCli(['annotate', '--doc', DOC_004, '--quote', 'words that no article contains', '--data', data]);
    expectUserError(run);
    const list = await runCli(['annotations', '--json', '--data', data]);
    expect(JSON.parse(list.stdout)).toEqual([]);
  });

  it('annotate with an ambiguous quote exits 2 with one error line naming --occurrence', async () => {
    const doc003 = archiveFile('003_');
    expect(exactOccurrences(doc003.raw, WORD).length).toBeGreaterThan(1);
    const run = await runCli(['annotate', '--doc', doc003.name, '--quote', WORD, '--data', await temp.make()]);
    expectUserError(run);
    expect(run.stderr).toContain('--occurrence');
  });

  it('annotate with an unknown colour or a bad --occurrence exits 2 with one error line', async () => {
    const data = await temp.make();
    expectUserError(await runCli(['annotate', '--doc', DOC_004, '--quote', QUOTE, '--color', 'purple', '--data', data]));
    expectUserError(await runCli(['annotate', '--doc', DOC_004, '--quote', QUOTE, '--occurrence', 'two', '--data', data]));
  });

  it('annotations --json lists what annotate stored, with id, doc, quote, start, end, status, note, tags, color', async () => {
    const data = await temp.make();
    const made = await runCli(
      ['annotate', '--doc', DOC_004, '--quote', QUOTE, '--note', 'disbelief', '--tags', 'witness, Almaty', '--color', 'green', '--json', '--data', data],
    );
    expect(made.code, made.stderr).toBe(0);
    const created: unknown = JSON.parse(made.stdout);
    if (!isRecord(created)) throw new Error('annotate --json did not print an object');

    const run = await runCli(['annotations', '--json', '--data', data]);
    expect(run.code, run.stderr).toBe(0);
    const rows: unknown = JSON.parse(run.stdout);
    expect(Array.isArray(rows)).toBe(true);
    const [row] = rows as unknown[];
    expect((rows as unknown[]).length).toBe(1);
    const text = archiveFile('004_').raw.normalize('NFC');
    const start = text.indexOf(QUOTE);
    expect(row).toEqual(
      expect.objectContaining({
        id: created.id,
        doc: DOC_004,
        quote: QUOTE,
        start,
        end: start + QUOTE.length,
        status: 'anchored',
        note: 'disbelief',
        tags: ['witness', 'Almaty'],
        color: 'green',
      }),
    );
    expect(typeof created.id).toBe('string');
  });

  it('export --out writes a PDF', async () => {
    const data = await temp.make();
    const made = await runCli(['annotate', '--doc', DOC_004, '--quote', QUOTE, '--data', data]);
    expect(made.code, made.stderr).toBe(0);
    const out = path.join(data, 'dossier.pdf');
    const run = await runCli(['export', '--out', out, '--title', 'Test dossier', '--data', data]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(out);
    const pdf = await readFile(out);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(run.stdout).toContain(`(${pdf.byteLength} bytes)`);
  });

  it('export without --out exits 2 with one error line', async () => {
    expectUserError(await runCli(['export', '--data', await temp.make()]));
  });

  it('search --json gives each hit matchedVariants and the result the query terms with counts', async () => {
    const run = await runCli(['search', 'Kassym-Jomart', '--json', '--data', await temp.make()]);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as {
      hits: Array<{ id: string; exact: boolean; matchedVariants: string[] }>;
      terms: Array<{ term: string; occurrences: number; documents: number; variants: Array<{ text: string; occurrences: number }> }>;
    };
    const kasym = readArchiveFiles().filter((f) => f.raw.includes('Kasym-Zhomart') && !f.raw.includes('Kassym-Jomart'));
    expect(kasym.length).toBeGreaterThan(0);
    for (const file of kasym) {
      const hit = result.hits.find((h) => h.id === file.name);
      expect(hit?.matchedVariants).toContain('Kasym-Zhomart');
      expect(hit?.exact).toBe(false);
    }
    for (const hit of result.hits) expect(Array.isArray(hit.matchedVariants)).toBe(true);
    expect(result.terms).toHaveLength(1);
    expect(result.terms[0]).toMatchObject({ term: 'Kassym-Jomart', documents: result.hits.length });
    expect(result.terms[0].variants.map((v) => v.text)).toContain('Kasym-Zhomart');
  });

  it('search --exact turns name variants and near spellings off', async () => {
    const data = await temp.make();
    const exact = JSON.parse((await runCli(['search', 'Tokajev', '--exact', '--json', '--data', data])).stdout) as {
      hits: Array<{ id: string; matchedVariants: string[] }>;
    };
    const withTokajev = readArchiveFiles().filter((f) => /\bTokajev\b/.test(f.raw)).map((f) => f.name);
    expect(exact.hits.map((h) => h.id).sort()).toEqual(withTokajev.sort());
    for (const hit of exact.hits) expect(hit.matchedVariants).toEqual([]);
    const loose = JSON.parse((await runCli(['search', 'Tokajev', '--json', '--data', data])).stdout) as { total: number };
    expect(loose.total).toBeGreaterThan(exact.hits.length);
  });

  it.each([
    ['foo:bar', /unknown field 'foo' — fields are title, body, byline \(at column 1\)/],
    ['Tokayev "shoot without', /never closed.*\(at column 9\)/],
    ['~', /'~' must follow a word/],
    ['   ', /the query is empty/],
  ])('search %j exits 2 with a one-line error saying what is wrong and where', async (query, message) => {
    const run = await runCli(['search', query, '--data', await temp.make()]);
    expectUserError(run);
    expect(run.stderr).toMatch(message);
  });

  it('search takes a query that starts with a dash (-word: documents without it)', async () => {
    const run = await runCli(['search', '-Tokayev', '--json', '--data', await temp.make()]);
    expect(run.code, run.stderr).toBe(0);
    const without = readArchiveFiles().filter((f) => !/Tokayev/i.test(f.raw)).map((f) => f.name);
    expect((JSON.parse(run.stdout) as { hits: Array<{ id: string }> }).hits.map((h) => h.id).sort()).toEqual(without.sort());
    // After an option that takes a value, the dash word is still the query, not that value.
    const limited = await runCli(['search', '--sort', 'newest', '-Tokayev', '--json', '--data', await temp.make()]);
    expect(limited.code, limited.stderr).toBe(0);
    expect((JSON.parse(limited.stdout) as { total: number }).total).toBe(without.length);
  });

  it('index --report --json lists every file as {file,status,reason,format,encoding,sha256}', async () => {
    const archive = await temp.make();
    await cp(ARCHIVE_DIR, archive, { recursive: true });
    await writeFile(path.join(archive, 'binary.txt'), Buffer.from([0, 1, 2, 3]));
    const run = await runCli(['index', '--report', '--json', '--archive', archive, '--data', await temp.make()]);
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['encoding', 'file', 'format', 'reason', 'sha256', 'status']);
    expect(rows.filter((r) => r.status === 'indexed').map((r) => r.file)).toEqual(readArchiveFiles().map((f) => f.name));
    expect(rows.find((r) => r.file === 'binary.txt')).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/binary/) });
  });

  it('search --sort takes relevance, newest or oldest, and refuses anything else', async () => {
    const data = await temp.make();
    expect((await runCli(['search', 'Kazakhstan', '--sort', 'newest', '--data', data])).code).toBe(0);
    expectUserError(await runCli(['search', 'Kazakhstan', '--sort', 'sideways', '--data', data]));
    expectUserError(await runCli(['search', 'Kazakhstan', '--from', 'yesterday', '--data', data]));
  });
});
