import { createHash } from 'node:crypto';
import { withoutBoilerplate } from '../archive/boilerplate';
import type { TextSpan } from '../archive/document';
import { z } from 'zod';
import { CompactBuilder } from './compact-builder';
import { CompactSearcher, type CompactIndex } from './compact-index';
import { decodeSegmentFile, encodeSegmentFile } from './segment-file';
import { indexTermOf } from './pipeline';
import type { SearchField } from './query-parser';
import { tokenize, type Token } from './tokenizer';
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
export const SEGMENT_VERSION = 9;

/**
 * What a segment records beside its index: the documents it indexed (with the version of each), and
 * the words that look like names (written with a capital in most of their occurrences) with the term
 * each is indexed under, for name variants. `kind`: a base segment holds part of a full build; a
 * delta holds documents changed or added since.
 */
export const SegmentHeader = z.object({
  format: z.literal(SEGMENT_FORMAT),
  version: z.literal(SEGMENT_VERSION),
  kind: z.enum(['base', 'delta']),
  /** [document id, the version indexed (see indexedVersion)]. */
  docs: z.array(z.tuple([z.string(), z.string()])),
  names: z.array(z.tuple([z.string(), z.string()])),
});
export type SegmentHeader = z.infer<typeof SegmentHeader>;

/** A built segment: its header and lunr's index in compact form (typed arrays, transferable). */
export interface SerializedSegment {
  header: SegmentHeader;
  compact: CompactIndex;
}

/** The segment as one cache file. */
export function encodeSegment(segment: SerializedSegment): Uint8Array {
  return encodeSegmentFile(segment.header, segment.compact);
}

/** A segment from its cache file; throws on a damaged file or another format or version. */
export function decodeSegment(file: Uint8Array): SerializedSegment {
  const { header, compact } = decodeSegmentFile(file);
  return { header: SegmentHeader.parse(header), compact };
}

export interface BuildProgress {
  done: number;
  total: number;
}

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

/** The fields indexed, in order, each with its boost (lunr's: a title match weighs ten body matches). */
export const INDEX_FIELDS: ReadonlyArray<{ field: SearchField; boost: number }> = [
  { field: 'title', boost: TITLE_BOOST },
  { field: 'byline', boost: 1 },
  { field: 'body', boost: 1 },
];

/** A document's indexed fields, tokenized: the title, the byline, the text without its boilerplate. */
export function indexedFields(doc: IndexableDocument): Record<SearchField, Token[]> {
  return { title: tokenize(doc.title), byline: tokenize(doc.byline ?? ''), body: tokenize(withoutBoilerplate(doc.text, doc.boilerplate ?? [])) };
}

/**
 * Builds the index of a set of documents (pure computation: run it in a worker for big sets): lunr's
 * index, as lunr.Builder would make it, in compact form (see compact-builder.ts), and the words that
 * look like names. An aborted `signal` stops it between documents with the signal's reason.
 */
export function buildSegment(
  documents: readonly IndexableDocument[],
  onProgress?: (progress: BuildProgress) => void,
  signal?: AbortSignal,
): SerializedSegment {
  const builder = new CompactBuilder(
    INDEX_FIELDS.map((f) => f.field),
    INDEX_FIELDS.map((f) => f.boost),
  );
  const capitals: Capitals = new Map();
  const step = Math.max(1, Math.floor(documents.length / 100));
  const seen = new Set<string>();
  documents.forEach((doc, i) => {
    signal?.throwIfAborted();
    if (seen.has(doc.id)) throw new Error(`the document ${doc.id} is given twice`);
    seen.add(doc.id);
    const tokens = indexedFields(doc);
    builder.add(INDEX_FIELDS.map(({ field }) => ({ field, tokens: tokens[field] })));
    for (const list of [tokens.title, tokens.body]) countCapitals(list, capitals);
    if (onProgress && (i % step === 0 || i === documents.length - 1)) onProgress({ done: i + 1, total: documents.length });
  });
  const names: Array<[string, string]> = [];
  for (const [term, counts] of capitals) {
    const indexTerm = counts && indexTermOf(term);
    if (counts && indexTerm && counts.capitalized * 2 >= counts.total) names.push([term, indexTerm]);
  }
  const docs: Array<[string, string]> = documents.map((d) => [d.id, indexedVersion(d)]);
  return {
    header: { format: SEGMENT_FORMAT, version: SEGMENT_VERSION, kind: 'base', docs, names },
    compact: builder.build(),
  };
}

/** Per word with a letter: how often it stands, and how often written with a capital; null for other words. */
type Capitals = Map<string, { capitalized: number; total: number } | null>;

function countCapitals(tokens: Token[], capitals: Capitals): void {
  for (const token of tokens) {
    let entry = capitals.get(token.term);
    if (entry === undefined) {
      entry = /\p{L}/u.test(token.term) ? { capitalized: 0, total: 0 } : null;
      capitals.set(token.term, entry);
    }
    if (entry === null) continue;
    entry.total++;
    if (token.capitalized) entry.capitalized++;
  }
}

/** A loaded segment: its searcher, which of its documents are still current, and its name vocabulary. */
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
    readonly searcher: CompactSearcher,
    readonly serialized: SerializedSegment,
  ) {
    this.versions = new Map(serialized.header.docs);
    this.live = new Set(this.versions.keys());
    for (const [term, indexTerm] of serialized.header.names) {
      const key = variantKey(term);
      if (key === null) continue;
      const terms = this.namesByKey.get(key) ?? new Set<string>();
      terms.add(indexTerm);
      this.namesByKey.set(key, terms);
    }
  }

  static load(serialized: SerializedSegment): Segment {
    return new Segment(new CompactSearcher(serialized.compact, serialized.header.docs.map(([id]) => id)), serialized);
  }

  get kind(): SegmentHeader['kind'] {
    return this.serialized.header.kind;
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
