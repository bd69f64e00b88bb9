import { mkdir, open as openFile, realpath, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ingestFile, isArchiveFile, loadArchive, MAX_FILE_BYTES, sha256Hex, sidecarTarget, toDocumentId, type IngestEntry, type SkippedFile } from './archive/archive';
import { IngestCatalog } from './archive/catalog';
import { addedFileName } from './archive/file-names';
import { ArchiveFileRefused, readArchiveFile } from './contained-path';
import { MetadataOverrides, type MetadataEdit } from './archive/metadata-overrides';
import { summarize, type ArchiveDocument, type DocumentSummary } from './archive/document';
import {
  AnnotationService,
  type AnnotationChanges,
  type AnnotationFilter,
  type ExportedAnnotations,
  type NewAnnotation,
} from './annotations/annotation-service';
import type { ExportFormat, Grouping } from './annotations/interchange';
import { AnnotationStore, type StoreProblem } from './annotations/store';
import { PreferencesStore, type Preferences } from './preferences';
import { archiveDataDir } from './locations';
import { DossierService } from './dossier/dossier-service';
import { DossierStore } from './dossier/dossier-store';
import { CasefileError } from './errors';
import { writeFailure } from './storage/write-failure';
import { workerBuilder, type SegmentBuilder } from './search/index-builder';
import { LiveIndex, type IndexStatus } from './search/live-index';
import type { MatchKind, SearchOptions, SearchResult, TermSummary } from './search/search-engine';
import { watchArchive, type ArchiveWatcher } from './archive/watch';

export interface WorkstationOptions {
  archiveDir: string;
  dataDir: string;
  now?: () => Date;
  /** Where indexing runs (default: a worker thread for large builds). */
  indexBuilder?: SegmentBuilder;
  /**
   * Open an archive seen before as it was last seen, and list its folder again in the background
   * (the app: usable at once, files changed since are taken in as the check finds them; see
   * `indexStatus().checking`). Off, the folder is listed before open returns (one-shot commands).
   */
  openAsLastSeen?: boolean;
  /** The process's preferences store when a session owns it; else the workstation opens its own. */
  preferences?: PreferencesStore;
}

/**
 * The index's state, and whether the archive's files are still being compared with what was opened
 * (files changed since the last session are then still to come: results may change).
 */
export interface ArchiveIndexStatus extends IndexStatus {
  checking: boolean;
}

export interface WorkstationInfo {
  archiveRoot: string;
  dataDir: string;
  documentCount: number;
  skipped: SkippedFile[];
  storeProblem: StoreProblem | null;
  index: ArchiveIndexStatus;
}

export interface OpenedDocument {
  document: ArchiveDocument;
  /** Where the query (if any) matches in the text, in order. */
  matches: Array<[number, number]>;
  /** How each match matched (same order as `matches`). */
  matchKinds: MatchKind[];
  /** The query's terms counted in this document. */
  terms: TermSummary[];
}

export interface WorkstationSearchResult extends SearchResult {
  /** The index state when the search ran: while it is 'indexing' or checking, results may change. */
  index: ArchiveIndexStatus;
}

export type { AnnotationChanges, AnnotationFilter, NewAnnotation };

export interface DataRevision {
  data: number;
  archive: number;
}

/** Files read at once when checking catalogued files in the background. */
const VERIFY_BATCH = 8;

/** The service behind every shell: one open archive, its search index and its annotations. */
export class Workstation {
  private watcher: ArchiveWatcher | null = null;
  /** Stops following the data files (annotations, dossiers, corrections, preferences) for other processes' changes. */
  private unfollow: Array<() => void> = [];
  /** Counts changes the user did not make here: other processes' saves, files changed on disk. */
  private revisions: DataRevision = { data: 0, archive: 0 };
  private verification: Promise<void> = Promise.resolve();
  /** Whether the files are still being compared with what was opened (see archiveVerified). */
  private checking = false;
  private closing = false;
  /** The dossiers: built, exported and verified (the API's dossier methods call it). */
  readonly dossiers: DossierService;
  /** Whether the preferences store is this workstation's own (no session shares one). */
  private ownsPreferences = false;

  private constructor(
    private readonly root: string,
    private readonly report: IngestEntry[],
    private readonly documents: Map<string, ArchiveDocument>,
    private readonly index: LiveIndex,
    /** The annotations: made, edited, undone, re-anchored, imported (the API's annotation methods call it). */
    readonly annotations: AnnotationService,
    dossierStore: DossierStore,
    private readonly preferences: PreferencesStore,
    private readonly metadata: MetadataOverrides,
    private readonly dataDir: string,
    now: () => Date,
  ) {
    this.dossiers = new DossierService(dossierStore, {
      archiveRoot: root,
      annotation: (id) => annotations.get(id),
      annotations: () => annotations.list(),
      document: (id) => documents.get(id),
      author: () => preferences.get().author,
      now,
      current: () => this.archiveVerified(),
    });
  }

