import lunr from 'lunr';
import { ByteReader } from './varint-bytes';

/**
 * lunr's built index in a compact form, for the cache on disk and for memory.
 *
 * lunr's own JSON keeps every posting as an object and every word position as a small array: for
 * 10,000 articles that is over 200 MB of JSON, 25 s of JSON.parse and gigabytes of heap. Here the
 * same data is varint-coded bytes: postings, per term and field, give how many documents, then per
 * document the gap from the previous document number, lunr's BM25 weight of the term there (in
 * thousandths: lunr rounds weights to 3 places), the number of positions, and per position the gap
 * from the previous start and the length. lunr's field vectors hold nothing else than those weights,
 * so they are not kept: a score is summed from the postings a query reads anyway.
 * CompactSearcher answers lunr's queries over these bytes.
 */
export interface CompactIndex {
  fields: string[];
  /** Terms in sorted order (JavaScript's default, by UTF-16 code unit); a term's number is its place here. */
  terms: string[];
  /** Start of each term's postings in `postings`; one more entry than terms. */
  postingOffsets: Uint32Array<ArrayBuffer>;
  postings: Uint8Array<ArrayBuffer>;
}

/** lunr.TokenSet's constructors, which @types/lunr does not describe. */
const TokenSets = lunr.TokenSet as unknown as {
  fromString(pattern: string): lunr.TokenSet;
  fromFuzzyString(term: string, editDistance: number): lunr.TokenSet;
};

/** One word of a query as lunr's query clause has it: a term (wildcards allowed), a boost, an edit distance. */
export interface TermQuery {
  term: string;
  boost: number;
  editDistance?: number;
}

/** A place where a matched index term stands: field, offsets, and the caller's label for the term. */
export interface TermPlace<Label> {
  field: string;
  start: number;
  end: number;
  kind: Label;
}

export interface CompactMatch<Label> {
  score: number;
  places: Array<TermPlace<Label>>;
}

/** How much of a query to answer. */
export interface QueryScope {
  /** Only the documents whose number is flagged 1 here; the postings of the rest are stepped over. */
  only?: Uint8Array;
}

/**
 * Answers lunr queries over a compact index, with lunr's own semantics: each query word is expanded
 * against the index's terms (wildcards and edit distances as lunr's TokenSet does them), the query
 * vector of each field sums the boosts of the expanded terms, and a document's score is the sum over
 * its matching fields of the dot product of that vector with the field's BM25 vector over the query
 * vector's magnitude, as in lunr.Index#query. What differs is the work: postings, weights and
 * positions are read straight from the bytes, where lunr builds objects for every (term, field,
 * document) it meets — at 10,000 articles over 100 ms for one common word.
 */
export class CompactSearcher {
  private readonly termIds: Map<string, number>;
  private readonly fieldIndex: Map<string, number>;

  constructor(
    private readonly compact: CompactIndex,
    readonly docIds: readonly string[],
  ) {
    const { fields, terms } = compact;
    if (compact.postingOffsets.length !== terms.length + 1) throw new Error('the compact index does not match its term list');
    this.termIds = new Map(terms.map((term, i) => [term, i]));
    this.fieldIndex = new Map(fields.map((field, i) => [field, i]));
  }

  /** Index terms a query word stands for: itself if indexed, or every term its wildcards or edit distance reach. */
  expand({ term, editDistance }: Pick<TermQuery, 'term' | 'editDistance'>): string[] {
    if (!editDistance && !term.includes('*')) return this.termIds.has(term) ? [term] : [];
    // A '*' in a fuzzy word is an edge lunr's automaton reads as a wildcard: that rare case keeps lunr's automaton.
    if (editDistance && !term.includes('*')) return nearSpellings(this.compact.terms, term, editDistance);
    const automaton = editDistance ? TokenSets.fromFuzzyString(term, editDistance) : TokenSets.fromString(term);
    return acceptedTerms(this.compact.terms, automaton as unknown as Automaton);
  }

