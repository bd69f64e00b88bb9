import { describe, expect, it } from 'vitest';
import { readQueryList } from '../../../src/core/batch/query-list';
import { CasefileError } from '../../../src/core/errors';

const queriesOf = (text: string, column?: string | number) => readQueryList(text, { column }).map((q) => [q.query, q.lines, q.problem?.code.key ?? null]);

describe('a list of queries, one a line', () => {
  it('drops a byte-order mark, blank lines and surrounding spaces, whatever the line ends', () => {
    expect(queriesOf('\ufeffTokayev\r\n\r\n  Nazarbayev  \rMasimov\n\n')).toEqual([
      ['Tokayev', [1], null],
      ['Nazarbayev', [3], null],
      ['Masimov', [4], null],
    ]);
  });

  it('searches a duplicate once (case, spacing and composition aside) and keeps every line it is on', () => {
    expect(queriesOf('Karim Masimov\ntokayev\nKARIM   masimov\nTokayev\nГорбачёв\nГорбаче\u0308в')).toEqual([
      ['Karim Masimov', [1, 3], null],
      ['tokayev', [2, 4], null],
      ['Горбачёв', [5, 6], null],
    ]);
  });

  it('keeps a line too long to search as a problem of that line alone', () => {
    const list = readQueryList(`Tokayev\n${'a'.repeat(10_001)}\nMasimov`);
    expect(list.map((q) => q.lines[0])).toEqual([1, 2, 3]);
    expect(list[1].problem?.text).toMatch(/10001 characters long; the limit is 10000/);
    expect(list[0].problem).toBeUndefined();
  });
});

describe('a list of queries in a CSV column', () => {
  const CSV = '\ufeffid,"Full name",country\r\n1,"Masimov, Karim",KZ\r\n2,"Tokayev ""the president""",KZ\r\n\r\n3,"Two\nlines",RU\r\n4,Masimov,KZ\r\n';

  it('finds the column by its header (any case) or its number; quoted commas, quotes and line breaks are kept', () => {
    const byName = queriesOf(CSV, 'full NAME');
    expect(byName).toEqual([
      ['Masimov, Karim', [2], null],
      ['Tokayev "the president"', [3], null],
      ['Two\nlines', [5], null],
      ['Masimov', [7], null],
    ]);
    expect(queriesOf(CSV, 2)).toEqual(byName);
    expect(queriesOf(CSV, 3)).toEqual([['KZ', [2, 3, 7], null], ['RU', [5], null]]);
  });

  it('reads a semicolon-separated file (a European spreadsheet’s CSV)', () => {
    expect(queriesOf('name;note\nMasimov;"a; b"\nTokayev;x\n', 'name')).toEqual([
      ['Masimov', [2], null],
      ['Tokayev', [3], null],
    ]);
  });

  it('gives a malformed record a problem of its own line and reads the lines after it', () => {
    expect(queriesOf('name,n\n"Masimov"x,1\nTokayev,2\n"never closed,3\nlost,4', 'name')).toEqual([
      ['"Masimov"x,1', [2], 'batch.textAfterQuote'],
      ['Tokayev', [3], null],
      ['"never closed,3\nlost,4', [4], 'batch.unclosedQuote'],
    ]);
  });

  it('refuses a column that is not there, naming the columns that are', () => {
    expect(() => readQueryList('id,name\n1,Masimov', { column: 'surname' })).toThrow(CasefileError);
    expect(() => readQueryList('id,name\n1,Masimov', { column: 'surname' })).toThrow(/no column “surname”; its columns are 1 id, 2 name/);
    expect(() => readQueryList('id,name\n1,Masimov', { column: 3 })).toThrow(/no column 3/);
    expect(() => readQueryList('\n\n', { column: 1 })).toThrow(/no header row/);
  });
});
