import { createHash, webcrypto } from 'node:crypto';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ArchiveFileRefused, readArchiveFile, relativePathProblem, type ArchiveFileRefusal } from '../contained-path';
import type { MessageCode } from '../../shared/i18n/core-messages';
import { CasefileError, errorMessage } from '../errors';
import { said, saidOrText, type Said } from '../said';
import { boilerplateSpans } from './boilerplate';
import { stampOf, type FileStamp, type IngestCatalog } from './catalog';
import { decodeBytes } from './decode';
import { normalizeText, splitParagraphs, type ArchiveDocument, type DocumentDate } from './document';
import { ExtractionPool, readsInThread, sharedExtractionPool } from './extract-pool';
import { extract, FORMATS, ReadLimitError, statedFrom, type Format, type StatedMetadata } from './formats';
import { extractMetadata, parseDateLine } from './metadata';
import { capturedDocumentId, isWebArchiveFormat, readWebArchive, webArchiveFormatOf, type WebArchiveFormat, type WebCapture } from './web-archive';

export interface SkippedFile {
  id: string;
  reason: string;
}

/** What happened to one file of the archive folder (the ingest report's row). */
export interface IngestEntry {
  /** Path relative to the archive root, `/`-separated (the document id when indexed). */
  file: string;
  status: 'indexed' | 'skipped' | 'failed';
  /** Why it was skipped or failed; for an indexed file, how it was read when not the usual way (else null). */
  reason: string | null;
  /** The reason's code, for an interface that words it in its own language (absent: the English reason only). */
  reasonCode?: MessageCode;
  format: string | null;
  encoding: string | null;
  sha256: string | null;
  /** For a web archive: each captured record, with the document made of it or why none was (absent otherwise). */
  captures?: CaptureOutcome[];
}

/** What became of one record of a web archive. */
export interface CaptureOutcome {
  url: string;
  recordId: string;
  /** The document made of it; null when it is not indexed (then `reason` says why). */
  docId: string | null;
  reason: string | null;
}

export interface LoadedArchive {
  root: string;
  documents: ArchiveDocument[];
  /** Every file and folder considered, with its outcome, in path order. */
  report: IngestEntry[];
  /** The entries not indexed (skipped or failed), for a short notice. */
  skipped: SkippedFile[];
  /** Files whose documents were taken from the ingest catalog (unchanged size, time and inode) rather than read. */
  reused: string[];
}

