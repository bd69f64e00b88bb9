import { indexTermOf } from './pipeline';
import type { SearchField } from './query-parser';
import type { MatchKind } from './search-engine';
import { fieldText, type IndexableDocument } from './segment';
import { countWords, nextWordStart, normalizeTerm, runEndingAt, wordsAround, wordStartingAt, type Token } from './tokenizer';
import { KIND_RANK, type DocMatch, type Occurrence } from './matches';

/*
 * Phrases: where the words of a phrase stand one after another in a document, given each indexed
 * word's places; stop words (not indexed) are checked on the text. Proximity phrases ("a b"~N):
 * where they stand near each other, in any order.
 */

/** Index terms accepted as one query word, and how. */
export type AcceptedTerms = Map<string, MatchKind>;

/** A phrase word: its matching form, (null for a stop word) the index terms accepted for it, and whether it is all letters. */
export interface PhraseWord {
  term: string;
  accepted: AcceptedTerms | null;
  letters: boolean;
}

/** What checking a phrase in a document needs, worked out once per phrase. */
export interface PhrasePlan {
  words: PhraseWord[];
  /** The phrase position of each indexed word, in the order their places are given. */
  indexedAt: number[];
  /** The quick looks around each indexed word, should it be the anchor. */
  looks: Array<{ preceding: PhraseWord[]; following: PhraseWord[] }>;
  /** Every word is indexed: adjacency is read from positions alone. */
  fromPositions: boolean;
}

/**
 * The phrase's places in one document, given the places there of each indexed word. (A function of
 * its own: the loop over thousands of documents stays small and stays optimised.)
 */
export function phrasePlaces(doc: IndexableDocument, perWord: readonly DocMatch[], fields: readonly SearchField[], plan: PhrasePlan): Occurrence[] {
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
    const { preceding, following } = plan.looks[anchor];
    for (const place of places[anchor]) {
      // Cheap looks first — along the words before and after as far as they can be judged — and
      // the tokenizer then checks the whole phrase ("in the first": most places of "first" have
      // no "the" before them, and most of the rest no "in" before that).
      if (!mayPrecede(text, place.start, preceding)) continue;
      if (!mayFollow(text, place.end, following)) continue;
      const found = verifyPhrase(text, place, at, plan.words);
      if (found) occurrences.push({ field, ...found });
    }
  }
  return occurrences;
}

/** A place of one of a proximity phrase's words, with the number of the word it is in its field (counted from an arbitrary start). */
interface NearPlace {
  at: number;
  word: number;
  place: Occurrence;
}

/**
 * A proximity phrase's places in one document, given the places there of each of its words: in each
 * field, every place of a word inside a stretch that holds all the words, each at a place of its
 * own, with at most `proximity` other words among them, in any order. Word numbers are counted only
 * across the gaps between places, and no further than the stretch reaches: a long article costs
 * what its places cost, not what its length does.
 */
export function nearPlaces(doc: IndexableDocument, perWord: readonly DocMatch[], fields: readonly SearchField[], proximity: number): Occurrence[] {
  const occurrences: Occurrence[] = [];
  // The first and the last word of a satisfying stretch are at most this many words apart.
  const reach = proximity + perWord.length - 1;
  for (const field of fields) {
    if (!perWord.every((match) => match.occurrences.some((o) => o.field === field))) continue;
    const text = fieldText(doc, field);
    const places: NearPlace[] = [];
    perWord.forEach((match, word) => {
      for (const place of wordPlaces(match.occurrences, field, text)) places.push({ at: 0, word, place });
    });
    places.sort((a, b) => a.place.start - b.place.start || a.word - b.word);
    numberWords(text, places, reach);
    for (const place of placesWithinReach(places, perWord.length, reach)) occurrences.push(place);
  }
  return occurrences;
}

/** Numbers the places (sorted by start) by word: a gap of more than `reach` words counts as `reach` + 1. */
function numberWords(text: string, places: NearPlace[], reach: number): void {
  for (let i = 1; i < places.length; i++) {
    const previous = places[i - 1];
    const { start } = places[i].place;
    places[i].at = start === previous.place.start ? previous.at : previous.at + 1 + countWords(text, previous.place.end, start, reach);
  }
}

/**
 * The places (numbered, in order) inside a stretch of at most `reach` + 1 words that holds each of
 * the `wordCount` words at a place of its own. Each stretch starts at a place; the ends only move on.
 */
function placesWithinReach(places: readonly NearPlace[], wordCount: number, reach: number): Occurrence[] {
  const found: Occurrence[] = [];
  const inStretch = new Uint32Array(wordCount);
  let held = 0;
  let end = 0;
  let marked = 0;
  // Two words may take the same place (the same word twice, a variant of another): then the stretch
  // must still give each word a place of its own.
  const shared = places.some((p, i) => i > 0 && p.place.start === places[i - 1].place.start);
  for (let first = 0; first < places.length; first++) {
    while (end < places.length && places[end].at - places[first].at <= reach) {
      if (inStretch[places[end].word]++ === 0) held++;
      end++;
    }
    if (held === wordCount && (!shared || eachHasOwnPlace(places, first, end, wordCount))) {
      for (let i = Math.max(first, marked); i < end; i++) {
        const { place } = places[i];
        const last = found.at(-1);
        if (last && last.start === place.start && last.end === place.end) {
          if (KIND_RANK[place.kind] < KIND_RANK[last.kind]) last.kind = place.kind;
        } else {
          found.push({ ...place });
        }
      }
      marked = Math.max(marked, end);
    }
    if (--inStretch[places[first].word] === 0) held--;
  }
  return found;
}

/** Whether each of the words can be given a place of its own among places[first, end) (a matching, found by augmenting paths). */
function eachHasOwnPlace(places: readonly NearPlace[], first: number, end: number, wordCount: number): boolean {
  const starts = new Map<number, number>();
  const placesOf: number[][] = Array.from({ length: wordCount }, () => []);
  for (let i = first; i < end; i++) {
    const { word, place } = places[i];
    let slot = starts.get(place.start);
    if (slot === undefined) starts.set(place.start, (slot = starts.size));
    placesOf[word].push(slot);
  }
  const holder = new Int32Array(starts.size).fill(-1);
  const give = (word: number, seen: Uint8Array): boolean => {
    for (const slot of placesOf[word]) {
      if (seen[slot]) continue;
      seen[slot] = 1;
      if (holder[slot] === -1 || give(holder[slot], seen)) {
        holder[slot] = word;
        return true;
      }
    }
    return false;
  };
  for (let word = 0; word < wordCount; word++) if (!give(word, new Uint8Array(starts.size))) return false;
  return true;
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

/** A phrase word that is all letters: the quick looks judge it (see mayFollow). */
export const ALL_LETTERS = /^[\p{L}\p{M}]+$/u;
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

/** mayFollow's look the other way: whether the words before `offset` may be `preceding` (nearest first). */
function mayPrecede(text: string, offset: number, preceding: PhraseWord[]): boolean {
  let at = offset;
  for (const word of preceding) {
    if (!word.letters) return true;
    const { run, start } = runEndingAt(text, at);
    if (!isPlainWord(run) && NOT_JUDGED.test(run)) return true;
    if (!mayBe(run, word)) return false;
    at = start;
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

