import type { ArchiveDocument, TextSpan } from '../archive/document';
import { words } from '../search/tokenizer';

/**
 * Near-duplicate documents: copies and light edits of one another (a wire story reprinted by five
 * outlets). Each document is cut into overlapping runs of SHINGLE words (in their matching form, so
 * case, diacritics and typographic apostrophes do not count as edits); two documents are
 * near-duplicates when the runs they share are at least THRESHOLD of all their runs (Jaccard).
 *
 * Comparing every pair is quadratic, so a MinHash sketch of each document (one-permutation hashing,
 * BINS bins) is banded: documents that agree on every bin of some band are candidates, and only
 * candidates are compared exactly. With BANDS × ROWS = 21 × 3, a pair at Jaccard 0.5 becomes a
 * candidate with probability 1 − (1 − 0.5³)²¹ ≈ 0.94, at 0.6 with 0.99, while unrelated articles
 * (Jaccard ~0.01) almost never are; pairs below the threshold are never reported, since the exact
 * comparison decides.
 */
export const SHINGLE = 5;
export const THRESHOLD = 0.5;
const BANDS = 21;
const ROWS = 3;
const BINS = BANDS * ROWS;
/** Fewer runs than this and a text is too short to call a copy of anything (a title, a caption). */
const MIN_SHINGLES = 8;
const EMPTY_BIN = 0xffffffff;

/** What is kept of one document version: its sorted distinct shingle hashes and its sketch. */
export interface Fingerprint {
  shingles: Uint32Array;
  sketch: Uint32Array;
}

/** A document near-duplicate of another, with how much of their text they share (0–1, Jaccard of word runs). */
export interface NearDuplicate {
  id: string;
  similarity: number;
}

const fingerprints = new WeakMap<ArchiveDocument, Fingerprint | null>();

/** The fingerprint of a document version (null if it is too short); a document object never changes, so it is kept. */
export function fingerprintOf(document: ArchiveDocument): Fingerprint | null {
  let found = fingerprints.get(document);
  if (found === undefined) {
    found = fingerprint(document.text, document.boilerplate);
    fingerprints.set(document, found);
  }
  return found;
}

/** The fingerprint of a text, leaving out the given spans (web boilerplate shared by every page of a site). */
export function fingerprint(text: string, skip: readonly TextSpan[] = []): Fingerprint | null {
  const termHashes: number[] = [];
  for (const token of words(text)) {
    if (skip.some((span) => token.start >= span.start && token.start < span.end)) continue;
    termHashes.push(hashString(token.term));
  }
  if (termHashes.length < SHINGLE) return null;
  const all = new Uint32Array(termHashes.length - SHINGLE + 1);
  for (let i = 0; i < all.length; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < SHINGLE; k++) h = mix(h ^ termHashes[i + k]);
    all[i] = h;
  }
  const shingles = distinctSorted(all);
  if (shingles.length < MIN_SHINGLES) return null;
  return { shingles, sketch: sketch(shingles) };
}

/** The share of word runs two fingerprints have in common (exact, not estimated). */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.shingles.length && j < b.shingles.length; ) {
    if (a.shingles[i] === b.shingles[j]) {
      shared++;
      i++;
      j++;
    } else if (a.shingles[i] < b.shingles[j]) i++;
    else j++;
  }
  return shared / (a.shingles.length + b.shingles.length - shared);
}

/**
 * Groups of near-duplicate documents among `documents` (two or more each), each group in the
 * order the documents were given; groups ordered by their first member. A document joins a group
 * when it is a near-duplicate of any member, so light edits of light edits stay together.
 */
export function nearDuplicateGroups(documents: readonly ArchiveDocument[], threshold = THRESHOLD): ArchiveDocument[][] {
  const prints = documents.map(fingerprintOf);
  const parent = documents.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (const [i, j] of candidatePairs(prints)) {
    const a = prints[i];
    const b = prints[j];
    if (!a || !b || root(i) === root(j)) continue;
    if (similarity(a, b) >= threshold) parent[Math.max(root(i), root(j))] = Math.min(root(i), root(j));
  }
  const groups = new Map<number, ArchiveDocument[]>();
  documents.forEach((document, i) => {
    const key = root(i);
    const group = groups.get(key);
    if (group) group.push(document);
    else groups.set(key, [document]);
  });
  return [...groups.values()].filter((group) => group.length > 1);
}

/** The documents among `others` that are near-duplicates of `document`, most similar first. */
export function nearDuplicatesOf(document: ArchiveDocument, others: Iterable<ArchiveDocument>, threshold = THRESHOLD): NearDuplicate[] {
  const own = fingerprintOf(document);
  if (!own) return [];
  const bands = bandKeys(own.sketch);
  const found: NearDuplicate[] = [];
  for (const other of others) {
    if (other.id === document.id) continue;
    const print = fingerprintOf(other);
    if (!print || !bandKeys(print.sketch).some((key, band) => key === bands[band])) continue;
    const shared = similarity(own, print);
    if (shared >= threshold) found.push({ id: other.id, similarity: shared });
  }
  return found.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1));
}

/** Pairs of positions whose sketches agree on a whole band: the only pairs worth comparing exactly. */
function candidatePairs(prints: ReadonlyArray<Fingerprint | null>): Array<[number, number]> {
  const seen = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<string, number[]>();
    prints.forEach((print, i) => {
      if (!print) return;
      const key = bandKey(print.sketch, band);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    });
    for (const bucket of buckets.values()) {
      for (let x = 0; x < bucket.length; x++) {
        for (let y = x + 1; y < bucket.length; y++) {
          const id = bucket[x] * prints.length + bucket[y];
          if (seen.has(id)) continue;
          seen.add(id);
          pairs.push([bucket[x], bucket[y]]);
        }
      }
    }
  }
  return pairs;
}

function bandKeys(sketch: Uint32Array): string[] {
  return Array.from({ length: BANDS }, (_, band) => bandKey(sketch, band));
}

function bandKey(sketch: Uint32Array, band: number): string {
  return sketch.subarray(band * ROWS, band * ROWS + ROWS).join(',');
}

/**
 * One-permutation MinHash: each shingle is hashed once more and falls in one bin, which keeps its
 * smallest value. An empty bin borrows the next filled bin's value (rotation), so short texts
 * still compare bin by bin.
 */
function sketch(shingles: Uint32Array): Uint32Array {
  const bins = new Uint32Array(BINS).fill(EMPTY_BIN);
  for (const shingle of shingles) {
    const h = mix(shingle ^ 0x9e3779b9);
    const bin = h % BINS;
    if (h < bins[bin]) bins[bin] = h;
  }
  const filled = Uint32Array.from(bins);
  for (let bin = 0; bin < BINS; bin++) {
    if (bins[bin] !== EMPTY_BIN) continue;
    for (let step = 1; step < BINS; step++) {
      const from = (bin + step) % BINS;
      if (bins[from] !== EMPTY_BIN) {
        filled[bin] = (bins[from] + step * 0x9e3779b9) >>> 0;
        break;
      }
    }
  }
  return filled;
}

function distinctSorted(values: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let length = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[length++] = sorted[i];
  return sorted.slice(0, length);
}

function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A 32-bit finaliser (murmur3's fmix32): every input bit reaches every output bit. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
