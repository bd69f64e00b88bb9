import { createHash } from 'node:crypto';
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { WARCParser, type WARCRecord } from 'warcio';
import { CasefileError, errorMessage } from '../errors';
import { ReadLimitError } from './extracted';

/**
 * Web archives as journalists keep them: WARC files (wget --warc-file, Heritrix, Browsertrix) and
 * WACZ packages (Webrecorder, ArchiveWeb.page). Each captured HTML page or PDF becomes a document of
 * its own; the rest of the crawl (images, scripts, redirects, the crawler's log) is listed, not indexed.
 */
export const WEB_ARCHIVE_FORMATS = ['warc', 'warc.gz', 'wacz'] as const;
export type WebArchiveFormat = (typeof WEB_ARCHIVE_FORMATS)[number];

export function isWebArchiveFormat(format: string | null): format is WebArchiveFormat {
  return (WEB_ARCHIVE_FORMATS as readonly (string | null)[]).includes(format);
}

/** Where and when a document was captured from the web: its provenance, cited with it. */
export interface WebCapture {
  /** The address captured (WARC-Target-URI). */
  url: string;
  /** When it was captured (WARC-Date, ISO 8601 in UTC as the crawler wrote it). */
  capturedAt: string;
  /** The record's WARC-Record-ID, without angle brackets (urn:uuid:…). */
  recordId: string;
  /** WARC-Payload-Digest as the crawler wrote it (sha1:BASE32 for wget), or null if none. */
  payloadDigest: string | null;
  /** Whether the captured bytes still give that digest; null when there is none or its algorithm is not one Casefile checks. */
  payloadDigestMatches: boolean | null;
  /** The archive file (relative to the archive folder) and, in a WACZ, the WARC inside it. */
  archiveFile: string;
  warcName: string | null;
  /** The HTTP status of the capture (null for a WARC resource record) and the media type served. */
  httpStatus: number | null;
  mediaType: string | null;
  /** Addresses that redirected to this one during the crawl, first first. */
  redirectedFrom: string[];
}

/** A captured page or PDF, its body with transfer and content encodings removed. */
export interface CapturedDocument {
  capture: WebCapture;
  format: 'html' | 'pdf' | 'txt';
  body: Uint8Array;
}

/** A record of the archive that is not indexed as a document, and why (the ingest report lists these). */
export interface SkippedRecord {
  url: string;
  recordId: string;
  reason: string;
}

export interface WebArchiveContents {
  documents: CapturedDocument[];
  skipped: SkippedRecord[];
  /** Problems with the archive as a whole (a WACZ whose WARC does not match its package's hash). */
  warnings: string[];
}

/** A web archive with more records than this is not read (the limit is far above one article's crawl). */
export const MAX_WARC_RECORDS = 200_000;
/** A WACZ whose WARCs unpack to more than this is not read (a zip bomb would otherwise take the memory). */
export const MAX_WACZ_UNPACKED_BYTES = 1024 * 1024 * 1024;
/** The member of a document id that names a record inside a web archive: `crawl.warc.gz#urn:uuid:…`. */
const MEMBER_SEPARATOR = '#';

/** The id of the document captured in `recordId` of the web archive `file`. */
export function capturedDocumentId(file: string, recordId: string): string {
  return `${file}${MEMBER_SEPARATOR}${recordId}`;
}

/**
 * The file a document id is read from: the web archive for a captured document, the id itself
 * otherwise. Only an id whose part before `#` is a web archive names a record (a file may have `#`
 * in its name).
 */
export function sourceFileOf(docId: string): string {
  const at = docId.indexOf(MEMBER_SEPARATOR);
  if (at === -1) return docId;
  const file = docId.slice(0, at);
  return isWebArchiveFormat(webArchiveFormatOf(file)) ? file : docId;
}

/** The web-archive format a file name says, or null. */
export function webArchiveFormatOf(file: string): WebArchiveFormat | null {
  const lower = file.toLowerCase();
  if (lower.endsWith('.warc.gz')) return 'warc.gz';
  if (lower.endsWith('.warc')) return 'warc';
  if (lower.endsWith('.wacz')) return 'wacz';
  return null;
}

/** Reads the captures of a web archive file. Throws a CasefileError for a file that is not one. */
export async function readWebArchive(file: string, format: WebArchiveFormat, bytes: Uint8Array): Promise<WebArchiveContents> {
  if (format !== 'wacz') return readWarcs(file, [{ name: null, bytes }], []);
  const { warcs, warnings } = unpackWacz(bytes);
  return readWarcs(file, warcs, warnings);
}

