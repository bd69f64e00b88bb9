import type { ArchiveDocument } from '../archive/document';
import { indexTermOf } from './pipeline';
import { parseQuery, SEARCH_FIELDS, type PhraseClause, type QueryClause, type SearchField } from './query-parser';
import type { DocumentMatches, MatchKind, SearchEngine, SearchHit, SearchOptions, SearchResult, TermSummary } from './search-engine';
import { buildSegment, fieldText, Segment, type IndexableDocument } from './segment';
import { buildSnippets } from './snippets';
import { nextWordStart, normalizeTerm, wordEndingAt, wordsAround, wordStartingAt, type Token } from './tokenizer';
import { allowsAutomaticFuzzy } from './variants';

/** Variants and near spellings score below the word as asked (and rank below exact hits anyway). */
const VARIANT_BOOST = 0.5;
const FUZZY_BOOST = 0.25;
const MAX_SNIPPETS = 100;
const MAX_CLAUSES_WITH_NEAR_SPELLINGS = 16;
const KIND_RANK: Record<MatchKind, number> = { exact: 0, variant: 1, fuzzy: 2 };

interface Occurrence {
  field: SearchField;
  start: number;
  end: number;
  kind: MatchKind;
}

interface DocMatch {
  score: number;
  occurrences: Occurrence[];
}

type Matches = Map<string, DocMatch>;

interface ClauseOutcome {
  clause: QueryClause;
  matches: Matches;
  /** Set when the clause cannot match anything (only stop words): it is then left out of the logic. */
  note?: string;
}

interface DocOutcome {
  id: string;
  score: number;
  /** Clauses matched with at least one place as asked: ranks hits before variant-only ones. */
  exactClauses: number;
  /** What each matched clause found here (places are gathered only for the documents shown). */
  matched: DocMatch[];
}

function occurrencesIn(doc: DocOutcome): Occurrence[] {
  return doc.matched.flatMap((m) => m.occurrences);
}

/**
 * What clauses matched, remembered across searches of one index state: typing "went home" asks for
 * "went" again at every keystroke after it. The owner clears it whenever documents or segments
 * change. Bounded by entries and by matched documents, so broad words cannot hoard memory.
 */
export class ClauseCache {
  private readonly entries = new Map<string, { matches: Matches; note?: string }>();
  private documents = 0;

  constructor(
    private readonly maxEntries = 16,
    private readonly maxDocuments = 40_000,
  ) {}

  get(key: string): { matches: Matches; note?: string } | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key); // most recently used last
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: { matches: Matches; note?: string }): void {
    if (entry.matches.size > this.maxDocuments || this.entries.has(key)) return;
    this.entries.set(key, entry);
    this.documents += entry.matches.size;
    for (const [oldest, old] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.documents <= this.maxDocuments) break;
      this.entries.delete(oldest);
      this.documents -= old.matches.size;
    }
  }

  clear(): void {
    this.entries.clear();
    this.documents = 0;
  }
}

/** Search over one or more index segments (see segment.ts), each masking documents that moved on. */
export class LunrSearchEngine implements SearchEngine {
  constructor(
    private readonly segments: readonly Segment[],
    private readonly documents: ReadonlyMap<string, ArchiveDocument>,
    private readonly cache: ClauseCache = new ClauseCache(),
  ) {}

  /** An engine over documents indexed here and now (tests and small archives). */
  static fromDocuments(documents: readonly ArchiveDocument[]): LunrSearchEngine {
    const byId = new Map(documents.map((d) => [d.id, d]));
    return new LunrSearchEngine([Segment.load(buildSegment(documents))], byId);
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const variants = options.variants ?? true;
    const { outcomes, docs } = this.evaluate(query, variants);
    const filtered = docs.filter((d) => this.passesFilters(d.id, options));
    const limit = options.limit ?? 50;
    return {
      query,
      total: filtered.length,
      hits: firstInOrder(filtered, limit, this.order(options.sort ?? 'relevance')).map((d) => this.toHit(d)),
      terms: summarizeTerms(outcomes, new Set(filtered.map((d) => d.id)), (id) => this.documents.get(id)),
      variants,
    };
  }

