/** The entity API's shapes (issue 23 point 1): the core makes them, the API, the CLI and the renderer read them. */

export const ENTITY_TYPES = ['person', 'organization', 'place'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface EntitySummary {
  /** Stable across runs for the same grouping: the type and the folded key of the canonical name ("person:kasim-zhomart-tokaev"). */
  id: string;
  name: string;
  type: EntityType;
  /** The distinct spellings seen, as written. */
  variants: string[];
  documents: number;
  mentions: number;
}

export interface EntityMention {
  doc: string;
  /** Offsets into the document's text (UTF-16 code units, those of `search --json`). */
  start: number;
  end: number;
  text: string;
  /** About 80 characters of context on each side, cut at whole words. */
  before: string;
  after: string;
}

export interface EntityPage extends EntitySummary {
  mentionList: EntityMention[];
  documentList: Array<{ id: string; title: string; date?: string; mentions: number }>;
  /** Entities in the same documents, `together` = documents shared, most shared first (at most 20). */
  related: Array<EntitySummary & { together: number }>;
}

export type EntityFacets = Record<EntityType, Array<{ id: string; name: string; documents: number }>>;

/** A change made by hand to the automatic grouping, kept in the data folder and applied in order. */
export type EntityEdit =
  | { kind: 'merge'; ids: string[]; name?: string; at: string }
  | { kind: 'split'; id: string; variants: string[]; at: string };
