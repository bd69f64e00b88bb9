import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SkippedFile } from './archive/archive';
import { ArchiveService } from './archive/archive-service';
import type { ArchiveDocument } from './archive/document';
import { AnnotationService, type AnnotationChanges, type AnnotationFilter, type ExportedAnnotations, type NewAnnotation } from './annotations/annotation-service';
import type { ExportFormat, Grouping } from './annotations/interchange';
import { AnnotationStore, type StoreProblem } from './annotations/store';
import { PreferencesStore } from './preferences';
import { archiveDataDir } from './locations';
import { resolveFolder } from './folders';
import { DossierService } from './dossier/dossier-service';
import { DossierStore } from './dossier/dossier-store';
import { archiveFigures } from './figures/archive-figures';
import type { Measure, MeasureFigures } from './figures/claims';
import { archiveTimeline, type TimelineEntry } from './timeline/timeline';
import { EntityEditStore } from './entities/entity-edit-store';
import { EntityService } from './entities/entity-service';
import { writeFailure } from './storage/write-failure';
import { workerBuilder, type SegmentBuilder } from './search/index-builder';
import { LiveIndex, type IndexStatus } from './search/live-index';
import type { MatchKind, SearchOptions, SearchResult, TermSummary } from './search/search-engine';

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
  /**
   * The app's way: follow the folder (watch it, then check it against what was opened) once the
   * first search is answered (see followSoon). Off, the check starts at open and nothing is watched.
   */
  followAfterFirstAnswer?: boolean;
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
  /** Facets were asked but the documents' names are still being read (the app): ask again shortly. */
  entityFacetsPending?: true;
}

export type { AnnotationChanges, AnnotationFilter, NewAnnotation };

type DocumentTest = (doc: ArchiveDocument) => boolean;

/** The tests given, as one that a document passes when it passes every one; undefined when none is given. */
function allOf(tests: ReadonlyArray<DocumentTest | undefined>): DocumentTest | undefined {
  const given = tests.filter((test): test is DocumentTest => test !== undefined);
  if (given.length <= 1) return given[0];
  return (doc) => given.every((test) => test(doc));
}

/** How long an app's workstation waits for a first search before it follows the folder anyway. */
const FOLLOW_WITHOUT_ANSWER_MS = 1500;

export interface DataRevision {
  data: number;
  archive: number;
}

/**
 * The service behind every shell: one open archive (its documents, `archive`), its search index,
 * its annotations and its dossiers. It opens them in order, follows other processes' changes to the
 * data folder, and closes them; the API's handlers call its services.
 */
export class Workstation {
  /** Stops following the data files (annotations, dossiers, corrections, preferences) for other processes' changes. */
  private unfollow: Array<() => void> = [];
  /** Data changes made through the API in this process: in all, and by each window that said who it is. */
  private madeHere = 0;
  private readonly madeBy = new Map<string, number>();
  /** Following that waits for the first answer (followSoon), once asked for. */
  private following: Promise<void> | null = null;
  /** Tells followSoon that a search was answered; set while it waits. */
  private answered: (() => void) | null = null;
  private stopWaitingToFollow: (() => void) | null = null;
  private closed = false;
  /** Counts changes the user did not make here: other processes' saves; any change to the archive's documents. */
  private revisions: DataRevision = { data: 0, archive: 0 };
  /** The dossiers: built, exported and verified (the API's dossier methods call it). */
  readonly dossiers: DossierService;
  /** People, organisations and places of the documents, and the merges and splits made by hand (the API's entity methods call it). */
  readonly entities: EntityService;

  private constructor(
    /** The archive's documents, kept current with the folder (the API's archive methods call it). */
    readonly archive: ArchiveService,
    private readonly index: LiveIndex,
    /** The annotations: made, edited, undone, re-anchored, imported (the API's annotation methods call it). */
    readonly annotations: AnnotationService,
    dossierStore: DossierStore,
    /** The user's preferences (shared with the session that opened this workstation, if any). */
    readonly preferences: PreferencesStore,
    /** Whether the preferences store is this workstation's own (no session shares one). */
    private readonly ownsPreferences: boolean,
    private readonly dataDir: string,
    now: () => Date,
    entityEdits: EntityEditStore,
  ) {
    this.entities = new EntityService(archive.documents, entityEdits, now);
    this.dossiers = new DossierService(dossierStore, {
      archiveRoot: archive.root,
      dataDir,
      annotation: (id) => annotations.get(id),
      annotations: () => annotations.list(),
      document: (id) => archive.documents.get(id),
      author: () => preferences.get().author,
      now,
      current: () => this.archiveVerified(),
      custody: () => archive.custodyView(),
      ledger: () => archive.ledgerSnapshot(),
      reread: (id) => archive.reread(id),
    });
    // However the documents change (the watcher, the check after an open as last seen, a file read
    // again), every window is to ask again: annotation statuses and counts depend on them.
    archive.onDocumentsChanged(() => {
      this.revisions.archive++;
    });
  }

