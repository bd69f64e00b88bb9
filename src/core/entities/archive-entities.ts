import type { ArchiveDocument } from '../archive/document';
import { withoutBoilerplate } from '../archive/boilerplate';
import { CasefileError, errorMessage } from '../errors';
import { said } from '../said';
import { buildSnippets } from '../search/snippets';
import { extractCandidates } from './extract';
import { finishGroups, groupCandidates, type Group, type Located } from './group';
import { ENTITY_TYPES, type EntityEdit, type EntityFacets, type EntityMention, type EntityPage, type EntitySummary, type EntityType } from './types';

/** Characters of context each side of a mention on an entity's page. */
const CONTEXT = 80;
const MAX_RELATED = 20;
export const FACETS_PER_TYPE = 10;

/** Names per document version: a document object is replaced, never changed, when its file changes. */
const candidatesByDocument = new WeakMap<ArchiveDocument, Located[]>();

function candidatesOf(document: ArchiveDocument): Located[] {
  let found = candidatesByDocument.get(document);
  if (!found) {
    // Boilerplate is blanked, not cut: offsets stay the document's own.
    const text = withoutBoilerplate(document.text, document.boilerplate);
    found = extractCandidates(text).map((c) => ({ ...c, text: document.text.slice(c.start, c.end), doc: document.id }));
    candidatesByDocument.set(document, found);
  }
  return found;
}

/** The archive's entities at one moment: its documents' names grouped, the edits applied. */
export class EntityIndex {
  private readonly groups: Group[];
  private readonly byId = new Map<string, Group>();
  /** Each entity's documents (ids), and each document's entities. */
  private readonly documentsOf = new Map<string, Set<string>>();
  private readonly entitiesIn = new Map<string, Set<Group>>();

  constructor(
    private readonly documents: ReadonlyMap<string, ArchiveDocument>,
    edits: readonly EntityEdit[],
  ) {
    const candidates = [...documents.values()].flatMap(candidatesOf);
    this.groups = finishGroups(groupCandidates(candidates), edits);
    for (const group of this.groups) {
      this.byId.set(group.id, group);
      const docs = new Set(group.mentions.map((m) => m.doc));
      this.documentsOf.set(group.id, docs);
      for (const doc of docs) {
        let inDoc = this.entitiesIn.get(doc);
        if (!inDoc) this.entitiesIn.set(doc, (inDoc = new Set()));
        inDoc.add(group);
      }
    }
  }

  /** The entities, most mentioned first (then most documents, then name). */
  list(type?: EntityType): EntitySummary[] {
    return this.groups
      .filter((g) => type === undefined || g.type === type)
      .map((g) => this.summary(g))
      .sort((a, b) => b.mentions - a.mentions || b.documents - a.documents || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** One entity with every mention in context, its documents and the entities that appear with it. */
  page(id: string): EntityPage {
    const group = this.require(id);
    const mentions = [...group.mentions].sort((a, b) => a.doc.localeCompare(b.doc) || a.start - b.start);
    const perDocument = new Map<string, number>();
    for (const m of mentions) perDocument.set(m.doc, (perDocument.get(m.doc) ?? 0) + 1);
    const together = new Map<Group, number>();
    for (const doc of perDocument.keys()) {
      for (const other of this.entitiesIn.get(doc) ?? []) if (other !== group) together.set(other, (together.get(other) ?? 0) + 1);
    }
    return {
      ...this.summary(group),
      mentionList: mentions.map((m) => this.mention(m)),
      documentList: [...perDocument]
        .map(([doc, count]) => {
          const document = this.documents.get(doc);
          return { id: doc, title: document?.title ?? doc, ...(document?.date ? { date: document.date.iso } : {}), mentions: count };
        })
        .sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id)),
      related: [...together]
        .sort(([a, na], [b, nb]) => nb - na || b.mentions.length - a.mentions.length || a.name.localeCompare(b.name))
        .slice(0, MAX_RELATED)
        .map(([other, count]) => ({ ...this.summary(other), together: count })),
    };
  }

  /** The documents (ids) that mention an entity; an unknown id is refused. */
  documentsMentioning(id: string): ReadonlySet<string> {
    this.require(id);
    return this.documentsOf.get(id) ?? new Set();
  }