const EXTENSIONS = new Set(FORMATS.map((f) => `.${f}`));
/** `article.meta.json` (or `article.html.meta.json`) beside a file states its metadata. */
const SIDECAR = /\.meta\.json$/i;
/** Larger files are skipped: a text this long is not an article, and indexing it would take minutes. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Larger web archives are skipped (read whole into memory; see maxBytesOf). */
export const MAX_WEB_ARCHIVE_BYTES = 1024 * 1024 * 1024;
/** A sidecar states a few fields; a larger one is not read. */
const MAX_SIDECAR_BYTES = 1024 * 1024;
/** Deeper folders are not entered (a loop through bind mounts, or a mistaken root). */
export const MAX_DEPTH = 32;
/** Files read at once while ingesting a folder (most time is spent waiting on the disk). */
const INGEST_CONCURRENCY = 32;
/** Editor back-ups, swap and lock files: never sources. */
const TEMPORARY = /(?:~$|^\.?#.*#?$|\.sw[a-p]$|\.tmp$|\.part$|\.crdownload$|^~\$)/i;

/**
 * Reads every `.txt` under `root` (recursively). Each file is indexed or skipped or failed with a
 * reason, and one bad file never stops the rest: hidden and temporary files, links (never followed:
 * they may lead outside the archive or into a loop), other formats, empty, binary and oversized
 * files are skipped; unreadable files, and files that change or vanish while read, fail.
 */
export async function loadArchive(root: string, catalog?: IngestCatalog, pool: ExtractionPool = sharedExtractionPool()): Promise<LoadedArchive> {
  const absoluteRoot = path.resolve(root);
  const report: IngestEntry[] = [];
  const documents: ArchiveDocument[] = [];
  const reused: string[] = [];
  const files = await listCandidates(absoluteRoot, absoluteRoot, report, 0);
  const sidecars = new Set(report.filter((e) => SIDECAR.test(e.file)).map((e) => e.file));
  const ingest = async (id: string): Promise<Pick<IngestOutcome, 'entry' | 'documents'>> => {
    if (!catalog) return ingestFile(absoluteRoot, id, pool);
    const stamps = await stampsOf(absoluteRoot, id, sidecars);
    const known = stamps && catalog.lookup(id, stamps.file, stamps.sidecars);
    if (known) {
      if (known.documents.length > 0) reused.push(id);
      return { entry: known.entry, documents: known.documents };
    }
    const outcome = await ingestFile(absoluteRoot, id, pool);
    // Failures (unreadable, changing) are tried again at the next open; a file over the read budget is
    // not, while it stays as it is (reading it again would cost the whole budget again).
    if (stamps && (outcome.entry.status !== 'failed' || outcome.overBudget)) catalog.record(id, stamps.file, stamps.sidecars, outcome.entry, outcome.documents);
    return outcome;
  };
  // A file's ingest is mostly waiting on the disk (stat, read, stat again, sidecar probes): several
  // in flight keep it busy. The outcome does not depend on the order; both lists are sorted below.
  let next = 0;
  const ingestNext = async (): Promise<void> => {
    while (next < files.length) {
      const outcome = await ingest(toDocumentId(absoluteRoot, files[next++]));
      report.push(outcome.entry);
      documents.push(...outcome.documents);
    }
  };
  await Promise.all(Array.from({ length: Math.min(INGEST_CONCURRENCY, files.length) }, ingestNext));
  documents.sort((a, b) => a.id.localeCompare(b.id));
  report.sort((a, b) => a.file.localeCompare(b.file));
  const skipped = report.filter((e) => e.status !== 'indexed').map((e) => ({ id: e.file, reason: e.reason ?? e.status }));
  if (catalog) {
    catalog.recordListing(new Set(files.map((file) => toDocumentId(absoluteRoot, file))), report);
    await catalog.save();
  }
  return { root: absoluteRoot, documents, report, skipped, reused };
}

function entry(file: string, status: IngestEntry['status'], reason: string | Said | null, extra: Partial<IngestEntry> = {}): IngestEntry {
  const coded = reason !== null && typeof reason !== 'string' ? { reason: reason.text, reasonCode: reason.code } : { reason };
  return { file, status, ...coded, format: null, encoding: null, sha256: null, ...extra };
}

async function listCandidates(root: string, dir: string, report: IngestEntry[], depth: number): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    report.push(entry(toDocumentId(root, dir) || '.', 'failed', `folder cannot be read (${errorMessage(error)})`));
    return [];
  }
  const files: string[] = [];
  for (const item of entries) {
    const full = path.join(dir, item.name);
    const id = toDocumentId(root, full);
    const unusable = unusableName(id);
    if (item.name.startsWith('.')) report.push(entry(id, 'skipped', said(item.isDirectory() ? 'ingest.hiddenFolder' : 'ingest.hiddenFile')));
    else if (unusable !== null) report.push(entry(id, 'skipped', unusable));
    else if (item.isSymbolicLink()) report.push(entry(id, 'skipped', said('ingest.symbolicLink')));
    else if (item.isDirectory()) {
      if (depth >= MAX_DEPTH) report.push(entry(id, 'skipped', said('ingest.tooDeep', { levels: MAX_DEPTH })));
      else files.push(...(await listCandidates(root, full, report, depth + 1)));
    } else if (!item.isFile()) report.push(entry(id, 'skipped', said('ingest.notRegularFile')));
    else if (TEMPORARY.test(item.name)) report.push(entry(id, 'skipped', said('ingest.temporaryFile')));
    else if (SIDECAR.test(item.name)) report.push(entry(id, 'skipped', said('ingest.sidecar'), { format: 'json' }));
    else if (!isArchiveFile(id)) report.push(unsupportedEntry(id));
    else files.push(full);
  }
  return files;
}

/**
 * Reads and parses one archive file. Never throws: the outcome says what happened. A file whose
 * size or time changes during the read is read once more, then reported as changing. A file that
 * costs more to parse than `pool`'s budget fails, and says so.
 */
/**
 * What reading one file gave: its report row, its documents (one for an article, one per captured
 * page for a web archive, none when not indexed), and whether the file is simply gone.
 */
export interface IngestOutcome {
  entry: IngestEntry;
  documents: ArchiveDocument[];
  /** The file is not there (removed, or removed while read): no row belongs in the report. */
  gone?: true;
  /**
   * Reading it would cost more than the budget allows (a zip bomb, a page-tree bomb, too slow): the
   * same bytes would fail again, so the outcome is kept in the catalog until the file changes.
   */
  overBudget?: true;
}

