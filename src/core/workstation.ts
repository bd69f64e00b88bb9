import { lstat, mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isArchiveFile, loadArchive, parseDocument, type SkippedFile } from './archive/archive';
import { paragraphNumberAt, summarize, type ArchiveDocument, type DocumentSummary } from './archive/document';
import {
  AnnotationService,
  type AnnotationChanges,
  type AnnotationFilter,
  type ExportedAnnotations,
  type ImportOutcome,
  type NewAnnotation,
  type UndoOutcome,
} from './annotations/annotation-service';
import type { ExportFormat, Grouping } from './annotations/interchange';
import type { AnchoredAnnotation } from './annotations/model';
import { AnnotationStore, type StoreProblem } from './annotations/store';
import { PreferencesStore, type Preferences } from './preferences';
import { archiveDataDir } from './locations';
import { loadDossierFonts } from './dossier/fonts';
import type { DossierContent, DossierSource } from './dossier/model';
import { writeDossierPdf } from './dossier/pdf-writer';
import { CasefileError } from './errors';
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
}

export interface WorkstationInfo {
  archiveRoot: string;
  dataDir: string;
  documentCount: number;
  skipped: SkippedFile[];
  storeProblem: StoreProblem | null;
  index: IndexStatus;
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
  /** The index state when the search ran: while it is 'indexing', results may be incomplete. */
  index: IndexStatus;
}

export type { AnnotationChanges, AnnotationFilter, NewAnnotation };

export interface DossierRequest {
  title: string;
  author?: string;
}

/** The service behind every shell: one open archive, its search index and its annotations. */
export class Workstation {
  private watcher: ArchiveWatcher | null = null;

  private constructor(
    private readonly root: string,
    private readonly skipped: SkippedFile[],
    private readonly documents: Map<string, ArchiveDocument>,
    private readonly index: LiveIndex,
    private readonly annotations: AnnotationService,
    private readonly preferences: PreferencesStore,
    private readonly dataDir: string,
    private readonly now: () => Date,
  ) {}

  static async open({ archiveDir, dataDir, now = () => new Date(), indexBuilder = workerBuilder }: WorkstationOptions): Promise<Workstation> {
    let root: string;
    try {
      root = await realpath(archiveDir);
    } catch {
      throw new CasefileError('not-found', `archive folder not found: ${archiveDir}`);
    }
    const archive = await loadArchive(root);
    const documents = new Map(archive.documents.map((doc) => [doc.id, doc]));
    const storeDir = archiveDataDir(path.resolve(dataDir), root);
    await mkdir(storeDir, { recursive: true });
    await writeFile(path.join(storeDir, 'archive.json'), `${JSON.stringify({ archiveRoot: root }, null, 2)}\n`);
    const store = await AnnotationStore.open(path.join(storeDir, 'annotations.json'));
    const preferences = await PreferencesStore.open(path.resolve(dataDir));
    const annotations = new AnnotationService(store, documents, now, () => preferences.get().author);
    const index = await LiveIndex.open(documents, path.join(storeDir, 'index'), indexBuilder);
    return new Workstation(root, archive.skipped, documents, index, annotations, preferences, path.resolve(dataDir), now);
  }

  info(): WorkstationInfo {
    return {
      archiveRoot: this.root,
      dataDir: this.dataDir,
      documentCount: this.documents.size,
      skipped: this.skipped,
      storeProblem: this.annotations.problem,
      index: this.index.status(),
    };
  }

  indexStatus(): IndexStatus {
    return this.index.status();
  }

  /** Resolves when every document is searchable in its current version. */
  indexReady(): Promise<void> {
    return this.index.whenReady();
  }

  listDocuments(): DocumentSummary[] {
    return [...this.documents.values()].sort((a, b) => a.id.localeCompare(b.id)).map(summarize);
  }

