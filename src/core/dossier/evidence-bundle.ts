import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { strToU8, Unzip, UnzipInflate, zipSync, type Zippable } from 'fflate';
import { sha256Hex } from '../archive/archive';
import { sourceFileOf } from '../archive/web-archive';
import { custodyView, LEDGER_FILE, LEDGER_HEAD_FILE, LedgerHead, type CustodyView } from '../archive/custody-ledger';
import { isInside, relativePathProblem } from '../contained-path';
import { CasefileError, errorMessage } from '../errors';
import { MANIFEST_FILE_NAME, type DossierManifest } from './model';
import { readManifestFromPdf, verifyDossierPdf, type DossierVerification, type LedgerVerdict } from './verify';

/**
 * An evidence bundle: one zip holding a signed dossier PDF and all it takes to check it on another
 * computer, with no archive and no Casefile data folder: the quoted sources byte for byte, the
 * manifest, the archive's custody ledger, the quoted annotations (W3C JSON-LD) and a how-to.
 */

export const SOURCES_FOLDER = 'sources/';
export const ANNOTATIONS_FILE = 'annotations.jsonld';
export const HOW_TO_FILE = 'HOW-TO-VERIFY.txt';
/** What the report names as the archive a bundle's quotes were checked against. */
export const BUNDLE_ARCHIVE_ROOT = 'the sources/ folder of the bundle';

/** How much of a zip is read: a zip of a few kilobytes can declare or inflate to gigabytes (a zip bomb). */
export interface BundleLimits {
  entries: number;
  totalBytes: number;
}
export const BUNDLE_LIMITS: BundleLimits = { entries: 10_000, totalBytes: 1024 * 1024 * 1024 };

/** Compressed bytes handed to the inflater at a time: one step inflates to at most about 1,000 times this. */
const READ_STEP = 16 * 1024;

export interface BundleParts {
  title: string;
  created: Date;
  /** The PDF's name in the bundle (a plain file name). */
  pdfName: string;
  pdf: Uint8Array;
  /** The manifest exactly as attached to the PDF. */
  manifest: Uint8Array;
  ledger: Uint8Array;
  ledgerHead: LedgerHead;
  /** The quoted annotations as W3C JSON-LD. */
  annotations: string;
  sources: ReadonlyArray<{ docId: string; bytes: Uint8Array }>;
}

/** The bundle as a zip (the PDF stored as it is: it is compressed already). */
export function writeEvidenceBundle(parts: BundleParts): Uint8Array {
  const files: Zippable = {
    [parts.pdfName]: [parts.pdf, { level: 0 }],
    [MANIFEST_FILE_NAME]: parts.manifest,
    [LEDGER_FILE]: parts.ledger,
    [LEDGER_HEAD_FILE]: strToU8(`${JSON.stringify(parts.ledgerHead)}\n`),
    [ANNOTATIONS_FILE]: strToU8(parts.annotations),
  };
  for (const { docId, bytes } of parts.sources) files[`${SOURCES_FOLDER}${docId}`] = bytes;
  files[HOW_TO_FILE] = strToU8(howToVerify(parts));
  return zipSync(files, { mtime: parts.created });
}

/** Whether the bytes open as a zip (local file header magic PK\x03\x04) rather than a PDF. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function refused(reason: string): CasefileError {
  return new CasefileError('invalid-argument', `not a usable evidence bundle: ${reason}`);
}

/** Why a zip entry's name is refused (it could lead outside the folder it is extracted to), or null. */
function entryNameProblem(name: string): string | null {
  if (name === '') return 'is empty';
  const problem = relativePathProblem(name);
  if (problem !== null) return problem;
  if (name.replace(/\/$/, '').split('/').includes('')) return 'must not contain empty folder names';
  return null;
}

/**
 * Every file of a zip by name, read within `limits`: entry names are checked before anything is
 * inflated, an entry that declares more than the limit is refused unread, and one that inflates past
 * what it declared (or past the limit) is stopped there. Folder entries are left out.
 */