  locate(query: string, docId: string, { variants = true }: Pick<SearchOptions, 'variants'> = {}): DocumentMatches {
    const { outcomes, docs } = this.evaluate(query, variants);
    const doc = docs.find((d) => d.id === docId);
    const merged = mergeRanges((doc ? occurrencesIn(doc) : []).filter((o) => o.field === 'body'));
    return {
      ranges: merged.map((o) => [o.start, o.end]),
      kinds: merged.map((o) => o.kind),
      terms: summarizeTerms(outcomes, new Set(doc ? [docId] : []), (id) => this.documents.get(id)),
    };
  }

  private evaluate(query: string, variants: boolean): { outcomes: ClauseOutcome[]; docs: DocOutcome[] } {
    const { clauses } = parseQuery(query);
    // A pasted paragraph is not a typo hunt: near spellings only for short queries (each costs an automaton).
    const nearSpellings = variants && clauses.length <= MAX_CLAUSES_WITH_NEAR_SPELLINGS;
    const outcomes = clauses.map((clause) => this.cachedClause(clause, variants, nearSpellings));
    const active = outcomes.filter((o) => o.note === undefined);
    const required = active.filter((o) => o.clause.presence === 'required');
    const optional = active.filter((o) => o.clause.presence === 'optional');
    const prohibited = active.filter((o) => o.clause.presence === 'prohibited');
    let candidates: Set<string>;
    if (required.length > 0) {
      candidates = new Set(required[0].matches.keys());
      for (const o of required.slice(1)) candidates = new Set([...candidates].filter((id) => o.matches.has(id)));
    } else if (optional.length > 0) {
      candidates = new Set(optional.flatMap((o) => [...o.matches.keys()]));
    } else {
      // Only exclusions (-tokayev): every document without them, as in lunr.
      candidates = prohibited.length > 0 ? this.searchableIds() : new Set();
    }
    for (const o of prohibited) for (const id of o.matches.keys()) candidates.delete(id);
    const docs: DocOutcome[] = [];
    const scored = [...required, ...optional];
    for (const id of candidates) {
      const doc: DocOutcome = { id, score: 0, exactClauses: 0, matched: [] };
      for (const o of scored) {
        const match = o.matches.get(id);
        if (!match) continue;
        doc.score += match.score;
        if (match.occurrences.some((occ) => occ.kind === 'exact')) doc.exactClauses++;
        doc.matched.push(match);
      }
      docs.push(doc);
    }
    return { outcomes, docs };
  }

  private searchableIds(): Set<string> {
    return new Set(this.segments.flatMap((segment) => [...segment.live]));
  }

  /** A clause's outcome, from the cache when the same words were asked the same way (where and how required aside). */
  private cachedClause(clause: QueryClause, variants: boolean, nearSpellings: boolean): ClauseOutcome {
    const key = JSON.stringify([variants, nearSpellings, clause], (name, value: unknown) => (name === 'span' || name === 'presence' ? undefined : value));
    const cached = this.cache.get(key);
    if (cached) return { clause, ...cached };
    const { matches, note } = this.evaluateClause(clause, variants, nearSpellings);
    this.cache.set(key, note === undefined ? { matches } : { matches, note });
    return note === undefined ? { clause, matches } : { clause, matches, note };
  }

  private evaluateClause(clause: QueryClause, variants: boolean, nearSpellings: boolean): ClauseOutcome {
    const fields = clause.fields ?? [...SEARCH_FIELDS];
    if (clause.kind === 'wildcard') {
      return { clause, matches: this.runTerms([{ term: clause.pattern, weight: 1 }], clause.boost, fields, () => 'exact') };
    }
    if (clause.kind === 'term') {
      const expand = { variants, fuzzy: nearSpellings, editDistance: clause.editDistance };
      const matches = this.matchTerm(clause.word.term, clause.boost, fields, expand)?.matches;
      return matches ? { clause, matches } : { clause, matches: new Map(), note: tooCommon(clause.text) };
    }
    return this.matchPhrase(clause, fields, variants, nearSpellings);
  }