  static async open({ archiveDir, dataDir, now = () => new Date(), indexBuilder = workerBuilder, openAsLastSeen = false, preferences: shared }: WorkstationOptions): Promise<Workstation> {
    let root: string;
    try {
      root = await realpath(archiveDir);
    } catch {
      throw new CasefileError('not-found', `archive folder not found: ${archiveDir}`);
    }
    const storeDir = archiveDataDir(path.resolve(dataDir), root);
    await mkdir(storeDir, { recursive: true });
    // The index cache is read while the archive's files are checked: both wait mostly on the disk.
    const indexDir = path.join(storeDir, 'index');
    const cachedIndex = LiveIndex.readCache(indexDir);
    const catalog = await IngestCatalog.open(path.join(storeDir, 'ingest-catalog'));
    if (catalog.problem) console.error(catalog.problem);
    // An archive opened before opens as it was last seen, and its folder is listed again in the
    // background: 10,000 files are searchable at once rather than after 10,000 stats of a cold disk.
    const lastSeen = openAsLastSeen ? catalog.lastSeen() : null;
    const archive = lastSeen ?? (await loadArchive(root, catalog));
    // Which folder this data is for (a note for people looking at the data folder): a full disk must not stop the open.
    await writeFile(path.join(storeDir, 'archive.json'), `${JSON.stringify({ archiveRoot: root }, null, 2)}\n`).catch((error: unknown) =>
      console.error(writeFailure(error, 'the data folder could not be written').message),
    );
    const metadata = await MetadataOverrides.open(path.join(storeDir, 'metadata.json'));
    const documents = new Map(archive.documents.map((doc) => [doc.id, metadata.apply(doc)]));
    const store = await AnnotationStore.open(path.join(storeDir, 'annotations.json'));
    const preferences = shared ?? (await PreferencesStore.open(path.resolve(dataDir)));
    const annotations = new AnnotationService(store, documents, now, () => preferences.get().author);
    const dossierStore = await DossierStore.open(path.join(storeDir, 'dossiers.json'), now);
    const index = await LiveIndex.open(documents, indexDir, indexBuilder, cachedIndex);
    const workstation = new Workstation(root, archive.report, documents, index, annotations, dossierStore, preferences, metadata, path.resolve(dataDir), now);
    workstation.ownsPreferences = shared === undefined;
    const check = lastSeen ? workstation.listAgain(catalog, lastSeen.documents, new Map(documents)) : workstation.verifyUnread(archive.reused);
    workstation.checking = true;
    workstation.verification = check
      .catch((error: unknown) => {
        console.error('checking the archive files in the background failed:', error);
      })
      .finally(() => {
        workstation.checking = false;
      });
    return workstation;
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
    const ids = new Set([...before.keys(), ...after.keys(), ...this.documents.keys()]);
    const readSinceOpen = new Set([...ids].filter((id) => this.documents.get(id) !== opened.get(id)));
    let changed = false;
    for (const id of ids) {
      const document = after.get(id);
      // The catalog gives the same object for a file it still knows unchanged.
      if (document === before.get(id) || readSinceOpen.has(id)) continue;
      if (document) this.documents.set(id, this.metadata.apply(document));
      else this.documents.delete(id);
      changed = true;
    }
    const kept = this.report.filter((e) => readSinceOpen.has(e.file));
    this.report.splice(0, this.report.length, ...listed.report.filter((e) => !readSinceOpen.has(e.file)), ...kept);
    this.report.sort((a, b) => a.file.localeCompare(b.file));
    if (changed) this.index.refresh();
    await this.verifyUnread(listed.reused);
  }

  /**
   * Files taken from the ingest catalog were not read at open: each is read and hashed now, in the
   * background, and one whose bytes differ from what was catalogued (an edit that kept the size and
   * time) is taken in as a change.
   */
  private async verifyUnread(ids: readonly string[]): Promise<void> {
    for (let at = 0; at < ids.length && !this.closing; at += VERIFY_BATCH) {
      const batch = ids.slice(at, at + VERIFY_BATCH);
      const differing = await Promise.all(
        batch.map(async (id) => {
          const known = this.documents.get(id);
          // A file being written right now is left alone: its new version is read when it is opened or the write is seen.
          const bytes = await readArchiveFile(this.root, id, { maxBytes: MAX_FILE_BYTES }).then((read) => read.bytes, (error: unknown) => (error instanceof ArchiveFileRefused && error.refusal === 'changing' ? undefined : null));
          return known && bytes !== undefined && (bytes === null || sha256Hex(bytes) !== known.sha256) ? [id] : [];
        }),
      );
      const changed = differing.flat();
      if (changed.length > 0 && !this.closing) await this.filesChanged(changed);
      await new Promise((resolve) => setImmediate(resolve)); // let queries in between batches
    }
  }