  /**
   * Documents (by number) matching any of the words in any of the fields, scored as lunr scores them,
   * with every place of every matched term, labelled by `label(term)`.
   */
  query<Label>(
    words: readonly TermQuery[],
    fields: readonly string[],
    label: (indexTerm: string) => Label,
    { only }: QueryScope = {},
  ): Map<number, CompactMatch<Label>> {
    const fieldNumbers = fields.map((field) => this.fieldNumber(field));
    // The query's vector per field (term number → summed boost), and each term's label (its first word's).
    const queryVectors = this.compact.fields.map(() => new Map<number, number>());
    const labels = new Map<number, Label>();
    for (const word of words) {
      for (const term of this.expand(word)) {
        const termId = this.termIds.get(term) as number;
        if (!labels.has(termId)) labels.set(termId, label(term));
        for (const f of fieldNumbers) queryVectors[f].set(termId, (queryVectors[f].get(termId) ?? 0) + word.boost);
      }
    }
    // lunr's score of a field: the dot product of the query's vector and the field's, over the query
    // vector's magnitude. The product is non-zero only on terms the field holds, which are the
    // postings read below: each adds its share.
    const magnitudes = queryVectors.map((vector) => Math.sqrt([...vector.values()].reduce((sum, boost) => sum + boost * boost, 0)));
    const scores = new Float64Array(this.docIds.length);
    const places: Array<Array<TermPlace<Label>> | undefined> = new Array(this.docIds.length);
    const touched: number[] = [];
    for (const [termId, kind] of labels) {
      for (const f of fieldNumbers) {
        const factor = magnitudes[f] > 0 ? (queryVectors[f].get(termId) as number) / magnitudes[f] : 0;
        const field = this.compact.fields[f];
        const reader = this.postingReader(termId, f);
        const count = reader.varint();
        let doc = 0;
        for (let i = 0; i < count; i++) {
          doc += reader.varint();
          if (doc >= this.docIds.length) throw new Error('the compact index names a document number out of range');
          if (only && only[doc] !== 1) {
            reader.varint(); // weight
            reader.skip(2 * reader.varint());
            continue;
          }
          let list = places[doc];
          if (list === undefined) {
            list = places[doc] = [];
            touched.push(doc);
          }
          scores[doc] += (factor * reader.varint()) / 1000;
          const n = reader.varint();
          let start = 0;
          for (let p = 0; p < n; p++) {
            start += reader.varint();
            list.push({ field, start, end: start + reader.varint(), kind });
          }
        }
      }
    }
    const results = new Map<number, CompactMatch<Label>>();
    for (const doc of touched) results.set(doc, { score: scores[doc], places: places[doc] as Array<TermPlace<Label>> });
    return results;
  }

  /** Each document (by number) holding any of the words in any of the fields, as often as it holds them. */
  eachDocument(words: readonly TermQuery[], fields: readonly string[], found: (doc: number) => void): void {
    const fieldNumbers = fields.map((field) => this.fieldNumber(field));
    for (const word of words) {
      for (const term of this.expand(word)) {
        for (const f of fieldNumbers) {
          const reader = this.postingReader(this.termIds.get(term) as number, f);
          const count = reader.varint();
          let doc = 0;
          for (let i = 0; i < count; i++) {
            doc += reader.varint();
            if (doc >= this.docIds.length) throw new Error('the compact index names a document number out of range');
            reader.varint(); // weight
            reader.skip(2 * reader.varint());
            found(doc);
          }
        }
      }
    }
  }

  private fieldNumber(field: string): number {
    const f = this.fieldIndex.get(field);
    if (f === undefined) throw new Error(`the index has no field ${field}`);
    return f;
  }

  /** A reader at the start of a term's postings in one field (the fields' lists follow each other). */
  private postingReader(termId: number, field: number): ByteReader {
    const reader = new ByteReader(this.compact.postings, this.compact.postingOffsets[termId]);
    for (let f = 0; f < field; f++) {
      const count = reader.varint();
      for (let i = 0; i < count; i++) {
        reader.varint(); // document gap
        reader.varint(); // weight
        reader.skip(2 * reader.varint());
      }
    }
    return reader;
  }
}

