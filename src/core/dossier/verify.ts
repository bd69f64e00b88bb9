import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { ingestFile, isArchiveFile } from '../archive/archive';
import { sourceFileOf } from '../archive/web-archive';
import { describeCustodyCoded, type CustodyView, type LedgerState } from '../archive/custody-ledger';
import type { ArchiveDocument } from '../archive/document';
import { pagesOfSpan } from '../archive/page-numbers';
import { relativePathProblem } from '../contained-path';
import type { MessageCode } from '../../shared/i18n/core-messages';
import { CasefileError, errorMessage } from '../errors';
import { said, saidOrText, type Said } from '../said';
import { DossierManifest, MANIFEST_FILE_NAME } from './model';
import { readPdfSignature, type PdfSignature } from './signature';
import { citationProblem, clip, compareWords, dossierFontDraws, readPrintedQuotes, type Drawable, type PrintedQuote } from './verify-printed';

/** A manifest lists quotes and ids; this is far more than a dossier of thousands of quotes needs. */
export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

/** A quote's source in the archive: as cited, changed since, or not there. */
export type SourceStatus = 'ok' | 'changed' | 'missing';
/** A quote on the printed pages: printed as its source gives it, not printed, or printed otherwise. */
export type PrintedStatus = 'ok' | 'not-printed' | 'altered';

/** One quote of the manifest checked against its source in the archive. */
export interface SourceCheck {
  number: number;
  docId: string;
  status: SourceStatus;
  /** What was checked, or what differs, in words. */
  detail: string;
  /** The detail's code, for an interface that words it in its own language. */
  detailCode?: MessageCode;
}

/** One quote of the manifest, checked in the archive and on the pages (the `verify --json` contract). */
export interface VerifiedQuote {
  number: number;
  /** The annotation it was quoted from. */
  id: string;
  docId: string;
  source: SourceStatus;
  printed: PrintedStatus;
  /** `ok` only when both the source and the print check. */
  status: 'ok' | 'failed';
  /** The source, in words. */
  detail: string;
  /** The print, in words. */
  printedDetail: string;
  /** The codes of the details and of the custody, for an interface that words them in its own language (absent: English only). */
  detailCode?: MessageCode;
  printedDetailCode?: MessageCode;
  custodyCode?: MessageCode;
  /** The page its block starts on; null if none was found. */
  page: number | null;
  /** What the custody ledger says of the cited version: unchanged since first seen at T, or when it changed. */
  custody: string;
}

/** A quote block on the pages that the manifest does not list. */
export interface UnlistedQuote {
  printed: 'unlisted';
  status: 'failed';
  /** The number printed beside it. */
  number: number;
  page: number;
  text: string;
}

/** Whether the custody ledger's chain holds, up to the entry the dossier recorded when it was made. */
export interface LedgerVerdict {
  /** `absent` when no ledger was at hand (an archive opened without its data folder, or a dossier made before ledgers). */
  state: LedgerState;
  problem: string | null;
}

export interface DossierVerification {
  title: string;
  created: string;
  archiveRoot: string;
  /** Pages of the PDF that were read. */
  pages: number;
  /** Every quote of the manifest, then every quote block printed that the manifest does not list. */
  quotes: Array<VerifiedQuote | UnlistedQuote>;
  signature: PdfSignature;
  ledger: LedgerVerdict;
  /** Every quote checks, nothing unlisted is printed, the signature (if any) is valid and the ledger (if any) holds. */
  ok: boolean;
}

export function isListed(quote: VerifiedQuote | UnlistedQuote): quote is VerifiedQuote {
  return quote.printed !== 'unlisted';
}

/**
 * Checks an exported dossier: its signature, the manifest attached to it against the archive
 * (verifyManifest) and the custody ledger, and the printed pages against the manifest (checkPrinted).
 */