  search(query: string, options: SearchOptions = {}): WorkstationSearchResult {
    return { ...this.index.engine().search(query, options), index: this.index.status() };
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
  async watch(): Promise<void> {
    this.watcher ??= await watchArchive(this.root, (files) => this.filesChanged(files));
  }

  async close(): Promise<void> {
    await this.watcher?.close();
    this.watcher = null;
    await this.index.whenReady();
    await this.flush();
  }

  private async filesChanged(ids: string[]): Promise<void> {
    for (const id of ids) {
      const file = path.join(this.root, id);
      // Links are never followed (as at load): they may lead outside the archive.
      const isPlainFile = await lstat(file).then((s) => s.isFile(), () => false);
      const bytes = isPlainFile ? await readFile(file).catch(() => null) : null;
      if (bytes === null || !isArchiveFile(id)) this.documents.delete(id);
      else this.documents.set(id, parseDocument(id, bytes));
    }
    this.index.refresh();
  }

  private async reread(known: ArchiveDocument): Promise<ArchiveDocument> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(this.root, known.id));
    } catch {
      this.documents.delete(known.id);
      this.index.refresh();
      throw new CasefileError('not-found', `${known.id} is no longer in the archive folder`);
    }
    const fresh = parseDocument(known.id, bytes);
    if (fresh.sha256 === known.sha256) return known;
    this.documents.set(known.id, fresh);
    this.index.refresh();
    return fresh;
  }

  listAnnotations(filter: AnnotationFilter = {}): AnchoredAnnotation[] {
    return this.annotations.list(filter);
  }

  listTags(): Array<{ tag: string; count: number }> {
    return this.annotations.tags();
  }

  createAnnotation(request: NewAnnotation): Promise<AnchoredAnnotation> {
    return this.annotations.create(request);
  }

  /** Annotates a passage named by its exact words (the CLI's way), refusing a quote that is absent or ambiguous. */
  annotateQuote(request: Omit<NewAnnotation, 'start' | 'end'> & { quote: string; occurrence?: number }): Promise<AnchoredAnnotation> {
    return this.annotations.annotateQuote(request);
  }

  updateAnnotation(changes: AnnotationChanges): Promise<AnchoredAnnotation> {
    return this.annotations.update(changes);
  }

  deleteAnnotation(id: string): Promise<void> {
    return this.annotations.delete(id);
  }

  acceptAnnotation(id: string): Promise<AnchoredAnnotation> {
    return this.annotations.accept(id);
  }

  detachAnnotation(id: string): Promise<AnchoredAnnotation> {
    return this.annotations.detach(id);
  }

  undo(): Promise<UndoOutcome | null> {
    return this.annotations.undo();
  }

  redo(): Promise<UndoOutcome | null> {
    return this.annotations.redo();
  }

  exportAnnotations(format: ExportFormat, groupBy: Grouping = 'document'): ExportedAnnotations {
    return this.annotations.export(format, groupBy, `Casefile annotations — ${path.basename(this.root)}`);
  }

  importAnnotations(json: unknown): Promise<ImportOutcome> {
    return this.annotations.importJsonLd(json);
  }

  restoreAnnotationBackup(): Promise<void> {
    return this.annotations.restoreBackup();
  }

  getPreferences(): Preferences {
    return this.preferences.get();
  }

  setPreferences(changes: Partial<Preferences>): Promise<Preferences> {
    return this.preferences.set(changes);
  }

  /** All annotations, grouped by source in archive order, quotes in reading order. */
  dossierContent({ title, author = '' }: DossierRequest): DossierContent {
    const bySource = new Map<string, AnchoredAnnotation[]>();
    for (const annotation of this.listAnnotations()) {
      const list = bySource.get(annotation.target.docId) ?? [];
      list.push(annotation);
      bySource.set(annotation.target.docId, list);
    }
    const sources: DossierSource[] = [...bySource.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([docId, annotations]) => {
        const doc = this.documents.get(docId);
        return {
          doc: doc ? summarize(doc) : { id: docId },
          quotes: annotations
            .sort((a, b) => (a.current?.start ?? Infinity) - (b.current?.start ?? Infinity))
            .map((a) => {
              // A fuzzy place is unreviewed: the dossier cites no offsets for it, only the recorded quote.
              const place = a.status === 'fuzzy' ? null : a.current;
              return {
                annotationId: a.id,
                quote: a.target.quote.exact,
                note: a.note,
                tags: a.tags,
                color: a.color,
                status: a.status,
                start: place?.start ?? null,
                end: place?.end ?? null,
                paragraph: doc && place ? paragraphNumberAt(doc, place.start) : null,
              };
            }),
        };
      });
    return { title, author, created: this.now(), sources };
  }

  async exportDossierPdf(request: DossierRequest): Promise<Uint8Array> {
    return writeDossierPdf(this.dossierContent(request), await loadDossierFonts());
  }

  /** Resolves when every annotation change so far is safely on disk. */
  flush(): Promise<void> {
    return this.annotations.flush();
  }

  private requireDocument(id: string): ArchiveDocument {
    const doc = this.documents.get(id);
    if (!doc) throw new CasefileError('not-found', `no document with id ${JSON.stringify(id)} in the archive`);
    return doc;
  }
}
