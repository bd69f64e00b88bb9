import { randomUUID } from 'node:crypto';
import type { ArchiveDocument } from '../archive/document';
import { CasefileError } from '../errors';
import { anchor, locateQuote, quoteAt } from './anchoring';
import { fromJsonLd, toCsv, toJsonLd, toMarkdown, type ExportFormat, type Grouping, type ImportProblem } from './interchange';
import type { AnchoredAnnotation, Annotation, HighlightColor } from './model';
import type { AnnotationStore } from './store';

export interface NewAnnotation {
  docId: string;
  start: number;
  end: number;
  note?: string;
  tags?: string[];
  color?: HighlightColor;
}

export interface AnnotationChanges {
  id: string;
  note?: string;
  tags?: string[];
  color?: HighlightColor;
}

export interface AnnotationFilter {
  docId?: string;
  tag?: string;
  color?: HighlightColor;
  status?: AnchoredAnnotation['status'];
  /** Words to find in the quote or the note (case-insensitive, all must occur). */
  text?: string;
}

export interface UndoOutcome {
  /** What was undone or redone, in words ("delete highlight"). */
  action: string;
  /** Ids of the annotations it touched. */
  ids: string[];
}

export interface ImportOutcome {
  added: number;
  updated: number;
  unchanged: number;
  problems: ImportProblem[];
}

export interface ExportedAnnotations {
  fileName: string;
  mediaType: string;
  content: string;
}

/** One user action as it can be undone: each annotation before and after (null: absent). */
interface Step {
  action: string;
  changes: Array<{ before: Annotation | null; after: Annotation | null }>;
}

/** At least the last 20 actions can be undone (the floor); 100 costs nothing. */
export const UNDO_DEPTH = 100;

/**
 * The annotations of one archive: created, edited and deleted with undo and redo; re-anchored
 * against the current documents whenever they are read; imported and exported.
 */
export class AnnotationService {
  private readonly undoSteps: Step[] = [];
  private readonly redoSteps: Step[] = [];
  private readonly anchorCache = new Map<string, ReturnType<typeof anchor>>();

  constructor(
    private readonly store: AnnotationStore,
    private readonly documents: ReadonlyMap<string, ArchiveDocument>,
    private readonly now: () => Date,
    private readonly author: () => string,
  ) {}

  get problem() {
    return this.store.problem;
  }