export function readZipEntries(zip: Uint8Array, limits: BundleLimits = BUNDLE_LIMITS): Map<string, Uint8Array> {
  const entries = new Map<string, Uint8Array>();
  let count = 0;
  let total = 0;
  const unzip = new Unzip((file) => {
    const name = file.name;
    const problem = entryNameProblem(name);
    if (problem !== null) throw refused(`its entry ${JSON.stringify(name)} ${problem}`);
    if (++count > limits.entries) throw refused(`it holds more than ${limits.entries} entries`);
    if (entries.has(name)) throw refused(`it holds ${JSON.stringify(name)} twice`);
    const declared = file.originalSize;
    if (declared !== undefined && total + declared > limits.totalBytes) {
      throw refused(`its entry ${JSON.stringify(name)} declares ${declared} bytes, past the limit of ${limits.totalBytes} bytes for a whole bundle`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      // fflate hands an error thrown here back as `error`: thrown again, it ends the read.
      if (error) throw error instanceof CasefileError ? error : refused(`its entry ${JSON.stringify(name)} cannot be read (${errorMessage(error)})`);
      size += chunk.length;
      total += chunk.length;
      if (declared !== undefined && size > declared) throw refused(`its entry ${JSON.stringify(name)} inflates past the ${declared} bytes it declares`);
      if (total > limits.totalBytes) throw refused(`its entries inflate past the limit of ${limits.totalBytes} bytes for a whole bundle`);
      chunks.push(chunk);
      if (final && !name.endsWith('/')) entries.set(name, concat(chunks, size));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < zip.length; at += READ_STEP) unzip.push(zip.subarray(at, at + READ_STEP), at + READ_STEP >= zip.length);
  } catch (error) {
    throw error instanceof CasefileError ? error : refused(`it cannot be read as a zip (${errorMessage(error)})`);
  }
  return entries;
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}

/** A bundled source against the SHA-256 the manifest records for it. */
export interface BundledSource {
  docId: string;
  /** `different`: bundled with another SHA-256; `absent`: quoted but not bundled; `unlisted`: bundled but quoted by nothing. */
  state: 'ok' | 'different' | 'absent' | 'unlisted';
  /** SHA-256 of the bundled file; null if absent. */
  sha256: string | null;
}

/** What was checked of the bundle itself, beside the dossier's own checks. */
export interface BundleCheck {
  /** The dossier PDF's name in the bundle. */
  pdf: string;
  /** The bundled casefile-manifest.json against the one attached to the PDF. */
  manifest: 'same' | 'different' | 'absent';
  sources: BundledSource[];
  /** What does not hold, in words; empty when the bundle is whole. */
  problems: string[];
}

export type BundleVerification = DossierVerification & { bundle: BundleCheck };

export function isBundleVerification(report: DossierVerification | BundleVerification): report is BundleVerification {
  return 'bundle' in report;
}

/**
 * Checks an evidence bundle with nothing but the bundle: its sources are written to a fresh
 * temporary folder, which serves as the archive for the dossier's own checks (signature, printed
 * pages, every quote at its place), with the bundled custody ledger; then that the bundled manifest
 * is the one attached to the PDF and each bundled source has the SHA-256 the manifest records.
 */
export async function verifyEvidenceBundle(zip: Uint8Array, limits: BundleLimits = BUNDLE_LIMITS): Promise<BundleVerification> {
  const entries = readZipEntries(zip, limits);
  const { name: pdfName, bytes: pdf } = dossierPdfOf(entries);
  const attached = await readManifestFromPdf(pdf);
  const problems: string[] = [];

  const manifest = sameManifest(entries.get(MANIFEST_FILE_NAME), attached);
  if (manifest === 'absent') problems.push(`${MANIFEST_FILE_NAME} is not in the bundle`);
  if (manifest === 'different') problems.push(`${MANIFEST_FILE_NAME} is not the manifest attached to ${pdfName}`);
  const sources = checkSources(entries, attached);
  for (const source of sources) {
    if (source.state === 'different') problems.push(`${SOURCES_FOLDER}${source.docId} has SHA-256 ${source.sha256}, not the one the manifest records`);
    if (source.state === 'absent') problems.push(`${SOURCES_FOLDER}${source.docId} is quoted but not in the bundle`);
    if (source.state === 'unlisted') problems.push(`${SOURCES_FOLDER}${source.docId} is in the bundle but no quote of the manifest cites it`);
  }
  const custody = bundledCustody(entries, attached);
  if (custody.problem) problems.push(custody.problem);

  const root = await realpath(await mkdtemp(path.join(os.tmpdir(), 'casefile-bundle-')));
  try {
    await extractSources(entries, root);
    const report = await verifyDossierPdf(pdf, root, custody.view);
    const ledger: LedgerVerdict = custody.problem && report.ledger.state !== 'broken' ? { state: 'broken', problem: custody.problem } : report.ledger;
    return {
      ...report,
      archiveRoot: BUNDLE_ARCHIVE_ROOT,
      ledger,
      bundle: { pdf: pdfName, manifest, sources, problems },
      ok: report.ok && ledger.state !== 'broken' && problems.length === 0,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** The dossier PDF of a bundle: its one PDF outside any folder. */
export function dossierPdfOf(entries: ReadonlyMap<string, Uint8Array>): { name: string; bytes: Uint8Array } {
  const pdfs = [...entries].filter(([name]) => !name.includes('/') && name.toLowerCase().endsWith('.pdf'));
  if (pdfs.length !== 1) throw refused(pdfs.length === 0 ? 'it holds no dossier PDF' : `it holds ${pdfs.length} PDFs (${pdfs.map(([name]) => name).join(', ')}), not one dossier`);
  const [[name, bytes]] = pdfs;
  return { name, bytes };
}

function sameManifest(bundled: Uint8Array | undefined, attached: DossierManifest): BundleCheck['manifest'] {
  if (!bundled) return 'absent';
  try {
    return isDeepStrictEqual(JSON.parse(new TextDecoder().decode(bundled)), attached) ? 'same' : 'different';
  } catch {
    return 'different';
  }
}

/** Each source the manifest quotes, then each bundled source it does not. */
function checkSources(entries: ReadonlyMap<string, Uint8Array>, manifest: DossierManifest): BundledSource[] {
  const recorded = new Map(manifest.quotes.map((q) => [q.docId, q.sourceSha256]));
  const bundled = new Map(
    [...entries]
      .filter(([name]) => name.startsWith(SOURCES_FOLDER))
      .map(([name, bytes]) => [name.slice(SOURCES_FOLDER.length), sha256Hex(bytes)] as const),
  );
  const quoted = [...recorded].map(([docId, sha256]): BundledSource => {
    const file = sourceFileOf(docId);
    const found = bundled.get(file) ?? null;
    // A page captured in a web archive is bundled as the whole archive file: its own SHA-256 is the
    // page's body, which the dossier's check reads out of the bundled archive (every quote's source).
    if (file !== docId) return { docId, sha256: found, state: found === null ? 'absent' : 'ok' };
    return { docId, sha256: found, state: found === null ? 'absent' : found === sha256 ? 'ok' : 'different' };
  });
  const quotedFiles = new Set([...recorded.keys()].map(sourceFileOf));
  const unlisted = [...bundled].filter(([file]) => !quotedFiles.has(file)).map(([docId, sha256]): BundledSource => ({ docId, sha256, state: 'unlisted' }));
  return [...quoted, ...unlisted];
}

/**
 * The custody view of the bundled ledger, checked to hold both the head written beside it and the
 * head the manifest recorded; a bundle without its ledger or head, or with an unreadable head, is a problem.
 */
function bundledCustody(entries: ReadonlyMap<string, Uint8Array>, manifest: DossierManifest): { view: CustodyView | null; problem: string | null } {
  const ledger = entries.get(LEDGER_FILE);
  const headBytes = entries.get(LEDGER_HEAD_FILE);
  if (!ledger || !headBytes) return { view: null, problem: `${!ledger ? LEDGER_FILE : LEDGER_HEAD_FILE} is not in the bundle` };
  let head: LedgerHead | null = null;
  try {
    head = LedgerHead.parse(JSON.parse(new TextDecoder().decode(headBytes)));
  } catch {
    // reported below; the ledger is still checked against the manifest's head
  }
  const heads = [head, manifest.custody?.ledger].filter((h): h is LedgerHead => h !== null && h !== undefined);
  return { view: custodyView(new TextDecoder().decode(ledger), heads), problem: head ? null : `${LEDGER_HEAD_FILE} cannot be read` };
}

/** Writes each bundled source under `root` at its document id, and nowhere else. */
async function extractSources(entries: ReadonlyMap<string, Uint8Array>, root: string): Promise<void> {
  for (const [name, bytes] of entries) {
    if (!name.startsWith(SOURCES_FOLDER)) continue;
    const docId = name.slice(SOURCES_FOLDER.length);
    const target = path.resolve(root, ...docId.split('/'));
    // The names were checked when read; this is the last word before a file is written.
    if (relativePathProblem(docId) !== null || target === root || !isInside(root, target)) throw refused(`its entry ${JSON.stringify(name)} leads outside its folder`);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, bytes, { flag: 'wx' });
    } catch (error) {
      throw refused(`its entry ${JSON.stringify(name)} cannot be extracted (${errorMessage(error)})`);
    }
  }
}

/** HOW-TO-VERIFY.txt: what each file is, and how to check the bundle with Casefile or by hand. */
function howToVerify({ title, created, pdfName, sources }: BundleParts): string {
  const sums = sources.map(({ docId, bytes }) => `    ${sha256Hex(bytes)}  ${SOURCES_FOLDER}${docId}`);
  return `${[
    `Evidence bundle: ${title}`,
    `Made by Casefile on ${created.toISOString()}.`,
    '',
    'WHAT IS IN IT',
    `  ${pdfName}`,
    '      The dossier, signed: the signature covers every byte of the PDF.',
    `  ${MANIFEST_FILE_NAME}`,
    '      Every quote: the document id of its source, its characters there (start, end), its exact',
    '      words and the SHA-256 of the source file. The same file is attached inside the PDF.',
    `  ${SOURCES_FOLDER}<document id>`,
    '      Each quoted source, byte for byte as it was archived.',
    `  ${LEDGER_FILE}, ${LEDGER_HEAD_FILE}`,
    "      The archive's custody ledger: each file's SHA-256 when Casefile first saw it and at every",
    '      change since, each line holding the hash of the line before (a hash chain); and where the',
    '      ledger ended when the bundle was made.',
    `  ${ANNOTATIONS_FILE}`,
    '      The quoted annotations (notes, tags, colours) as W3C Web Annotations (JSON-LD).',
    `  ${HOW_TO_FILE}`,
    '      This file.',
    '',
    'CHECK IT WITH CASEFILE (no archive and no Casefile data folder needed)',
    '  casefile verify THIS-FILE.zip        (from a Casefile checkout: npm run -s cli -- verify THIS-FILE.zip)',
    "  It checks the PDF's signature; that every quote is printed on the pages as the manifest lists it;",
    '  that each quote stands at its characters in its bundled source; that each source has the SHA-256',
    '  the manifest records; that the bundled manifest is the one attached to the PDF; and that the',
    '  custody ledger\'s chain holds. It exits 0 only if all of this holds; add --json for a report.',
    '',
    'CHECK IT BY HAND',
    '  1. Unzip it:                 unzip THIS-FILE.zip -d bundle && cd bundle',
    `  2. The signature (poppler):  pdfsig ${pdfName}`,
    '     It must say "Signature Validation: Signature is Valid." and "Total document signed".',
    '     One byte changed anywhere in the PDF gives "Digest Mismatch." instead.',
    `  3. The manifest is the one signed: pdfdetach -save 1 -o attached.json ${pdfName}`,
    `     (pdfdetach -list shows it as file 1), then: cmp attached.json ${MANIFEST_FILE_NAME}   (no output: the same)`,
    `  4. The sources:              sha256sum ${SOURCES_FOLDER}*`,
    `     Each sum must be the "sourceSha256" that ${MANIFEST_FILE_NAME} gives for that document id.`,
    '     When the bundle was made they were:',
    ...sums,
    '  5. Each quote: "exact" in the manifest is the quote, "start" and "end" its characters in the',
    "     source's text as Casefile reads it (line endings as \\n, Unicode NFC; text drawn out of HTML",
    '     and PDF files). casefile verify makes this check for you.',
    '',
    'WHAT A SIGNATURE PROVES',
    '  A valid signature proves integrity: the PDF is byte for byte as it was when it was signed, by the',
    '  key whose certificate it carries (pdfsig and casefile verify show its SHA-256 fingerprint). A',
    "  self-signed certificate, such as the one Casefile makes on first use, does not prove identity:",
    '  anyone can make one in any name. To tie the PDF to a person, compare the fingerprint with one',
    '  they gave you by another channel, or have them sign with a certificate from an authority you',
    '  trust (casefile export --p12). The custody ledger proves the order and content of what Casefile',
    '  saw, not that the clock of the computer was right.',
  ].join('\n')}\n`;
}
