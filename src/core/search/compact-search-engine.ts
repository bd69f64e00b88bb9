import type { ArchiveDocument } from '../archive/document';
import { parseQuery, SEARCH_FIELDS, wordClauses, type GroupClause, type PhraseClause, type QueryClause, type SearchField, type WordClause } from './query-parser';
import type { DocumentMatches, MatchKind, SearchEngine, SearchOptions, SearchResult } from './search-engine';
import type { QueryScope, TermQuery } from './compact-index';
import { firstInOrder } from './first-in-order';
import { mergeRanges, type ClauseOutcome, type DocMatch, type Matches, type Occurrence } from './matches';
import { ALL_LETTERS, nearPlaces, phrasePlaces, type AcceptedTerms, type PhrasePlan, type PhraseWord } from './phrase-match';
import { SearchCache } from './search-cache';
import { indexTermOf } from './pipeline';
import { buildSegment, indexedVersion, Segment } from './segment';
import { dateHistogram, filtersDocuments, hitOrder, passesFilters, toSearchHit, undatedCount, type Ranking } from './hits';
import { summarizeTerms } from './term-summary';
import { allowsAutomaticFuzzy } from './variants';
import { nearSpellingTerms, suggestionsFor } from './suggestions';

/** Variants and near spellings score below the word as asked (and rank below exact hits anyway). */
const VARIANT_BOOST = 0.5;
const FUZZY_BOOST = 0.25;
const MAX_CLAUSES_WITH_NEAR_SPELLINGS = 16;

/**
 * What a query matched: the documents by engine number, and what ranks them, in columns indexed by
 * that number (a broad word matches thousands of documents, and only the hits shown become objects).
 */
export interface Evaluation extends Ranking {
  outcomes: ClauseOutcome[];
  /** The outcomes a hit's score and places come from (required and optional clauses). */
  scored: ClauseOutcome[];
  docs: number[];
}

function occurrencesOf({ scored }: Evaluation, n: number): Occurrence[] {
  return scored.flatMap((o) => o.matches.get(n)?.occurrences ?? []);
}

function hasExactPlace(match: DocMatch): boolean {
  for (const o of match.occurrences) if (o.kind === 'exact') return true;
  return false;
}

