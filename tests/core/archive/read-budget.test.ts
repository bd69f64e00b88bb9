import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestFile, loadArchive, type IngestEntry } from '../../../src/core/archive/archive';
import { IngestCatalog } from '../../../src/core/archive/catalog';
import { ExtractionPool } from '../../../src/core/archive/extract-pool';
import { Workstation } from '../../../src/core/workstation';
import { tempDirs } from '../../helpers/temp-dir';
import { bombDocx, oneLineText, pageTreeBombPdf, streamBombPdf, unclosedTagsHtml } from './hostile-files';

const temp = tempDirs('casefile-read-budget-');
const pools: ExtractionPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
  await temp.cleanup();
});

const MiB = 1024 * 1024;
const NORMAL = 'Protests in Zhanaozen\n\nTokayev addressed the nation on Wednesday.';

function pool(budget: ConstructorParameters<typeof ExtractionPool>[0], size = 1): ExtractionPool {
  const made = new ExtractionPool(budget, size);
  pools.push(made);
  return made;
}

async function folder(files: Record<string, Uint8Array | string>): Promise<string> {
  const root = await temp.make();
  for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(root, name), bytes);
  return root;
}

function outcome(report: IngestEntry[], file: string): IngestEntry {
  const found = report.find((e) => e.file === file);
  if (!found) throw new Error(`${file} is not in the report`);
  return found;
}

async function textPdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText(text, { x: 50, y: 750, size: 12, font });
  return doc.save();
}

/**
 * Counts the turns of the event loop while `work` runs, by a timer every 10 ms: the longest time
 * between two turns is how long a shell's main thread could not have answered a request.
 */
async function whileTurning<T>(work: () => Promise<T>): Promise<{ result: T; longestStallMs: number; totalMs: number; turns: number }> {
  const started = performance.now();
  let last = started;
  let longestStallMs = 0;
  let turns = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestStallMs = Math.max(longestStallMs, now - last);
    last = now;
    turns++;
  }, 10);
  try {
    const result = await work();
    const end = performance.now();
    return { result, longestStallMs: Math.max(longestStallMs, end - last), totalMs: end - started, turns };
  } finally {
    clearInterval(timer);
  }
}