export async function ingestFile(root: string, id: string, pool: ExtractionPool = sharedExtractionPool()): Promise<IngestOutcome> {
  const format = formatOf(id);
  const unusable = unusableName(id);
  if (unusable !== null) return { entry: entry(id, 'skipped', unusable, { format }), documents: [] };
  if (!isWebArchiveFormat(format)) return readAndIngest(root, id, format, pool);
  // A web archive may be a gigabyte in memory while read: one at a time, however many ingest reads at once.
  const turn = webArchiveTurn.then(() => readAndIngest(root, id, format, pool));
  webArchiveTurn = turn.then(
    () => undefined,
    () => undefined,
  );
  return turn;
}

/** The web archive being read now; the next waits for it. */
let webArchiveTurn: Promise<void> = Promise.resolve();

async function readAndIngest(root: string, id: string, format: string | null, pool: ExtractionPool): Promise<IngestOutcome> {
  let bytes: Buffer;
  try {
    bytes = await readSettled(root, id);
  } catch (error) {
    const gone = error instanceof ArchiveFileRefused && error.refusal === 'missing';
    return { entry: refusedEntry(id, error, format), documents: [], ...(gone ? { gone: true as const } : {}) };
  }
  const sha256 = await sha256HexOffThread(bytes);
  try {
    if (isWebArchiveFormat(format)) return await ingestWebArchive(id, format, bytes, sha256, pool);
    const { document, note } = await parseUnderBudget(id, bytes, await readSidecar(root, id), pool);
    if (document.text.trim() === '') return { entry: entry(id, 'skipped', said('ingest.empty'), { format, encoding: document.encoding, sha256 }), documents: [] };
    return { entry: entry(id, 'indexed', note, { format, encoding: document.encoding, sha256 }), documents: [document] };
  } catch (error) {
    // The core's own sentence keeps its code (read in this thread; one thrown in a reading thread arrives as text).
    const reason = error instanceof CasefileError ? saidOrText(error.message, error.messageCode) : errorMessage(error);
    const overBudget = error instanceof ReadLimitError ? { overBudget: true as const } : {};
    return { entry: entry(id, error instanceof CasefileError ? 'skipped' : 'failed', reason, { format, sha256 }), documents: [], ...overBudget };
  }
}

const UNMATCHED_DIGEST = 'its bytes do not match its WARC-Payload-Digest: the capture was cut short or altered';

/**
 * A web archive's captured pages and PDFs, each a document of its own read as a file of its format
 * is (under the same budget), with the capture's provenance in its metadata. One unreadable page
 * never stops the others: it is listed in the row's captures with the reason.
 */
async function ingestWebArchive(id: string, format: WebArchiveFormat, bytes: Buffer, sha256: string, pool: ExtractionPool): Promise<IngestOutcome> {
  const contents = await readWebArchive(id, format, bytes);
  const documents: ArchiveDocument[] = [];
  const captures: CaptureOutcome[] = contents.skipped.map((s) => ({ url: s.url, recordId: s.recordId, docId: null, reason: s.reason }));
  for (const captured of contents.documents) {
    const { url, recordId } = captured.capture;
    const docId = capturedDocumentId(id, recordId);
    try {
      const { document } = await parseUnderBudget(docId, captured.body, {}, pool, captured.format, captured.capture);
      if (document.text.trim() === '') captures.push({ url, recordId, docId: null, reason: 'empty (no text)' });
      else {
        documents.push(document);
        captures.push({ url, recordId, docId, reason: captured.capture.payloadDigestMatches === false ? UNMATCHED_DIGEST : null });
      }
    } catch (error) {
      if (error instanceof ReadLimitError) throw error;
      const digest = captured.capture.payloadDigestMatches === false ? `; ${UNMATCHED_DIGEST}` : '';
      captures.push({ url, recordId, docId: null, reason: `${errorMessage(error)}${digest}` });
    }
  }
  const notIndexed = captures.length - documents.length;
  const summary = `web archive: ${documents.length} ${documents.length === 1 ? 'page' : 'pages'} indexed, ${notIndexed} ${notIndexed === 1 ? 'record' : 'records'} not (see each capture)`;
  const reason = [summary, ...contents.warnings].join('; ');
  const status = documents.length > 0 ? 'indexed' : 'skipped';
  return { entry: entry(id, status, documents.length > 0 ? reason : `no page or PDF captured (${reason})`, { format, sha256, captures }), documents };
}

