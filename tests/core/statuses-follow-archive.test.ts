import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inProcessBuilder } from '../../src/core/search/index-builder';
import type { Workstation } from '../../src/core/workstation';
import { ARCHIVE_DIR } from '../helpers/archive-files';
import { openWorkstation, tempDirsPerTest } from '../helpers/workstation';

const temp = tempDirsPerTest('casefile-statuses-');

/**
 * The renderer asks for annotations, dossiers and counts again when `dataRevision().archive` moves:
 * every way the archive learns of a changed file must move it, or statuses stay stale on screen.
 */
describe('the archive revision moves whenever the documents change', () => {
  const QUOTE = 'qwzzyx stood here.';
  const REWORDED = 'qwzzyx stood there.';

  /** An archive the app has seen, with one annotation on a quote of its first file, closed again. */
  async function annotatedAndClosed(): Promise<{ archive: string; data: string; file: string; original: string; annotationId: string }> {
    const archive = await temp.make();
    await cp(ARCHIVE_DIR, archive, { recursive: true });
    const name = (await readdir(archive)).filter((f) => f.endsWith('.txt')).sort()[0];
    const file = path.join(archive, name);
    const original = await readFile(file, 'utf8');
    await writeFile(file, `${original}\n${QUOTE}\n`);
    const data = await temp.make();
    const first = await openApp(archive, data);
    await first.archiveVerified();
    const { id } = await first.annotations.annotateQuote({ docId: name, quote: QUOTE });
    await first.close();
    return { archive, data, file, original, annotationId: id };
  }

  const openApp = (archiveDir: string, dataDir: string): Promise<Workstation> =>
    openWorkstation({ archiveDir, dataDir, indexBuilder: inProcessBuilder, openAsLastSeen: true });

  it('when the check after opening finds a file changed while the app was closed', async () => {
    const { archive, data, file, original, annotationId } = await annotatedAndClosed();
    await writeFile(file, `${original}\n${REWORDED}\n`);

    const ws = await openApp(archive, data);
    const before = ws.dataRevision().archive;
    await ws.archiveVerified();
    expect(ws.annotations.get(annotationId).status).toBe('fuzzy');
    expect(ws.dataRevision().archive).toBeGreaterThan(before);
  });

  it('when a document opened in one window was changed: the other windows learn of it', async () => {
    const { archive, data, file, original, annotationId } = await annotatedAndClosed();
    const ws = await openApp(archive, data);
    await ws.archiveVerified();
    const before = ws.dataRevision().archive;
    // No watcher runs here: the reader's read is the first to see the edit.
    await writeFile(file, `${original}\n${REWORDED}\n`);
    await ws.getDocument(path.basename(file));
    expect(ws.annotations.get(annotationId).status).toBe('fuzzy');
    expect(ws.dataRevision().archive).toBeGreaterThan(before);
  });

  it('when Verify finds a quoted source changed: the archive takes the new version in', { timeout: 120_000 }, async () => {
    const { archive, data, file, original, annotationId } = await annotatedAndClosed();
    // No watcher runs here: Verify's read is the first to see the edit.
    const ws = await openApp(archive, data);
    await ws.archiveVerified();
    const dossier = await ws.dossiers.create('Checks');
    await ws.dossiers.add(dossier.id, annotationId);
    const pdf = (await ws.dossiers.export(dossier.id, 'pdf', {}, 'none')).bytes;
    await writeFile(file, `${original}\n${REWORDED}\n`);
    const before = ws.dataRevision().archive;

    const report = await ws.dossiers.verifyPdf(pdf);
    expect(report.quotes.map((q) => ('source' in q ? q.source : q.printed))).toEqual(['changed']);
    expect(ws.annotations.get(annotationId).status).toBe('fuzzy');
    expect(ws.dataRevision().archive).toBeGreaterThan(before);
  });

  it('but not when a document read again is unchanged', async () => {
    const { archive, data, file } = await annotatedAndClosed();
    const ws = await openApp(archive, data);
    await ws.archiveVerified();
    const before = ws.dataRevision().archive;
    await ws.getDocument(path.basename(file));
    expect(ws.dataRevision().archive).toBe(before);
  });
});