interface Warc {
  /** The WARC's path inside a WACZ; null for a plain WARC file. */
  name: string | null;
  bytes: Uint8Array;
}

/**
 * The WARCs of a WACZ (a zip with `datapackage.json` and `archive/*.warc[.gz]`), each checked against
 * the SHA-256 its package states: a mismatch means the WARC was altered after packaging.
 */
function unpackWacz(bytes: Uint8Array): { warcs: Warc[]; warnings: string[] } {
  let unpacked = 0;
  const wanted = (info: UnzipFileInfo): boolean => {
    const keep = info.name === 'datapackage.json' || /^archive\/[^/]+\.warc(?:\.gz)?$/i.test(info.name);
    if (keep) unpacked += info.originalSize;
    if (unpacked > MAX_WACZ_UNPACKED_BYTES) throw new ReadLimitError(`the WACZ unpacks to more than ${MAX_WACZ_UNPACKED_BYTES / 1024 ** 3} GiB`);
    return keep;
  };
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: wanted });
  } catch (error) {
    if (error instanceof ReadLimitError) throw error;
    throw new CasefileError('invalid-argument', `not a WACZ package: the zip cannot be read (${errorMessage(error)})`);
  }
  const packageBytes = entries['datapackage.json'];
  if (!packageBytes) throw new CasefileError('invalid-argument', 'not a WACZ package: it has no datapackage.json');
  const stated = statedHashes(packageBytes);
  const warnings: string[] = [];
  const warcs: Warc[] = [];
  for (const [name, warcBytes] of Object.entries(entries).sort(([a], [b]) => a.localeCompare(b))) {
    if (name === 'datapackage.json') continue;
    const hash = stated.get(name);
    const actual = createHash('sha256').update(warcBytes).digest('hex');
    if (hash === undefined) warnings.push(`${name} is not listed in datapackage.json`);
    else if (hash !== null && hash !== actual) warnings.push(`${name} does not match the SHA-256 in datapackage.json: it was altered after the WACZ was packaged`);
    warcs.push({ name, bytes: warcBytes });
  }
  if (warcs.length === 0) throw new CasefileError('invalid-argument', 'the WACZ holds no WARC file under archive/');
  return { warcs, warnings };
}

/** Each resource's SHA-256 (hex) as datapackage.json states it; null for a resource stated without one. */
function statedHashes(packageBytes: Uint8Array): Map<string, string | null> {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(packageBytes));
  } catch (error) {
    throw new CasefileError('invalid-argument', `not a WACZ package: datapackage.json is not JSON (${errorMessage(error)})`);
  }
  const hashes = new Map<string, string | null>();
  const resources = typeof data === 'object' && data !== null && 'resources' in data && Array.isArray(data.resources) ? (data.resources as unknown[]) : [];
  for (const resource of resources) {
    if (typeof resource !== 'object' || resource === null) continue;
    const { path, hash } = resource as { path?: unknown; hash?: unknown };
    if (typeof path !== 'string') continue;
    const sha256 = typeof hash === 'string' ? /^sha256:([0-9a-f]{64})$/i.exec(hash) : null;
    hashes.set(path, sha256 ? sha256[1].toLowerCase() : null);
  }
  return hashes;
}

async function readWarcs(file: string, warcs: Warc[], warnings: string[]): Promise<WebArchiveContents> {
  const documents: CapturedDocument[] = [];
  const skipped: SkippedRecord[] = [];
  /** Redirects seen so far: the address redirected to → the addresses that led there. */
  const redirects = new Map<string, string[]>();
  let records = 0;
  for (const warc of warcs) {
    let parser: AsyncGenerator<WARCRecord>;
    try {
      parser = WARCParser.iterRecords([warc.bytes]);
      for await (const record of parser) {
        if (!/^WARC\/\d/.test(record.warcHeaders.statusline)) throw new Error(`record ${records + 1} does not start with a WARC version line`);
        if (++records > MAX_WARC_RECORDS) throw new ReadLimitError(`the web archive has more than ${MAX_WARC_RECORDS} records`);
        const outcome = await readRecord(record, { file, warcName: warc.name, redirects });
        if (outcome === null) continue;
        if ('reason' in outcome) skipped.push(outcome);
        else documents.push(outcome);
      }
    } catch (error) {
      if (error instanceof ReadLimitError) throw error;
      if (records === 0) throw new CasefileError('invalid-argument', `not a WARC file (${errorMessage(error)})`);
      warnings.push(`${warc.name ?? 'the WARC'} is cut short or damaged after record ${records} (${errorMessage(error)}); the records before it are read`);
    }
    if (records === 0) throw new CasefileError('invalid-argument', `not a WARC file: ${warc.name ?? file} holds no WARC record`);
  }
  return { documents, skipped, warnings };
}

