import { close as closeFd, fstat, open as openFd, read as readFd, readSync, type Stats } from 'node:fs';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import type { ArchiveDocument } from './document';
import type { IngestEntry } from './archive';

/**
 * What ingest made of each file, kept in the data folder so that opening an unchanged archive does
 * not decode, parse and analyse every file again (at 10,000 articles that is seconds). A file is
 * taken from the catalog only while its size, modification time and inode — and those of its
 * metadata sidecars — are those recorded; the workstation then re-reads and hashes every such file
 * in the background and takes in any whose bytes differ all the same.
 *
 * The catalog also keeps the last listing of the folder (every file's outcome), so an archive can be
 * opened as it was last seen before its folder is listed again (see `lastSeen`).
 *
 * Bump CATALOG_VERSION whenever ingest would make something else of the same bytes (decoding,
 * normalisation, metadata heuristics, boilerplate): catalogs of another version are ignored.
 */
export const CATALOG_VERSION = 6;
const CATALOG_FORMAT = 'casefile-ingest-catalog';

/** The identity of a file's version as the file system tells it, without reading it. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

export function stampOf(stats: Pick<Stats, 'size' | 'mtimeMs' | 'ino'>): FileStamp {
  return { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino };
}

interface CatalogRecord {
  stamp: FileStamp;
  /** The sidecars present when the file was read, each with its stamp. */
  sidecars: Array<[string, FileStamp]>;
  entry: IngestEntry;
  /** One for an article, one per captured page of a web archive, none when not indexed. */
  documents: ArchiveDocument[];
}

const Header = z.object({
  format: z.literal(CATALOG_FORMAT),
  version: z.literal(CATALOG_VERSION),
  crc32: z.number(),
  /** The records' own checksum, checked at open; `crc32` (the whole body) once the texts are read. */
  recordsCrc32: z.number(),
  /** Bytes of the records (JSON, each document without its text) and of the texts (UTF-8, one after another). */
  recordBytes: z.number().int().nonnegative(),
  textBytes: z.number().int().nonnegative(),
});

/**
 * The catalog file: a header line, the records as JSON with every text left out, then the texts as
 * UTF-8, one after another. Most of the catalog is text: a document's text is decoded from those
 * bytes the first time it is read (a snippet, the reader, a phrase check), not at open.
 */
interface StoredRecords {
  records: Array<[string, CatalogRecord]>;
  /** The UTF-8 length of each text of each record's documents, in order. */
  textBytes: number[][];
  /** The last listing's entries for files without a record (hidden, links, other formats, failures…). */
  others: IngestEntry[];
}

/** The archive as the catalog last saw it: its documents and every file's outcome, in path order. */
export interface CatalogSnapshot {
  documents: ArchiveDocument[];
  report: IngestEntry[];
  /** The files of those documents: every one is taken from the catalog, none read. */
  reused: string[];
}

export class IngestCatalog {
  private changed = false;

  private constructor(
    private readonly file: string,
    private records: Map<string, CatalogRecord>,
    /** The last listing's other entries; null when no listing was ever saved here. */
    private others: IngestEntry[] | null,
    /** Why an existing catalog could not be used (it is then rebuilt), for the log. */
    readonly problem: string | null,
    /** Where the texts of the records read at open come from; null for a new catalog. */
    private readonly texts: CatalogTexts | null = null,
  ) {}

  private textsChecked: Promise<string | null> | null = null;