  list(filter: AnnotationFilter = {}): AnchoredAnnotation[] {
    const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '');
    return this.store
      .list()
      .filter((a) => filter.docId === undefined || a.target.docId === filter.docId)
      .filter((a) => filter.tag === undefined || a.tags.includes(filter.tag))
      .filter((a) => filter.color === undefined || a.color === filter.color)
      .filter((a) => {
        const haystack = `${a.target.quote.exact}\n${a.note}`.toLowerCase();
        return words.every((w) => haystack.includes(w));
      })
      .map((a) => this.anchored(a))
      .filter((a) => filter.status === undefined || a.status === filter.status);
  }

  /** Every tag in use with how many annotations carry it, most used first (for autocomplete). */
  tags(): Array<{ tag: string; count: number }> {
    const counts = new Map<string, number>();
    for (const a of this.store.list()) for (const tag of a.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  }

  get(id: string): AnchoredAnnotation {
    return this.anchored(this.require(id));
  }

  async create({ docId, start, end, note = '', tags = [], color = 'yellow' }: NewAnnotation): Promise<AnchoredAnnotation> {
    await this.store.reload();
    const doc = this.requireDocument(docId);
    const stamp = this.now().toISOString();
    const annotation: Annotation = {
      id: randomUUID(),
      target: { docId, docSha256: doc.sha256, quote: quoteAt(doc.text, start, end), position: { start, end } },
      note,
      tags: normalizeTags(tags),
      color,
      author: this.author(),
      created: stamp,
      modified: stamp,
    };
    await this.commit('create highlight', [{ before: null, after: annotation }]);
    return this.anchored(annotation);
  }

  /** Annotates a passage named by its exact words (the CLI's way), refusing a quote that is absent or ambiguous. */
  async annotateQuote(request: Omit<NewAnnotation, 'start' | 'end'> & { quote: string; occurrence?: number }): Promise<AnchoredAnnotation> {
    const { start, end } = locateQuote(this.requireDocument(request.docId), request.quote, request.occurrence);
    return this.create({ ...request, start, end });
  }

  async update({ id, note, tags, color }: AnnotationChanges): Promise<AnchoredAnnotation> {
    await this.store.reload(); // edit the annotation as another process may have left it
    const existing = this.require(id);
    const updated: Annotation = {
      ...existing,
      note: note ?? existing.note,
      tags: tags ? normalizeTags(tags) : existing.tags,
      color: color ?? existing.color,
      modified: this.now().toISOString(),
    };
    await this.commit('edit highlight', [{ before: existing, after: updated }]);
    return this.anchored(updated);
  }

  async delete(id: string): Promise<void> {
    await this.store.reload();
    await this.commit('delete highlight', [{ before: this.require(id), after: null }]);
  }

  /** Accepts a fuzzy place: the annotation is re-made on the new text there (its note and tags kept). */
  async accept(id: string): Promise<AnchoredAnnotation> {
    await this.store.reload();
    const existing = this.require(id);
    const current = this.anchored(existing);
    if (current.status !== 'fuzzy' || !current.current) {
      throw new CasefileError('invalid-argument', `annotation ${id} is ${current.status}; only a fuzzy one waits to be accepted`);
    }
    const doc = this.requireDocument(existing.target.docId);
    const { start, end } = current.current;
    const accepted: Annotation = {
      ...existing,
      target: { ...existing.target, docSha256: doc.sha256, quote: quoteAt(doc.text, start, end), position: { start, end } },
      modified: this.now().toISOString(),
    };
    await this.commit('accept new place', [{ before: existing, after: accepted }]);
    return this.anchored(accepted);
  }

  /** Detaches a fuzzy (or any) annotation from the text: it stays, orphaned, with its original quote. */
  async detach(id: string): Promise<AnchoredAnnotation> {
    await this.store.reload();
    const existing = this.require(id);
    const detached: Annotation = { ...existing, detached: true, modified: this.now().toISOString() };
    await this.commit('detach highlight', [{ before: existing, after: detached }]);
    return this.anchored(detached);
  }

  async undo(): Promise<UndoOutcome | null> {
    return this.replay(this.undoSteps, this.redoSteps, 'before');
  }

  async redo(): Promise<UndoOutcome | null> {
    return this.replay(this.redoSteps, this.undoSteps, 'after');
  }

  /** Merges annotations from W3C JSON-LD by id: new ones added, newer versions replace older ones. */
  async importJsonLd(json: unknown): Promise<ImportOutcome> {
    const { annotations, problems } = fromJsonLd(json, this.documents);
    await this.store.reload();
    const changes: Step['changes'] = [];
    let unchanged = 0;
    for (const incoming of annotations) {
      const existing = this.store.get(incoming.id) ?? null;
      if (existing && (JSON.stringify(existing) === JSON.stringify(incoming) || existing.modified >= incoming.modified)) unchanged++;
      else changes.push({ before: existing, after: incoming });
    }
    if (changes.length > 0) await this.commit(`import ${changes.length} annotations`, changes);
    return {
      added: changes.filter((c) => c.before === null).length,
      updated: changes.filter((c) => c.before !== null).length,
      unchanged,
      problems,
    };
  }

  export(format: ExportFormat, groupBy: Grouping, label: string): ExportedAnnotations {
    const annotations = this.list();
    const base = `casefile-annotations`;
    if (format === 'jsonld') {
      return { fileName: `${base}.jsonld`, mediaType: 'application/ld+json', content: `${JSON.stringify(toJsonLd(annotations, label, this.documents), null, 2)}\n` };
    }
    const rows = annotations.map((annotation) => ({ annotation, title: this.documents.get(annotation.target.docId)?.title ?? annotation.target.docId }));
    if (format === 'csv') return { fileName: `${base}.csv`, mediaType: 'text/csv', content: toCsv(rows, groupBy) };
    return { fileName: `${base}.md`, mediaType: 'text/markdown', content: toMarkdown(rows, groupBy, label) };
  }

  /** Replaces a damaged store with its backup (the damaged file is kept beside it). */
  async restoreBackup(): Promise<void> {
    await this.store.restoreBackup(this.now());
    this.anchorCache.clear();
    this.undoSteps.length = 0;
    this.redoSteps.length = 0;
  }

  flush(): Promise<void> {
    return this.store.flush();
  }

  /** Follows changes other processes make to the annotations; `listener` runs after each is read. */
  watch(listener: () => void): () => void {
    return this.store.watch(listener);
  }

  close(): void {
    this.store.close();
  }

  private async commit(action: string, changes: Step['changes']): Promise<void> {
    await this.write(changes.map((c) => c.after), changes.map((c) => c.before));
    this.undoSteps.push({ action, changes });
    if (this.undoSteps.length > UNDO_DEPTH) this.undoSteps.shift();
    this.redoSteps.length = 0;
  }

  private async replay(from: Step[], to: Step[], side: 'before' | 'after'): Promise<UndoOutcome | null> {
    const step = from.pop();
    if (!step) return null;
    const other = side === 'before' ? 'after' : 'before';
    try {
      await this.write(step.changes.map((c) => c[side]), step.changes.map((c) => c[other]));
    } catch (error) {
      from.push(step);
      throw error;
    }
    to.push(step);
    return { action: step.action, ids: step.changes.map((c) => (c.before ?? c.after)?.id ?? '') };
  }

  /** Puts each `wanted` annotation, or removes the one it replaces where `wanted` is null. */
  private async write(wanted: Array<Annotation | null>, replaced: Array<Annotation | null>): Promise<void> {
    const put = wanted.filter((a): a is Annotation => a !== null);
    const remove = wanted.flatMap((a, i) => (a === null && replaced[i] ? [(replaced[i] as Annotation).id] : []));
    await this.store.apply({ put, remove });
  }

  private anchored(annotation: Annotation): AnchoredAnnotation {
    const doc = this.documents.get(annotation.target.docId);
    // Anchoring reads the whole text (and may search it approximately): remember it for what it
    // depends on, the target and the detached flag against this version of the document.
    const key = `${doc?.sha256 ?? 'absent'}\u0000${annotation.detached === true}\u0000${JSON.stringify(annotation.target)}`;
    let result = this.anchorCache.get(key);
    if (!result) {
      result = anchor(annotation, doc);
      if (this.anchorCache.size > 50_000) this.anchorCache.clear();
      this.anchorCache.set(key, result);
    }
    const current = 'start' in result ? { start: result.start, end: result.end } : null;
    const currentText = current && doc && result.status === 'fuzzy' ? doc.text.slice(current.start, current.end) : null;
    return { ...annotation, status: result.status, current, currentText, score: result.status === 'fuzzy' ? result.score : null };
  }

  private require(id: string): Annotation {
    const annotation = this.store.get(id);
    if (!annotation) throw new CasefileError('not-found', `no annotation with id ${JSON.stringify(id)}`);
    return annotation;
  }

  private requireDocument(id: string): ArchiveDocument {
    const doc = this.documents.get(id);
    if (!doc) throw new CasefileError('not-found', `no document with id ${JSON.stringify(id)} in the archive`);
    return doc;
  }
}

function normalizeTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))];
}
