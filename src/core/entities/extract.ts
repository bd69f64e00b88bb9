/**
 * Names in a text: people, organisations and places, by rules and the gazetteer (gazetteer.ts).
 * A name is a run of capitalised words ("Kasym-Zhomart Tokayev", "National Security Committee");
 * what it is comes from the gazetteer, the words around it ("President …", "… region", "in …",
 * "… said"), its own words ("… Ministry", "Министерство …") or its shape (a surname in -ov/-ev).
 * A capitalised run with no such clue is kept as `unknown`: it counts only if the archive knows the
 * name from elsewhere ("Tokayev" at a sentence's start).
 */
import { normalizeTerm } from '../search/tokenizer';
import { transliterate, variantKey } from '../search/variants';
import {
  CYRILLIC_SURNAME_ENDING,
  GIVEN_NAMES,
  KNOWN_NAMES,
  LEADING_ORGANIZATION_HEADS,
  NOT_NAMES,
  ORGANIZATION_HEADS,
  PERSON_TITLES,
  PLACE_CUES,
  PLACE_FOLLOWERS,
  QUOTED_ORGANIZATION_CUES,
  SAYING,
  SURNAME_ENDING,
  type KnownName,
} from './gazetteer';
import type { EntityType } from './types';

/** A name found in a text, before the archive's names are grouped. */
export interface Candidate {
  /** Offsets into the text (UTF-16 code units, as everywhere in Casefile). */
  start: number;
  end: number;
  /** The name as written (a possessive ’s and a title before it left out). */
  text: string;
  /** What the rules say it is; null when nothing says (kept only to join a name known elsewhere). */
  type: EntityType | null;
  /** The folded key of each word (see nameKey). */
  keys: string[];
  /** The gazetteer's entry, when the name is one of its names. */
  known: KnownName | null;
}