  /**
   * Documents holding a word: as asked, as a name variant, or (long words) within one edit; with the
   * index terms accepted as that word (for phrase checks). Null for a stop word.
   */
  private matchTerm(term: string, boost: number, fields: SearchField[], expand: Expansion): { matches: Matches; accepted: AcceptedTerms } | null {
    const indexTerm = indexTermOf(term);
    if (indexTerm === null) return null;
    const specs: TermSpec[] = [{ term: indexTerm, weight: 1, editDistance: expand.editDistance }];
    const accepted: AcceptedTerms = new Map([[indexTerm, 'exact']]);
    if (expand.variants && expand.editDistance === undefined) {
      for (const segment of this.segments) {
        for (const t of segment.variantTerms(term)) if (!accepted.has(t)) accepted.set(t, 'variant');
      }
      for (const [t, kind] of accepted) if (kind === 'variant') specs.push({ term: t, weight: VARIANT_BOOST });
      if (expand.fuzzy && allowsAutomaticFuzzy(term)) specs.push({ term: indexTerm, weight: FUZZY_BOOST, editDistance: 1 });
    }
    return { matches: this.runTerms(specs, boost, fields, (t) => accepted.get(t) ?? 'fuzzy'), accepted };
  }

  /** Documents where the phrase's words stand adjacent and in order (checked on the text itself). */
  private matchPhrase(clause: PhraseClause, fields: SearchField[], variants: boolean, nearSpellings: boolean): ClauseOutcome {
    // Phrase words take name variants but never near spellings: a phrase is meant to be exact.
    const wordMatches = clause.words.map((w) => this.matchTerm(w.term, clause.boost, fields, { variants, fuzzy: false }));
    const indexed = wordMatches.flatMap((m, i) => (m ? [{ index: i, ...m }] : []));
    const matches: Matches = new Map();
    if (indexed.length === 0) return { clause, matches, note: tooCommon(clause.text) };
    const phraseWords: PhraseWord[] = clause.words.map((w, i) => ({ term: w.term, accepted: wordMatches[i]?.accepted ?? null, letters: ALL_LETTERS.test(w.term) }));
    // The quick looks around each indexed word, should it be the anchor; only all-letter neighbours
    // are looked at (a number's pieces, 16,000, are not what the quick look sees).
    const looks = indexed.map(({ index }) => ({ before: phraseWords[index - 1]?.letters ? phraseWords[index - 1] : null, following: phraseWords.slice(index + 1) }));
    const fromPositions = indexed.length === clause.words.length;
    // Candidates are the documents holding every indexed word: walk the rarest word's.
    const rarest = indexed.reduce((a, b) => (b.matches.size < a.matches.size ? b : a));
    const perWord: DocMatch[] = [];
    for (const id of rarest.matches.keys()) {
      perWord.length = 0;
      for (const w of indexed) {
        const match = w.matches.get(id);
        if (!match) break;
        perWord.push(match);
      }
      const doc = perWord.length === indexed.length ? this.documents.get(id) : undefined;
      if (!doc) continue;
      const occurrences: Occurrence[] = [];
      for (const field of fields) {
        const text = fieldText(doc, field);
        const places: Occurrence[][] = [];
        for (const match of perWord) {
          const inField = wordPlaces(match.occurrences, field, text);
          if (inField.length === 0) break;
          places.push(inField);
        }
        if (places.length < perWord.length) continue;
        if (fromPositions) {
          for (const found of chainAdjacent(text, places)) occurrences.push({ field, ...found });
          continue;
        }
        // Stop words are not in the index: verify the phrase on the text around the rarest indexed word.
        let anchor = 0;
        places.forEach((p, i) => {
          if (p.length < places[anchor].length) anchor = i;
        });
        const at = indexed[anchor].index;
        const { before, following } = looks[anchor];
        for (const place of places[anchor]) {
          // Cheap looks first — at the word before, and along the words after as far as they can be
          // judged — and the tokenizer then checks the whole phrase.
          if (before && !mayBe(wordEndingAt(text, place.start), before)) continue;
          if (!mayFollow(text, place.end, following)) continue;
          const found = verifyPhrase(text, place, at, phraseWords);
          if (found) occurrences.push({ field, ...found });
        }
      }
      if (occurrences.length === 0) continue;
      const score = indexed.reduce((sum, w) => sum + (w.matches.get(id)?.score ?? 0), 0);
      matches.set(id, { score, occurrences });
    }
    if (clause.whole) {
      const whole = this.matchTerm(clause.whole.term, clause.boost, fields, { variants, fuzzy: nearSpellings });
      for (const [id, match] of whole?.matches ?? []) {
        const existing = matches.get(id);
        if (existing) existing.occurrences.push(...match.occurrences);
        else matches.set(id, match);
      }
    }
    return { clause, matches };
  }

