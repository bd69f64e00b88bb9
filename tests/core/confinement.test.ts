import { execFileSync } from 'node:child_process';
import { mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ingestFile, loadArchive } from '../../src/core/archive/archive';
import { readArchiveFile } from '../../src/core/contained-path';
import { MANIFEST_FILE_NAME, type DossierManifest } from '../../src/core/dossier/model';
import { MAX_MANIFEST_BYTES, readManifestFromPdf, verifyManifest } from '../../src/core/dossier/verify';
import { apiError, callApi, makeBench, tempDirsPerTest } from '../helpers/workstation';

const temp = tempDirsPerTest('casefile-confinement-');
const SECRET = 'Outside words: the quartermaster ledger of Vasylkiv';
const STORY = 'A story\n\nThe xenolith collection was catalogued in March.';

/** An archive holding sub/story.txt, and beside it a folder the archive must never read from. */
async function archiveAndOutside(): Promise<{ root: string; outside: string }> {
  const [root, outside] = [await temp.make(), await temp.make()];
  await mkdir(path.join(root, 'sub'));
  await writeFile(path.join(root, 'sub', 'story.txt'), STORY);
  await writeFile(path.join(outside, 'secret.txt'), SECRET);
  await mkdir(path.join(outside, 'sub'));
  await writeFile(path.join(outside, 'sub', 'story.txt'), SECRET);
  return { root, outside };
}

function mkfifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

function manifestNaming(docId: string): DossierManifest {
  return {
    format: 'casefile-dossier-manifest',
    version: 1,
    title: 'Planted',
    created: '2024-05-01T12:00:00.000Z',
    // Offsets chosen by whoever wrote the PDF, to print the start of the named file.
    quotes: [{ number: 1, annotationId: 'x', docId, start: 0, end: 60, exact: 'anything', sourceSha256: 'a'.repeat(64), status: 'anchored' }],
  };
}

describe('reading a file of the archive', () => {
  it('does not open a pipe named like an article, and says why (an open of a pipe would block)', async () => {
    const { root } = await archiveAndOutside();
    mkfifo(path.join(root, 'pipe.txt'));
    const { entry, documents: [document] } = await ingestFile(root, 'pipe.txt');
    expect(document).toBeUndefined();
    expect(entry).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/not a regular file/) });
  }, 10_000);

  it('does not follow a folder on the way that is a link out of the archive', async () => {
    const { root, outside } = await archiveAndOutside();
    await rm(path.join(root, 'sub'), { recursive: true });
    await symlink(path.join(outside, 'sub'), path.join(root, 'sub'));
    const { entry, documents: [document] } = await ingestFile(root, 'sub/story.txt');
    expect(document).toBeUndefined();
    expect(entry).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/outside the archive/) });
    expect(JSON.stringify(entry)).not.toContain('Vasylkiv');
  });

  it('takes no metadata from a sidecar that is a link out of the archive, and is not stopped by a sidecar that is a pipe', async () => {
    const { root, outside } = await archiveAndOutside();
    await writeFile(path.join(outside, 'meta.json'), JSON.stringify({ title: SECRET }));
    await symlink(path.join(outside, 'meta.json'), path.join(root, 'sub', 'story.meta.json'));
    await writeFile(path.join(root, 'other.txt'), STORY);
    mkfifo(path.join(root, 'other.meta.json'));
    expect((await ingestFile(root, 'sub/story.txt')).documents[0]?.title).toBe('A story');
    expect((await ingestFile(root, 'other.txt')).documents[0]?.title).toBe('A story');
  }, 10_000);
});

describe('readArchiveFile', () => {
  it('reads a regular file of the archive, and refuses what is not one, saying why', async () => {
    const { root, outside } = await archiveAndOutside();
    await symlink(path.join(root, 'sub'), path.join(root, 'alias'));
    await symlink(path.join(outside, 'secret.txt'), path.join(root, 'leak.txt'));
    mkfifo(path.join(root, 'pipe.txt'));
    expect((await readArchiveFile(root, 'sub/story.txt', { maxBytes: 1024 })).bytes.toString()).toBe(STORY);
    const refusal = (relative: string, maxBytes = 1024) => readArchiveFile(root, relative, { maxBytes }).then(() => null, (error: { refusal: string }) => error.refusal);
    expect(await refusal('sub/story.txt', 10)).toBe('too-large');
    expect(await refusal('sub')).toBe('not-a-file');
    expect(await refusal('pipe.txt')).toBe('not-a-file');
    expect(await refusal('leak.txt')).toBe('link');
    expect(await refusal('alias/story.txt')).toBe('link');
    expect(await refusal('absent.txt')).toBe('missing');
    expect(await refusal('../secret.txt')).toBe('name');
    expect(await refusal('tab\there.txt')).toBe('name');
  }, 10_000);
});

