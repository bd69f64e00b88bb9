import type { ArchiveDocument } from '../archive/document';
import { indexTermOf } from './pipeline';
import { parseQuery, SEARCH_FIELDS, type PhraseClause, type QueryClause, type SearchField } from './query-parser';
import type { DocumentMatches, MatchKind, SearchEngine, SearchHit, SearchOptions, SearchResult, TermSummary } from './search-engine';
import type { QueryScope, TermQuery } from './compact-index';
import { buildSegment, fieldText, indexedVersion, Segment, type IndexableDocument } from './segment';
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

/** Matched documents by their number in the engine (segment after segment; see LunrSearchEngine.idOf). */
type Matches = Map<number, DocMatch>;

interface ClauseOutcome {
  clause: QueryClause;
  matches: Matches;
  /** Set when the clause cannot match anything (only stop words): it is then left out of the logic. */
  note?: string;
}

/**
 * What a query matched: the documents by engine number, and what ranks them, in columns indexed by
 * that number (a broad word matches thousands of documents, and only the hits shown become objects).
 */
interface Evaluation {
  outcomes: ClauseOutcome[];
  /** The outcomes a hit's score and places come from (required and optional clauses). */
  scored: ClauseOutcome[];
  docs: number[];
  scores: Float64Array;
  /** Clauses matched with at least one place as asked: ranks hits before variant-only ones. */
  exactClauses: Uint32Array;
}

function occurrencesOf({ scored }: Evaluation, n: number): Occurrence[] {
  return scored.flatMap((o) => o.matches.get(n)?.occurrences ?? []);
}

function hasExactPlace(match: DocMatch): boolean {
  for (const o of match.occurrences) if (o.kind === 'exact') return true;
  return false;
}

/**
 * What searches remember of one index state (its documents and segments, and which are live); the
 * owner clears it whenever any of those change.
 * - What clauses matched: typing "went home" asks for "went" again at every keystroke after it.
 *   Bounded by entries and by matched documents, so broad words cannot hoard memory.
 * - The live documents by engine number: a phrase looks at the text of thousands of candidates,
 *   and looking each up by its id (a path, hashed and compared) cost more than checking the phrase.
 */
export class SearchCache {
  private readonly entries = new Map<string, { matches: Matches; note?: string }>();
  private documents = 0;
  private byNumber: ReadonlyArray<ArchiveDocument | undefined> | null = null;

  constructor(
    private readonly maxEntries = 16,
    private readonly maxDocuments = 40_000,
  ) {}

  /** The documents by engine number, made by `build` once per index state. */
  documentTable(build: () => Array<ArchiveDocument | undefined>): ReadonlyArray<ArchiveDocument | undefined> {
    return (this.byNumber ??= build());
  }

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
    this.byNumber = null;
  }
}

/** Search over one or more index segments (see segment.ts), each masking documents that moved on. */
export class LunrSearchEngine implements SearchEngine {
  /** Where each segment's document numbers start in the engine's numbering. */
  private readonly bases: number[] = [];
  /** Documents numbered over all segments, live or not. */
  private readonly numbered: number;

  /**
   * `documents` are the archive's current ones: a document is answered from only while it is live in
   * a segment and that segment indexed its current version (see documentTable).
   */
  constructor(
    private readonly segments: readonly Segment[],
    private readonly documents: ReadonlyMap<string, ArchiveDocument>,
    private readonly cache: SearchCache = new SearchCache(),
  ) {
    let next = 0;
    for (const segment of segments) {
      this.bases.push(next);
      next += segment.searcher.docIds.length;
    }
    this.numbered = next;
  }

  /** An engine over documents indexed here and now (tests and small archives). */
  static fromDocuments(documents: readonly ArchiveDocument[]): LunrSearchEngine {
    const byId = new Map(documents.map((d) => [d.id, d]));
    return new LunrSearchEngine([Segment.load(buildSegment(documents))], byId);
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const variants = options.variants ?? true;
    const evaluation = this.evaluate(query, variants);
    const { docs } = evaluation;
    const filtered = options.from || options.to || options.source ? docs.filter((n) => this.passesFilters(n, options)) : docs;
    const shown = new Uint8Array(this.numbered);
    for (const n of filtered) shown[n] = 1;
    const limit = options.limit ?? 50;
    return {
      query,
      total: filtered.length,
      hits: firstInOrder(filtered, limit, this.order(evaluation, options.sort ?? 'relevance')).map((n) => this.toHit(evaluation, n)),
      terms: summarizeTerms(evaluation.outcomes, (n) => shown[n] === 1, (n) => this.documentAt(n)),
      variants,
    };
  }

