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
import { nearSpellings } from './compact-index';
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
export const SEGMENT_VERSION = 10;

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
  /**
   * The words as written, for near spellings and suggestions (see SurfaceCounts#serialized): per
   * matching form, sorted, the form (after the length of the prefix it shares with the one before),
   * the documents holding it unless 1, and how it is most often written where that differs ('^':
   * with a capital). One string, not an array: it costs nothing to load and is read when first asked.
   */
  words: z.string(),
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
  const surface = new SurfaceCounts();
  const step = Math.max(1, Math.floor(documents.length / 100));
  const seen = new Set<string>();
  documents.forEach((doc, i) => {
    signal?.throwIfAborted();
    if (seen.has(doc.id)) throw new Error(`the document ${doc.id} is given twice`);
    seen.add(doc.id);
    const tokens = indexedFields(doc);
    builder.add(INDEX_FIELDS.map(({ field }) => ({ field, tokens: tokens[field] })));
    for (const list of [tokens.title, tokens.body]) countCapitals(list, capitals);
    surface.add(i, [tokens.title, tokens.byline, tokens.body], doc);
    if (onProgress && (i % step === 0 || i === documents.length - 1)) onProgress({ done: i + 1, total: documents.length });
  });
  const names: Array<[string, string]> = [];
  for (const [term, counts] of capitals) {
    const indexTerm = counts && indexTermOf(term);
    if (counts && indexTerm && counts.capitalized * 2 >= counts.total) names.push([term, indexTerm]);
  }
  const docs: Array<[string, string]> = documents.map((d) => [d.id, indexedVersion(d)]);
  return {
    header: { format: SEGMENT_FORMAT, version: SEGMENT_VERSION, kind: 'base', docs, names, words: surface.serialized() },
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

/** Words shorter than this are neither suggested nor reached as near spellings: too many neighbours. */
export const MIN_SURFACE_LETTERS = 4;
const SURFACE_WORD = /^\p{L}[\p{L}\p{M}]*$/u;

/** Per matching form: the documents holding it, and how often it stands as written (other written forms counted apart). */
class SurfaceCounts {
  private readonly words = new Map<string, { documents: number; lastDocument: number; plain: number; written?: Map<string, number> }>();

  add(documentNumber: number, fields: readonly Token[][], doc: IndexableDocument): void {
    fields.forEach((tokens, f) => {
      const text = f === 0 ? doc.title : f === 1 ? (doc.byline ?? '') : doc.text;
      for (const token of tokens) {
        if (token.compound || token.term.length < MIN_SURFACE_LETTERS || !SURFACE_WORD.test(token.term)) continue;
        let entry = this.words.get(token.term);
        if (entry === undefined) {
          if (indexTermOf(token.term) === null) continue; // a stop word matches nothing: never suggested
          entry = { documents: 0, lastDocument: -1, plain: 0 };
          this.words.set(token.term, entry);
        }
        if (entry.lastDocument !== documentNumber) {
          entry.documents++;
          entry.lastDocument = documentNumber;
        }
        // "Tokayev’s" is indexed as tokayev: the possessive is no part of the word suggested.
        const written = text.slice(token.start, token.end).replace(/['’ʼ‘]s$/u, '');
        if (written === token.term) entry.plain++;
        else (entry.written ??= new Map()).set(written, (entry.written.get(written) ?? 0) + 1);
      }
    });
  }

  serialized(): string {
    const entries: string[] = [];
    let previous = '';
    for (const term of [...this.words.keys()].sort()) {
      const { documents, plain, written } = this.words.get(term) as { documents: number; plain: number; written?: Map<string, number> };
      let most = term;
      let count = plain;
      for (const [form, n] of written ?? []) if (n > count) [most, count] = [form, n];
      let shared = 0;
      while (shared < term.length && term[shared] === previous[shared]) shared++;
      previous = term;
      const form = most === term ? '' : most === capitalized(term) ? CAPITALIZED : most;
      const tail = form !== '' ? ` ${documents} ${form}` : documents > 1 ? ` ${documents}` : '';
      entries.push(`${shared > 0 ? shared : ''}${term.slice(shared)}${tail}`);
    }
    return entries.join(ENTRY_SEPARATOR);
  }
}

const ENTRY_SEPARATOR = '|';
/** Written with a capital first letter and otherwise as the matching form: the commonest case after none. */
const CAPITALIZED = '^';

function capitalized(term: string): string {
  return term.charAt(0).toUpperCase() + term.slice(1);
}

/** A word of the archive: its matching form, how many documents of a segment hold it, and how it is most often written. */
export interface SurfaceWord {
  term: string;
  documents: number;
  written: string;
}

/** A segment's words as written, read from its header's `words` when first asked. */
class SurfaceWords {
  readonly terms: string[] = [];
  private readonly documents: number[] = [];
  private readonly written = new Map<number, string>();

  constructor(serialized: string) {
    if (serialized === '') return;
    let previous = '';
    for (const entry of serialized.split(ENTRY_SEPARATOR)) {
      let digits = 0;
      while (entry.charCodeAt(digits) >= 0x30 && entry.charCodeAt(digits) <= 0x39) digits++;
      const space = entry.indexOf(' ', digits);
      const term = previous.slice(0, digits > 0 ? Number(entry.slice(0, digits)) : 0) + entry.slice(digits, space === -1 ? undefined : space);
      previous = term;
      let documents = 1;
      if (space !== -1) {
        const second = entry.indexOf(' ', space + 1);
        documents = Number(entry.slice(space + 1, second === -1 ? undefined : second));
        if (second !== -1) {
          const written = entry.slice(second + 1);
          this.written.set(this.terms.length, written === CAPITALIZED ? capitalized(term) : written);
        }
      }
      this.terms.push(term);
      this.documents.push(documents);
    }
  }

  /** The words within `edits` edits of a matching form (lunr's edit automaton, as near spellings of index terms). */
  near(term: string, edits: number): SurfaceWord[] {
    return nearSpellings(this.terms, term, edits).map((found) => this.at(binaryIndex(this.terms, found)));
  }

  /** The words that start with `prefix`, or none if there are more than `limit`. */
  startingWith(prefix: string, limit: number): SurfaceWord[] {
    const from = binaryIndex(this.terms, prefix);
    const found: SurfaceWord[] = [];
    for (let i = from; i < this.terms.length && this.terms[i].startsWith(prefix); i++) {
      if (found.length === limit) return [];
      found.push(this.at(i));
    }
    return found;
  }

  private at(i: number): SurfaceWord {
    return { term: this.terms[i], documents: this.documents[i], written: this.written.get(i) ?? this.terms[i] };
  }
}

function binaryIndex(sorted: readonly string[], term: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < term) low = mid + 1;
    else high = mid;
  }
  return low;
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
  private surface: SurfaceWords | undefined;
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

  /** Words of this segment's documents, as written, within `edits` edits of a matching-form word. */
  nearWords(term: string, edits: number): SurfaceWord[] {
    return this.surfaceWords().near(term, edits);
  }

  /** Words of this segment's documents, as written, that start with a matching-form prefix; none if more than `limit`. */
  wordsStartingWith(prefix: string, limit: number): SurfaceWord[] {
    return this.surfaceWords().startingWith(prefix, limit);
  }

  private surfaceWords(): SurfaceWords {
    this.surface ??= new SurfaceWords(this.serialized.header.words);
    return this.surface;
  }
}

export function fieldText(doc: IndexableDocument, field: SearchField): string {
  if (field === 'body') return doc.text;
  if (field === 'title') return doc.title;
  return doc.byline ?? '';
}