describe('verify reads only files of the archive', () => {
  it.each([
    ['a link to a file outside', async (root: string, outside: string) => symlink(path.join(outside, 'secret.txt'), path.join(root, 'linkfile.txt')), 'linkfile.txt'],
    ['a file in a folder linked outside', async (root: string, outside: string) => symlink(outside, path.join(root, 'linked')), 'linked/secret.txt'],
    ['a pipe', async (root: string) => mkfifo(path.join(root, 'pipe.txt')), 'pipe.txt'],
    ['a hidden file', async (root: string) => writeFile(path.join(root, '.hidden.txt'), SECRET), '.hidden.txt'],
  ])('a manifest naming %s gets "missing", and nothing of the file is shown', async (_, plant, docId) => {
    const { root, outside } = await archiveAndOutside();
    await plant(root, outside);
    const [result] = await verifyManifest(manifestNaming(docId), root);
    expect(result.status).toBe('missing');
    expect(result.detail).not.toMatch(/Outside words|quartermaster|Vasylkiv/);
  }, 10_000);

  it('refuses a PDF whose attached manifest is larger than any dossier needs, with a clear error', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    await pdf.attach(new TextEncoder().encode('{}'), MANIFEST_FILE_NAME, { mimeType: 'application/json' });
    // The attachment's stream is then replaced by 40 MB deflated natively: pdf-lib's own (pure
    // JavaScript) deflate of 40 MB took minutes on a loaded machine.
    const withHuge = await PDFDocument.load(await pdf.save());
    // Just past the limit: a 40 MB string took a minute of garbage collection late in a long-lived worker.
    const huge = { ...manifestNaming('sub/story.txt'), title: 'x'.repeat(MAX_MANIFEST_BYTES + 1024 * 1024) };
    const attached = withHuge.context.enumerateIndirectObjects().find(([, object]) => object instanceof PDFRawStream && object.dict.get(PDFName.of('Type')) === PDFName.of('EmbeddedFile'));
    if (!attached) throw new Error('pdf-lib wrote no embedded file');
    const [ref, small] = attached as [PDFRef, PDFRawStream];
    withHuge.context.assign(ref, PDFRawStream.of(small.dict, deflateSync(JSON.stringify(huge))));
    const bytes = await withHuge.save();
    // The attachment is compressed: the PDF is small, the manifest it holds is not.
    expect(bytes.byteLength).toBeLessThan(1024 * 1024);
    await expect(readManifestFromPdf(bytes)).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(/manifest is larger than/) });
  }, 60_000);
});

describe('a watched archive', () => {
  it('does not take in outside files when a folder is swapped for a link out of the archive', async () => {
    const outside = await temp.make();
    await mkdir(path.join(outside, 'sub'));
    await writeFile(path.join(outside, 'sub', 'story.txt'), SECRET);
    await writeFile(path.join(outside, 'sub', 'planted.txt'), `Planted\n\n${SECRET}`);
    const bench = await makeBench(temp.make, { 'sub/story.txt': STORY, 'other.txt': STORY });
    const ws = await bench.open();
    await ws.watch();
    try {
      expect(ws.archive.listDocuments().map((d) => d.id)).toEqual(['other.txt', 'sub/story.txt']);
      const moved = path.join(await temp.make(), 'sub-moved');
      await rename(path.join(bench.archiveDir, 'sub'), moved);
      await symlink(path.join(outside, 'sub'), path.join(bench.archiveDir, 'sub'));
      // The watcher still follows the moved folder and reports its changes under sub/, then lists
      // sub/ again, now through the link: it names sub/story.txt and sub/planted.txt.
      await writeFile(path.join(moved, 'story.txt'), `${STORY} Edited.`);
      await writeFile(path.join(moved, 'planted.txt'), STORY);
      await expect.poll(() => ws.archive.listDocuments().map((d) => d.id), { timeout: 20_000, interval: 50 }).toEqual(['other.txt']);
      await ws.indexReady();
      expect(ws.search('quartermaster').hits).toEqual([]);
      expect((await apiError(ws, 'getDocument', { id: 'sub/planted.txt' })).message).not.toContain('Vasylkiv');
      for (const file of ['sub/story.txt', 'sub/planted.txt']) expect(ws.archive.ingestReport().find((e) => e.file === file)?.status ?? 'absent').not.toBe('indexed');
    } finally {
      await ws.close();
    }
  }, 30_000);
});

describe('file names that cannot serve as a document id', () => {
  const AWKWARD = ['tab\there.txt', 'new\nline.txt', 'carriage\rreturn.txt', 'back\\slash.txt', '50%2e5 percent.txt', 'bell\u0007.txt'];

  it('are skipped with a reason, and every indexed id is usable by every document call', async () => {
    const files: Record<string, string> = { 'plain.txt': STORY, 'Статья\u202Egnp.txt': STORY };
    for (const name of AWKWARD) files[name] = STORY;
    const bench = await makeBench(temp.make, files);
    await mkdir(path.join(bench.archiveDir, 'folder\twith tab'));
    await writeFile(path.join(bench.archiveDir, 'folder\twith tab', 'inner.txt'), STORY);
    const { report } = await loadArchive(bench.archiveDir);
    for (const name of [...AWKWARD, 'folder\twith tab']) {
      expect(report.find((e) => e.file === name), JSON.stringify(name)).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/rename it/) });
    }
    expect(report.some((e) => e.file.startsWith('folder\twith tab/'))).toBe(false);
    const ws = await bench.open();
    try {
      const ids = ws.archive.listDocuments().map((d) => d.id);
      expect(ids.sort()).toEqual(['plain.txt', 'Статья\u202Egnp.txt'].sort());
      for (const id of ids) {
        expect((await callApi(ws, 'getDocument', { id })).document.text).toContain('xenolith');
        await callApi(ws, 'getDocumentMetadata', { id });
        await callApi(ws, 'setDocumentMetadata', { id, title: 'Renamed' });
        const note = await callApi(ws, 'createAnnotation', { docId: id, start: 9, end: 17, note: 'n' });
        expect((await callApi(ws, 'listAnnotations', { docId: id })).map((a) => a.id)).toEqual([note.id]);
      }
    } finally {
      await ws.close();
    }
  });
});