  static async open({ archiveDir, dataDir, now = () => new Date(), indexBuilder = workerBuilder, openAsLastSeen = false, followAfterFirstAnswer = false, preferences: shared }: WorkstationOptions): Promise<Workstation> {
    const root = await resolveFolder(archiveDir);
    const storeDir = archiveDataDir(path.resolve(dataDir), root);
    await mkdir(storeDir, { recursive: true });
    // The index cache is read while the archive's files are checked: both wait mostly on the disk.
    const indexDir = path.join(storeDir, 'index');
    const cachedIndex = LiveIndex.readCache(indexDir);
    const archive = await ArchiveService.open({ root, storeDir, openAsLastSeen, now });
    // Which folder this data is for (a note for people looking at the data folder): a full disk must not stop the open.
    await writeFile(path.join(storeDir, 'archive.json'), `${JSON.stringify({ archiveRoot: root }, null, 2)}\n`).catch((error: unknown) =>
      console.error(writeFailure(error, 'the data folder could not be written').message),
    );
    const store = await AnnotationStore.open(path.join(storeDir, 'annotations.json'));
    const preferences = shared ?? (await PreferencesStore.open(path.resolve(dataDir)));
    const annotations = new AnnotationService(store, archive.documents, now, () => preferences.get().author);
    const dossierStore = await DossierStore.open(path.join(storeDir, 'dossiers.json'), now);
    const entityEdits = await EntityEditStore.open(path.join(storeDir, 'entities.json'));
    const index = await LiveIndex.open(archive.documents, indexDir, indexBuilder, cachedIndex);
    archive.onDocumentsChanged(() => index.refresh());
    const workstation = new Workstation(archive, index, annotations, dossierStore, preferences, shared === undefined, path.resolve(dataDir), now, entityEdits);
    if (followAfterFirstAnswer) workstation.followSoon();
    else archive.startChecking();
    return workstation;
  }

  /**
   * Resolves when the archive's files have been compared with what was opened (the folder listed
   * again, every file taken from the catalog read and checked) and the index has caught up.
   */
  async archiveVerified(): Promise<void> {
    await this.archive.checked();
    await this.index.whenReady();
  }

  info(): WorkstationInfo {
    return {
      archiveRoot: this.archive.root,
      dataDir: this.dataDir,
      documentCount: this.archive.documents.size,
      skipped: this.archive.skipped(),
      storeProblem: this.annotations.problem,
      index: this.indexStatus(),
    };
  }