  /**
   * Resolves when the archive's files have been compared with what was opened: the folder listed
   * again (an archive opened as last seen) and every file taken from the catalog read and checked.
   */
  async archiveVerified(): Promise<void> {
    await this.verification;
    await this.index.whenReady();
  }

  info(): WorkstationInfo {
    return {
      archiveRoot: this.root,
      dataDir: this.dataDir,
      documentCount: this.documents.size,
      skipped: this.report.filter((e) => e.status !== 'indexed').map((e) => ({ id: e.file, reason: e.reason ?? e.status })),
      storeProblem: this.annotations.problem,
      index: this.indexStatus(),
    };
  }

  /** The user's corrections to a document's metadata (kept in the data folder; the file is untouched). */
  getDocumentMetadata(id: string): MetadataEdit {
    this.requireDocument(id);
    return this.metadata.get(id);
  }

  async setDocumentMetadata(id: string, edit: MetadataEdit): Promise<DocumentSummary> {
    this.requireDocument(id);
    await this.metadata.set(id, edit);
    const { document } = await ingestFile(this.root, id);
    if (!document) throw new CasefileError('not-found', `${id} can no longer be read from the archive folder`);
    const corrected = this.metadata.apply(document);
    this.documents.set(id, corrected);
    this.index.refresh();
    return summarize(corrected);
  }

  /**
   * Copies files into the archive folder (a subfolder if named) and indexes them. An existing file is
   * never overwritten: the copy gets a free name ("story (2).txt"). Names are reduced to a plain file
   * name: no folders, no leading dot.
   */
  async addFiles(files: Array<{ name: string; bytes: Uint8Array }>, folder = ''): Promise<IngestEntry[]> {
    const targetDir = path.resolve(this.root, ...folder.split('/').filter((p) => p !== '' && p !== '.'));
    if (targetDir !== this.root && !targetDir.startsWith(this.root + path.sep)) {
      throw new CasefileError('invalid-argument', `the folder ${JSON.stringify(folder)} is outside the archive`);
    }
    await mkdir(targetDir, { recursive: true }).catch((error: unknown) => {
      throw writeFailure(error, `the folder ${JSON.stringify(folder)} could not be made`, 'the archive folder');
    });
    const entries: IngestEntry[] = [];
    for (const file of files) {
      const name = addedFileName(file.name);
      const id = toDocumentId(this.root, await writeNew(targetDir, name, file.bytes));
      const outcome = isArchiveFile(id) ? await ingestFile(this.root, id) : null;
      const entry = outcome?.entry ?? { file: id, status: 'skipped' as const, reason: `not a supported format (${path.extname(name) || 'no extension'})`, format: null, encoding: null, sha256: null };
      this.recordOutcome(id, outcome?.gone ? null : entry);
      if (outcome?.document) this.documents.set(id, this.metadata.apply(outcome.document));
      entries.push(entry);
    }
    this.index.refresh();
    return entries;
  }

  /** Every file of the archive folder with its outcome: indexed, or skipped or failed with a reason. */
  ingestReport(): IngestEntry[] {
    return this.report.map((e) => ({ ...e }));
  }

  indexStatus(): ArchiveIndexStatus {
    return { ...this.index.status(), checking: this.checking };
  }

  /**
   * Resolves when no indexing is under way: every document is then searchable in its current version,
   * unless indexing was stopped (state 'paused') or failed.
   */
  indexReady(): Promise<void> {
    return this.index.whenReady();
  }

  /** Stops indexing; what is indexed stays searchable (state 'paused', see IndexStatus). */
  async cancelIndexing(): Promise<ArchiveIndexStatus> {
    await this.index.cancel();
    return this.indexStatus();
  }

  /** Indexing catches up again after it was stopped. */
  resumeIndexing(): ArchiveIndexStatus {
    this.index.resume();
    return this.indexStatus();
  }

  listDocuments(): DocumentSummary[] {
    return [...this.documents.values()].sort((a, b) => a.id.localeCompare(b.id)).map(summarize);
  }

  search(query: string, options: SearchOptions = {}): WorkstationSearchResult {
    return { ...this.index.engine().search(query, options), index: this.indexStatus() };
  }

  /**
   * A document as it is on disk now: the file is read again, and if it changed since it was indexed
   * the index catches up before the query's matches are computed, so the reader is never stale.
   */
  async getDocument(id: string, query?: string, options: Pick<SearchOptions, 'variants'> = {}): Promise<OpenedDocument> {
    const known = this.requireDocument(id);
    const document = await this.reread(known);
    if (document !== known) await this.index.whenReady();
    const located = query ? this.index.engine().locate(query, id, options) : { ranges: [], kinds: [], terms: [] };
    return { document, matches: located.ranges, matchKinds: located.kinds, terms: located.terms };
  }

