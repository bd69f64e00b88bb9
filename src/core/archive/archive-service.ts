import { mkdir, open as openFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { ArchiveFileRefused, isInside, readArchiveFile } from '../contained-path';
import { CasefileError, errorMessage } from '../errors';
import { writeFailure } from '../storage/write-failure';
import { ingestFile, isArchiveFile, loadArchive, maxBytesOf, sha256Hex, sidecarTarget, toDocumentId, unsupportedEntry, type IngestEntry, type SkippedFile } from './archive';
import { IngestCatalog } from './catalog';
import { summarize, type ArchiveDocument, type DocumentSummary } from './document';
import { CustodyLedger, type Custody, type CustodyView, type LedgerCheck } from './custody-ledger';
import { addedFileName } from './file-names';
import { MetadataOverrides, type MetadataEdit } from './metadata-overrides';
import { watchArchive, type ArchiveWatcher } from './watch';
import { sourceFileOf, webArchiveFormatOf, type WebCapture } from './web-archive';

/** Files read at once when checking catalogued files in the background. */
const VERIFY_BATCH = 8;

export interface ArchiveOpenOptions {
  /** The archive folder's real path. */
  root: string;
  /** This archive's folder in the data folder (its catalog and metadata corrections live there). */
  storeDir: string;
  /** Open as last seen and list the folder again in the background (see WorkstationOptions). */
  openAsLastSeen: boolean;
  /** The clock of the custody ledger. */
  now?: () => Date;
}

/**
 * The archive's documents as they are on disk: listed at open, checked again in the background, kept
 * current as files are added, changed, removed or corrected, with every file's ingest outcome.
 * Whoever keeps something built from the documents (the search index) follows `onDocumentsChanged`.
 */
export class ArchiveService {
  private readonly changeListeners: Array<() => void> = [];
  private watcher: ArchiveWatcher | null = null;
  private check: Promise<void> = Promise.resolve();
  /** Whether the files are still being compared with what was opened (see checked). */
  private checkingNow = false;
  private closing = false;
  /** The ingest catalog the archive was opened from (its texts may still be read from its file). */
  private catalog: IngestCatalog | null = null;
  /** Starts the background check (see startChecking); null once started. */
  private beginCheck: (() => void) | null = null;

  private constructor(
    readonly root: string,
    /** Every file of the folder with its outcome (indexed, skipped, failed), sorted by path. */
    private readonly report: IngestEntry[],
    private readonly docs: Map<string, ArchiveDocument>,
    private readonly metadata: MetadataOverrides,
    /**
     * Every file's SHA-256 when first seen and at each change since (see custody-ledger.ts), opened
     * once and on first use: an archive opened as last seen opens it after its first answer.
     */
    private readonly ledger: () => Promise<CustodyLedger>,
  ) {}

  /**
   * Opens the archive: from the ingest catalog as it was last seen (then the folder is listed again
   * in the background), or by listing the folder now. Call `startChecking` once its followers exist.
   */
  static async open({ root, storeDir, openAsLastSeen, now }: ArchiveOpenOptions): Promise<ArchiveService> {
    const catalog = await IngestCatalog.open(path.join(storeDir, 'ingest-catalog'));
    if (catalog.problem) console.error(catalog.problem);
    // An archive opened before opens as it was last seen, and its folder is listed again in the
    // background: 10,000 files are searchable at once rather than after 10,000 stats of a cold disk.
    const lastSeen = openAsLastSeen ? catalog.lastSeen() : null;
    const loaded = lastSeen ?? (await loadArchive(root, catalog));
    const metadata = await MetadataOverrides.open(path.join(storeDir, 'metadata.json'));
    let ledger: Promise<CustodyLedger> | null = null;
    const openLedger = () =>
      (ledger ??= CustodyLedger.open(storeDir, now).then((opened) => {
        if (opened.check().problem) console.error(`custody ledger of ${root}: ${opened.check().problem}`);
        return opened;
      }));
    // Reading and checking the ledger's chain (0.2 s at 10,000 files) waits until after the first answer when it can.
    if (!lastSeen) await openLedger();
    const archive = new ArchiveService(root, loaded.report, new Map(loaded.documents.map((doc) => [doc.id, metadata.apply(doc)])), metadata, openLedger);
    archive.catalog = catalog;
    archive.beginCheck = () => {
      // Opened now if it waited for the first answer (a ledger that cannot be read is reported where it is used).
      openLedger().catch((error: unknown) => console.error(`custody ledger of ${root} cannot be read:`, errorMessage(error)));
      const opened = new Map(archive.docs);
      // An archive opened as last seen is recorded once its folder is listed again (listAgain), not twice.
      if (!lastSeen) archive.recordCustody();
      archive.checkingNow = true;
      archive.check = archive
        .checkCatalogTexts(catalog, loaded.reused)
        // The app lists the folder again even when it listed it at open: its watcher starts after the
        // first answer, and a file changed before that would otherwise be seen by neither.
        .then(() => (openAsLastSeen ? archive.listAgain(catalog, lastSeen?.documents ?? loaded.documents, opened) : archive.verifyUnread(loaded.reused)))
        .catch((error: unknown) => console.error('checking the archive files in the background failed:', error))
        .finally(() => {
          archive.checkingNow = false;
        });
    };
    return archive;
  }

  /**
   * Starts comparing the folder with what was opened (listing it again, or reading every file taken
   * from the catalog), in the background; once only. Call it once the archive's followers exist.
   */
  startChecking(): void {
    const begin = this.beginCheck;
    this.beginCheck = null;
    begin?.();
  }

  /** The documents by id, kept current (the search index reads this map). */
  get documents(): ReadonlyMap<string, ArchiveDocument> {
    return this.docs;
  }

  /** Whether the files are still being compared with what was opened: results may still change. */
  get checking(): boolean {
    return this.checkingNow || this.beginCheck !== null;
  }

  /** Resolves when the folder has been listed again and every file taken from the catalog read and checked (starting that now if it was not yet). */
  checked(): Promise<void> {
    this.startChecking();
    return this.check;
  }

  /** Calls `listener` after any document was added, changed, corrected or removed. */
  onDocumentsChanged(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  listDocuments(): DocumentSummary[] {
    return [...this.docs.values()].sort((a, b) => a.id.localeCompare(b.id)).map(summarize);
  }

  /** Every file of the archive folder with its outcome: indexed, or skipped or failed with a reason. */
  ingestReport(): IngestEntry[] {
    return this.report.map((e) => ({ ...e }));
  }

  skipped(): SkippedFile[] {
    return this.report.filter((e) => e.status !== 'indexed').map((e) => ({ id: e.file, reason: e.reason ?? e.status }));
  }

  /**
   * A document's history in the custody ledger: when it was first seen, each change since; for a
   * page captured in a web archive, its custody starts at the capture (when, from where, its digest).
   */
  async custody(id: string): Promise<Custody & { captured: WebCapture | null }> {
    return { ...(await this.ledger()).custody(id), captured: this.docs.get(id)?.capture ?? null };
  }

  /** Whether the custody ledger's chain holds (see custody-ledger.ts). */
  async ledgerCheck(): Promise<LedgerCheck> {
    return (await this.ledger()).check();
  }

  /** The custody ledger as it is on disk now, once every change seen so far is in it (see CustodyView). */
  async custodyView(): Promise<CustodyView> {
    return (await this.ledger()).current();
  }

  /** The custody ledger as it is on disk now, with its head (for an evidence bundle). */
  async ledgerSnapshot(): ReturnType<CustodyLedger['snapshot']> {
    return (await this.ledger()).snapshot();
  }

  require(id: string): ArchiveDocument {
    const doc = this.docs.get(id);
    if (!doc) throw new CasefileError('not-found', `no document with id ${JSON.stringify(id)} in the archive`);
    return doc;
  }

  /** The user's corrections to a document's metadata (kept in the data folder; the file is untouched). */
  getDocumentMetadata(id: string): MetadataEdit {
    this.require(id);
    return this.metadata.get(id);
  }

  async setDocumentMetadata(id: string, edit: MetadataEdit): Promise<DocumentSummary> {
    this.require(id);
    await this.metadata.set(id, edit);
    const document = (await ingestFile(this.root, sourceFileOf(id))).documents.find((doc) => doc.id === id);
    if (!document) throw new CasefileError('not-found', `${id} can no longer be read from the archive folder`);
    const corrected = this.metadata.apply(document);
    this.docs.set(id, corrected);
    this.changed();
    return summarize(corrected);
  }

  /**
   * Copies files into the archive folder (a subfolder if named) and indexes them. An existing file is
   * never overwritten: the copy gets a free name ("story (2).txt"). Names are reduced to a plain file
   * name (see addedFileName).
   */
  async addFiles(files: Array<{ name: string; bytes: Uint8Array }>, folder = ''): Promise<IngestEntry[]> {
    const targetDir = path.resolve(this.root, ...folder.split('/').filter((p) => p !== '' && p !== '.'));
    if (!isInside(this.root, targetDir)) throw new CasefileError('invalid-argument', `the folder ${JSON.stringify(folder)} is outside the archive`);
    await mkdir(targetDir, { recursive: true }).catch((error: unknown) => {
      throw writeFailure(error, `the folder ${JSON.stringify(folder)} could not be made`, 'the archive folder');
    });
    const entries: IngestEntry[] = [];
    for (const file of files) {
      const name = addedFileName(file.name);
      const id = toDocumentId(this.root, await writeNew(targetDir, name, file.bytes));
      const outcome = isArchiveFile(id) ? await ingestFile(this.root, id) : null;
      const entry = outcome?.entry ?? unsupportedEntry(id);
      this.recordOutcome(id, outcome?.gone ? null : entry);
      this.replaceDocumentsOf(id, outcome?.documents ?? []);
      entries.push(entry);
    }
    this.changed();
    return entries;
  }

  /**
   * A document as it is on disk now: the file is read again; a changed file replaces the known
   * version, and one that can no longer be read is dropped with a not-found error.
   */
  async reread(id: string): Promise<ArchiveDocument> {
    const known = this.require(id);
    const file = sourceFileOf(id);
    const { entry, documents, gone } = await ingestFile(this.root, file);
    const document = documents.find((doc) => doc.id === id);
    if (document?.sha256 === known.sha256 && entry.sha256 === this.report.find((e) => e.file === file)?.sha256) return known;
    this.recordOutcome(file, gone ? null : entry);
    this.replaceDocumentsOf(file, documents);
    this.changed();
    if (!document) throw new CasefileError('not-found', `${id} is no longer readable in the archive folder (${entry.reason ?? entry.status})`);
    return this.require(id);
  }

  /** Follows the archive folder (files added, changed, removed); `seen` is told after each change is taken in. */
  async watch(seen: () => void): Promise<void> {
    this.watcher ??= await watchArchive(this.root, async (files) => {
      await this.filesChanged(files);
      seen();
    });
  }

  /** Follows corrections saved by other processes: the documents are read again with them. */
  watchCorrections(seen: () => void): () => void {
    return this.metadata.watch((ids) => {
      seen();
      void this.filesChanged(ids.filter((id) => this.docs.has(id))).catch((error: unknown) => console.error('corrections made elsewhere not applied:', error));
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.check;
    await this.catalog?.close();
    await this.watcher?.close();
    this.watcher = null;
    this.metadata.close();
    // A ledger that could not be read has nothing to finish writing (its fault is reported where it is asked for).
    await this.ledger().then(
      (ledger) => ledger.settled(),
      () => undefined,
    );
  }

  private changed(): void {
    this.recordCustody();
    for (const listener of this.changeListeners) listener();
  }

  /**
   * Notes in the custody ledger every file whose SHA-256 is new, changed or gone since its last
   * entry, and every page captured in a web archive (by its document id and the SHA-256 of its body):
   * a quote cites the page, so the page's own history is what verify reads.
   */
  private recordCustody(): void {
    const files = this.report.flatMap((e) => {
      if (e.sha256 === null) return [];
      const captured = (e.captures ?? []).flatMap((c) => {
        const doc = c.docId === null ? undefined : this.docs.get(c.docId);
        return doc ? [{ file: doc.id, sha256: doc.sha256 }] : [];
      });
      return [{ file: e.file, sha256: e.sha256 }, ...captured];
    });
    // Recorded in order of the calls: each waits for the one opening, then for the ledger's own queue.
    // A ledger that cannot be read or written is said here; an unhandled rejection would end a Node shell.
    void this.ledger()
      .then((ledger) => ledger.record(files))
      .catch((error: unknown) => console.error(`custody of ${files.length} files not recorded: ${errorMessage(error)}`));
  }

  /** Puts a file's documents (one, or each page of a web archive, or none) in place of those it had. */
  private replaceDocumentsOf(file: string, documents: readonly ArchiveDocument[]): void {
    // Only a web archive has documents of other ids than its file's; looking through them all for every plain file was O(documents).
    if (webArchiveFormatOf(file) === null) this.docs.delete(file);
    else for (const id of [...this.docs.keys()]) if (sourceFileOf(id) === file) this.docs.delete(id);
    for (const document of documents) this.docs.set(document.id, this.metadata.apply(document));
  }

  /**
   * Lists the folder of an archive opened as last seen, and takes in what changed since: files added,
   * changed (size, time or inode) or removed, and their sidecars. A document read again since open
   * (the reader, the watcher, an added file) is left as it is: that read is newer. Then every file
   * taken from the catalog is checked byte by byte (verifyUnread).
   */
  private async listAgain(catalog: IngestCatalog, seen: readonly ArchiveDocument[], opened: ReadonlyMap<string, ArchiveDocument>): Promise<void> {
    const listed = await loadArchive(this.root, catalog);
    if (this.closing) return;
    const before = new Map(seen.map((doc) => [doc.id, doc]));
    const after = new Map(listed.documents.map((doc) => [doc.id, doc]));
    const ids = new Set([...before.keys(), ...after.keys(), ...this.docs.keys()]);
    const readSinceOpen = new Set([...ids].filter((id) => this.docs.get(id) !== opened.get(id)));
    const filesReadSinceOpen = new Set([...readSinceOpen].map(sourceFileOf));
    let changed = false;
    for (const id of ids) {
      const document = after.get(id);
      // The catalog gives the same object for a file it still knows unchanged.
      if (document === before.get(id) || readSinceOpen.has(id)) continue;
      if (document) this.docs.set(id, this.metadata.apply(document));
      else this.docs.delete(id);
      changed = true;
    }
    const kept = this.report.filter((e) => filesReadSinceOpen.has(e.file));
    this.report.splice(0, this.report.length, ...listed.report.filter((e) => !filesReadSinceOpen.has(e.file)), ...kept);
    this.report.sort((a, b) => a.file.localeCompare(b.file));
    if (changed) this.changed();
    else this.recordCustody();
    await this.verifyUnread(listed.reused);
  }

  /**
   * The catalog's texts were read one by one as asked for since open; now all of them are, and the
   * catalog's checksum is checked. Texts not as written mean the files taken from it are read again.
   */
  private async checkCatalogTexts(catalog: IngestCatalog, reused: readonly string[]): Promise<void> {
    const problem = await catalog.verifyTexts();
    if (problem === null || this.closing) return;
    console.error(problem);
    await this.filesChanged([...reused]);
  }

  /**
   * Files taken from the ingest catalog were not read at open: each is read and hashed now, in the
   * background, and one whose bytes differ from what was catalogued (an edit that kept the size and
   * time) is taken in as a change.
   */
  private async verifyUnread(files: readonly string[]): Promise<void> {
    // One lookup table for the whole check (a search of the report per file was O(files²)); a file
    // read again meanwhile may differ from it, so a difference is confirmed against the report as it is then.
    const catalogued = new Map(this.report.map((e) => [e.file, e.sha256]));
    const currentSha256 = (id: string) => this.report.find((e) => e.file === id)?.sha256;
    for (let at = 0; at < files.length && !this.closing; at += VERIFY_BATCH) {
      const batch = files.slice(at, at + VERIFY_BATCH);
      const differing = await Promise.all(
        batch.map(async (id) => {
          if (!catalogued.get(id)) return [];
          // A file being written right now is left alone: its new version is read when it is opened or the write is seen.
          const bytes = await readArchiveFile(this.root, id, { maxBytes: maxBytesOf(id) }).then(
            (read) => read.bytes,
            (error: unknown) => (error instanceof ArchiveFileRefused && error.refusal === 'changing' ? undefined : null),
          );
          if (bytes === undefined) return [];
          const sha256 = bytes === null ? null : sha256Hex(bytes);
          return sha256 !== catalogued.get(id) && sha256 !== currentSha256(id) ? [id] : [];
        }),
      );
      const changed = differing.flat();
      if (changed.length > 0 && !this.closing) await this.filesChanged(changed);
      await new Promise((resolve) => setImmediate(resolve)); // let queries in between batches
    }
  }

  private async filesChanged(changed: string[]): Promise<void> {
    // A changed sidecar (story.meta.json) means its documents (story.txt, story.html, …) are read again.
    const ids = new Set(changed.filter((id) => sidecarTarget(id) === null).map(sourceFileOf));
    for (const id of changed) {
      const target = sidecarTarget(id);
      if (target === null) continue;
      for (const docId of this.docs.keys()) if (docId === target || docId.replace(/\.[^./]+$/, '') === target) ids.add(docId);
    }
    for (const id of ids) {
      const outcome = isArchiveFile(id) ? await ingestFile(this.root, id) : null;
      this.recordOutcome(id, outcome && !outcome.gone ? outcome.entry : null);
      this.replaceDocumentsOf(id, outcome?.documents ?? []);
    }
    this.changed();
  }

  /** Keeps the ingest report current as files come, change and go. */
  private recordOutcome(id: string, entry: IngestEntry | null): void {
    const at = this.report.findIndex((e) => e.file === id);
    if (at !== -1) this.report.splice(at, 1);
    if (entry) this.report.push(entry);
    this.report.sort((a, b) => a.file.localeCompare(b.file));
  }
}

/** Writes `bytes` under `dir` with `name`, or "name (2).ext", "name (3).ext" … if taken; never overwrites. */
async function writeNew(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; n < 10_000; n++) {
    const candidate = path.join(dir, n === 1 ? name : `${stem} (${n})${ext}`);
    let handle;
    try {
      handle = await openFile(candidate, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw writeFailure(error, `${name} could not be added`, 'the archive folder');
    }
    try {
      await handle.writeFile(bytes);
    } catch (error) {
      // A file cut short (the disk filled up) must not stay in the archive to be indexed as a source.
      await handle.close().catch(() => undefined);
      await unlink(candidate).catch(() => undefined);
      throw writeFailure(error, `${name} could not be added`, 'the archive folder');
    }
    await handle.close();
    return candidate;
  }
  throw new CasefileError('invalid-argument', `no free name for ${name}`);
}
