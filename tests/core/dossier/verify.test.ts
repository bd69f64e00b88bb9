import { cp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/core/archive/archive';
import { MANIFEST_FILE_NAME, type DossierManifest } from '../../../src/core/dossier/model';
import { readManifestFromPdf, verifyManifest } from '../../../src/core/dossier/verify';
import { ARCHIVE_DIR, archiveFile } from '../../helpers/archive-files';
import { tempDirs } from '../../helpers/temp-dir';

const temp = tempDirs('casefile-verify-');
afterEach(temp.cleanup);

const DOC = archiveFile('004_');
const TEXT = parseDocument(DOC.name, DOC.bytes).text;
const QUOTE = '“It’s unfathomable. I can’t understand. How is this possible?”';
const START = TEXT.indexOf(QUOTE);

function manifest(overrides: Partial<DossierManifest['quotes'][number]> = {}): DossierManifest {
  return {
    format: 'casefile-dossier-manifest',
    version: 1,
    title: 'Test dossier',
    created: '2024-05-01T12:00:00.000Z',
    quotes: [
      {
        number: 1,
        annotationId: '00000000-0000-4000-8000-000000000001',
        docId: DOC.name,
        start: START,
        end: START + QUOTE.length,
        exact: QUOTE,
        sourceSha256: parseDocument(DOC.name, DOC.bytes).sha256,
        status: 'anchored',
        ...overrides,
      },
    ],
  };
}

async function pdfWith(attachment: DossierManifest | string | null): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  if (attachment !== null) {
    const text = typeof attachment === 'string' ? attachment : JSON.stringify(attachment);
    await pdf.attach(new TextEncoder().encode(text), MANIFEST_FILE_NAME, { mimeType: 'application/json' });
  }
  return pdf.save();
}

async function archiveCopy(): Promise<string> {
  const dir = await temp.make();
  await cp(ARCHIVE_DIR, dir, { recursive: true });
  return dir;
}

describe('reading the manifest attached to a dossier PDF', () => {
  it('gives back the manifest that was attached', async () => {
    expect(START).toBeGreaterThan(0);
    expect(await readManifestFromPdf(await pdfWith(manifest()))).toEqual(manifest());
  });

  it.each([
    ['a PDF without the manifest', () => pdfWith(null), /carries no casefile-manifest.json/],
    ['a manifest that is not JSON', () => pdfWith('{not json'), /manifest cannot be read/],
    ['bytes that are not a PDF', async () => new TextEncoder().encode('hello'), /not a readable PDF/],
  ])('refuses %s with a clear invalid-argument error', async (_, make, message) => {
    await expect(readManifestFromPdf(await make())).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(message) });
  });
});

describe('checking a manifest against the archive', () => {
  it('says ok when the file, its SHA-256 and the words at the offsets are as recorded', async () => {
    const [result] = await verifyManifest(manifest(), await archiveCopy());
    expect(result).toMatchObject({ number: 1, docId: DOC.name, status: 'ok' });
  });

  it('says changed, naming the quote, after one word of the source is changed', async () => {
    const archive = await archiveCopy();
    await writeFile(path.join(archive, DOC.name), DOC.raw.replace('unfathomable', 'incomprehensible'));
    const [result] = await verifyManifest(manifest(), archive);
    expect(result.status).toBe('changed');
    expect(result.detail).toMatch(/source file changed.*now reads/);
  });

  it('says changed when the file changed elsewhere, noting that the quoted words still stand', async () => {
    const archive = await archiveCopy();
    await writeFile(path.join(archive, DOC.name), `${DOC.raw}\nA correction was appended.`);
    const [result] = await verifyManifest(manifest(), archive);
    expect(result).toMatchObject({ status: 'changed', detail: expect.stringMatching(/still stand there/) });
  });

  it('says missing when the source file is gone', async () => {
    const archive = await archiveCopy();
    await rm(path.join(archive, DOC.name));
    expect((await verifyManifest(manifest(), archive))[0]).toMatchObject({ status: 'missing' });
  });

  it.each(['../package.json', '/etc/passwd', 'sub/../../x.txt'])('never reads outside the archive: %s is missing', async (docId) => {
    expect((await verifyManifest(manifest({ docId }), await archiveCopy()))[0]).toMatchObject({ status: 'missing' });
  });

  it('cannot confirm a quote exported without a place, and says so', async () => {
    const [result] = await verifyManifest(manifest({ start: null, end: null, status: 'fuzzy' }), await archiveCopy());
    expect(result).toMatchObject({ status: 'changed', detail: expect.stringMatching(/no place was cited/) });
  });
});
