import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { ingestFile, isArchiveFile } from '../archive/archive';
import type { ArchiveDocument } from '../archive/document';
import { relativePathProblem } from '../contained-path';
import { CasefileError, errorMessage } from '../errors';
import { DossierManifest, MANIFEST_FILE_NAME } from './model';

/** A manifest lists quotes and ids; this is far more than a dossier of thousands of quotes needs. */
export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

export type VerifyStatus = 'ok' | 'changed' | 'missing';

export interface VerifiedQuote {
  number: number;
  docId: string;
  status: VerifyStatus;
  /** What was checked, or what differs, in words. */
  detail: string;
}

/** Reads the manifest Casefile attached to a dossier PDF (an embedded file named casefile-manifest.json). */
export async function readManifestFromPdf(bytes: Uint8Array): Promise<DossierManifest> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    throw new CasefileError('invalid-argument', `not a readable PDF (${errorMessage(error)})`);
  }
  const stream = embeddedFiles(pdf).get(MANIFEST_FILE_NAME);
  if (!stream) {
    throw new CasefileError('invalid-argument', `the PDF carries no ${MANIFEST_FILE_NAME}: it was not exported by Casefile, or the attachment was removed`);
  }
  let manifest: Uint8Array | Uint8ClampedArray;
  try {
    // Inflated no further than the limit: a few bytes of a PDF can stand for gigabytes.
    manifest = decodePDFRawStream(stream).getBytes(MAX_MANIFEST_BYTES + 1);
  } catch (error) {
    throw new CasefileError('invalid-argument', `the attached manifest cannot be read (${errorMessage(error)})`);
  }
  if (manifest.byteLength > MAX_MANIFEST_BYTES) {
    throw new CasefileError('invalid-argument', `the attached manifest is larger than ${MAX_MANIFEST_BYTES / 1024 / 1024} MiB: no Casefile dossier needs that much`);
  }
  try {
    return DossierManifest.parse(JSON.parse(new TextDecoder().decode(manifest)));
  } catch (error) {
    throw new CasefileError('invalid-argument', `the attached manifest cannot be read (${errorMessage(error)})`);
  }
}

/** Embedded files of a PDF by name (still encoded), from the catalog's /Names /EmbeddedFiles name tree. */
function embeddedFiles(pdf: PDFDocument): Map<string, PDFRawStream> {
  const found = new Map<string, PDFRawStream>();
  const names = pdf.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const root = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const visit = (node: PDFDict, depth: number): void => {
    if (depth > 32) return; // a malicious tree may loop
    const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; pairs && i + 1 < pairs.size(); i += 2) {
      const key = pairs.lookup(i);
      const spec = pairs.lookup(i + 1);
      if (!(spec instanceof PDFDict) || !(key instanceof PDFString || key instanceof PDFHexString)) continue;
      const stream = spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
      if (stream instanceof PDFRawStream) found.set(key.decodeText(), stream);
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) {
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) visit(kid, depth + 1);
    }
  };
  if (root) visit(root, 0);
  return found;
}

/**
 * Checks every quote of a manifest against an archive: the source file is a file of the archive, read
 * as ingest reads it (inside the archive, through no link, a regular file, hidden files excluded), its
 * SHA-256 is the one recorded, and the text at the recorded offsets is the exact quote.
 */
export async function verifyManifest(manifest: DossierManifest, archiveRoot: string): Promise<VerifiedQuote[]> {
  // Each source is read once, however many quotes name it.
  const sources = new Map<string, Promise<Source>>();
  const results: VerifiedQuote[] = [];
  for (const quote of manifest.quotes) {
    const base = { number: quote.number, docId: quote.docId };
    let source = sources.get(quote.docId);
    if (!source) sources.set(quote.docId, (source = readSource(archiveRoot, quote.docId)));
    const found = await source;
    if ('missing' in found) {
      results.push({ ...base, status: 'missing', detail: found.missing });
      continue;
    }
    const doc = found.document;
    const place = quote.start !== null && quote.end !== null ? `${quote.start}–${quote.end}` : null;
    const there = place ? doc.text.slice(quote.start ?? 0, quote.end ?? 0) : null;
    if (place === null) {
      results.push({ ...base, status: 'changed', detail: 'no place was cited (the quote was not found at export), so it cannot be verified' });
    } else if (doc.sha256 !== quote.sourceSha256) {
      const words = there === quote.exact ? 'the quoted words still stand there' : `the text there now reads “${clip(there ?? '')}”`;
      results.push({ ...base, status: 'changed', detail: `the source file changed (SHA-256 ${doc.sha256.slice(0, 16)}…, was ${(quote.sourceSha256 ?? 'none').slice(0, 16)}…); at ${place} ${words}` });
    } else if (there !== quote.exact) {
      results.push({ ...base, status: 'changed', detail: `the text at ${place} reads “${clip(there ?? '')}”, not the quote` });
    } else {
      results.push({ ...base, status: 'ok', detail: `SHA-256 ${doc.sha256.slice(0, 16)}…, characters ${place} hold the quote` });
    }
  }
  return results;
}

type Source = { document: ArchiveDocument } | { missing: string };

/** The document a quote names, read exactly as ingest reads it, or why it is missing. */
async function readSource(archiveRoot: string, docId: string): Promise<Source> {
  if (relativePathProblem(docId) !== null) return { missing: 'the document id points outside the archive' };
  if (!isArchiveFile(docId)) return { missing: 'the document id names no file the archive reads (hidden, or not a supported format)' };
  const { entry, document, gone } = await ingestFile(archiveRoot, docId);
  if (document) return { document };
  if (gone) return { missing: 'the source file is not in the archive' };
  return { missing: `the source file is not read from the archive: ${entry.reason ?? entry.status}` };
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