  /** The entities of the given documents by type, most documents first: the search panel's facets. */
  facets(docs: Iterable<string>, perType = FACETS_PER_TYPE): EntityFacets {
    const counts = new Map<Group, number>();
    for (const doc of docs) for (const group of this.entitiesIn.get(doc) ?? []) counts.set(group, (counts.get(group) ?? 0) + 1);
    const facets = Object.fromEntries(ENTITY_TYPES.map((t) => [t, [] as EntityFacets[EntityType]])) as EntityFacets;
    const ordered = [...counts].sort(([a, na], [b, nb]) => nb - na || b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
    for (const [group, documents] of ordered) {
      if (facets[group.type].length < perType) facets[group.type].push({ id: group.id, name: group.name, documents });
    }
    return facets;
  }

  summary(group: Group): EntitySummary {
    return {
      id: group.id,
      name: group.name,
      type: group.type,
      variants: [...new Set(group.mentions.map((m) => m.text))].sort((a, b) => a.localeCompare(b)),
      documents: this.documentsOf.get(group.id)?.size ?? new Set(group.mentions.map((m) => m.doc)).size,
      mentions: group.mentions.length,
    };
  }

  summaryOf(id: string): EntitySummary {
    return this.summary(this.require(id));
  }

  private require(id: string): Group {
    const group = this.byId.get(id);
    if (!group) throw new CasefileError('not-found', said('entity.notFound', { id }));
    return group;
  }

  private mention(m: Located): EntityMention {
    const text = this.documents.get(m.doc)?.text ?? '';
    const [snippet] = buildSnippets(text, [[m.start, m.end]], { context: CONTEXT, maxSnippets: 1 });
    const [[from, to]] = snippet.matches;
    return { doc: m.doc, start: m.start, end: m.end, text: m.text, before: snippet.text.slice(0, from), after: snippet.text.slice(to) };
  }
}

/**
 * The entity index of an archive, made again only when its documents or the edits change (each
 * document's names are kept per version, so one changed file is read again, not all).
 */
export class ArchiveEntities {
  private last: { versions: ArchiveDocument[]; edits: readonly EntityEdit[]; index: EntityIndex } | null = null;
  private warming: NodeJS.Immediate | null = null;

  constructor(
    private readonly documents: ReadonlyMap<string, ArchiveDocument>,
    private readonly edits: () => readonly EntityEdit[],
  ) {}

  current(): EntityIndex {
    const versions = [...this.documents.values()];
    const edits = this.edits();
    const last = this.upToDate(versions, edits);
    if (last) return last;
    // A snapshot of the documents: the index must not see a later version than the one it grouped.
    const index = new EntityIndex(new Map(versions.map((d) => [d.id, d])), edits);
    this.last = { versions, edits, index };
    return index;
  }

  /**
   * The index if it is at hand for the documents and edits as they are now; else null, and the
   * names are read and grouped in the background (the app's search never waits for them: reading
   * every name of 10,000 documents takes seconds).
   */
  currentIfAtHand(): EntityIndex | null {
    const versions = [...this.documents.values()];
    const ready = this.upToDate(versions, this.edits());
    if (!ready) this.warm();
    return ready;
  }

  private upToDate(versions: readonly ArchiveDocument[], edits: readonly EntityEdit[]): EntityIndex | null {
    const last = this.last;
    return last && last.edits === edits && last.versions.length === versions.length && last.versions.every((d, i) => d === versions[i]) ? last.index : null;
  }

  /**
   * Reads the documents' names in the background, a few documents per turn of the event loop, so
   * the first list or facets asked for do not wait on every document of a large archive.
   */
  warm(): void {
    if (this.warming) return;
    const pending = [...this.documents.values()];
    const step = () => {
      try {
        for (const document of pending.splice(0, WARM_BATCH)) candidatesOf(document);
      } catch (error) {
        // A text that cannot be read now is read (and its failure reported) when it is asked for.
        console.error('entities: reading names ahead stopped:', errorMessage(error));
        pending.length = 0;
      }
      if (pending.length > 0) {
        this.warming = setImmediate(step);
        return;
      }
      // Every name read: group them too (one turn), so the next search has its facets at hand.
      this.warming = setImmediate(() => {
        this.warming = null;
        try {
          this.current();
        } catch (error) {
          console.error('entities: grouping ahead stopped:', errorMessage(error));
        }
      });
    };
    this.warming = setImmediate(step);
  }

  stopWarming(): void {
    if (this.warming) clearImmediate(this.warming);
    this.warming = null;
  }
}

/** Documents read per turn of the event loop while warming: a few milliseconds' work. */
const WARM_BATCH = 4;
