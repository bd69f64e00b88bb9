import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadArchive, type IngestEntry } from '../../../src/core/archive/archive';
import type { ArchiveDocument } from '../../../src/core/archive/document';
import { CompactSearchEngine } from '../../../src/core/search/compact-search-engine';
import { tempDirs } from '../../helpers/temp-dir';
import { pdf } from './hostile-files';

/** PDFs from pdf.js's own test corpus (tests/fixtures/pdfjs/README.md). */
const FIXTURES = path.join(import.meta.dirname, '../../fixtures/pdfjs');

const temp = tempDirs('casefile-pdf-scripts-');
afterEach(temp.cleanup);

async function ingest(files: string[]): Promise<{ report: IngestEntry[]; documents: ArchiveDocument[] }> {
  const root = await temp.make();
  await Promise.all(files.map((file) => copyFile(path.join(FIXTURES, file), path.join(root, file))));
  return loadArchive(root);
}

function outcome(report: IngestEntry[], file: string): IngestEntry {
  const found = report.find((e) => e.file === file);
  if (!found) throw new Error(`${file} is not in the report: ${report.map((e) => e.file).join(', ')}`);
  return found;
}

/**
 * A page with Hebrew drawn as a page shows it, word by word from left to right (each word's letters
 * reversed, the last word leftmost), once alone and once inside an English line. Helvetica's codes
 * a–e stand for Hebrew letters through a ToUnicode map.
 */
function hebrewPdf(): Buffer {
  const toUnicode = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Hebrew def',
    '1 begincodespacerange <00> <FF> endcodespacerange',
    '5 beginbfchar <61> <05E9> <62> <05DC> <63> <05D5> <64> <05DD> <65> <05E2> endbfchar',
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  // "dbce" shows עולם, "dcba" shows שלום.
  const content = [
    'BT /F1 12 Tf 72 720 Td (dbce) Tj 100 0 Td (dcba) Tj ET',
    'BT /F1 12 Tf 72 680 Td (THE WORD) Tj 100 0 Td (dbce) Tj 100 0 Td (dcba) Tj 100 0 Td (MEANS PEACE) Tj ET',
  ].join('\n');
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Length ${toUnicode.length} >>\nstream\n${toUnicode}\nendstream`,
  ]);
}

function found(documents: ArchiveDocument[], query: string): string[] {
  return CompactSearchEngine.fromDocuments(documents).search(query, { variants: false }).hits.map((h) => h.id).sort();
}

describe('PDFs in Chinese, Japanese and Arabic, and a broken page tree', () => {
  it('reads CJK text through the CMaps pdf.js ships, and finds it', async () => {
    const { report, documents } = await ingest(['vertical.pdf', 'XiaoBiaoSong.pdf', 'SimFang-variant.pdf']);
    for (const file of ['vertical.pdf', 'XiaoBiaoSong.pdf', 'SimFang-variant.pdf']) {
      expect(outcome(report, file), file).toMatchObject({ status: 'indexed', format: 'pdf' });
    }
    const text = (id: string) => documents.find((d) => d.id === id)?.text ?? '';
    expect(text('vertical.pdf')).toContain('あいうえお');
    expect(text('vertical.pdf')).toContain('日本語');
    expect(text('XiaoBiaoSong.pdf')).toContain('关于红军作战的原则');
    expect(text('SimFang-variant.pdf')).toContain('联 合 起 来');
    expect(found(documents, '日本語')).toEqual(['vertical.pdf']);
    expect(found(documents, '关于红军作战的原则')).toEqual(['XiaoBiaoSong.pdf']);
  }, 60_000);

  it('stores Arabic in logical order without presentation forms, so a query in Arabic finds it', async () => {
    const { report, documents } = await ingest(['ArabicCIDTrueType.pdf']);
    expect(outcome(report, 'ArabicCIDTrueType.pdf')).toMatchObject({ status: 'indexed', format: 'pdf' });
    const text = documents[0]?.text ?? '';
    // No character from the Arabic presentation-form blocks is left.
    expect(text).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFF]/);
    // The title line reads right to left: "انواع" (types) first, "العربية" (Arabic) last.
    const firstLine = text.split('\n')[0] ?? '';
    expect(firstLine.startsWith('انواع ')).toBe(true);
    expect(firstLine.endsWith(' العربية')).toBe(true);
    expect(found(documents, 'العربية')).toEqual(['ArabicCIDTrueType.pdf']);
    expect(found(documents, 'انواع')).toEqual(['ArabicCIDTrueType.pdf']);
  }, 60_000);

  it('stores Hebrew drawn word by word in logical order, alone and inside an English line', async () => {
    const root = await temp.make();
    await writeFile(path.join(root, 'hebrew.pdf'), hebrewPdf());
    const { documents } = await loadArchive(root);
    expect(documents[0]?.text).toBe('שלום עולם\nTHE WORD שלום עולם MEANS PEACE');
    expect(found(documents, 'שלום')).toEqual(['hebrew.pdf']);
  }, 60_000);

  it('indexes the pages of a page tree with a loop that can be read, and says which could not', async () => {
    const { report, documents } = await ingest(['Pages-tree-refs.pdf']);
    const entry = outcome(report, 'Pages-tree-refs.pdf');
    expect(entry).toMatchObject({ status: 'indexed', format: 'pdf' });
    expect(entry.reason).toMatch(/page 2 of 2 could not be read/);
    expect(documents[0]?.text).toContain('Pages loop');
    expect(found(documents, 'loop')).toEqual(['Pages-tree-refs.pdf']);
  }, 60_000);
});
