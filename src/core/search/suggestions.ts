/**
 * Near spellings from the archive's own words, as written (each segment keeps them: see segment.ts).
 * The index holds stems, and a stem's neighbours are not the word's: "detainess" stems to "detai",
 * one edit from "detat" (d'état), while the intended "detainees" stems two edits away. Looked for
 * among the words as written, the intended one is one edit away, and d'état far.
 */
import { indexTermOf } from './pipeline';
import { parseQuery, type QueryClause } from './query-parser';
import { MIN_SURFACE_LETTERS, type Segment, type SurfaceWord } from './segment';
import { words } from './tokenizer';

/** A query word that matches nothing, the archive's likely intended word, and the query with every such word replaced. */
export interface SpellingSuggestion {
  /** As written in the query. */
  word: string;
  /** As the archive most often writes it. */
  suggestion: string;
  /** The whole query, its operators, fields and phrases kept, with each suggested word in place. */
  query: string;
}

/** Words this long or longer may be suggested a word two edits away; shorter ones, one edit. */
const TWO_EDITS_FROM_LETTERS = 7;
const LETTERS_ONLY = /^\p{L}[\p{L}\p{M}]*$/u;

/**
 * For each word of the query (not excluded, not asked with its own `~N`) that matches nothing, as
 * asked or (with `variants`) as a name variant: the archive's word nearest to it as written, the
 * fewest edits first, then the one most documents hold. Words the archive holds, however rarely,
 * get none. A query that cannot be read gets none.
 */
export function spellingSuggestions(query: string, segments: readonly Segment[], variants: boolean): SpellingSuggestion[] {
  let clauses: QueryClause[];
  try {
    clauses = parseQuery(query).clauses;
  } catch {
    return [];
  }
  const corrections = new Map<string, string>();
  for (const term of askedWords(clauses)) {
    const nearest = nearestWord(term, segments, variants);
    if (nearest) corrections.set(term, nearest.written);
  }
  if (corrections.size === 0) return [];
  // Replaced from the end, so the offsets before stay right; a word followed by ':' names a field.
  const places = words(query).filter((t) => corrections.has(t.term) && query[t.end] !== ':');
  let corrected = query;
  for (const place of [...places].reverse()) corrected = corrected.slice(0, place.start) + (corrections.get(place.term) as string) + corrected.slice(place.end);
  return [...corrections].map(([term, suggestion]) => {
    const place = places.find((t) => t.term === term);
    return { word: place ? query.slice(place.start, place.end) : term, suggestion, query: corrected };
  });
}

/** A search result's `suggestions`: present only when there are some. */
export function suggestionsFor(query: string, segments: readonly Segment[], variants: boolean): { suggestions?: SpellingSuggestion[] } {
  const suggestions = spellingSuggestions(query, segments, variants);
  return suggestions.length > 0 ? { suggestions } : {};
}

/** The matching forms of the words a query looks for, once each. */
function askedWords(clauses: readonly QueryClause[], asked = new Set<string>()): Set<string> {
  for (const clause of clauses) {
    if (clause.presence === 'prohibited') continue;
    // A group (parentheses) holds clauses of its own; a prohibited group's words are not asked.
    if (clause.kind === 'group') askedWords(clause.clauses, asked);
    else if (clause.kind === 'term' && clause.editDistance === undefined) asked.add(clause.word.term);
    else if (clause.kind === 'phrase') for (const word of clause.words) asked.add(word.term);
  }
  return asked;
}

function nearestWord(term: string, segments: readonly Segment[], variants: boolean): SurfaceWord | null {
  const letters = [...term].length;
  if (letters < MIN_SURFACE_LETTERS || !LETTERS_ONLY.test(term)) return null;
  const indexTerm = indexTermOf(term);
  if (indexTerm === null) return null;
  const matches = segments.some((s) => s.searcher.expand({ term: indexTerm }).length > 0 || (variants && s.variantTerms(term).length > 0));
  if (matches) return null;
  // One edit first: a word two away is looked for (the costlier walk) only when none is one away.
  const nearest = nearWords(term, segments, 1);
  return nearest ?? (letters >= TWO_EDITS_FROM_LETTERS ? nearWords(term, segments, 2) : null);
}

/** The archive's word within `edits` edits of a matching form: the fewest edits, then the most documents. */
function nearWords(term: string, segments: readonly Segment[], edits: number): SurfaceWord | null {
  const found = new Map<string, SurfaceWord>();
  for (const segment of segments) {
    for (const word of segment.nearWords(term, edits)) {
      const seen = found.get(word.term);
      // Summed over segments; written as the segment holding it most writes it.
      if (!seen) found.set(word.term, { ...word });
      else found.set(word.term, { ...seen, documents: seen.documents + word.documents, written: word.documents > seen.documents ? word.written : seen.written });
    }
  }
  let best: { word: SurfaceWord; distance: number } | null = null;
  for (const word of found.values()) {
    const distance = editDistance(term, word.term);
    if (!best || distance < best.distance || (distance === best.distance && word.documents > best.word.documents)) best = { word, distance };
  }
  return best?.word ?? null;
}

/**
 * The index terms a long word's automatic near spellings reach: the stems of the archive's words
 * within one edit of it as written, and the index terms within one edit of its stem (lunr's near
 * spellings) that `known` holds (as asked, or a name variant) or that stem a word within two edits
 * of it: a stem's neighbour whose words are all far from the word asked is no near spelling.
 */
export function nearSpellingTerms(segments: readonly Segment[], term: string, indexTerm: string, known: ReadonlyMap<string, unknown>): string[] {
  const terms = new Set<string>();
  for (const segment of segments) {
    for (const word of segment.nearWords(term, 1)) {
      const stem = indexTermOf(word.term);
      if (stem !== null) terms.add(stem);
    }
  }
  for (const segment of segments) {
    for (const near of segment.searcher.expand({ term: indexTerm, editDistance: 1 })) {
      if (!terms.has(near) && (known.has(near) || stemsWordNear(segments, near, term))) terms.add(near);
    }
  }
  return [...terms].sort();
}

/** Stems are at most a letter off a prefix of their words (happy → happi): this many words share one at most. */
const STEM_FAMILY_LIMIT = 2_000;

/** Whether an index term is the stem of some word of the archive within two edits of `term`. */
function stemsWordNear(segments: readonly Segment[], stem: string, term: string): boolean {
  const prefix = stem.slice(0, -1);
  return segments.some((segment) =>
    segment.wordsStartingWith(prefix, STEM_FAMILY_LIMIT).some((word) => editDistance(word.term, term) <= 2 && indexTermOf(word.term) === stem),
  );
}

/** Edits (insertions, deletions, substitutions, swaps of neighbours) from one word to another, by characters. */
export function editDistance(from: string, to: string): number {
  const a = [...from];
  const b = [...to];
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      let cost = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cost = Math.min(cost, before[j - 2] + 1);
      current.push(cost);
    }
    [before, previous] = [previous, current];
  }
  return previous[b.length];
}