export async function verifyDossierPdf(bytes: Uint8Array, archiveRoot: string, custody: CustodyView | null = null): Promise<DossierVerification> {
  const signature = await readPdfSignature(bytes);
  const manifest = await readManifestFromPdf(bytes);
  const printed = await readPrintedQuotes(bytes);
  const sources = await verifyManifest(manifest, archiveRoot);
  const { quotes: prints, unlisted } = checkPrinted(manifest, printed.quotes, await dossierFontDraws());
  const quotes = manifest.quotes.map((quote, i): VerifiedQuote => {
    const source = sources[i];
    const print = prints[i];
    const custodySaid = describeCustodyCoded(custody ? custody.of(quote.docId) : null, quote.sourceSha256);
    return {
      number: quote.number,
      id: quote.annotationId,
      docId: quote.docId,
      source: source.status,
      printed: print.printed,
      status: source.status === 'ok' && print.printed === 'ok' ? 'ok' : 'failed',
      detail: source.detail,
      printedDetail: print.detail,
      ...(source.detailCode ? { detailCode: source.detailCode } : {}),
      ...(print.detailCode ? { printedDetailCode: print.detailCode } : {}),
      page: print.page,
      custody: custodySaid.text,
      custodyCode: custodySaid.code,
    };
  });
  const ledger = ledgerVerdict(manifest, custody);
  return {
    title: manifest.title,
    created: manifest.created,
    archiveRoot,
    pages: printed.pages,
    quotes: [...quotes, ...unlisted],
    signature,
    ledger,
    ok: quotes.every((q) => q.status === 'ok') && unlisted.length === 0 && signature.state !== 'broken' && ledger.state !== 'broken',
  };
}

/** The ledger's chain, and whether it still holds the entry the dossier recorded as its head when it was made. */
function ledgerVerdict(manifest: DossierManifest, custody: CustodyView | null): LedgerVerdict {
  if (!custody) return { state: 'absent', problem: null };
  const problem = custody.check.problem ?? (manifest.custody ? custody.holds(manifest.custody.ledger) : null);
  return problem ? { state: 'broken', problem } : { state: 'ok', problem: null };
}

type ManifestQuote = DossierManifest['quotes'][number];

/**
 * Finds each quote of the manifest among the quote blocks printed on the pages: first the block with
 * its number and its words, then one with its words under another number, then one with its number
 * and other words (altered); a quote with none is not printed. Blocks left over are unlisted.
 */
