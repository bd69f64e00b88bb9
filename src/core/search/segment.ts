import { createHash } from 'node:crypto';
import lunr from 'lunr';
import { withoutBoilerplate } from '../archive/boilerplate';
import type { TextSpan } from '../archive/document';
import { z } from 'zod';
import { configurePipelines, indexTermOf } from './pipeline';
import type { SearchField } from './query-parser';
import { tokenize } from './tokenizer';
import { variantKey } from './variants';

/** What the index needs of a document. */
export interface IndexableDocument {
  id: string;
  title: string;
  byline: string | null;
  text: string;
  /** Which version of the document was indexed. */
  sha256: string;
  /** Spans of `text` left out of the index (web boilerplate); offsets of the rest are unchanged. */
  boilerplate?: TextSpan[];
}

export const TITLE_BOOST = 10;
export const SEGMENT_FORMAT = 'casefile-index-segment';
/** Bump when the tokenizer, pipeline or fields change: cached segments of another version are rebuilt. */
export const SEGMENT_VERSION = 5;

/**
 * A segment on disk: lunr's own serialized index, plus the words that look like names (written with
 * a capital in most of their occurrences) with the term each is indexed under, for name variants.
 */
export const SerializedSegment = z.object({
  format: z.literal(SEGMENT_FORMAT),
  version: z.literal(SEGMENT_VERSION),
  /** [document id, the version indexed (see indexedVersion)]. */
  docs: z.array(z.tuple([z.string(), z.string()])),
  names: z.array(z.tuple([z.string(), z.string()])),
  index: z.record(z.string(), z.unknown()),
});
export type SerializedSegment = z.infer<typeof SerializedSegment>;

export interface BuildProgress {
  done: number;
  total: number;
}

// Our tokenizer replaces lunr's whitespace splitter and its trimmer, which deletes non-Latin letters.
const casefileTokenizer = (value: unknown, metadata?: object): lunr.Token[] =>
  tokenize(value == null ? '' : String(value)).map(
    (token) => new lunr.Token(token.term, { ...metadata, position: [token.start, token.end - token.start] }),
  );

/**
 * What a segment records of each document it indexed: the file's SHA-256 and a digest of its indexed
 * metadata, so an edited title or byline (which changes no byte of the file) is indexed again too.
 */
export function indexedVersion(doc: Pick<IndexableDocument, 'sha256' | 'title' | 'byline'>): string {
  let version = versions.get(doc);
  if (version === undefined) {
    version = `${doc.sha256}:${createHash('sha256').update(`${doc.title}\u0000${doc.byline ?? ''}`).digest('hex').slice(0, 16)}`;
    versions.set(doc, version);
  }
  return version;
}

// Documents are immutable objects (a change makes a new one), so their version can be remembered.
const versions = new WeakMap<object, string>();

/** Builds the index of a set of documents (pure computation: run it in a worker for big sets). */
export function buildSegment(documents: readonly IndexableDocument[], onProgress?: (progress: BuildProgress) => void): SerializedSegment {
  const builder = new lunr.Builder();
  builder.tokenizer = casefileTokenizer as unknown as typeof lunr.tokenizer;
  configurePipelines(builder);
  builder.metadataWhitelist = ['position'];
  builder.ref('id');
  builder.field('title', { boost: TITLE_BOOST });
  builder.field('byline');
  builder.field('body');
  const capitals = new Map<string, { capitalized: number; total: number }>();
  const step = Math.max(1, Math.floor(documents.length / 100));
  documents.forEach((doc, i) => {
    const body = withoutBoilerplate(doc.text, doc.boilerplate ?? []);
    builder.add({ id: doc.id, title: doc.title, byline: doc.byline ?? '', body });
    for (const text of [doc.title, body]) countCapitals(text, capitals);
    if (onProgress && (i % step === 0 || i === documents.length - 1)) onProgress({ done: i + 1, total: documents.length });
  });
  const names: Array<[string, string]> = [];
  for (const [term, { capitalized, total }] of capitals) {
    const indexTerm = indexTermOf(term);
    if (indexTerm !== null && capitalized * 2 >= total) names.push([term, indexTerm]);
  }
  return {
    format: SEGMENT_FORMAT,
    version: SEGMENT_VERSION,
    docs: documents.map((d) => [d.id, indexedVersion(d)]),
    names,
    index: builder.build().toJSON() as unknown as Record<string, unknown>,
  };
}

function countCapitals(text: string, capitals: Map<string, { capitalized: number; total: number }>): void {
  for (const token of tokenize(text)) {
    if (!/\p{L}/u.test(token.term)) continue;
    const entry = capitals.get(token.term) ?? { capitalized: 0, total: 0 };
    entry.total++;
    if (token.capitalized) entry.capitalized++;
    capitals.set(token.term, entry);
  }
}

/** A loaded segment: its lunr index, which of its documents are still current, and its name vocabulary. */
export class Segment {
  /**
   * Documents whose current version is searched here. A changed or removed document is masked
   * (taken out of this set) and its new version indexed in a newer segment.
   */
  readonly live: Set<string>;
  /** Document id → SHA-256 of the version indexed here. */
  readonly versions: Map<string, string>;
  private readonly namesByKey = new Map<string, Set<string>>();
  /** File name in the index cache, once it has one, and whether it is written there. */
  cacheName: string | undefined;
  persisted = false;

  private constructor(
    readonly index: lunr.Index,
    readonly serialized: SerializedSegment,
  ) {
    this.versions = new Map(serialized.docs);
    this.live = new Set(this.versions.keys());
    for (const [term, indexTerm] of serialized.names) {
      const key = variantKey(term);
      if (key === null) continue;
      const terms = this.namesByKey.get(key) ?? new Set<string>();
      terms.add(indexTerm);
      this.namesByKey.set(key, terms);
    }
  }

  static load(serialized: SerializedSegment): Segment {
    return new Segment(lunr.Index.load(serialized.index), serialized);
  }

  /** Indexed terms of names that are spelling variants of `term` (a matching-form word). */
  variantTerms(term: string): string[] {
    const key = variantKey(term);
    return key === null ? [] : [...(this.namesByKey.get(key) ?? [])];
  }
}

export function fieldText(doc: IndexableDocument, field: SearchField): string {
  if (field === 'body') return doc.text;
  if (field === 'title') return doc.title;
  return doc.byline ?? '';
}