/** A lunr.TokenSet node as its intersection reads it: edges by character ('*': any one), and whether a word may end here. */
interface Automaton {
  final: boolean;
  edges: Record<string, Automaton>;
}

/**
 * The terms of a sorted list that an automaton (a lunr.TokenSet made from a query word) accepts:
 * what lunr's TokenSet#intersect gives against a TokenSet of the whole list, found by walking the
 * automaton while narrowing, by binary search, the range of terms that share the prefix read so far.
 */
export function acceptedTerms(terms: readonly string[], automaton: Automaton): string[] {
  const found = new Set<string>();
  const stack = [{ node: automaton, prefix: '', lo: 0, hi: terms.length }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { node, prefix, lo, hi } = frame;
    // Every term in [lo, hi) starts with the prefix; the prefix itself, if it is a term, sorts first.
    let from = lo;
    if (lo < hi && terms[lo] === prefix) {
      if (node.final && prefix !== '') found.add(prefix);
      from = lo + 1;
    }
    const at = prefix.length;
    for (const [edge, next] of Object.entries(node.edges)) {
      if (edge === '*') {
        for (let i = from; i < hi; ) {
          const end = boundAfter(terms, i, hi, at, terms[i].charCodeAt(at));
          stack.push({ node: next, prefix: prefix + terms[i][at], lo: i, hi: end });
          i = end;
        }
      } else {
        const code = edge.charCodeAt(0);
        const start = boundAfter(terms, from, hi, at, code - 1);
        const end = boundAfter(terms, start, hi, at, code);
        if (start < end) stack.push({ node: next, prefix: prefix + edge, lo: start, hi: end });
      }
    }
  }
  return [...found].sort();
}

/** Whether a term stands in the sorted range [lo, hi). */
function hasTerm(terms: readonly string[], lo: number, hi: number, term: string): boolean {
  let low = lo;
  let high = hi;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (terms[mid] < term) low = mid + 1;
    else high = mid;
  }
  return low < hi && terms[low] === term;
}