  /**
   * One lunr query over a word's expansions. lunr divides a score by the query's length, so a boost
   * only weighs terms within one query: the clause's own boost (term^3) multiplies the result.
   */
  private runTerms(specs: TermSpec[], boost: number, fields: SearchField[], classify: (indexTerm: string) => MatchKind): Matches {
    const matches: Matches = new Map();
    const words = specs.map((spec) => ({ term: spec.term, boost: spec.weight, ...(spec.editDistance ? { editDistance: spec.editDistance } : {}) }));
    for (const segment of this.segments) {
      for (const [doc, result] of segment.searcher.query(words, fields, classify)) {
        const id = segment.searcher.docIds[doc];
        // The searcher was asked about these fields only.
        if (segment.live.has(id)) matches.set(id, { score: result.score * boost, occurrences: result.places as Occurrence[] });
      }
    }
    return matches;
  }

  private passesFilters(id: string, { from, to, source }: SearchOptions): boolean {
    if (!from && !to && !source) return this.documents.has(id);
    const doc = this.documents.get(id);
    if (!doc) return false;
    if (from || to) {
      const iso = doc.date?.iso;
      if (!iso || (from && iso < from) || (to && iso > to)) return false;
    }
    if (source) {
      const needle = source.toLowerCase();
      const folder = id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '';
      if (!(doc.byline ?? '').toLowerCase().includes(needle) && !folder.toLowerCase().includes(needle)) return false;
    }
    return true;
  }

  /** How hits are ordered: a total order (ties end with the id), so the first hits never depend on the sort. */
  private order(order: SearchOptions['sort']): (a: DocOutcome, b: DocOutcome) => number {
    const byRelevance = (a: DocOutcome, b: DocOutcome): number =>
      b.exactClauses - a.exactClauses || b.score - a.score || a.id.localeCompare(b.id);
    if (order === 'relevance') return byRelevance;
    const direction = order === 'newest' ? -1 : 1;
    return (a, b) => {
      const da = this.documents.get(a.id)?.date?.iso;
      const db = this.documents.get(b.id)?.date?.iso;
      if (da && db && da !== db) return da < db ? -direction : direction;
      if (da && !db) return -1; // undated documents last, whichever way
      if (db && !da) return 1;
      return byRelevance(a, b);
    };
  }

  private toHit(outcome: DocOutcome): SearchHit {
    const doc = this.documents.get(outcome.id) as ArchiveDocument;
    const occurrences = occurrencesIn(outcome);
    const body = mergeRanges(occurrences.filter((o) => o.field === 'body'));
    return {
      id: doc.id,
      title: doc.title,
      byline: doc.byline,
      date: doc.date,
      score: Math.round(outcome.score * 1000) / 1000,
      matchCount: body.length,
      exact: outcome.exactClauses > 0,
      matchedVariants: distinct(
        occurrences.filter((o) => o.kind !== 'exact').map((o) => fieldText(doc, o.field).slice(o.start, o.end)),
      ),
      snippets: buildSnippets(
        doc.text,
        body.map((o) => [o.start, o.end]),
        { maxSnippets: MAX_SNIPPETS },
        body.map((o) => o.kind),
      ),
    };
  }
}

interface TermSpec {
  term: string;
  /** Weight within the word's query: 1 as asked, less for variants and near spellings. */
  weight: number;
  editDistance?: number;
}