/** How many clauses a match counts as matched as asked: a group's own count, else one if a place is as asked. */
function exactClausesOf(match: DocMatch): number {
  return match.exactClauses ?? (hasExactPlace(match) ? 1 : 0);
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

function onlyTooCommon(group: string): string {
  return `${group} holds only words too common to be indexed (stop words); it matches nothing on its own`;
}

/**
 * Search over one or more index segments (see segment.ts), each masking documents that moved on.
 * The engine asks the compact index (compact-index.ts) with lunr's semantics: it never imports lunr,
 * hence its name. It keeps together what a query's evaluation shares (expansions of a word, clause
 * logic, scores and filters); phrases, summaries, the cache and the top-k live beside it.
 */
export class CompactSearchEngine implements SearchEngine {
  /** Where each segment's document numbers start in the engine's numbering. */
  private readonly bases: number[] = [];
  /** Documents numbered over all segments, live or not. */
  protected readonly numbered: number;

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
  static fromDocuments(documents: readonly ArchiveDocument[]): CompactSearchEngine {
    const byId = new Map(documents.map((d) => [d.id, d]));
    return new CompactSearchEngine([Segment.load(buildSegment(documents))], byId);
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const variants = options.variants ?? true;
    const evaluation = this.evaluate(query, variants);
    const { docs } = evaluation;
    const filtered = filtersDocuments(options) ? docs.filter((n) => passesFilters(this.documentAt(n), options)) : docs;
    options.matchingIds?.(filtered.map((n) => this.idOf(n)));
    const shown = new Uint8Array(this.numbered);
    for (const n of filtered) shown[n] = 1;
    const limit = options.limit ?? 50;
    return {
      query,
      total: filtered.length,
      hits: firstInOrder(filtered, limit, hitOrder(evaluation, options.sort ?? 'relevance', (n) => this.idOf(n), (n) => this.documentAt(n))).map((n) =>
        toSearchHit(this.documentAt(n) as ArchiveDocument, occurrencesOf(evaluation, n), evaluation.scores[n], evaluation.exactClauses[n] > 0),
      ),
      terms: summarizeTerms(evaluation.outcomes, (n) => shown[n] === 1, (n) => this.documentAt(n)),
      variants,
      ...suggestionsFor(query, this.segments, variants),
      ...(options.from || options.to ? { undated: undatedCount(docs, (n) => this.documentAt(n), options) } : {}),
      ...(options.histogram ? { histogram: dateHistogram(docs, (n) => this.documentAt(n), options) } : {}),
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

  protected evaluate(query: string, variants: boolean): Evaluation {
    const { clauses } = parseQuery(query);
    // A pasted paragraph is not a typo hunt: near spellings only for short queries (each costs an automaton).
    const nearSpellings = variants && wordClauses(clauses).length <= MAX_CLAUSES_WITH_NEAR_SPELLINGS;
    const outcomes = clauses.map((clause) => this.outcomeOf(clause, variants, nearSpellings));
    const { docs, scored } = this.combine(outcomes);
    // Summed clause after clause, as every document's score always was (floating point keeps order).
    const scores = new Float64Array(this.numbered);
    const exactClauses = new Uint32Array(this.numbered);
    for (const o of scored) {
      for (const [n, match] of o.matches) {
        scores[n] += match.score;
        exactClauses[n] += exactClausesOf(match);
      }
    }
    return { outcomes, scored, docs, scores, exactClauses };
  }

  /**
   * The documents a list of clauses (the query's, or a group's) matches, with lunr's logic: every
   * required clause and no prohibited one; with no required clause, at least one optional one; with
   * only prohibited ones, every document without them. A clause that cannot match (a stop word) is
   * left out. `scored`: the outcomes a document's score and places come from.
   */
  private combine(outcomes: readonly ClauseOutcome[]): { docs: number[]; scored: ClauseOutcome[] } {
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
    return { docs: candidates, scored: [...required, ...optional] };
  }

  private outcomeOf(clause: QueryClause, variants: boolean, nearSpellings: boolean): ClauseOutcome {
    return clause.kind === 'group' ? this.matchGroup(clause, variants, nearSpellings) : this.cachedClause(clause, variants, nearSpellings);
  }

  /**
   * A group's documents, by the logic of its clauses (see combine): each scored as its matching
   * clauses add up, times the group's boost, with their places. Not cached: its word clauses are.
   */
  private matchGroup(clause: GroupClause, variants: boolean, nearSpellings: boolean): ClauseOutcome {
    const inner = clause.clauses.map((c) => this.outcomeOf(c, variants, nearSpellings));
    const matches: Matches = new Map();
    if (inner.every((o) => o.note !== undefined)) return { clause, matches, inner, note: onlyTooCommon(clause.text) };
    const { docs, scored } = this.combine(inner);
    for (const n of docs) {
      let score = 0;
      let exactClauses = 0;
      const occurrences: Occurrence[] = [];
      for (const o of scored) {
        const match = o.matches.get(n);
        if (!match) continue;
        score += match.score;
        exactClauses += exactClausesOf(match);
        for (const place of match.occurrences) occurrences.push(place);
      }
      matches.set(n, { score: score * clause.boost, occurrences, exactClauses });
    }
    return { clause, matches, inner };
  }

  protected searchableNumbers(): number[] {
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
  protected cachedClause(clause: WordClause, variants: boolean, nearSpellings: boolean): ClauseOutcome {
    const key = JSON.stringify([variants, nearSpellings, clause], (name, value: unknown) => (name === 'span' || name === 'presence' ? undefined : value));
    const cached = this.cache.get(key);
    if (cached) return { clause, ...cached };
    const { matches, note } = this.evaluateClause(clause, variants, nearSpellings);
    this.cache.set(key, note === undefined ? { matches } : { matches, note });
    return note === undefined ? { clause, matches } : { clause, matches, note };
  }

  private evaluateClause(clause: WordClause, variants: boolean, nearSpellings: boolean): ClauseOutcome {
    const fields = clause.fields ?? [...SEARCH_FIELDS];
    if (clause.kind === 'wildcard') {
      return { clause, matches: this.runTerms([{ term: clause.pattern, weight: 1 }], clause.boost, fields, () => 'exact') };
    }
    if (clause.kind === 'term') {
      const expand = { variants, fuzzy: nearSpellings, editDistance: clause.editDistance };
      const matches = this.matchTerm(clause.word.term, clause.boost, fields, expand)?.matches;
      return matches ? { clause, matches } : { clause, matches: new Map(), note: tooCommon(clause.text) };
    }
    if (clause.proximity !== undefined) return this.matchNear(clause, clause.proximity, fields, variants);
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
      // Near spellings of the word as written, not of its stem (see suggestions.ts).
      if (expand.fuzzy && allowsAutomaticFuzzy(term)) for (const t of nearSpellingTerms(this.segments, term, indexTerm, accepted)) specs.push({ term: t, weight: FUZZY_BOOST });
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
    if (indexed.length === 0) return { clause, matches: new Map(), note: tooCommon(clause.text) };
    const words: PhraseWord[] = clauseWords.map((w, i) => ({ term: w.term, accepted: wordMatches[i]?.accepted ?? null, letters: ALL_LETTERS.test(w.term) }));
    const plan: PhrasePlan = {
      words,
      indexedAt: indexed.map((w) => w.index),
      // Only all-letter neighbours are looked at (a number's pieces, 16,000, are not what the quick look sees).
      looks: indexed.map(({ index }) => ({ preceding: words.slice(0, index).reverse(), following: words.slice(index + 1) })),
      fromPositions: indexed.length === clauseWords.length,
    };
    const matches = this.wordsTogether(
      indexed.map((w) => w.matches),
      (doc, perWord) => phrasePlaces(doc, perWord, fields, plan),
    );
    if (whole) this.addWholeWord(matches, whole.term, boost, fields, { variants, fuzzy: nearSpellings });
    return { clause, matches };
  }

  /**
   * Documents where a proximity phrase's words stand within `proximity` other words of each other,
   * in any order. Its stop words are left out (they stand nearly everywhere); like a phrase's, its
   * words take name variants but no near spellings.
   */
  private matchNear(clause: PhraseClause, proximity: number, fields: SearchField[], variants: boolean): ClauseOutcome {
    const expansion = { variants, fuzzy: false };
    const terms = clause.words.map((w) => w.term).filter((term) => indexTermOf(term) !== null);
    if (terms.length === 0) return { clause, matches: new Map(), note: tooCommon(clause.text) };
    // As for a phrase, the documents holding every word are found first, from the postings alone.
    const scope: QueryScope = terms.length > 1 ? { only: this.holdingAll(terms, fields, expansion) } : {};
    const perTerm = terms.map((term) => this.matchTerm(term, clause.boost, fields, expansion, scope)?.matches ?? new Map<number, DocMatch>());
    if (perTerm.length === 1) return { clause, matches: perTerm[0] };
    return { clause, matches: this.wordsTogether(perTerm, (doc, perWord) => nearPlaces(doc, perWord, fields, proximity)) };
  }

  /**
   * The documents holding every word (walked from the rarest word's) where `placesIn` finds the
   * words together, each scored as its words' scores add up.
   */
  private wordsTogether(perWordMatches: readonly Matches[], placesIn: (doc: ArchiveDocument, perWord: readonly DocMatch[]) => Occurrence[]): Matches {
    const matches: Matches = new Map();
    const rarest = perWordMatches.reduce((a, b) => (b.size < a.size ? b : a));
    const perWord: DocMatch[] = [];
    for (const number of rarest.keys()) {
      perWord.length = 0;
      for (const wordMatches of perWordMatches) {
        const match = wordMatches.get(number);
        if (!match) break;
        perWord.push(match);
      }
      const doc = perWord.length === perWordMatches.length ? this.documentAt(number) : undefined;
      const occurrences = doc ? placesIn(doc, perWord) : [];
      if (occurrences.length === 0) continue;
      let score = 0;
      for (const match of perWord) score += match.score;
      matches.set(number, { score, occurrences });
    }
    return matches;
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
}
