import { cp, readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inProcessBuilder } from '../../../src/core/search/index-builder';
import { ARCHIVE_DIR, archiveFile } from '../../helpers/archive-files';
import { openWorkstation, tempDirsPerTest } from '../../helpers/workstation';

const temp = tempDirsPerTest('casefile-editing-');

const DOC_003 = archiveFile('003_').name;

async function openCopy(dataDir?: string, archive?: string) {
  const archiveDir = archive ?? (await temp.make());
  if (!archive) await cp(ARCHIVE_DIR, archiveDir, { recursive: true });
  const data = dataDir ?? (await temp.make());
  const ws = await openWorkstation({ archiveDir, dataDir: data, indexBuilder: inProcessBuilder });
  await ws.indexReady();
  return { ws, archiveDir, data };
}

describe('correcting a document’s metadata', () => {
  it('applies the correction, keeps it across restarts, and never touches the archive folder', async () => {
    const { ws, archiveDir, data } = await openCopy();
    const before = (await readdir(archiveDir)).sort();
    const bytes = await readFile(path.join(archiveDir, DOC_003));
    const summary = await ws.archive.setDocumentMetadata(DOC_003, { title: 'Interview with Zhovtis', byline: 'Al Jazeera staff', publisher: 'Al Jazeera', date: '2022-01-21' });
    expect(summary).toMatchObject({ title: 'Interview with Zhovtis', byline: 'Al Jazeera staff', publisher: 'Al Jazeera', date: { iso: '2022-01-21' } });
    expect((await readdir(archiveDir)).sort()).toEqual(before);
    expect(await readFile(path.join(archiveDir, DOC_003))).toEqual(bytes);
    await ws.indexReady();
    expect(ws.search('title:Zhovtis', { variants: false }).hits.map((h) => h.id)).toEqual([DOC_003]);
    await ws.close();
    const { ws: reopened } = await openCopy(data, archiveDir);
    expect(reopened.archive.listDocuments().find((d) => d.id === DOC_003)).toMatchObject({ title: 'Interview with Zhovtis', publisher: 'Al Jazeera' });
    expect(reopened.archive.getDocumentMetadata(DOC_003)).toEqual({ title: 'Interview with Zhovtis', byline: 'Al Jazeera staff', publisher: 'Al Jazeera', date: '2022-01-21' });
  });

  it('clears a correction with an empty value, bringing back what the file says', async () => {
    const { ws } = await openCopy();
    const original = ws.archive.listDocuments().find((d) => d.id === DOC_003)?.title;
    await ws.archive.setDocumentMetadata(DOC_003, { title: 'Corrected' });
    expect((await ws.archive.setDocumentMetadata(DOC_003, { title: '' })).title).toBe(original);
  });
});

describe('adding files to the archive', () => {
  it('copies them in and indexes them, never overwriting a file: a taken name gets a number', async () => {
    const { ws, archiveDir } = await openCopy();
    const existing = await readFile(path.join(archiveDir, DOC_003));
    const entries = await ws.archive.addFiles([
      { name: DOC_003, bytes: new TextEncoder().encode('A new story\n\nAbout the xenolith affair.') },
      { name: '../../escape.txt', bytes: new TextEncoder().encode('Escaped?\n\nNo.') },
      { name: 'photo.jpg', bytes: new Uint8Array([0xff, 0xd8]) },
    ]);
    expect(entries.map((e) => [e.file, e.status])).toEqual([
      [DOC_003.replace(/\.txt$/, ' (2).txt'), 'indexed'],
      ['escape.txt', 'indexed'],
      ['photo.jpg', 'skipped'],
    ]);
    expect(await readFile(path.join(archiveDir, DOC_003))).toEqual(existing);
    expect(await readdir(path.dirname(await realpath(archiveDir)))).not.toContain('escape.txt');
    await ws.indexReady();
    expect(ws.search('xenolith', { variants: false }).hits.map((h) => h.id)).toEqual([DOC_003.replace(/\.txt$/, ' (2).txt')]);
    expect(ws.archive.ingestReport().find((e) => e.file === 'photo.jpg')?.status).toBe('skipped');
  });

  it('refuses a target folder outside the archive', async () => {
    const { ws } = await openCopy();
    await expect(ws.archive.addFiles([{ name: 'a.txt', bytes: new Uint8Array([65]) }], '../outside')).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});