/** The file's bytes, read through the archive's one confinement check; a file saved while read is read once more. */
async function readSettled(root: string, id: string): Promise<Buffer> {
  try {
    return (await readArchiveFile(root, id, { maxBytes: maxBytesOf(id) })).bytes;
  } catch (error) {
    if (!(error instanceof ArchiveFileRefused) || error.refusal !== 'changing') throw error;
    return (await readArchiveFile(root, id, { maxBytes: maxBytesOf(id) })).bytes;
  }
}

/**
 * The largest file of this kind the archive reads. A web archive holds a crawl (pages, images,
 * scripts), often hundreds of megabytes for a few articles; it is read one at a time (see ingestFile).
 */
export function maxBytesOf(file: string): number {
  return webArchiveFormatOf(file) === null ? MAX_FILE_BYTES : MAX_WEB_ARCHIVE_BYTES;
}

/** What the file is (a link, a pipe, too large, outside) is skipped for good; a failed read is tried again later. */
const SKIPPED_REFUSALS: ReadonlySet<ArchiveFileRefusal> = new Set(['name', 'outside', 'link', 'not-a-file', 'too-large']);

function refusedEntry(id: string, error: unknown, format: string | null): IngestEntry {
  if (!(error instanceof ArchiveFileRefused)) return entry(id, 'failed', `cannot be read (${errorMessage(error)})`, { format });
  return entry(id, SKIPPED_REFUSALS.has(error.refusal) ? 'skipped' : 'failed', saidOrText(error.message, error.messageCode), { format });
}

/**
 * Why a file or folder name cannot be a document id, or null. Ids travel through every API call, URL
 * and manifest, which refuse control characters (a tab, a newline), backslashes and percent-escaped
 * dots or slashes; such a file is skipped with the reason rather than indexed under an id no call takes.
 */
function unusableName(id: string): string | null {
  const problem = relativePathProblem(id);
  return problem === null ? null : `unusable as a document id: its name ${problem}; rename it to index it`;
}

/** The report's row for a file of a format the archive does not read: skipped, saying its extension (or that it has none). */
export function unsupportedEntry(id: string): IngestEntry {
  const extension = path.extname(id);
  return entry(id, 'skipped', extension ? said('ingest.unsupportedFormat', { extension }) : said('ingest.noExtension'));
}

/** Whether a path (relative to the archive) names a file the archive reads. */
export function isArchiveFile(id: string): boolean {
  const readable = EXTENSIONS.has(path.extname(id).toLowerCase()) || webArchiveFormatOf(id) !== null;
  return readable && !SIDECAR.test(id) && !id.split('/').some((part) => part.startsWith('.'));
}

/** A file's format by its name: the extension, lower-cased (`warc.gz` for a compressed WARC); null without one. */
export function formatOf(file: string): string | null {
  return webArchiveFormatOf(file) ?? (path.extname(file).slice(1).toLowerCase() || null);
}

/** Whether a path names a metadata sidecar (`x.meta.json`), and which documents it may describe. */
export function sidecarTarget(id: string): string | null {
  return SIDECAR.test(id) ? id.replace(SIDECAR, '') : null;
}

/** Where a file's metadata sidecar may be, first choice first: `x.html.meta.json`, then `x.meta.json`. */
function sidecarCandidates(file: string): string[] {
  return [`${file}.meta.json`, `${file.slice(0, file.length - path.extname(file).length)}.meta.json`];
}

/** The stamps of a file and of its sidecars present in the folder (as listed); null if the file is gone. */
async function stampsOf(root: string, id: string, sidecars: ReadonlySet<string>): Promise<{ file: FileStamp; sidecars: Array<[string, FileStamp]> } | null> {
  try {
    const file = stampOf(await lstat(path.join(root, ...id.split('/'))));
    const present: Array<[string, FileStamp]> = [];
    for (const sidecar of sidecarCandidates(id).filter((s) => sidecars.has(s))) {
      present.push([sidecar, stampOf(await lstat(path.join(root, ...sidecar.split('/'))))]);
    }
    return { file, sidecars: present };
  } catch {
    return null; // gone or unreadable: ingest says which
  }
}

