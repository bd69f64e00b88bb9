import type { ArchiveDocument } from '../archive/document';
import { CasefileError } from '../errors';
import { said } from '../said';
import type { StoreProblem } from '../storage/json-file';
import { ArchiveEntities, type EntityIndex } from './archive-entities';
import type { EntityEditStore } from './entity-edit-store';
import type { EntityEdit, EntityFacets, EntityPage, EntitySummary, EntityType } from './types';

/**
 * The archive's entities as the API serves them: found in every document, grouped, and changed by
 * hand (merges and splits kept in the data folder, applied again to whatever the documents become).
 */
export class EntityService {
  private readonly entities: ArchiveEntities;

  constructor(
    documents: ReadonlyMap<string, ArchiveDocument>,
    private readonly store: EntityEditStore,
    private readonly now: () => Date,
  ) {
    this.entities = new ArchiveEntities(documents, () => store.edits);
  }

  get problem(): StoreProblem | null {
    return this.store.problem;
  }

  /** The index as the documents and the edits are now. */
  index(): EntityIndex {
    return this.entities.current();
  }

  list(type?: EntityType): EntitySummary[] {
    return this.index().list(type);
  }

  page(id: string): EntityPage {
    return this.index().page(id);
  }

  /** Makes the entities `ids` one (named `name`, else as the first is); the first's id is kept. */
  async merge(ids: readonly string[], name?: string): Promise<EntitySummary> {
    const distinct = [...new Set(ids)];
    const index = this.index();
    for (const id of distinct) index.documentsMentioning(id); // an unknown id is refused
    if (distinct.length < 2) throw new CasefileError('invalid-argument', said('entity.mergeNeedsTwo'));
    await this.store.add({ kind: 'merge', ids: distinct, ...(name ? { name } : {}), at: this.now().toISOString() });
    return this.index().summaryOf(distinct[0]);
  }

  /** The spellings `variants` leave the entity `id` and make an entity of their own; both are returned. */
  async split(id: string, variants: readonly string[]): Promise<EntitySummary[]> {
    const before = this.index().summaryOf(id);
    const leaving = [...new Set(variants)];
    const unknown = leaving.filter((v) => !before.variants.includes(v));
    if (unknown.length > 0) throw new CasefileError('invalid-argument', said('entity.splitNoVariant', { id, variants: unknown.map((v) => JSON.stringify(v)).join(', ') }));
    if (leaving.length >= before.variants.length) throw new CasefileError('invalid-argument', said('entity.splitAll'));
    const existing = new Set(this.index().list().map((e) => e.id));
    await this.store.add({ kind: 'split', id, variants: leaving, at: this.now().toISOString() });
    const after = this.index();
    const made = after.list().filter((e) => !existing.has(e.id) && e.variants.some((v) => leaving.includes(v)));
    return [after.summaryOf(id), ...made];
  }

  /** The edits made by hand, in the order they apply. */
  edits(): readonly EntityEdit[] {
    return this.store.edits;
  }

  async removeEdit(index: number): Promise<readonly EntityEdit[]> {
    await this.store.remove(index, (edits) => {
      if (index >= edits.length) throw new CasefileError('not-found', said('entity.noEdit', { index, count: edits.length }));
    });
    return this.store.edits;
  }

  /** Whether a document mentions the entity `id` (an unknown id is refused at once). */
  filter(id: string): (doc: ArchiveDocument) => boolean {
    const docs = this.index().documentsMentioning(id);
    return (doc) => docs.has(doc.id);
  }

  facets(docIds: Iterable<string>): EntityFacets {
    return this.index().facets(docIds);
  }

  /** The facets if the entities are at hand now; else null, and they are made ready in the background. */
  facetsIfAtHand(docIds: Iterable<string>): EntityFacets | null {
    return this.entities.currentIfAtHand()?.facets(docIds) ?? null;
  }

  /** Starts reading the documents' names in the background (the app, once it follows the folder); returns the way to stop. */
  warm(): () => void {
    this.entities.warm();
    return () => this.entities.stopWarming();
  }

  watch(listener: () => void): () => void {
    return this.store.watch(listener);
  }

  flush(): Promise<void> {
    return this.store.flush();
  }

  close(): void {
    this.entities.stopWarming();
    this.store.close();
  }
}