  /** Starts following changes to the archive folder (files added, changed, removed). */
  /**
   * Starts following changes to the archive folder (files added, changed, removed) and to the data
   * files that other Casefile processes (the app, the web shell, the CLI) may change meanwhile.
   */
  async watch(): Promise<void> {
    this.watcher ??= await watchArchive(this.root, async (files) => {
      await this.filesChanged(files);
      this.revisions.archive++;
    });
    if (this.unfollow.length > 0) return;
    const changed = () => {
      this.revisions.data++;
    };
    this.unfollow = [
      this.annotations.watch(changed),
      this.dossiers.watch(changed),
      this.preferences.watch(changed),
      // A correction made elsewhere: the documents are read again with it (or without it, when cleared).
      this.metadata.watch((ids) => {
        changed();
        void this.filesChanged(ids.filter((id) => this.documents.has(id))).catch((error: unknown) => console.error('corrections made elsewhere not applied:', error));
      }),
    ];
  }

  /**
   * How many changes were seen that the user did not make in this process (the renderer polls this
   * and reloads what it shows when a number moves): `data` for annotations, dossiers, corrections
   * and preferences saved by another process, `archive` for files changed in the archive folder.
   */
  dataRevision(): DataRevision {
    return { ...this.revisions };
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const stop of this.unfollow) stop();
    this.unfollow = [];
    await this.verification;
    await this.watcher?.close();
    this.watcher = null;
    // A build under way is stopped, not waited for: the cache holds only complete segments, and the next open catches up.
    await this.index.close();
    await this.flush();
    this.annotations.close();
    this.dossiers.close();
    this.metadata.close();
    if (this.ownsPreferences) this.preferences.close();
  }

  private async filesChanged(changed: string[]): Promise<void> {
    // A changed sidecar (story.meta.json) means its documents (story.txt, story.html, …) are read again.
    const ids = new Set(changed.filter((id) => sidecarTarget(id) === null));
    for (const id of changed) {
      const target = sidecarTarget(id);
      if (target === null) continue;
      for (const docId of this.documents.keys()) if (docId === target || docId.replace(/\.[^./]+$/, '') === target) ids.add(docId);
    }
    for (const id of ids) {
      const outcome = isArchiveFile(id) ? await ingestFile(this.root, id) : null;
      this.recordOutcome(id, outcome && !outcome.gone ? outcome.entry : null);
      if (outcome?.document) this.documents.set(id, this.metadata.apply(outcome.document));
      else this.documents.delete(id);
    }
    this.index.refresh();
  }

  /** Keeps the ingest report current as files come, change and go. */
  private recordOutcome(id: string, entry: IngestEntry | null): void {
    const at = this.report.findIndex((e) => e.file === id);
    if (at !== -1) this.report.splice(at, 1);
    if (entry) this.report.push(entry);
    this.report.sort((a, b) => a.file.localeCompare(b.file));
  }

  private async reread(known: ArchiveDocument): Promise<ArchiveDocument> {
    const { entry, document, gone } = await ingestFile(this.root, known.id);
    if (!document) {
      this.recordOutcome(known.id, gone ? null : entry);
      this.documents.delete(known.id);
      this.index.refresh();
      throw new CasefileError('not-found', `${known.id} is no longer readable in the archive folder (${entry.reason ?? entry.status})`);
    }
    if (document.sha256 === known.sha256) return known;
    this.recordOutcome(known.id, entry);
    const corrected = this.metadata.apply(document);
    this.documents.set(known.id, corrected);
    this.index.refresh();
    return corrected;
  }

  /** Every annotation for export; waits until the files are compared with what was opened, so no quote is of an old version. */
  async exportAnnotations(format: ExportFormat, groupBy: Grouping = 'document'): Promise<ExportedAnnotations> {
    await this.archiveVerified();
    return this.annotations.export(format, groupBy, `Casefile annotations — ${path.basename(this.root)}`);
  }

  getPreferences(): Preferences {
    return this.preferences.get();
  }

  setPreferences(changes: Partial<Preferences>): Promise<Preferences> {
    return this.preferences.set(changes);
  }

  /** Resolves when every annotation change so far is safely on disk. */
  async flush(): Promise<void> {
    await Promise.all([this.annotations.flush(), this.dossiers.flush()]);
  }

  private requireDocument(id: string): ArchiveDocument {
    const doc = this.documents.get(id);
    if (!doc) throw new CasefileError('not-found', `no document with id ${JSON.stringify(id)} in the archive`);
    return doc;
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
