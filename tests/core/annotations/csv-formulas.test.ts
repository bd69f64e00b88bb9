import { describe, expect, it } from 'vitest';
import { csvObjects } from '../../helpers/csv';
import { callApi, makeBench, tempDirsPerTest } from '../../helpers/workstation';

const temp = tempDirsPerTest('casefile-csv-formulas-');

const TEXT = 'Statements\n\nThe hotline number was read out twice on the radio that night.';

/**
 * Notes a spreadsheet would still run as a formula (or that a CSV import strips down to one):
 * a sign after spaces, tabs or a line break, full-width signs, and tab or CR first.
 */
const DANGEROUS = [
  ' =1+1',
  '   +7 701 555 0101',
  '\n=HYPERLINK("http://example.com","click")',
  '\r\n@SUM(A1:A2)',
  '\u00a0-2+3',
  '＝HYPERLINK("http://example.com","click")',
  '＋1',
  '－1',
  '＠SUM(A1)',
  '\u3000＝1+1',
  '\tplain after a tab',
  '\rplain after a CR',
];
const HARMLESS = ['plain text', 'a = b', '  indented text', 'x＝y'];

describe('CSV export of annotations', () => {
  it('prefixes with an apostrophe every cell a spreadsheet could run as a formula, and no other', async () => {
    const ws = await (await makeBench(temp.make, { 'a.txt': TEXT })).open();
    try {
      const ids = new Map<string, string>();
      for (const note of [...DANGEROUS, ...HARMLESS]) {
        const made = await ws.annotations.annotateQuote({ docId: 'a.txt', quote: 'hotline number', note, tags: [note.trim() === '' ? 'x' : note.replace(/[\r\n\t]/g, ' ').trim().slice(0, 40)] });
        ids.set(note, made.id);
      }
      const { rows } = csvObjects((await callApi(ws, 'exportAnnotations', { format: 'csv' })).content);
      const noteOf = (note: string) => rows.find((r) => r.id === ids.get(note))?.note;
      for (const note of DANGEROUS) expect(noteOf(note), JSON.stringify(note)).toBe(`'${note}`);
      for (const note of HARMLESS) expect(noteOf(note), JSON.stringify(note)).toBe(note);
      for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[\s\u3000]*[=+\-@＝＋－＠]/u);
    } finally {
      await ws.close();
    }
  });
});