export function checkPrinted(
  manifest: DossierManifest,
  blocks: readonly PrintedQuote[],
  drawable: Drawable,
): { quotes: Array<{ printed: PrintedStatus; detail: string; detailCode?: MessageCode; page: number | null }>; unlisted: UnlistedQuote[] } {
  const used = new Set<PrintedQuote>();
  const found = new Map<ManifestQuote, PrintedQuote>();
  const take = (pick: (quote: ManifestQuote, block: PrintedQuote) => boolean) => {
    for (const quote of manifest.quotes) {
      if (found.has(quote)) continue;
      const block = blocks.find((b) => !used.has(b) && pick(quote, b));
      if (block) {
        used.add(block);
        found.set(quote, block);
      }
    }
  };
  const sameWords = (quote: ManifestQuote, block: PrintedQuote) => compareWords(block.lines, quote.exact, drawable).same;
  take((quote, block) => block.number === quote.number && sameWords(quote, block));
  take(sameWords);
  take((quote, block) => block.number === quote.number);

  const quotes = manifest.quotes.map((quote) => {
    const block = found.get(quote);
    if (!block) return { printed: 'not-printed' as const, ...coded(said('print.notPrinted', { number: quote.number })), page: null };
    const page = block.page;
    const altered = (detail: Said) => ({ printed: 'altered' as const, ...coded(detail), page });
    const words = compareWords(block.lines, quote.exact, drawable);
    if (!words.same) return altered(said('print.altered', { number: quote.number, page, problem: { text: words.detail, code: words.detailCode } }));
    if (block.number !== quote.number) return altered(said('print.otherNumber', { number: quote.number, page, printedAs: block.number }));
    const citation = citationProblem(block.tail, quote, drawable);
    // The citation's problem lists what is missing in English: said as such, without a code.
    if (citation) return { printed: 'altered' as const, detail: `[${quote.number}] on p. ${page}: ${citation}`, page };
    return { printed: 'ok' as const, ...coded(said('print.ok', { number: quote.number, page })), page };
  });
  const unlisted = blocks
    .filter((block) => !used.has(block))
    .map((block): UnlistedQuote => ({ printed: 'unlisted', status: 'failed', number: block.number, page: block.page, text: block.lines.join(' ').replace(/\s+/g, ' ').trim() }));
  return { quotes, unlisted };
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
export async function verifyManifest(manifest: DossierManifest, archiveRoot: string): Promise<SourceCheck[]> {
  // Each source is read once, however many quotes name it.
  const sources = new Map<string, Promise<Source>>();
  const results: SourceCheck[] = [];
  for (const quote of manifest.quotes) {
    const base = { number: quote.number, docId: quote.docId };
    let source = sources.get(quote.docId);
    if (!source) sources.set(quote.docId, (source = readSource(archiveRoot, quote.docId)));
    const found = await source;
    if ('missing' in found) {
      results.push({ ...base, status: 'missing', ...coded(found.missing) });
      continue;
    }
    const doc = found.document;
    const place = quote.start !== null && quote.end !== null ? `${quote.start}–${quote.end}` : null;
    const there = place ? doc.text.slice(quote.start ?? 0, quote.end ?? 0) : null;
    if (place === null) {
      results.push({ ...base, status: 'changed', ...coded(said('source.noPlace')) });
    } else if (doc.sha256 !== quote.sourceSha256) {
      const digests = { sha256: doc.sha256.slice(0, 16), was: (quote.sourceSha256 ?? 'none').slice(0, 16), place };
      const detail = there === quote.exact ? said('source.changedSameWords', digests) : said('source.changedOtherWords', { ...digests, text: clip(there ?? '') });
      results.push({ ...base, status: 'changed', ...coded(detail) });
    } else if (there !== quote.exact) {
      results.push({ ...base, status: 'changed', ...coded(said('source.otherWords', { place, text: clip(there ?? '') })) });
    } else {
      // A PDF's page is said too, so the quote can be found in the original.
      const pages = pagesOfSpan(doc.pages, quote.start ?? 0, quote.end ?? 0);
      const sha256 = doc.sha256.slice(0, 16);
      const detail = !pages
        ? said('source.holds', { sha256, place })
        : pages.first === pages.last
          ? said('source.holdsOnPage', { sha256, place, page: pages.first })
          : said('source.holdsOnPages', { sha256, place, first: pages.first, last: pages.last });
      results.push({ ...base, status: 'ok', ...coded(detail) });
    }
  }
  return results;
}

type Source = { document: ArchiveDocument } | { missing: Said | string };

/** A detail in English with its code, as the checks report it (a plain text has none: English only). */
function coded(detail: Said | string): { detail: string; detailCode?: MessageCode } {
  return typeof detail === 'string' ? { detail } : { detail: detail.text, detailCode: detail.code };
}

/** The document a quote names, read exactly as ingest reads it, or why it is missing. */
async function readSource(archiveRoot: string, docId: string): Promise<Source> {
  if (relativePathProblem(docId) !== null) return { missing: said('source.outside') };
  const file = sourceFileOf(docId);
  if (!isArchiveFile(file)) return { missing: said('source.notArchiveFile') };
  const { entry, documents, gone } = await ingestFile(archiveRoot, file);
  const document = documents.find((doc) => doc.id === docId);
  if (document) return { document };
  if (gone) return { missing: said('source.gone') };
  // Said in English only, in every interface (a rare case, not in the table of sentences yet).
  if (entry.status === 'indexed') return { missing: `the web archive ${file} no longer holds the captured record` };
  return { missing: said('source.notRead', { reason: entry.reason ? saidOrText(entry.reason, entry.reasonCode) : entry.status }) };
}