  /**
   * The catalog stored in `file`; an empty one when there is none or it cannot be trusted. Only its
   * records are read now (a sixth of the file at 10,000 articles): each text is read from the file
   * when first asked for; `verifyTexts` reads them all once, in slices, to check the file's checksum.
   */
  static async open(file: string): Promise<IngestCatalog> {
    let fd: number;
    try {
      fd = await openFile(file, 'r');
    } catch {
      return new IngestCatalog(file, new Map(), null, null);
    }
    try {
      const { size } = await fileStat(fd);
      const head = await readAt(fd, 0, Math.min(HEADER_PROBE_BYTES, size));
      const newline = head.indexOf(0x0a);
      if (newline === -1) throw new Error('no header');
      const header = Header.parse(JSON.parse(head.subarray(0, newline).toString('utf8')));
      const bodyStart = newline + 1;
      if (size !== bodyStart + header.recordBytes + header.textBytes) throw new Error('checksum mismatch');
      const recordBytes = await readAt(fd, bodyStart, header.recordBytes);
      if (crc32(recordBytes) !== header.recordsCrc32) throw new Error('checksum mismatch');
      const { records, textBytes, others } = JSON.parse(recordBytes.toString('utf8')) as StoredRecords;
      const texts = new CatalogTexts(fd, bodyStart + header.recordBytes, header.textBytes, { expected: header.crc32, ofRecords: header.recordsCrc32 });
      let at = 0;
      records.forEach(([, record], i) => {
        if (record.documents.length !== textBytes[i]?.length) throw new Error('the texts do not match the records');
        record.documents.forEach((document, j) => textOnFirstRead(document, texts, at, (at += textBytes[i][j])));
      });
      if (at !== header.textBytes) throw new Error('the texts do not match the records');
      return new IngestCatalog(file, new Map(records), Array.isArray(others) ? others : null, null, texts);
    } catch (error) {
      await closeFile(fd).catch(() => undefined);
      const reason = error instanceof z.ZodError ? 'another format or version' : error instanceof Error ? error.message : String(error);
      return new IngestCatalog(file, new Map(), null, `the ingest catalog was not used (${reason}); every file is read again`);
    }
  }

  /**
   * Reads the texts (a slice at a time, none kept) and checks the whole file's checksum; resolves
   * with a problem to log when the texts are not those written (the documents taken from this catalog
   * are then to be read again from their files), else null. Once only.
   */
  verifyTexts(): Promise<string | null> {
    this.textsChecked ??= this.texts ? this.texts.check() : Promise.resolve(null);
    return this.textsChecked;
  }

  /** Lets go of the catalog file its texts are read from. */
  async close(): Promise<void> {
    await this.texts?.close();
  }

  /** What ingest made of this file, if the file and its sidecars are as they were then. */
  lookup(id: string, stamp: FileStamp, sidecars: Array<[string, FileStamp]>): { entry: IngestEntry; documents: ArchiveDocument[] } | null {
    const record = this.records.get(id);
    if (!record || !sameStamp(record.stamp, stamp) || record.sidecars.length !== sidecars.length) return null;
    const unchanged = record.sidecars.every(([sidecar, s], i) => sidecars[i][0] === sidecar && sameStamp(s, sidecars[i][1]));
    return unchanged ? { entry: record.entry, documents: record.documents } : null;
  }

  record(id: string, stamp: FileStamp, sidecars: Array<[string, FileStamp]>, entry: IngestEntry, documents: ArchiveDocument[]): void {
    this.records.set(id, { stamp, sidecars, entry, documents });
    this.changed = true;
  }

  /**
   * Ends a listing of the folder: forgets files that are no longer in it (`candidates` are the files
   * considered for ingest), and keeps the listing's other entries for the next `lastSeen`.
   */
  recordListing(candidates: ReadonlySet<string>, report: readonly IngestEntry[]): void {
    for (const id of this.records.keys()) {
      if (!candidates.has(id)) {
        this.records.delete(id);
        this.changed = true;
      }
    }
    const others = report.filter((e) => !this.records.has(e.file));
    if (JSON.stringify(others) !== JSON.stringify(this.others)) {
      this.others = others;
      this.changed = true;
    }
  }

  /**
   * The archive as at the end of the last listing saved here, without touching the folder; null if
   * there is none. Its documents are the very objects `lookup` gives while they stay unchanged.
   */
  lastSeen(): CatalogSnapshot | null {
    if (this.others === null) return null;
    const documents: ArchiveDocument[] = [];
    const report = [...this.others];
    const reused: string[] = [];
    for (const [file, record] of this.records) {
      report.push(record.entry);
      documents.push(...record.documents);
      if (record.documents.length > 0) reused.push(file);
    }
    documents.sort((a, b) => a.id.localeCompare(b.id));
    report.sort((a, b) => a.file.localeCompare(b.file));
    reused.sort((a, b) => a.localeCompare(b));
    return { documents, report, reused };
  }

