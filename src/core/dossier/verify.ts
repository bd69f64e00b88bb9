import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { parseDocument } from '../archive/archive';
import { CasefileError, errorMessage } from '../errors';
import { DossierManifest, MANIFEST_FILE_NAME } from './model';

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
  const files = embeddedFiles(pdf);
  const manifest = files.get(MANIFEST_FILE_NAME);
  if (!manifest) {
    throw new CasefileError('invalid-argument', `the PDF carries no ${MANIFEST_FILE_NAME}: it was not exported by Casefile, or the attachment was removed`);
  }
  try {
    return DossierManifest.parse(JSON.parse(new TextDecoder().decode(manifest)));
  } catch (error) {
    throw new CasefileError('invalid-argument', `the attached manifest cannot be read (${errorMessage(error)})`);
  }
}

/** Embedded files of a PDF by name, from the catalog's /Names /EmbeddedFiles name tree. */
function embeddedFiles(pdf: PDFDocument): Map<string, Uint8Array> {
  const found = new Map<string, Uint8Array>();
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
      if (stream instanceof PDFRawStream) found.set(key.decodeText(), decodePDFRawStream(stream).decode());
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
 * Checks every quote of a manifest against an archive: the source file exists (inside the archive),
 * its SHA-256 is the one recorded, and the text at the recorded offsets is the exact quote.
 */
export async function verifyManifest(manifest: DossierManifest, archiveRoot: string): Promise<VerifiedQuote[]> {
  const root = path.resolve(archiveRoot);
  const results: VerifiedQuote[] = [];
  for (const quote of manifest.quotes) {
    const base = { number: quote.number, docId: quote.docId };
    const file = path.resolve(root, quote.docId);
    if (path.isAbsolute(quote.docId) || !file.startsWith(root + path.sep)) {
      results.push({ ...base, status: 'missing', detail: 'the document id points outside the archive' });
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      results.push({ ...base, status: 'missing', detail: 'the source file is not in the archive' });
      continue;
    }
    const doc = parseDocument(quote.docId, bytes);
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

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