interface RecordContext {
  file: string;
  warcName: string | null;
  redirects: Map<string, string[]>;
}

/**
 * A response or resource record as a document, or why it is not one. Records that are not captures
 * (warcinfo, requests, the crawler's own metadata and log) give null: they are no content of the web.
 */
async function readRecord(record: WARCRecord, context: RecordContext): Promise<CapturedDocument | SkippedRecord | null> {
  const type = record.warcType;
  const url = stripBrackets(record.warcTargetURI ?? '');
  const recordId = stripBrackets(record.warcHeader('WARC-Record-ID') ?? '');
  if (!/^https?:\/\//i.test(url) || (type !== 'response' && type !== 'resource' && type !== 'revisit')) {
    await record.skipFully();
    return null;
  }
  if (type === 'revisit') {
    await record.skipFully();
    const refersTo = stripBrackets(record.warcHeader('WARC-Refers-To') ?? '');
    const when = record.warcRefersToDate ?? null;
    const original = refersTo ? `record ${refersTo}${when ? ` of ${when}` : ''}` : 'an earlier capture';
    return { url, recordId, reason: `captured again on ${record.warcDate ?? 'an unstated date'} with the same content (a revisit of ${original}, where the content is)` };
  }
  const http = record.httpHeaders;
  const status = http?.statusCode === undefined ? null : Number(http.statusCode);
  const mediaType = ((http ? http.headers.get('content-type') : record.warcContentType) ?? '').split(';')[0].trim().toLowerCase() || null;
  if (status !== null && status >= 300 && status < 400) {
    const location = http?.headers.get('location');
    await record.skipFully();
    if (location) {
      const target = resolveUrl(location, url);
      context.redirects.set(target, [...(context.redirects.get(url) ?? []), url]);
      return { url, recordId, reason: `redirect (${status}) to ${target}` };
    }
    return { url, recordId, reason: `redirect (${status}) with no Location` };
  }
  if (status !== null && (status < 200 || status >= 300)) {
    await record.skipFully();
    return { url, recordId, reason: `HTTP ${status}${http?.statusText ? ` ${http.statusText}` : ''}: not a page` };
  }
  const format = documentFormat(mediaType, url);
  if (format === null) {
    await record.skipFully();
    return { url, recordId, reason: `${mediaType ?? 'no media type'}: not a page or PDF` };
  }
  const raw = await record.readFully(false);
  const body = http ? await record.readFully(true) : raw;
  const payloadDigest = record.warcPayloadDigest ?? null;
  return {
    format,
    body,
    capture: {
      url,
      capturedAt: record.warcDate ?? '',
      recordId,
      payloadDigest,
      payloadDigestMatches: payloadDigest === null ? null : digestMatches(payloadDigest, raw),
      archiveFile: context.file,
      warcName: context.warcName,
      httpStatus: status,
      mediaType,
      redirectedFrom: context.redirects.get(url) ?? [],
    },
  };
}

function documentFormat(mediaType: string | null, url: string): CapturedDocument['format'] | null {
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml') return 'html';
  if (mediaType === 'application/pdf') return 'pdf';
  if (mediaType === 'text/plain') return 'txt';
  // A server that states no type: the address may still say what it is.
  if (mediaType === null || mediaType === 'application/octet-stream') {
    const path = url.split(/[?#]/)[0].toLowerCase();
    if (path.endsWith('.pdf')) return 'pdf';
    if (path.endsWith('.html') || path.endsWith('.htm') || path.endsWith('/')) return 'html';
  }
  return null;
}

function stripBrackets(value: string): string {
  return value.startsWith('<') && value.endsWith('>') ? value.slice(1, -1) : value;
}

function resolveUrl(location: string, base: string): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

/**
 * Whether `bytes` give the stated digest (`sha1:BASE32` as wget and most crawlers write it, or
 * `sha256:` in base32 or hex); null for another algorithm.
 */
function digestMatches(stated: string, bytes: Uint8Array): boolean | null {
  const match = /^(sha1|sha-1|sha256|sha-256):(.+)$/i.exec(stated.trim());
  if (!match) return null;
  const digest = createHash(match[1].toLowerCase().replace('-', '')).update(bytes).digest();
  const value = match[2].trim();
  return value.toUpperCase().replace(/=+$/, '') === base32(digest) || value.toLowerCase() === digest.toString('hex');
}

/** RFC 4648 base32 without padding, as WARC digests are written. */
function base32(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}