  /** Writes the catalog if anything changed; a failure only costs the next open its speed. */
  async save(): Promise<void> {
    if (!this.changed) return;
    const stored: StoredRecords = { records: [], textBytes: [], others: this.others ?? [] };
    const texts: Buffer[] = [];
    for (const [id, record] of this.records) {
      stored.records.push([id, { ...record, documents: record.documents.map((document) => ({ ...document, text: '' })) }]);
      const recordTexts = record.documents.map((document) => Buffer.from(document.text, 'utf8'));
      stored.textBytes.push(recordTexts.map((text) => text.length));
      texts.push(...recordTexts);
    }
    const records = Buffer.from(JSON.stringify(stored), 'utf8');
    const body = Buffer.concat([records, ...texts]);
    const header = JSON.stringify({
      format: CATALOG_FORMAT,
      version: CATALOG_VERSION,
      crc32: crc32(body),
      recordsCrc32: crc32(records),
      recordBytes: records.length,
      textBytes: body.length - records.length,
    });
    try {
      await writeFileAtomic(this.file, Buffer.concat([Buffer.from(`${header}\n`, 'utf8'), body]));
      this.changed = false;
    } catch (error) {
      console.error('the ingest catalog could not be written:', error);
    }
  }
}

/** The header line is short; this much of the file is read to find it. */
const HEADER_PROBE_BYTES = 4096;
const openFile = promisify(openFd);
const closeFile = promisify(closeFd);
const fileStat = promisify(fstat);
const readInto = promisify(readFd);

/** `length` bytes of the open file `fd` from `position`; refuses a file shorter than that. */
async function readAt(fd: number, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await readInto(fd, buffer, done, length - done, position + done);
    if (bytesRead === 0) throw new Error('checksum mismatch');
    done += bytesRead;
  }
  return buffer;
}

/**
 * The texts part of a catalog file: a text is read from the file when asked for (a snippet, the
 * reader, a phrase's check), never all held at once (at 100,000 articles they are over 1 GB). The file
 * is kept open, so a catalog saved meanwhile (a new file put in its place) does not change them.
 */
class CatalogTexts {
  private fd: number | null;

  constructor(
    fd: number,
    private readonly offset: number,
    private readonly length: number,
    private readonly crc: { expected: number; ofRecords: number },
  ) {
    this.fd = fd;
  }

  text(start: number, end: number): string {
    if (this.fd === null) throw new Error('the ingest catalog was closed before its texts were read');
    const buffer = Buffer.alloc(end - start);
    for (let done = 0; done < buffer.length; ) {
      const read = readSync(this.fd, buffer, done, buffer.length - done, this.offset + start + done);
      if (read === 0) throw new Error('the ingest catalog file is shorter than its records say');
      done += read;
    }
    return buffer.toString('utf8');
  }

  /** Reads every text once, a slice at a time, for the whole file's checksum. */
  async check(): Promise<string | null> {
    let crc = this.crc.ofRecords;
    for (let at = 0; at < this.length; at += CHECK_SLICE_BYTES) {
      if (this.fd === null) return 'the ingest catalog was closed before its texts were checked';
      crc = crc32(await readAt(this.fd, this.offset + at, Math.min(CHECK_SLICE_BYTES, this.length - at)), crc);
    }
    return crc === this.crc.expected ? null : 'the ingest catalog’s texts do not match its checksum; the documents taken from it are read again';
  }

  async close(): Promise<void> {
    const fd = this.fd;
    this.fd = null;
    if (fd !== null) await closeFile(fd);
  }
}

/** The checksum reads this much at a time. */
const CHECK_SLICE_BYTES = 4 * 1024 * 1024;

/**
 * Makes `document.text` read texts[start, end) when first read, then hold the string. The property
 * stays an ordinary enumerable one to every reader (spread, JSON, structured clone).
 */
function textOnFirstRead(document: ArchiveDocument, texts: CatalogTexts, start: number, end: number): void {
  Object.defineProperty(document, 'text', {
    configurable: true,
    enumerable: true,
    get(): string {
      const text = texts.text(start, end);
      Object.defineProperty(document, 'text', { value: text, writable: true, enumerable: true, configurable: true });
      return text;
    },
    set(value: string) {
      Object.defineProperty(document, 'text', { value, writable: true, enumerable: true, configurable: true });
    },
  });
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}