interface Word {
  start: number;
  /** Where the word ends as a name: before a possessive ’s. */
  end: number;
  /** Where the word as written ends (after a possessive). */
  writtenEnd: number;
  written: string;
  lower: string;
  key: string;
  capitalized: boolean;
  acronym: boolean;
  cyrillic: boolean;
  possessive: boolean;
  sentenceStart: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ‘][\p{L}\p{M}]+)*(?:[-‐‑][\p{L}\p{M}\p{N}]+(?:['’ʼ‘][\p{L}\p{M}]+)*)*/gu;
const POSSESSIVE = /(?:['’ʼ‘]s)+$/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
/** Russian case endings that end in a consonant; vowel endings are dropped by variantKey already. */
const RUSSIAN_CASE_ENDING = /(?:ыми|ами|ями|ого|его|ому|ему|ым|им|ом|ем|ой|ей|ою|ею|ах|ях)$/u;
/** Russian genitive words that go on an organisation's name after its head: Министерство внутренних дел. */
const GENITIVE = /(?:ого|его|ой|ей|ых|их|ов|ев|ии|ия|ти|ства|дел|ения|ции|ции|ности|ики|ы)$/u;
const MAX_PERSON_WORDS = 4;
const MAX_GENITIVE_WORDS = 4;

/**
 * The folded key of one word of a name: the search's matching form (lower case, diacritics and a
 * possessive dropped), a Russian case ending dropped, then the search's variant key, so every
 * spelling search folds together has one key (Tokayev = Tokajev = Токаев = Тоқаев = Токаевым).
 */
export function nameKey(word: string): string {
  const cached = keys.get(word);
  if (cached !== undefined) return cached;
  let term = normalizeTerm(word);
  if (CYRILLIC.test(term) && term.length > 5) term = term.replace(RUSSIAN_CASE_ENDING, '');
  const key = variantKey(term) ?? transliterate(term).replace(/[-‐‑]/gu, '');
  // Words repeat (the, Kazakhstan, …): remembered, within bounds.
  if (keys.size >= MAX_CACHED_KEYS) keys.clear();
  keys.set(word, key);
  return key;
}

const keys = new Map<string, string>();
const MAX_CACHED_KEYS = 100_000;

/** The folded keys of a name's words. */
export function nameKeys(name: string): string[] {
  return [...name.matchAll(WORD)].map((m) => nameKey(m[0]));
}

interface KnownIndex {
  byKeys: Map<string, KnownName>;
  /** The most words a known name starting with this word's key has: most words start none. */
  longestFrom: Map<string, number>;
  /** Aliases written all in capitals (UN, КНБ) match only words written so. */
  acronyms: Set<string>;
  /** Every one-word Latin name as written (matching form): such a name must be written as listed. */
  latinWords: Set<string>;
}

let knownIndex: KnownIndex | null = null;

function known(): KnownIndex {
  if (knownIndex) return knownIndex;
  const byKeys = new Map<string, KnownName>();
  const acronyms = new Set<string>();
  const latinWords = new Set<string>();
  const longestFrom = new Map<string, number>();
  for (const entry of KNOWN_NAMES) {
    for (const alias of [entry.name, ...entry.aliases]) {
      const keys = nameKeys(alias);
      if (keys.length === 0) continue;
      const joined = keys.join(' ');
      if (!byKeys.has(joined)) byKeys.set(joined, entry);
      if (keys.length === 1 && /^[\p{Lu}\p{N}./]+$/u.test(alias)) acronyms.add(joined);
      if (keys.length === 1 && !CYRILLIC.test(alias)) latinWords.add(normalizeTerm(alias));
      longestFrom.set(keys[0], Math.max(longestFrom.get(keys[0]) ?? 0, keys.length));
    }
  }
  knownIndex = { byKeys, longestFrom, acronyms, latinWords };
  return knownIndex;
}

const givenNameKeys = new Set(GIVEN_NAMES.map(nameKey));
const titleKeys = new Set([...PERSON_TITLES].map((t) => t.toLowerCase()));

function isTitle(word: Word): boolean {
  return titleKeys.has(word.lower) || (word.cyrillic && titleKeys.has(word.lower.replace(/(?:а|у|ом|е|ы)$/u, '')));
}

function isOrganizationHead(word: Word): boolean {
  return ORGANIZATION_HEADS.has(word.lower);
}

function looksLikeSurname(word: Word): boolean {
  const base = word.cyrillic && word.lower.length > 5 ? word.lower.replace(RUSSIAN_CASE_ENDING, '') : word.lower;
  const latin = transliterate(base).replace(/[ауеы]$/u, '');
  if (SURNAME_ENDING.test(latin) || SURNAME_ENDING.test(latin.replace(/[auey]$/u, ''))) return true;
  return word.cyrillic && (CYRILLIC_SURNAME_ENDING.test(base) || CYRILLIC_SURNAME_ENDING.test(base.replace(/[ауеы]$/u, '')));
}

/**
 * Whether a word at `offset` opens a sentence, a line or a quotation: what comes before it, spaces
 * and opening quotes or brackets aside, is the text's or a line's start or a sentence's end.
 */
function opensSentence(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && OPENERS.has(text[i])) i--;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\u00a0' || text[i] === '\t')) i--;
  while (i >= 0 && CLOSERS.has(text[i])) i--;
  return i < 0 || text[i] === '\n' || SENTENCE_ENDS.has(text[i]) || (i < offset - 1 && OPENERS.has(text[i + 1]) && text[i] === ':');
}

const OPENERS = new Set(['“', '«', '"', "'", '‘', '(', '[', '—', '–', '-']);
const CLOSERS = new Set(['”', '»', '"', "'", '’', ')', ']']);
const SENTENCE_ENDS = new Set(['.', '!', '?', '…', ':']);
const APOSTROPHES = new Set(["'", '’', 'ʼ', '‘']);

function isCyrillic(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x400 && c <= 0x52f;
}

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const written = m[0];
    const possessive = written.length > 2 && APOSTROPHES.has(written[written.length - 2]) && POSSESSIVE.test(written);
    const name = possessive ? written.replace(POSSESSIVE, '') : written;
    const first = name[0];
    const capitalized = first !== first.toLowerCase() && /^\p{Lu}/u.test(name);
    words.push({
      start: m.index,
      end: m.index + name.length,
      writtenEnd: m.index + written.length,
      written: name,
      lower: name.toLowerCase(),
      key: nameKey(name),
      capitalized,
      acronym: capitalized && name.length >= 2 && name.length <= 12 && /^[\p{Lu}\p{N}]{2,}$/u.test(name) && /\p{L}.*\p{L}/u.test(name),
      cyrillic: isCyrillic(first),
      possessive,
      sentenceStart: opensSentence(text, m.index),
    });
  }
  return words;
}

/** Whether two neighbouring words may belong to one name: one space between them, the first not possessive. */
function joined(text: string, a: Word, b: Word): boolean {
  return !a.possessive && /^[ \u00a0]$/u.test(text.slice(a.end, b.start));
}

/**
 * Every name in `text`, in reading order. Spans in `skip` (web boilerplate) are not read; offsets
 * are the text's own.
 */
export function extractCandidates(text: string, skip: ReadonlyArray<{ start: number; end: number }> = []): Candidate[] {
  const words = wordsOf(text).filter((w) => !skip.some((s) => w.start < s.end && s.start < w.end));
  // Words written in lower case somewhere: capitalised at a sentence's start, they are not names.
  const lowerSomewhere = new Set(words.filter((w) => !w.capitalized).map((w) => w.lower));
  const used = new Uint8Array(words.length);
  const found: Candidate[] = [];
  const add = (from: number, to: number, type: EntityType | null, entry: KnownName | null) => {
    const first = words[from];
    const last = words[to - 1];
    for (let k = from; k < to; k++) used[k] = 1;
    found.push({ start: first.start, end: last.end, text: text.slice(first.start, last.end), type, keys: words.slice(from, to).map((w) => w.key), known: entry });
  };

  quotedOrganizations(text, words, add);
  knownNames(text, words, used, add);

  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (used[i] || !(w.capitalized || w.acronym) || NOT_NAMES.has(w.lower)) continue;
    if (w.sentenceStart && !w.acronym && lowerSomewhere.has(w.lower) && !isTitle(w)) continue;
    // Titles lead the name and say whose it is: "President Tokayev", "Prime Minister Askar Mamin".
    let from = i;
    let titled = i > 0 && isTitle(words[i - 1]) && (words[i - 1].end === w.start - 1 || /^[ \u00a0]$/u.test(text.slice(words[i - 1].end, w.start)));
    while (isTitle(words[from]) && words[from].capitalized && from + 1 < words.length && !used[from + 1] && joined(text, words[from], words[from + 1]) && words[from + 1].capitalized) {
      titled = true;
      from++;
    }
    // A title alone ("President of Kazakhstan") names no one.
    if (isTitle(words[from])) {
      i = from;
      continue;
    }
    let to = from + 1;
    for (;;) {
      const next = words[to];
      // "Ministry of Energy", "Bureau for Human Rights": a connector inside an organisation's name.
      const after = words[to + 1];
      const head = words[to - 1];
      if (
        next && after && !used[to] && !used[to + 1] && /^(?:of|for|on)$/u.test(next.written) && joined(text, head, next) && joined(text, next, after) &&
        after.capitalized && !NOT_NAMES.has(after.lower) && (isOrganizationHead(head) || LEADING_ORGANIZATION_HEADS.has(words[from].lower))
      ) {
        to += 2;
        continue;
      }
      if (!next || used[to] || !joined(text, words[to - 1], next)) break;
      if (!(next.capitalized || next.acronym) || NOT_NAMES.has(next.lower) || (isTitle(next) && !isOrganizationHead(next))) break;
      to++;
    }
    // Russian organisations go on in lower case: Министерство внутренних дел, Комитет национальной безопасности.
    if (words[from].cyrillic && isOrganizationHead(words[from])) {
      let extra = 0;
      while (extra < MAX_GENITIVE_WORDS && words[to] && !used[to] && !words[to].capitalized && words[to].cyrillic && joined(text, words[to - 1], words[to]) && GENITIVE.test(words[to].lower)) {
        to++;
        extra++;
      }
    }
    // A title after a comma names a person only after a full name: "in Durban, the mayor said" does not.
    add(from, to, classify(words, from, to, titled || (to - from >= 2 && titleAfter(text, words, to))), null);
    i = to - 1;
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Whether a title follows a name after a comma: "Marie Struthers, director of …", "Aset Utemisov, a lawyer". */
function titleAfter(text: string, words: Word[], to: number): boolean {
  const next = words[to];
  if (!next || to - 1 < 0 || !/^,[ \u00a0]$/u.test(text.slice(words[to - 1].writtenEnd, next.start))) return false;
  const article = /^(?:a|an|the)$/u.test(next.lower) && words[to + 1] !== undefined;
  return isTitle(article ? words[to + 1] : next);
}

/** What a run of capitalised words is, from its words and those around it; null when nothing says. */
function classify(words: Word[], from: number, to: number, titled: boolean): EntityType | null {
  const run = words.slice(from, to);
  const first = run[0];
  const last = run[run.length - 1];
  const previous = words[from - 1];
  const next = words[to];
  if (run.length > 1 && ((!first.cyrillic && isOrganizationHead(last)) || (first.cyrillic && isOrganizationHead(first)) || LEADING_ORGANIZATION_HEADS.has(first.lower))) return 'organization';
  if (next && PLACE_FOLLOWERS.has(next.lower)) return 'place';
  if (run.length <= MAX_PERSON_WORDS) {
    if (titled) return 'person';
    if (looksLikeSurname(last) && run.every((w) => !w.acronym)) return 'person';
    if (run.length >= 2 && givenNameKeys.has(first.key)) return 'person';
  }
  if (run.length <= 3 && previous && PLACE_CUES.has(previous.lower) && !first.sentenceStart && run.every((w) => !w.acronym)) return 'place';
  if (run.length >= 2 && run.length <= 3 && next && SAYING.has(next.lower)) return 'person';
  if (run.length === 1 && first.acronym && first.written.length <= 6) return 'organization';
  return null;
}

/** Gazetteer names, longest first at each word: "National Security Committee", "Nur-Sultan", "ОДКБ". */
function knownNames(text: string, words: Word[], used: Uint8Array, add: (from: number, to: number, type: EntityType | null, entry: KnownName) => void): void {
  const index = known();
  for (let i = 0; i < words.length; i++) {
    const longest = index.longestFrom.get(words[i].key);
    if (used[i] || longest === undefined) continue;
    for (let length = Math.min(longest, words.length - i); length >= 1; length--) {
      let fits = true;
      for (let k = i + 1; k < i + length; k++) if (used[k] || !/^[ \u00a0]$/u.test(text.slice(words[k - 1].writtenEnd, words[k].start))) fits = false;
      if (!fits) continue;
      const joinedKeys = words.slice(i, i + length).map((w) => w.key).join(' ');
      const entry = index.byKeys.get(joinedKeys);
      if (!entry) continue;
      const w = words[i];
      if (length === 1 && (!w.capitalized || NOT_NAMES.has(w.lower))) continue;
      if (length === 1 && index.acronyms.has(joinedKeys) && !w.acronym && w.written.length <= 4) continue;
      // A Latin word is a known name only as listed ("Kyrgyzstani" is not Kyrgyzstan); Russian ones take case endings.
      if (length === 1 && !w.cyrillic && !index.latinWords.has(normalizeTerm(w.written))) continue;
      add(i, i + length, entry.type, entry);
      i += length - 1;
      break;
    }
  }
}

/** Names in quotes after a word that says they name an organisation: партия «Нур Отан». */
function quotedOrganizations(text: string, words: Word[], add: (from: number, to: number, type: EntityType | null, entry: KnownName | null) => void): void {
  for (const m of text.matchAll(/[«“"]([^«»“”"\n]{2,60})[»”"]/gu)) {
    if (!QUOTED_ORGANIZATION_CUES.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    const start = m.index + 1;
    const end = start + m[1].length;
    const from = words.findIndex((w) => w.start >= start);
    let to = from;
    while (to < words.length && words[to].end <= end) to++;
    if (from === -1 || to === from || to - from > 5 || !words[from].capitalized) continue;
    const entry = known().byKeys.get(words.slice(from, to).map((w) => w.key).join(' ')) ?? null;
    add(from, to, 'organization', entry && entry.type === 'organization' ? entry : null);
  }
}