  indexStatus(): ArchiveIndexStatus {
    return { ...this.index.status(), checking: this.archive.checking };
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

  search(query: string, { entity, entityFacets, only: callerTest, ...options }: SearchOptions = {}): WorkstationSearchResult {
    // The entity filter and facets are the entities' own: the engine only tests documents and tells which matched.
    // A caller's own test (document marks) joins it there, so counts, facets and order describe the same documents.
    let matching: readonly string[] = [];
    const only = allOf([callerTest, entity === undefined ? undefined : this.entities.filter(entity)]);
    const found = this.index.engine().search(query, { ...options, ...(only ? { only } : {}), ...(entityFacets ? { matchingIds: (ids) => (matching = ids) } : {}) });
    // The app (which follows the folder) never waits for names: facets come when they are at hand.
    const facets = !entityFacets ? undefined : this.following ? this.entities.facetsIfAtHand(matching) : this.entities.facets(matching);
    const result: WorkstationSearchResult = {
      ...found,
      ...(facets ? { entityFacets: facets } : entityFacets ? { entityFacetsPending: true as const } : {}),
      index: this.indexStatus(),
    };
    this.answered?.();
    return result;
  }

  /** The figures the documents give ("227 people died"), by measure, each marked if its sources disagree. */
  figures(measure?: Measure): MeasureFigures[] {
    return archiveFigures(this.archive.documents.values(), measure);
  }

  /** Publication dates and the dates written in the documents, resolved, in date order. */
  timeline(): TimelineEntry[] {
    return archiveTimeline(this.archive.documents.values());
  }

  /**
   * A document as it is on disk now: the file is read again, and if it changed since it was indexed
   * the index catches up before the query's matches are computed, so the reader is never stale.
   */
  async getDocument(id: string, query?: string, options: Pick<SearchOptions, 'variants'> = {}): Promise<OpenedDocument> {
    const known = this.archive.require(id);
    const document = await this.archive.reread(id);
    if (document !== known) await this.index.whenReady();
    const located = query ? this.index.engine().locate(query, id, options) : { ranges: [], kinds: [], terms: [] };
    return { document, matches: located.ranges, matchKinds: located.kinds, terms: located.terms };
  }

  /**
   * Starts following changes to the archive folder (files added, changed, removed) and to the data
   * files that other Casefile processes (the app, the web shell, the CLI) may change meanwhile.
   */
  async watch(): Promise<void> {
    // The archive revision moves with every change taken in (see the constructor). The watcher is
    // ready before the folder is listed again, so a change is seen by one or the other, never neither.
    await this.archive.watch(() => undefined);
    this.archive.startChecking();
    if (this.unfollow.length > 0) return;
    const changed = () => {
      this.revisions.data++;
    };
    this.unfollow = [this.annotations.watch(changed), this.dossiers.watch(changed), this.preferences.watch(changed), this.archive.watchCorrections(changed), this.entities.watch(changed), this.entities.warm()];
  }

  /**
   * How many changes were seen that the caller did not make (the renderer polls this and reloads
   * what it shows when a number moves): `data` for annotations, dossiers, corrections and
   * preferences saved by another process or, for a known caller, through the API by another window
   * of this one (another tab of the web shell); `archive` for files changed in the archive folder.
   */
  dataRevision(caller?: string): DataRevision {
    const byOthersHere = caller === undefined ? 0 : this.madeHere - (this.madeBy.get(caller) ?? 0);
    return { data: this.revisions.data + byOthersHere, archive: this.revisions.archive };
  }

  /** Counts a change made through the API by `caller` (see dataRevision). */
  changedBy(caller: string | undefined): void {
    this.madeHere++;
    if (caller !== undefined) this.madeBy.set(caller, (this.madeBy.get(caller) ?? 0) + 1);
  }

  /** Every annotation for export; waits until the files are compared with what was opened, so no quote is of an old version. */
  async exportAnnotations(format: ExportFormat, groupBy: Grouping = 'document'): Promise<ExportedAnnotations> {
    await this.archiveVerified();
    return this.annotations.export(format, groupBy, `Casefile annotations — ${path.basename(this.archive.root)}`);
  }

  /** Resolves when every annotation and dossier change so far is safely on disk. */
  async flush(): Promise<void> {
    await Promise.all([this.annotations.flush(), this.dossiers.flush(), this.entities.flush()]);
  }

  /**
   * The app's way: start following (watch) once the first search has been answered, or after
   * FOLLOW_WITHOUT_ANSWER_MS if none comes, so the first answer does not wait on a watcher
   * scanning 10,000 files and the folder being listed again (issue 22). Until then the index
   * status says the files are still being checked.
   */
  followSoon(): void {
    if (this.following) return;
    this.following = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, FOLLOW_WITHOUT_ANSWER_MS);
      this.answered = () => {
        clearTimeout(timer);
        // After this answer has gone out.
        setImmediate(resolve);
      };
      this.stopWaitingToFollow = () => {
        clearTimeout(timer);
        resolve();
      };
    })
      .then(async () => {
        this.answered = null;
        if (!this.closed) await this.watch();
      })
      .catch((error: unknown) => console.error('the archive folder is not followed:', error));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopWaitingToFollow?.();
    await this.following?.catch(() => undefined);
    for (const stop of this.unfollow) stop();
    this.unfollow = [];
    await this.archive.close();
    // A build under way is stopped, not waited for: the cache holds only complete segments, and the next open catches up.
    await this.index.close();
    await this.flush();
    this.annotations.close();
    this.dossiers.close();
    this.entities.close();
    if (this.ownsPreferences) this.preferences.close();
  }
}