/** The first index in [lo, hi) whose term's code unit at `at` is above `code` (the range is sorted on it). */
function boundAfter(terms: readonly string[], lo: number, hi: number, at: number, code: number): number {
  let low = lo;
  let high = hi;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (terms[mid].charCodeAt(at) <= code) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * One state of lunr's edit automaton for a word (TokenSet.fromFuzzyString): what is left of the word
 * to read, and how many edits remain. What is left is always a suffix of the word, or, after a
 * transposition, one carried letter followed by a suffix.
 */
interface EditState {
  /** The carried code unit, or -1. */
  carry: number;
  /** Where the suffix starts in the word. */
  at: number;
  edits: number;
}

/** How many code units are left to read in a state. */
function remaining(word: string, s: EditState): number {
  return (s.carry >= 0 ? 1 : 0) + word.length - s.at;
}

/** The next code unit a state reads without an edit. */
function nextCode(word: string, s: EditState): number {
  return s.carry >= 0 ? s.carry : word.charCodeAt(s.at);
}

/** Adds a state unless one with as many edits or more covers it; keeps the set closed under lunr's deletions. */
function addState(word: string, states: EditState[], carry: number, at: number, edits: number): void {
  let state: EditState | undefined;
  for (const s of states) {
    if (s.carry === carry && s.at === at) {
      if (s.edits >= edits) return;
      state = s;
      break;
    }
  }
  if (state) state.edits = edits;
  else states.push((state = { carry, at, edits }));
  // lunr deletes a letter in place while more than one is left (deleting the last makes the node final instead).
  if (edits > 0 && remaining(word, state) > 1) addState(word, states, -1, carry >= 0 ? at : at + 1, edits - 1);
}

/** The states after reading `code`, and whether a term may end there. */
function editStep(word: string, states: readonly EditState[], code: number): { next: EditState[]; final: boolean } {
  const next: EditState[] = [];
  let final = false;
  for (const s of states) {
    const left = remaining(word, s);
    const afterFirst = s.carry >= 0 ? s.at : s.at + 1;
    if (left > 0 && nextCode(word, s) === code) {
      addState(word, next, -1, afterFirst, s.edits);
      if (left === 1) final = true;
    }
    if (s.edits === 0) continue;
    addState(word, next, s.carry, s.at, s.edits - 1); // insertion
    if (left === 0) final = true;
    if (left >= 1) {
      addState(word, next, -1, afterFirst, s.edits - 1); // substitution
      if (left === 1) final = true;
    }
    // Transposition: the second letter read, the first carried before the rest.
    const second = s.carry >= 0 ? word.charCodeAt(s.at) : word.charCodeAt(s.at + 1);
    if (left > 1 && second === code) {
      if (s.carry >= 0) addState(word, next, s.carry, s.at + 1, s.edits - 1);
      else addState(word, next, word.charCodeAt(s.at), s.at + 2, s.edits - 1);
    }
  }
  return { next, final };
}

/**
 * The terms of a sorted list within `editDistance` of `word`: exactly what lunr's edit automaton
 * (insertions, deletions, substitutions and transpositions, each one edit, as TokenSet.fromFuzzyString
 * builds it) accepts, found without building the automaton. The sorted list is walked as a trie (each
 * prefix a range found by binary search), carrying the set of automaton states the prefix reaches;
 * a prefix no state survives is cut off, and where no edit remains only the letters the word
 * allows are looked up.
 */
export function nearSpellings(terms: readonly string[], word: string, editDistance: number): string[] {
  const found: string[] = [];
  const start: EditState[] = [];
  addState(word, start, -1, 0, editDistance);
  const stack = [{ states: start, final: false, prefix: '', lo: 0, hi: terms.length }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { states, prefix, lo, hi } = frame;
    let from = lo;
    if (lo < hi && terms[lo] === prefix) {
      // Final when reached by a final step, or when deleting the one letter left ends the word.
      const final = frame.final || states.some((s) => s.edits > 0 && remaining(word, s) === 1);
      if (final && prefix !== '') found.push(prefix);
      while (from < hi && terms[from] === prefix) from++;
    }
    if (states.length === 0) continue;
    const at = prefix.length;
    let editsLeft = false;
    for (const s of states) if (s.edits > 0) editsLeft = true;
    if (!editsLeft) {
      // No edit left: each state can only read the rest of the word as it stands, one term at most.
      for (const state of states) {
        const rest = (state.carry >= 0 ? String.fromCharCode(state.carry) : '') + word.slice(state.at);
        if (rest !== '' && hasTerm(terms, from, hi, prefix + rest) && !found.includes(prefix + rest)) found.push(prefix + rest);
      }
      continue;
    }
    // Insertions and substitutions read any letter alike: worked out once; only the letters a state
    // reads without an edit or by a transposition need a step of their own.
    const anyLetter = editStep(word, states, Number.NaN);
    const ownStep = new Set<number>();
    for (const s of states) {
      const left = remaining(word, s);
      if (left > 0) ownStep.add(nextCode(word, s));
      if (s.edits > 0 && left > 1) ownStep.add(s.carry >= 0 ? word.charCodeAt(s.at) : word.charCodeAt(s.at + 1));
    }
    for (let i = from; i < hi; ) {
      const code = terms[i].charCodeAt(at);
      const end = boundAfter(terms, i, hi, at, code);
      const { next, final } = ownStep.has(code) ? editStep(word, states, code) : anyLetter;
      if (next.length > 0 || final) stack.push({ states: next, final, prefix: prefix + terms[i][at], lo: i, hi: end });
      i = end;
    }
  }
  return found.sort();
}