  locate(query: string, docId: string, { variants = true }: Pick<SearchOptions, 'variants'> = {}): DocumentMatches {
    const evaluation = this.evaluate(query, variants);
    const number = evaluation.docs.find((n) => this.idOf(n) === docId);
    const merged = mergeRanges((number === undefined ? [] : occurrencesOf(evaluation, number)).filter((o) => o.field === 'body'));
    return {
      ranges: merged.map((o) => [o.start, o.end]),
      kinds: merged.map((o) => o.kind),
      terms: summarizeTerms(evaluation.outcomes, (n) => n === number, (n) => this.documentAt(n)),
    };
  }

  private evaluate(query: string, variants: boolean): Evaluation {
    const { clauses } = parseQuery(query);
    // A pasted paragraph is not a typo hunt: near spellings only for short queries (each costs an automaton).
    const nearSpellings = variants && clauses.length <= MAX_CLAUSES_WITH_NEAR_SPELLINGS;
    const outcomes = clauses.map((clause) => this.cachedClause(clause, variants, nearSpellings));
    const active = outcomes.filter((o) => o.note === undefined);
    const required = active.filter((o) => o.clause.presence === 'required');
    const optional = active.filter((o) => o.clause.presence === 'optional');
    const prohibited = active.filter((o) => o.clause.presence === 'prohibited');
    let candidates: number[];
    if (required.length > 0) {
      // The fewest documents first: every candidate is among them.
      const [fewest, ...others] = [...required].sort((a, b) => a.matches.size - b.matches.size);
      candidates = [...fewest.matches.keys()].filter((n) => others.every((o) => o.matches.has(n)));
    } else if (optional.length === 1) {
      candidates = [...optional[0].matches.keys()];
    } else if (optional.length > 1) {
      candidates = [...new Set(optional.flatMap((o) => [...o.matches.keys()]))];
    } else {
      // Only exclusions (-tokayev): every document without them, as in lunr.
      candidates = prohibited.length > 0 ? this.searchableNumbers() : [];
    }
    if (prohibited.length > 0) candidates = candidates.filter((n) => !prohibited.some((o) => o.matches.has(n)));
    const scored = [...required, ...optional];
    // Summed clause after clause, as every document's score always was (floating point keeps order).
    const scores = new Float64Array(this.numbered);
    const exactClauses = new Uint32Array(this.numbered);
    for (const o of scored) {
      for (const [n, match] of o.matches) {
        scores[n] += match.score;
        if (hasExactPlace(match)) exactClauses[n]++;
      }
    }
    return { outcomes, scored, docs: candidates, scores, exactClauses };
  }

  private searchableNumbers(): number[] {
    const table = this.documentTable();
    const numbers: number[] = [];
    for (let n = 0; n < table.length; n++) if (table[n]) numbers.push(n);
    return numbers;
  }

  /**
   * The documents answered from, by number: each live one whose current version is the one its
   * segment indexed. The version is checked here too, not only by the owner's live marks: while a
   * batch of files is read, documents change before the marks follow, and a hit must never pair an
   * old version's places with a new text (nor name a document that is gone).
   */
  private documentTable(): ReadonlyArray<ArchiveDocument | undefined> {
    return this.cache.documentTable(() => {
      const table = new Array<ArchiveDocument | undefined>(this.numbered);
      this.segments.forEach((segment, k) => {
        segment.searcher.docIds.forEach((id, n) => {
          const doc = segment.live.has(id) ? this.documents.get(id) : undefined;
          if (doc && indexedVersion(doc) === segment.versions.get(id)) table[this.bases[k] + n] = doc;
        });
      });
      return table;
    });
  }

  private documentAt(n: number): ArchiveDocument | undefined {
    return this.documentTable()[n];
  }

