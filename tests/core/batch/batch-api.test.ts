import { describe, expect, it } from 'vitest';
import type { BatchStatus } from '../../../src/core/api/types';
import { parseCsv } from '../../helpers/csv';
import { apiError, callApi, makeBench, tempDirsPerTest } from '../../helpers/workstation';

const temp = tempDirsPerTest('casefile-batch-api-');

// Written for the test: one name in three spellings, a two-word name, a passage a spreadsheet would run.
const FILES = {
  'a.txt': 'Almaty protests\n\nPresident Tokayev spoke on television. Karim Masimov was detained the next day.\n',
  'b.txt': 'Итоги недели\n\nТокаев выступил с обращением. Токаев ввёл режим ЧП.\n',
  'c.txt': 'Wire report\n\nMr Tokaev met Karim Bekov; Masimov was not there.\n',
  'd.txt': '=HYPERLINK("http://example.com")\n\n=HYPERLINK("http://example.com") said Tokayev in a message.\n',
};

async function openBench() {
  const bench = await makeBench(() => temp.make(), FILES);
  return bench.open();
}

async function finished(ws: Awaited<ReturnType<typeof openBench>>, id: string): Promise<BatchStatus> {
  for (;;) {
    const status = await callApi(ws, 'batchSearchStatus', { id });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('batch search through the API', () => {
  it('gives each query of the list its documents, matches, other spellings and first passages, in the list’s order', async () => {
    const ws = await openBench();
    const rows = await callApi(ws, 'batchSearch', { text: 'Tokayev\nKarim Masimov\ntitle:\nnobody-at-all\ntokayev\n', phrases: true });
    expect(rows.map((r) => [r.query, r.lines, r.searched])).toEqual([
      ['Tokayev', [1, 5], 'Tokayev'],
      ['Karim Masimov', [2], '"Karim Masimov"'],
      ['title:', [3], 'title:'],
      ['nobody-at-all', [4], 'nobody-at-all'],
    ]);
    const [tokayev, masimov, malformed, nobody] = rows;
    // The counts are those the search API gives for the same query.
    const searched = await callApi(ws, 'search', { query: 'Tokayev' });
    expect(tokayev.documents).toBe(searched.total);
    expect(tokayev.documents).toBe(4);
    expect(tokayev.matches).toBe(searched.terms[0].occurrences);
    expect(tokayev.matchedAs.map((m) => m.text).sort()).toEqual(['Tokaev', 'Токаев']);
    expect(tokayev.matchedAs.find((m) => m.text === 'Токаев')?.occurrences).toBe(2);
    expect(tokayev.top).toHaveLength(3);
    expect(tokayev.top.map((d) => d.id)).toEqual(searched.hits.slice(0, 3).map((h) => h.id));
    for (const d of tokayev.top) expect(d.snippet?.text).toMatch(/Tokayev|Tokaev|Токаев/);

    expect([masimov.documents, masimov.top[0]?.id]).toEqual([1, 'a.txt']);
    expect(malformed.error?.message).toMatch(/nothing after 'title:'/);
    expect(malformed.error?.span).toBeDefined();
    expect(malformed.error?.messageCode?.key).toBe('query.nothingAfterField');
    expect([nobody.documents, nobody.matches, nobody.top, nobody.error]).toEqual([0, 0, [], undefined]);
  });

  it('searches a name of several words as any of its words unless each line is a phrase', async () => {
    const ws = await openBench();
    const [anyWord] = await callApi(ws, 'batchSearch', { text: 'Karim Masimov' });
    const [phrase] = await callApi(ws, 'batchSearch', { text: 'Karim Masimov', phrases: true });
    expect([anyWord.documents, phrase.documents]).toEqual([2, 1]);
    // A line in the query language is searched as written.
    const [excluded] = await callApi(ws, 'batchSearch', { text: 'Masimov -detained', phrases: true });
    expect(excluded.top.map((d) => d.id)).toEqual(['c.txt']);
  });

  it('applies the search’s filters to every query, and reads a CSV column', async () => {
    const ws = await openBench();
    const rows = await callApi(ws, 'batchSearch', { text: 'who,n\nTokayev,1\nMasimov,2\n', column: 'who', source: 'nobody' });
    expect(rows.map((r) => [r.query, r.lines, r.documents])).toEqual([
      ['Tokayev', [2], 0],
      ['Masimov', [3], 0],
    ]);
    expect((await apiError(ws, 'batchSearch', { text: 'who\nTokayev', column: 'name' })).message).toMatch(/no column “name”/);
  });

  it('runs a started batch on its own: polled for its rows, stopped with the rows done kept', async () => {
    const ws = await openBench();
    const text = Array.from({ length: 300 }, (_, i) => `Tokayev ${i}`).join('\n');
    const started = await callApi(ws, 'startBatchSearch', { text });
    expect([started.state, started.total]).toEqual(['running', 300]);
    await callApi(ws, 'cancelBatchSearch', { id: started.id });
    const stopped = await finished(ws, started.id);
    expect(stopped.state).toBe('cancelled');
    expect(stopped.done).toBeLessThan(300);
    expect(stopped.rows).toHaveLength(stopped.done);

    const whole = await callApi(ws, 'startBatchSearch', { text: 'Tokayev\nMasimov\nnobody' });
    const done = await finished(ws, whole.id);
    expect([done.state, done.done, done.rows.map((r) => r.query)]).toEqual(['done', 3, ['Tokayev', 'Masimov', 'nobody']]);
    const later = await callApi(ws, 'batchSearchStatus', { id: whole.id, from: 2 });
    expect([later.from, later.rows.map((r) => r.query)]).toEqual([2, ['nobody']]);
    expect((await apiError(ws, 'batchSearchStatus', { id: crypto.randomUUID() })).code).toBe('not-found');
  });

  it('exports a batch as CSV a spreadsheet opens safely: CR LF, a byte-order mark, formulas defused', async () => {
    const ws = await openBench();
    const started = await callApi(ws, 'startBatchSearch', { text: '@Tokayev\nhyperlink\n"a, b"\ntitle:', phrases: true });
    await finished(ws, started.id);
    const { fileName, mediaType, content } = await callApi(ws, 'exportBatchSearch', { id: started.id });
    expect([fileName, mediaType]).toEqual(['batch-search.csv', 'text/csv']);
    expect(content.startsWith('\ufefflines,query,documents,matches,matched as,first documents,first passage,error\r\n')).toBe(true);
    const [header, ...records] = parseCsv(content.trimEnd());
    expect(header).toHaveLength(8);
    expect(records.map((r) => r[1])).toEqual(["'@Tokayev", 'hyperlink', '"a, b"', 'title:']);
    expect(records[1][6]).toMatch(/^'=HYPERLINK/);
    expect(records[0][2]).toBe('4');
    expect(records[3][7]).toMatch(/nothing after 'title:'/);
    expect(records[3][2]).toBe('');
  });
});
