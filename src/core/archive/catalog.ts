import { readFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
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
export const CATALOG_VERSION = 5;
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
  ) {}

  /** The catalog stored in `file`; an empty one when there is none or it cannot be trusted. */
  static async open(file: string): Promise<IngestCatalog> {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return new IngestCatalog(file, new Map(), null, null);
    }
    try {
      const newline = bytes.indexOf(0x0a);
      if (newline === -1) throw new Error('no header');
      const header = Header.parse(JSON.parse(bytes.subarray(0, newline).toString('utf8')));
      const body = bytes.subarray(newline + 1);
      if (body.length !== header.recordBytes + header.textBytes || crc32(body) !== header.crc32) throw new Error('checksum mismatch');
      const { records, textBytes, others } = JSON.parse(body.subarray(0, header.recordBytes).toString('utf8')) as StoredRecords;
      const texts = body.subarray(header.recordBytes);
      let at = 0;
      records.forEach(([, record], i) => {
        if (record.documents.length !== textBytes[i]?.length) throw new Error('the texts do not match the records');
        record.documents.forEach((document, j) => textOnFirstRead(document, texts, at, (at += textBytes[i][j])));
      });
      if (at !== texts.length) throw new Error('the texts do not match the records');
      return new IngestCatalog(file, new Map(records), Array.isArray(others) ? others : null, null);
    } catch (error) {
      const reason = error instanceof z.ZodError ? 'another format or version' : error instanceof Error ? error.message : String(error);
      return new IngestCatalog(file, new Map(), null, `the ingest catalog was not used (${reason}); every file is read again`);
    }
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
    const header = JSON.stringify({ format: CATALOG_FORMAT, version: CATALOG_VERSION, crc32: crc32(body), recordBytes: records.length, textBytes: body.length - records.length });
    try {
      await writeFileAtomic(this.file, Buffer.concat([Buffer.from(`${header}\n`, 'utf8'), body]));
      this.changed = false;
    } catch (error) {
      console.error('the ingest catalog could not be written:', error);
    }
  }
}

/**
 * Makes `document.text` decode texts[start, end) when first read, then hold the string. The property
 * stays an ordinary enumerable one to every reader (spread, JSON, structured clone).
 */
function textOnFirstRead(document: ArchiveDocument, texts: Buffer, start: number, end: number): void {
  Object.defineProperty(document, 'text', {
    configurable: true,
    enumerable: true,
    get(): string {
      const text = texts.toString('utf8', start, end);
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