  /** The id of the engine's document number `n`. */
  private idOf(n: number): string {
    let k = this.segments.length - 1;
    while (this.bases[k] > n) k--;
    return this.segments[k].searcher.docIds[n - this.bases[k]];
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
  private matchTerm(
    term: string,
    boost: number,
    fields: SearchField[],
    expand: Expansion,
    scope: QueryScope = {},
  ): { matches: Matches; accepted: AcceptedTerms } | null {
    const expanded = this.expandTerm(term, expand);
    if (expanded === null) return null;
    const { specs, accepted } = expanded;
    return { matches: this.runTerms(specs, boost, fields, (t) => accepted.get(t) ?? 'fuzzy', scope), accepted };
  }

  /** The index terms asked for a word, with their weights, and how each is accepted as the word. Null for a stop word. */
  private expandTerm(term: string, expand: Expansion): { specs: TermSpec[]; accepted: AcceptedTerms } | null {
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
    return { specs, accepted };
  }

  /**
   * The live documents holding every one of the words (each with its expansions) in the fields,
   * flagged 1 by engine number: read from the postings alone, nothing made per document.
   */
  private holdingAll(words: readonly string[], fields: SearchField[], expand: Expansion): Uint8Array {
    // After word i, a document holding words 0..i is marked i + 1 (a second sight of it in the same word changes nothing).
    const marks = new Uint32Array(this.numbered);
    const table = this.documentTable();
    words.forEach((word, i) => {
      const asked = termQueries(this.expandTerm(word, expand)?.specs ?? []);
      this.segments.forEach((segment, k) => {
        const base = this.bases[k];
        segment.searcher.eachDocument(asked, fields, (doc) => {
          if (marks[base + doc] === i && table[base + doc]) marks[base + doc] = i + 1;
        });
      });
    });
    const all = new Uint8Array(this.numbered);
    for (let n = 0; n < marks.length; n++) if (marks[n] === words.length) all[n] = 1;
    return all;
  }

  /** Documents where the phrase's words stand adjacent and in order (checked on the text itself). */
  private matchPhrase(clause: PhraseClause, fields: SearchField[], variants: boolean, nearSpellings: boolean): ClauseOutcome {
    // Read before the loop over documents: each query's clause is a new object, and its shape
    // checked after that loop would throw the loop's optimised code away at every query.
    const { words: clauseWords, boost, whole } = clause;
    // Phrase words take name variants but never near spellings: a phrase is meant to be exact.
    const expansion = { variants, fuzzy: false };
    // With two indexed words or more, the documents holding them all are found first, without
    // places: then only theirs are read ("new members": "new" stands in nearly every article).
    const indexedWords = clauseWords.map((w) => w.term).filter((term) => indexTermOf(term) !== null);
    const scope: QueryScope = indexedWords.length > 1 ? { only: this.holdingAll(indexedWords, fields, expansion) } : {};
    const wordMatches = clauseWords.map((w) => this.matchTerm(w.term, boost, fields, expansion, scope));
    const indexed = wordMatches.flatMap((m, i) => (m ? [{ index: i, ...m }] : []));
    const matches: Matches = new Map();
    if (indexed.length === 0) return { clause, matches, note: tooCommon(clause.text) };
    const words: PhraseWord[] = clauseWords.map((w, i) => ({ term: w.term, accepted: wordMatches[i]?.accepted ?? null, letters: ALL_LETTERS.test(w.term) }));
    const plan: PhrasePlan = {
      words,
      indexedAt: indexed.map((w) => w.index),
      // Only all-letter neighbours are looked at (a number's pieces, 16,000, are not what the quick look sees).
      looks: indexed.map(({ index }) => ({ before: words[index - 1]?.letters ? words[index - 1] : null, following: words.slice(index + 1) })),
      fromPositions: indexed.length === clauseWords.length,
    };
    // Candidates are the documents holding every indexed word: walk the rarest word's.
    const rarest = indexed.reduce((a, b) => (b.matches.size < a.matches.size ? b : a));
    const perWord: DocMatch[] = [];
    for (const number of rarest.matches.keys()) {
      perWord.length = 0;
      for (const w of indexed) {
        const match = w.matches.get(number);
        if (!match) break;
        perWord.push(match);
      }
      const doc = perWord.length === indexed.length ? this.documentAt(number) : undefined;
      const occurrences = doc ? phrasePlaces(doc, perWord, fields, plan) : [];
      if (occurrences.length === 0) continue;
      let score = 0;
      for (const match of perWord) score += match.score;
      matches.set(number, { score, occurrences });
    }
    if (whole) this.addWholeWord(matches, whole.term, boost, fields, { variants, fuzzy: nearSpellings });
    return { clause, matches };
  }

  /** A compound asked as a phrase ("Kassym-Jomart") also matches where it is written whole. */
  private addWholeWord(matches: Matches, term: string, boost: number, fields: SearchField[], expand: Expansion): void {
    for (const [number, match] of this.matchTerm(term, boost, fields, expand)?.matches ?? []) {
      const existing = matches.get(number);
      if (existing) existing.occurrences.push(...match.occurrences);
      else matches.set(number, match);
    }
  }

  /**
   * One lunr query over a word's expansions. lunr divides a score by the query's length, so a boost
   * only weighs terms within one query: the clause's own boost (term^3) multiplies the result.
   * `scope.only` flags the engine's document numbers (each segment reads its own stretch of it).
   */
  private runTerms(specs: TermSpec[], boost: number, fields: SearchField[], classify: (indexTerm: string) => MatchKind, scope: QueryScope = {}): Matches {
    const matches: Matches = new Map();
    const words = termQueries(specs);
    const table = this.documentTable();
    this.segments.forEach((segment, k) => {
      const base = this.bases[k];
      const only = scope.only?.subarray(base, base + segment.searcher.docIds.length);
      for (const [doc, result] of segment.searcher.query(words, fields, classify, { only })) {
        // The searcher was asked about these fields only.
        if (table[base + doc]) matches.set(base + doc, { score: result.score * boost, occurrences: result.places as Occurrence[] });
      }
    });
    return matches;
  }

  private passesFilters(n: number, { from, to, source }: SearchOptions): boolean {
    const doc = this.documentAt(n);
    if (!doc) return false;
    if (from || to) {
      const iso = doc.date?.iso;
      if (!iso || (from && iso < from) || (to && iso > to)) return false;
    }
    if (source) {
      const needle = source.toLowerCase();
      const folder = doc.id.includes('/') ? doc.id.slice(0, doc.id.lastIndexOf('/')) : '';
      if (!(doc.byline ?? '').toLowerCase().includes(needle) && !folder.toLowerCase().includes(needle)) return false;
    }
    return true;
  }

  /** How hits are ordered: a total order (ties end with the id), so the first hits never depend on the sort. */
  private order({ scores, exactClauses }: Evaluation, order: SearchOptions['sort']): (a: number, b: number) => number {
    const byRelevance = (a: number, b: number): number =>
      exactClauses[b] - exactClauses[a] || scores[b] - scores[a] || this.idOf(a).localeCompare(this.idOf(b));
    if (order === 'relevance') return byRelevance;
    const direction = order === 'newest' ? -1 : 1;
    return (a, b) => {
      const da = this.documentAt(a)?.date?.iso;
      const db = this.documentAt(b)?.date?.iso;
      if (da && db && da !== db) return da < db ? -direction : direction;
      if (da && !db) return -1; // undated documents last, whichever way
      if (db && !da) return 1;
      return byRelevance(a, b);
    };
  }

  private toHit(evaluation: Evaluation, n: number): SearchHit {
    const doc = this.documentAt(n) as ArchiveDocument;
    const occurrences = occurrencesOf(evaluation, n);
    const body = mergeRanges(occurrences.filter((o) => o.field === 'body'));
    return {
      id: doc.id,
      title: doc.title,
      byline: doc.byline,
      date: doc.date,
      score: Math.round(evaluation.scores[n] * 1000) / 1000,
      matchCount: body.length,
      exact: evaluation.exactClauses[n] > 0,
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

/** A word's expansions as the compact searcher is asked them. */
function termQueries(specs: readonly TermSpec[]): TermQuery[] {
  return specs.map((spec) => ({ term: spec.term, boost: spec.weight, ...(spec.editDistance ? { editDistance: spec.editDistance } : {}) }));
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

/** What checking a phrase in a document needs, worked out once per phrase. */
interface PhrasePlan {
  words: PhraseWord[];
  /** The phrase position of each indexed word, in the order their places are given. */
  indexedAt: number[];
  /** The quick looks around each indexed word, should it be the anchor. */
  looks: Array<{ before: PhraseWord | null; following: PhraseWord[] }>;
  /** Every word is indexed: adjacency is read from positions alone. */
  fromPositions: boolean;
}

/**
 * The phrase's places in one document, given the places there of each indexed word. (A function of
 * its own: the loop over thousands of documents stays small and stays optimised.)
 */
function phrasePlaces(doc: IndexableDocument, perWord: readonly DocMatch[], fields: readonly SearchField[], plan: PhrasePlan): Occurrence[] {
  const occurrences: Occurrence[] = [];
  for (const field of fields) {
    // Most phrases stand in the body only: no other field's text is fetched.
    if (!perWord.every((match) => match.occurrences.some((o) => o.field === field))) continue;
    const text = fieldText(doc, field);
    const places: Occurrence[][] = [];
    for (const match of perWord) {
      const inField = wordPlaces(match.occurrences, field, text);
      if (inField.length === 0) break;
      places.push(inField);
    }
    if (places.length < perWord.length) continue;
    if (plan.fromPositions) {
      for (const found of chainAdjacent(text, places)) occurrences.push({ field, ...found });
      continue;
    }
    // Stop words are not in the index: verify the phrase on the text around the rarest indexed word.
    let anchor = 0;
    for (let i = 1; i < places.length; i++) if (places[i].length < places[anchor].length) anchor = i;
    const at = plan.indexedAt[anchor];
    const { before, following } = plan.looks[anchor];
    for (const place of places[anchor]) {
      // Cheap looks first — at the word before, and along the words after as far as they can be
      // judged — and the tokenizer then checks the whole phrase.
      if (before && !mayBe(wordEndingAt(text, place.start), before)) continue;
      if (!mayFollow(text, place.end, following)) continue;
      const found = verifyPhrase(text, place, at, plan.words);
      if (found) occurrences.push({ field, ...found });
    }
  }
  return occurrences;
}

/**
 * Phrases without stop words, from positions alone: each word's place must start where the text's
 * next word after the previous word begins. `places[i]` are the places of phrase word i.
 */
function chainAdjacent(text: string, places: Occurrence[][]): Array<{ start: number; end: number; kind: MatchKind }> {
  const found: Array<{ start: number; end: number; kind: MatchKind }> = [];
  for (const first of places[0]) {
    let current = first;
    let kind = first.kind;
    let complete = true;
    for (let i = 1; i < places.length && complete; i++) {
      // A word has a few places in a document: looked through, not mapped.
      const start = nextWordStart(text, current.end);
      const next = places[i].find((o) => o.start === start);
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
  if (isPlainWord(run)) return matchPhraseWord(run.toLowerCase(), word) !== null;
  return NOT_JUDGED.test(run) || matchPhraseWord(normalizeTerm(run), word) !== null;
}

/**
 * Whether a run is ASCII letters only, as most runs are: its normalized form is then simply its
 * lower case, and it holds nothing the quick look leaves unjudged (no apostrophe, no digit).
 */
function isPlainWord(run: string): boolean {
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) return false;
  }
  return true;
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
    if (!isPlainWord(run) && NOT_JUDGED.test(run)) return true;
    if (!mayBe(run, word)) return false;
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
  // Fields by name, not by locale: the order only groups them, and ICU's collation is slow.
  const sorted = [...occurrences].sort((a, b) => (a.field === b.field ? a.start - b.start || b.end - a.end : a.field < b.field ? -1 : 1));
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
  shown: (n: number) => boolean,
  lookup: (n: number) => IndexableDocument | undefined,
): TermSummary[] {
  return outcomes.map(({ clause, matches, note }) => {
    let occurrences = 0;
    let documents = 0;
    const variantCounts = new Map<string, number>();
    // The title and byline are lines of the text: their places count once, as places in the body,
    // unless the clause looks only at those fields.
    const countedField = (field: SearchField) => (clause.fields && !clause.fields.includes('body') ? true : field === 'body');
    for (const [n, match] of matches) {
      if (!shown(n)) continue;
      documents++;
      // Most often every counted place is an exact one, in one field, in order and apart: then they
      // are simply counted, with no merge to build (a broad word meets thousands of documents).
      const plain = plainCount(match.occurrences, countedField);
      if (plain !== null) {
        occurrences += plain;
        continue;
      }
      const doc = lookup(n);
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
