import type { CompactIndex } from './compact-index';
import { ByteWriter } from './varint-bytes';
import { indexTermOf } from './pipeline';
import type { Token } from './tokenizer';

/** lunr.Builder's BM25 parameters, as it sets them by default. */
const K1 = 1.2;
const B = 0.75;

/** One field of a document, as indexed: its name and its tokens (lunr's tokenizer output). */
export interface FieldTokens {
  field: string;
  tokens: readonly Token[];
}

/** A term's postings in one field, in the order documents and tokens came: all ascending. */
interface FieldPostings {
  docs: number[];
  /** How often the term stands in each of `docs` (lunr's term frequency). */
  counts: number[];
  /** [start, length] of each place, flattened, document after document. */
  places: number[];
}

/**
 * Builds the compact index (see compact-index.ts) of documents straight from their tokens, as
 * lunr.Builder would build it and compactIndex would store it: the same terms (through the same
 * pipeline: stop words out, stems in), the same postings and places, and the same BM25 weights,
 * computed with lunr's formula, constants and rounding, in its order of operations. lunr's Builder
 * spends a third of a build on objects per (term, field, document) and on a token set and field
 * vectors that are thrown away; this keeps flat arrays. tests/core/search/compact-index.test.ts holds
 * it to lunr's own answers.
 */
export class CompactBuilder {
  /** Per index term: its postings in each field. */
  private readonly postings = new Map<string, Array<FieldPostings | undefined>>();
  /** Per word as tokenized: its index term's postings, or null for a stop word (one lookup per token). */
  private readonly byWord = new Map<string, Array<FieldPostings | undefined> | null>();
  /** Per field: each document's number of indexed terms (lunr's field length). */
  private readonly fieldLengths: number[][];
  private documents = 0;

  constructor(
    private readonly fields: readonly string[],
    /** Per field: lunr's field boost (1 where none). */
    private readonly boosts: readonly number[],
  ) {
    this.fieldLengths = fields.map(() => []);
  }

  /** Adds the next document (its number is the count of those added before); fields in `fields` order. */
  add(fields: readonly FieldTokens[]): void {
    const doc = this.documents++;
    if (fields.length !== this.fields.length || fields.some((f, i) => f.field !== this.fields[i])) {
      throw new Error(`a document must give the fields ${this.fields.join(', ')} in that order`);
    }
    fields.forEach(({ tokens }, f) => {
      let length = 0;
      for (const token of tokens) {
        const byField = this.byWord.get(token.term) ?? this.termPostings(token.term);
        if (byField === null) continue; // a stop word: lunr's pipeline drops it before counting
        length++;
        const posting = (byField[f] ??= { docs: [], counts: [], places: [] });
        const last = posting.docs.length - 1;
        if (last === -1 || posting.docs[last] !== doc) {
          posting.docs.push(doc);
          posting.counts.push(1);
        } else {
          posting.counts[last]++;
        }
        posting.places.push(token.start, token.end - token.start);
      }
      this.fieldLengths[f].push(length);
    });
  }

  private termPostings(word: string): Array<FieldPostings | undefined> | null {
    const term = indexTermOf(word);
    let byField = term === null ? null : this.postings.get(term);
    if (term !== null && !byField) {
      byField = new Array<FieldPostings | undefined>(this.fields.length);
      this.postings.set(term, byField);
    }
    this.byWord.set(word, byField ?? null);
    return byField ?? null;
  }

  build(): CompactIndex {
    const count = this.documents;
    const averageLength = this.fieldLengths.map((lengths) => lengths.reduce((sum, n) => sum + n, 0) / count);
    const terms = [...this.postings.keys()].sort();
    const writer = new ByteWriter();
    const postingOffsets = new Uint32Array(terms.length + 1);
    terms.forEach((term, t) => {
      postingOffsets[t] = writer.length;
      const byField = this.postings.get(term) as Array<FieldPostings | undefined>;
      // lunr.idf: documents holding the term, counted once per field that holds it.
      const holding = byField.reduce((sum, posting) => sum + (posting?.docs.length ?? 0), 0);
      const idf = Math.log(1 + Math.abs((count - holding + 0.5) / (holding + 0.5)));
      for (let f = 0; f < this.fields.length; f++) {
        const posting = byField[f];
        writer.varint(posting?.docs.length ?? 0);
        if (!posting) continue;
        let previousDoc = 0;
        let at = 0;
        posting.docs.forEach((doc, i) => {
          const tf = posting.counts[i];
          const fieldLength = this.fieldLengths[f][doc];
          // lunr.Builder#createFieldVectors, to the operation; it keeps three decimals.
          let score = (idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (fieldLength / averageLength[f])) + tf);
          score *= this.boosts[f];
          writer.varint(doc - previousDoc);
          writer.varint(Math.round(score * 1000));
          previousDoc = doc;
          writer.varint(tf);
          let previousStart = 0;
          for (let p = 0; p < tf; p++, at += 2) {
            writer.varint(posting.places[at] - previousStart);
            writer.varint(posting.places[at + 1]);
            previousStart = posting.places[at];
          }
        });
      }
    });
    postingOffsets[terms.length] = writer.length;
    return { fields: [...this.fields], terms, postingOffsets, postings: writer.result() };
  }
}