/** Index terms accepted as one query word, and how. */
type AcceptedTerms = Map<string, MatchKind>;

/** A phrase word: its matching form, (null for a stop word) the index terms accepted for it, and whether it is all letters. */
interface PhraseWord {
  term: string;
  accepted: AcceptedTerms | null;
  letters: boolean;
}

interface Expansion {
  variants: boolean;
  /** Automatic edit distance 1 for long words. */
  fuzzy: boolean;
  /** Asked for with `~N`: then neither variants nor automatic near spellings are added. */
  editDistance?: number;
}

function tooCommon(text: string): string {
  return `${text} is too common to be indexed (a stop word); it matches nothing on its own`;
}

/**
 * Phrases without stop words, from positions alone: each word's place must start where the text's
 * next word after the previous word begins. `places[i]` are the places of phrase word i.
 */
function chainAdjacent(text: string, places: Occurrence[][]): Array<{ start: number; end: number; kind: MatchKind }> {
  const byStart = places.map((list) => new Map(list.map((o) => [o.start, o])));
  const found: Array<{ start: number; end: number; kind: MatchKind }> = [];
  for (const first of places[0]) {
    let current = first;
    let kind = first.kind;
    let complete = true;
    for (let i = 1; i < byStart.length && complete; i++) {
      const next = byStart[i].get(nextWordStart(text, current.end));
      if (next) {
        if (KIND_RANK[next.kind] > KIND_RANK[kind]) kind = next.kind;
        current = next;
      } else {
        complete = false;
      }
    }
    if (complete) found.push({ start: first.start, end: current.end, kind });
  }
  return found;
}


/**
 * Whether the phrase stands in `text` with its word number `anchorIndex` at `place`. Stop words are
 * compared as written; other words must be one of the index terms accepted for them.
 */
function verifyPhrase(
  text: string,
  place: Occurrence,
  anchorIndex: number,
  phrase: PhraseWord[],
): { start: number; end: number; kind: MatchKind } | null {
  const around = wordsAround(text, place.start, anchorIndex, phrase.length - anchorIndex - 1);
  if (!around) return null;
  let kind: MatchKind = 'exact';
  for (let i = 0; i < phrase.length; i++) {
    const match = matchPhraseWord(around[i].term, phrase[i]);
    if (match === null) return null;
    if (KIND_RANK[match] > KIND_RANK[kind]) kind = match;
  }
  return { start: around[0].start, end: (around.at(-1) as Token).end, kind };
}

/**
 * Whether a quick look's word may be the phrase word. Runs with apostrophes or digits are not judged
 * (the tokenizer may have cut them differently: 3.5’s); the full check decides.
 */
function mayBe(run: string, word: PhraseWord): boolean {
  return NOT_JUDGED.test(run) || matchPhraseWord(normalizeTerm(run), word) !== null;
}

const ALL_LETTERS = /^[\p{L}\p{M}]+$/u;
const NOT_JUDGED = /['’ʼ‘\p{N}]/u;

/**
 * Whether the words after `offset` may be `following`, by quick looks word after word. It stops
 * judging (and says they may) at a phrase word that is not all letters or a run with apostrophes or
 * digits: there the tokenizer may cut differently. Where it judges, a run ends where the
 * tokenizer's word ends (tests/core/search/neighbour-words.test.ts), so the next look starts right.
 */
function mayFollow(text: string, offset: number, following: PhraseWord[]): boolean {
  let at = offset;
  for (const word of following) {
    if (!word.letters) return true;
    const start = nextWordStart(text, at);
    const run = wordStartingAt(text, start); // from the word's start: no second scan for it
    if (NOT_JUDGED.test(run)) return true;
    if (matchPhraseWord(normalizeTerm(run), word) === null) return false;
    at = start + run.length;
  }
  return true;
}

function matchPhraseWord(written: string, word: PhraseWord): MatchKind | null {
  if (word.accepted === null) return written === word.term ? 'exact' : null;
  const indexTerm = indexTermOf(written);
  return indexTerm === null ? null : (word.accepted.get(indexTerm) ?? null);
}

/** A word's places in one field, compounds' aside (a hyphen inside: the place is a compound's, not a word's). */
function wordPlaces(occurrences: readonly Occurrence[], field: SearchField, text: string): Occurrence[] {
  const found: Occurrence[] = [];
  for (const o of occurrences) if (o.field === field && !hasHyphen(text, o.start, o.end)) found.push(o);
  return found;
}

/** Whether a hyphen (-, ‐, ‑) stands in text[start, end): the place is then a compound's, not a word's. */
function hasHyphen(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2d || c === 0x2010 || c === 0x2011) return true;
  }
  return false;
}