/** The sidecar's stated metadata, if there is a readable one (`x.meta.json` or `x.html.meta.json`) inside the archive. */
async function readSidecar(root: string, id: string): Promise<StatedMetadata> {
  for (const candidate of sidecarCandidates(id)) {
    try {
      return statedFrom(JSON.parse((await readArchiveFile(root, candidate, { maxBytes: MAX_SIDECAR_BYTES })).bytes.toString('utf8')));
    } catch {
      // absent or unreadable: heuristics and the file's own metadata apply
    }
  }
  return {};
}

export function toDocumentId(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** sha256Hex on the thread pool (WebCrypto's digest): hashing 64 MiB holds a thread for a fifth of a second. */
async function sha256HexOffThread(bytes: Buffer): Promise<string> {
  // Bytes read from a file are never in shared memory, which is all the type leaves open.
  return Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)).toString('hex');
}

/** A plain-text document from its bytes (the `.txt` path, synchronous); throws a CasefileError for binary content. */
export function parseDocument(id: string, bytes: Uint8Array): ArchiveDocument {
  const decoded = decodeBytes(bytes);
  if (decoded.kind === 'binary') throw new CasefileError('invalid-argument', { text: decoded.reason, code: decoded.reasonCode });
  return assemble(id, bytes, { text: decoded.text, encoding: decoded.encoding, stated: {}, pages: null, note: null }, 'txt', {}, null);
}

/**
 * A document of any supported format. Metadata is taken from, in this order: the sidecar, what the
 * file states (front matter, meta tags, PDF info), and heuristics on the text.
 */
export async function parseFile(id: string, bytes: Uint8Array, sidecar: StatedMetadata = {}): Promise<ArchiveDocument> {
  return (await parseFileNoted(id, bytes, sidecar)).document;
}

/** A parsed file, and how it was read when not the usual way (the ingest report's reason for it). */
export interface ParsedFile {
  document: ArchiveDocument;
  note: string | null;
}

/**
 * parseFile, with the note on how the file was read. `format` is the file's own (by its extension)
 * unless given: a capture of a web archive is read as its media type says, and carries its `capture`.
 */
export async function parseFileNoted(id: string, bytes: Uint8Array, sidecar: StatedMetadata = {}, format = formatOf(id) as Format, capture: WebCapture | null = null): Promise<ParsedFile> {
  const extracted = await extract(format, bytes);
  return { document: assemble(id, bytes, extracted, format, sidecar, capture), note: extracted.note };
}

/** parseFileNoted under the pool's budget, in a reading thread for the formats that need one. */
function parseUnderBudget(id: string, bytes: Uint8Array, sidecar: StatedMetadata, pool: ExtractionPool, format = formatOf(id) as Format, capture: WebCapture | null = null): Promise<ParsedFile> {
  return readsInThread(format, bytes.byteLength) ? pool.parse({ id, bytes, sidecar, format, capture }) : parseFileNoted(id, bytes, sidecar, format, capture);
}

function assemble(id: string, bytes: Uint8Array, extracted: Awaited<ReturnType<typeof extract>>, format: string, sidecar: StatedMetadata, capture: WebCapture | null): ArchiveDocument {
  const text = normalizeText(extracted.text);
  const paragraphs = splitParagraphs(text);
  const guessed = extractMetadata(text, paragraphs);
  // A capture's address and time are its provenance: what the page says of itself never replaces them.
  const captured: StatedMetadata = capture ? { url: capture.url, retrieved: capture.capturedAt } : {};
  const stated = { ...extracted.stated, ...sidecar, ...captured };
  return {
    id,
    title: stated.title ?? (guessed.title || id),
    byline: stated.byline ?? stated.author ?? guessed.byline,
    date: dateOf(stated.date) ?? guessed.date,
    text,
    paragraphs,
    sha256: sha256Hex(bytes),
    sizeBytes: bytes.byteLength,
    encoding: extracted.encoding,
    format,
    pages: extracted.pages,
    publisher: stated.publisher ?? stated.source ?? null,
    url: stated.url ?? null,
    retrieved: dateOf(stated.retrieved),
    language: stated.language ?? guessed.language,
    dateline: guessed.dateline,
    ...(capture ? { capture } : {}),
    boilerplate: boilerplateSpans(text, paragraphs),
  };
}

/** A stated date: ISO (with or without time), or written ("Jan. 5, 2022"). */
function dateOf(value: string | Date | undefined): DocumentDate | null {
  if (value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { text: value.toISOString().slice(0, 10), iso: value.toISOString().slice(0, 10) };
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (iso) return parseDateLine(iso[1]) ? { text: value.trim(), iso: iso[1] } : null;
  return parseDateLine(value);
}
