import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPdf } from '../../../src/core/archive/pdf-text';
import type { Dossier } from '../../../src/core/api/types';
import { callApi, makeBench, tempDirsPerTest } from '../../helpers/workstation';
import { tempDirs } from '../../helpers/temp-dir';

const temp = tempDirsPerTest('casefile-claims-pdf-');
const out = tempDirs('casefile-claims-pdf-out-');
afterAll(() => out.cleanup());

/** Reports that each give a death toll: long titles, Cyrillic and CJK among them, enough rows for more than one page. */
const REPORTS = Array.from({ length: 26 }, (_, i) => {
  const n = i + 1;
  const day = String((i % 27) + 1).padStart(2, '0');
  const title =
    i % 7 === 3
      ? `Отчёт ${n}: число погибших в Алматы и других городах Казахстана после январских событий`
      : i % 7 === 5
        ? `Report ${n} — 哈萨克斯坦 death toll`
        : i % 3 === 0
          ? `Report ${n}: what the officials, the hospitals and the families of the victims in Almaty said about the death toll of the January events`
          : `Report ${n}`;
  const sentence =
    i % 7 === 3
      ? `По данным властей, погибли ${100 + n} человек, в том числе в Алматы.`
      : `Officials said ${100 + n} people died in the unrest${i % 2 === 0 ? ', a figure that relatives of the victims and several human rights groups in Almaty dispute as far too low' : ''}.`;
  return { id: `report-${String(n).padStart(2, '0')}.txt`, title, text: `${title}\n\n2022-01-${day}\n\n${sentence}\n` };
});

interface Item {
  text: string;
  x: number;
  y: number;
}

let pdfFile = '';
let dossier: Dossier;
/** Row numbers, values and sources in table order. */
let rows: Array<{ number: number; value: string; title: string; sentence: string }>;

beforeAll(async () => {
  const bench = await makeBench(() => temp.make(), Object.fromEntries(REPORTS.map((r) => [r.id, r.text])));
  const ws = await bench.open();
  const created = await callApi(ws, 'createDossier', { name: 'Death toll', title: 'The death toll, source by source' });
  dossier = await callApi(ws, 'addClaimsTable', { id: created.id, measure: 'deaths' });
  const table = dossier.sections[0].items[0].claims;
  rows = (table?.rows ?? []).map((row, i) => ({ number: i + 1, value: String(row.value), title: row.title, sentence: row.target.quote.exact }));
  const exported = await ws.dossiers.export(created.id, 'pdf', {}, 'none');
  const dir = process.env.CLAIMS_TABLE_SHOTS ?? (await out.make());
  mkdirSync(dir, { recursive: true });
  pdfFile = path.join(dir, 'claims-table.pdf');
  writeFileSync(pdfFile, exported.bytes);
  if (process.env.CLAIMS_TABLE_SHOTS) execFileSync('pdftoppm', ['-png', '-r', '80', pdfFile, path.join(dir, 'page')]);
}, 120_000);

async function pagesOfText(): Promise<Item[][]> {
  const bytes = new Uint8Array(readFileSync(pdfFile));
  return withPdf(bytes, async (pdf) => {
    const pages: Item[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(content.items.flatMap((item) => ('str' in item && item.str.trim() !== '' ? [{ text: item.str, x: item.transform[4], y: item.transform[5] }] : [])));
    }
    return pages;
  });
}

describe('a claims table in the PDF', () => {
  it('has a row per claim of every report, in the order of the figures', () => {
    expect(rows).toHaveLength(REPORTS.length);
    expect(new Set(rows.map((r) => r.value)).size).toBe(REPORTS.length);
  });

  it('reads back with pdf.js as rows: each number with its value, source and sentence on its page, heads on every page of the table', async () => {
    const pages = await pagesOfText();
    const pageOf = (number: number) => pages.findIndex((items) => items.some((i) => i.text === `[${number}]` && i.x < 78));
    const found = rows.map((row) => pageOf(row.number));
    expect(found.every((p) => p >= 0)).toBe(true);
    // In order, over more than one page.
    expect([...found].sort((a, b) => a - b)).toEqual(found);
    const tablePages = [...new Set(found)];
    expect(tablePages.length).toBeGreaterThan(1);
    for (const p of tablePages) {
      const heads = pages[p].filter((i) => ['Value', 'Source', 'Date', 'Claim (quoted)', 'Citation'].includes(i.text));
      expect(heads.map((h) => h.text)).toEqual(['Value', 'Source', 'Date', 'Claim (quoted)', 'Citation']);
    }
    for (const row of rows) {
      const items = pages[found[row.number - 1]];
      const at = items.findIndex((i) => i.text === `[${row.number}]`);
      const top = items[at].y;
      // The row's cells stand beside or below its number on the same page, none cut off to the next.
      const rowItems = items.filter((i) => i.y <= top + 0.5 && i.y > top - 200);
      const joined = rowItems.map((i) => i.text).join(' ');
      expect(rowItems.some((i) => i.text.replace(/,/g, '') === row.value && Math.abs(i.y - top) < 2)).toBe(true);
      expect(joined.replace(/\s+/g, '')).toContain(row.sentence.replace(/\s+/g, ''));
      expect(joined).toContain(row.title.split(' ')[0]);
      expect(joined).toMatch(/January \d+,/);
      expect(joined).toMatch(/characters \d+/);
    }
  });

  it('reads back with pdftotext -layout: a line per row start with the number, value and date side by side', () => {
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' });
    const rowLines = text.split('\n').filter((line) => /^\s*\[\d+\]\s+\S/.test(line) && /\b1\d\d\b/.test(line));
    const numbers = rowLines.map((line) => Number(/\[(\d+)\]/.exec(line)?.[1]));
    expect(numbers).toEqual(rows.map((r) => r.number));
    rowLines.forEach((line, i) => {
      const row = rows[i];
      expect(line).toContain(row.value);
      expect(line).toMatch(/January \d+,/);
      expect(line).toContain(row.title.split(' ')[0]);
      expect(line).toContain(row.sentence.split(' ').slice(0, 2).join(' '));
      expect(line).toContain('File');
    });
    // The page break falls between rows: the heads stand again over the rows continued.
    expect(text.match(/Value\s+Source\s+Date\s+Claim \(quoted\)\s+Citation/g)?.length).toBeGreaterThan(1);
    expect(text).toContain('Claims: deaths (continued)');
  });
});