/** Sorted, overlapping places in one field merged (a phrase and one of its words), keeping the best kind. */
function mergeRanges(occurrences: Occurrence[]): Occurrence[] {
  const sorted = [...occurrences].sort((a, b) => a.field.localeCompare(b.field) || a.start - b.start || b.end - a.end);
  const merged: Occurrence[] = [];
  for (const o of sorted) {
    const last = merged.at(-1);
    if (last && last.field === o.field && o.start < last.end) {
      last.end = Math.max(last.end, o.end);
      if (KIND_RANK[o.kind] < KIND_RANK[last.kind]) last.kind = o.kind;
    } else {
      merged.push({ ...o });
    }
  }
  return merged;
}

/**
 * The first `count` items of `items` in `compare`'s order, as sorting them all would give (the
 * order is total). A broad query matches thousands of documents and shows a hundred: those are kept
 * in order as the rest stream past, most of them turned away by one comparison with the last kept.
 */
export function firstInOrder<T>(items: readonly T[], count: number, compare: (a: T, b: T) => number): T[] {
  const kept: T[] = [];
  if (count <= 0) return kept;
  for (const item of items) {
    if (kept.length === count && compare(item, kept[count - 1]) >= 0) continue;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(kept[mid], item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, item);
    if (kept.length > count) kept.pop();
  }
  return kept;
}

/**
 * How many places `mergeRanges` would give of the counted occurrences, when that is their number:
 * all exact, in one field, each starting at or after the end of the one before. Null otherwise.
 */
function plainCount(occurrences: readonly Occurrence[], counted: (field: SearchField) => boolean): number | null {
  let count = 0;
  let last: Occurrence | null = null;
  for (const o of occurrences) {
    if (!counted(o.field)) continue;
    if (o.kind !== 'exact' || (last && (o.field !== last.field || o.start < last.end))) return null;
    last = o;
    count++;
  }
  return count;
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

function summarizeTerms(
  outcomes: ClauseOutcome[],
  docIds: Set<string>,
  lookup: (id: string) => IndexableDocument | undefined,
): TermSummary[] {
  return outcomes.map(({ clause, matches, note }) => {
    let occurrences = 0;
    let documents = 0;
    const variantCounts = new Map<string, number>();
    // The title and byline are lines of the text: their places count once, as places in the body,
    // unless the clause looks only at those fields.
    const countedField = (field: SearchField) => (clause.fields && !clause.fields.includes('body') ? true : field === 'body');
    for (const [id, match] of matches) {
      if (!docIds.has(id)) continue;
      documents++;
      // Most often every counted place is an exact one, in one field, in order and apart: then they
      // are simply counted, with no merge to build (a broad word meets thousands of documents).
      const plain = plainCount(match.occurrences, countedField);
      if (plain !== null) {
        occurrences += plain;
        continue;
      }
      const doc = lookup(id);
      const places = mergeRanges(match.occurrences.filter((o) => countedField(o.field)));
      occurrences += places.length;
      for (const o of places) {
        if (o.kind === 'exact' || !doc) continue;
        const text = fieldText(doc, o.field).slice(o.start, o.end);
        variantCounts.set(text, (variantCounts.get(text) ?? 0) + 1);
      }
    }
    return {
      term: clause.text,
      field: clause.fields?.[0] ?? null,
      presence: clause.presence,
      occurrences,
      documents,
      variants: [...variantCounts].map(([text, count]) => ({ text, occurrences: count })).sort((a, b) => b.occurrences - a.occurrences),
      ...(note ? { note } : {}),
    };
  });
}