describe('files that cost far more to read than their size', () => {
  it('a Word zip bomb, a PDF of a million pages and 100,000 unclosed <b><i> each get an outcome, and the normal file is indexed', async () => {
    const root = await folder({
      'normal.txt': NORMAL,
      'bomb.docx': await bombDocx(400 * MiB),
      'million-pages.pdf': pageTreeBombPdf(6, 10),
      'unclosed.html': unclosedTagsHtml(100_000),
    });
    // The shared pool and the default budgets, as the shells use them.
    const { result, longestStallMs, totalMs, turns } = await whileTurning(() => loadArchive(root));
    console.log(`hostile ingest: ${Math.round(totalMs)} ms, ${turns} turns of the event loop, longest stall ${Math.round(longestStallMs)} ms`);
    const { report, documents } = result;
    expect(outcome(report, 'normal.txt')).toMatchObject({ status: 'indexed', reason: null });
    expect(outcome(report, 'bomb.docx')).toMatchObject({ status: 'failed', reason: 'its XML would inflate to 400 MiB (more than 32 MiB)' });
    expect(outcome(report, 'million-pages.pdf')).toMatchObject({ status: 'failed', reason: '1000000 pages (more than 10000)' });
    // Too deep for article extraction: read as plain text, and the report says so.
    expect(outcome(report, 'unclosed.html')).toMatchObject({
      status: 'indexed',
      reason: 'read as plain text, without article extraction: elements nested 200000 deep (more than 1000)',
    });
    const html = documents.find((d) => d.id === 'unclosed.html');
    expect(html?.text.startsWith('word word word')).toBe(true);
    expect(html?.text.split('word').length).toBe(100_001);
    expect(longestStallMs).toBeLessThan(totalMs / 2);
  }, 120_000);

  it('a file that takes longer than the time budget fails with the reason; the files after it are read by a new thread', async () => {
    const root = await folder({
      'a-stream-bomb.pdf': await streamBombPdf(1024 * MiB),
      'b-report.pdf': await textPdf('Report on the January events'),
      'c-memo.pdf': await textPdf('Memo on Zhanaozen'),
    });
    const { report, documents } = await loadArchive(root, undefined, pool({ timeMs: 3_000, memoryMb: 768 }, 1));
    expect(outcome(report, 'a-stream-bomb.pdf')).toMatchObject({ status: 'failed', reason: 'took longer than 3 s to read' });
    expect(outcome(report, 'b-report.pdf')).toMatchObject({ status: 'indexed', reason: null });
    expect(outcome(report, 'c-memo.pdf')).toMatchObject({ status: 'indexed', reason: null });
    expect(documents.map((d) => d.text)).toEqual(['Report on the January events', 'Memo on Zhanaozen']);
  }, 120_000);

  it('a file over the budget is not read again at the next open while it is unchanged; once changed, it is', async () => {
    const root = await folder({ 'slow.pdf': await streamBombPdf(1024 * MiB), 'pages.pdf': pageTreeBombPdf(), 'normal.txt': NORMAL });
    const catalogFile = path.join(await temp.make(), 'ingest-catalog');
    const first = await loadArchive(root, await IngestCatalog.open(catalogFile), pool({ timeMs: 3_000, memoryMb: 768 }, 1));
    expect(outcome(first.report, 'slow.pdf')).toMatchObject({ status: 'failed', reason: 'took longer than 3 s to read' });
    expect(outcome(first.report, 'pages.pdf').status).toBe('failed');
    // Opened again with another budget: an unchanged file keeps its outcome instead of costing the budget again.
    const again = await loadArchive(root, await IngestCatalog.open(catalogFile), pool({ timeMs: 2_000, memoryMb: 768 }, 1));
    expect(outcome(again.report, 'slow.pdf')).toMatchObject({ status: 'failed', reason: 'took longer than 3 s to read' });
    expect(outcome(again.report, 'pages.pdf')).toEqual(outcome(first.report, 'pages.pdf'));
    expect(again.documents.map((d) => d.id)).toEqual(['normal.txt']);
    // The file replaced: read again, under the budget of now.
    await writeFile(path.join(root, 'slow.pdf'), await streamBombPdf(1024 * MiB + 1));
    const changed = await loadArchive(root, await IngestCatalog.open(catalogFile), pool({ timeMs: 2_000, memoryMb: 768 }, 1));
    expect(outcome(changed.report, 'slow.pdf')).toMatchObject({ status: 'failed', reason: 'took longer than 2 s to read' });
  }, 300_000); // three reads of a 1 GiB stream bomb, each up to its budget: minutes on a busy machine

  it('a file that needs more memory than the budget fails with the reason, and the others are read', async () => {
    // Under the size checked before reading (32 MiB of XML), but more than 64 MB of heap to parse.
    const root = await folder({ 'big.docx': await bombDocx(24 * MiB), 'small.docx': await bombDocx(2_000), 'note.txt': NORMAL });
    const { report } = await loadArchive(root, undefined, pool({ timeMs: 120_000, memoryMb: 64 }, 1));
    expect(outcome(report, 'big.docx')).toMatchObject({ status: 'failed', reason: 'needed more than 64 MB of memory to read' });
    expect(outcome(report, 'small.docx')).toMatchObject({ status: 'indexed', reason: null });
    expect(outcome(report, 'note.txt')).toMatchObject({ status: 'indexed', reason: null });
  }, 120_000);

  it('HTML too deeply nested for article extraction is read as plain text: blocks as paragraphs, references decoded, scripts dropped', async () => {
    const nested = '<div><span>'.repeat(600);
    const page = `<html><head><title>Kept out</title><style>p { color: red }</style></head><body>${nested}<h1>Zhanaozen &amp; Almaty</h1><p>Tokayev&#39;s address &mdash; in full.</p><script>var hidden = "<p>not text</p>";</script><p>Second<br>line</p></body></html>`;
    const root = await folder({ 'deep.html': page });
    const { entry, documents: [document] } = await ingestFile(root, 'deep.html', pool(undefined, 1));
    expect(entry).toMatchObject({ status: 'indexed', reason: 'read as plain text, without article extraction: elements nested 1201 deep (more than 1000)' });
    expect(document?.text).toBe("Zhanaozen & Almaty\n\nTokayev's address — in full.\n\nSecond\n\nline");
    expect(document?.title).toBe('Zhanaozen & Almaty');
  }, 60_000);

  it('HTML as deep as article extraction takes is still read by it', async () => {
    const page = `<html><body><nav>Menu Home About</nav><article>${'<div>'.repeat(200)}<h1>Headline</h1><p>The article body about Tokayev and the protests in Almaty, long enough to be the article.</p>${'</div>'.repeat(200)}</article></body></html>`;
    const root = await folder({ 'ok.html': page });
    const { entry, documents: [document] } = await ingestFile(root, 'ok.html', pool(undefined, 1));
    expect(entry).toMatchObject({ status: 'indexed', reason: null });
    expect(document?.text).toContain('The article body about Tokayev');
  }, 60_000);

  it('a 30 MB text of one line is read and indexed while the event loop keeps turning, and its title is a line’s start, not the whole text', async () => {
    const [archiveDir, dataDir] = [await folder({ 'one-line.txt': oneLineText(30 * MiB) }), await temp.make()];
    const { result: workstation, longestStallMs, totalMs, turns } = await whileTurning(async () => {
      const opened = await Workstation.open({ archiveDir, dataDir });
      await opened.archiveVerified();
      return opened;
    });
    try {
      console.log(`one-line text: ${Math.round(totalMs)} ms, ${turns} turns of the event loop, longest stall ${Math.round(longestStallMs)} ms`);
      expect(workstation.archive.ingestReport()).toMatchObject([{ file: 'one-line.txt', status: 'indexed' }]);
      const title = workstation.archive.listDocuments()[0].title;
      expect(title.length).toBeLessThanOrEqual(301);
      expect(title.startsWith('Tokayev spoke in Almaty')).toBe(true);
      // Before, indexing held the main thread for nearly all of the time (12 of 15 s).
      expect(longestStallMs).toBeLessThan(totalMs / 4);
    } finally {
      await workstation.close();
    }
  }, 120_000);
});
