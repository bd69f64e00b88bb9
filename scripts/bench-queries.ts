/** The benchmark's fixed query set, drawn from the corpus itself (run in the parent only). */
import { indexTermOf } from '../src/core/search/pipeline';
import { variantKey } from '../src/core/search/variants';
import { seededRandom } from './bench-corpus';
import type { BenchQuery, QueryKind, QuerySet } from './bench-shared';

/** How many queries of each kind: 12 + 5 × 8 = 52. */
const COUNTS: Record<QueryKind, number> = { term: 12, and: 8, phrase: 8, prefix: 8, fuzzy: 8, name: 8 };
const TYPED = 5;

interface WordStats {
  df: number;
  total: number;
  capitalized: number;
  lastDoc: number;
}

interface Placed {
  word: string;
  start: number;
  end: number;
}

// Words as Casefile's tokenizer cuts them: letters and digits, inner apostrophes kept (O'Banion is one
// word, not "O" and "Banion"); only all-letter words become query words.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ‘][\p{L}\p{M}\p{N}]+)*/gu;
const isContent = (w: string) => w.length >= 4 && /^[a-z]+$/.test(w) && indexTermOf(w) !== null;

function wordsOf(text: string): Placed[] {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

/**
 * Runs of `n` words of a text separated by exactly one space, not glued to an apostrophe, hyphen
 * or digit (so the run is a phrase as written, e.g. "of the county").
 */
function runsOf(text: string, n: number): Placed[][] {
  const words = wordsOf(text);
  const runs: Placed[][] = [];
  for (let i = 0; i + n <= words.length; i++) {
    const run = words.slice(i, i + n);
    if (!run.every((w, k) => k === 0 || text.slice(run[k - 1].end, w.start) === ' ')) continue;
    const before = text[run[0].start - 1] ?? ' ';
    const after = text[run[n - 1].end] ?? ' ';
    if (/[\p{L}\p{N}'’ʼ‐‑-]/u.test(before) || /[\p{N}'’ʼ‐‑-]/u.test(after)) continue;
    runs.push(run);
  }
  return runs;
}

/**
 * A fixed, seeded mix of queries over words that occur in the texts: single terms (common, middling
 * and rare), two-term AND, phrases cut from the text, prefixes, misspellings with `~1`, and names (words
 * the texts write with a capital) spelt another way (a letter doubled, or y/i swapped) with the same
 * name-variant key, so Casefile's variants should find them. Plus 5 two-word queries to type.
 */
export function buildQueries(texts: readonly string[], seed = 8): QuerySet {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const vocab = new Map<string, WordStats>();
  texts.forEach((text, d) => {
    for (const { word } of wordsOf(text)) {
      const lower = word.toLowerCase();
      const s = vocab.get(lower) ?? { df: 0, total: 0, capitalized: 0, lastDoc: -1 };
      if (s.lastDoc !== d) {
        s.df++;
        s.lastDoc = d;
      }
      s.total++;
      if (word[0] !== lower[0]) s.capitalized++;
      vocab.set(lower, s);
    }
  });
  const content = [...vocab].filter(([w]) => isContent(w)).sort((a, b) => b[1].df - a[1].df || (a[0] < b[0] ? -1 : 1));
  const queries: BenchQuery[] = [];
  const seen = new Set<string>();
  /** Tries `make` until `count` distinct queries of `kind` exist (or gives up: a tiny archive). */
  const fill = (count: number, make: (i: number) => BenchQuery | null) => {
    let made = 0;
    for (let attempt = 0; made < count && attempt < count * 200; attempt++) {
      const q = make(made);
      if (!q || seen.has(q.casefile)) continue;
      seen.add(q.casefile);
      queries.push(q);
      made++;
    }
  };
  const recurring = content.filter(([, s]) => s.df >= 2).map(([w]) => w);
  const pool = recurring.length >= 20 ? recurring : content.map(([w]) => w);

  // Single terms: a third common (top 2 %), a third middling, a third rare (the least frequent words).
  const top = content.slice(0, Math.max(8, Math.floor(content.length * 0.02)));
  const middle = content.slice(Math.floor(content.length * 0.2), Math.max(Math.floor(content.length * 0.2) + 8, Math.floor(content.length * 0.5)));
  const rare = content.slice(-Math.max(8, Math.floor(content.length * 0.2)));
  const bands = [top, middle, rare];
  fill(COUNTS.term, (i) => {
    const [word] = pick(bands[i % 3]);
    return { kind: 'term', casefile: word, words: [word] };
  });

  // Two-term AND: two words of one document, so the intersection is not empty.
  fill(COUNTS.and, () => {
    const words = [...new Set(wordsOf(pick(texts)).map((w) => w.word.toLowerCase()))].filter((w) => isContent(w) && (vocab.get(w)?.df ?? 0) >= 2);
    if (words.length < 2) return null;
    const a = pick(words);
    const b = pick(words.filter((w) => w !== a));
    return { kind: 'and', casefile: `+${a} +${b}`, words: [a, b] };
  });

  // Phrases of 2 and 3 words cut from a text, stop words included, with at least one content word.
  fill(COUNTS.phrase, (i) => {
    const runs = runsOf(pick(texts), 2 + (i % 2)).filter((run) => run.some((w) => isContent(w.word.toLowerCase())));
    if (runs.length === 0) return null;
    const words = pick(runs).map((w) => w.word);
    return { kind: 'phrase', casefile: `"${words.join(' ')}"`, words };
  });

  // Prefixes of 3, 4 and 5 letters of longer words.
  const long = pool.filter((w) => w.length >= 7);
  fill(COUNTS.prefix, (i) => {
    const prefix = pick(long.length > 0 ? long : pool).slice(0, 3 + (i % 3));
    return { kind: 'prefix', casefile: `${prefix}*`, words: [prefix] };
  });

  // Misspellings: a middle letter changed, the result not itself a word of the texts.
  const mid = pool.filter((w) => w.length >= 6 && w.length <= 10);
  fill(COUNTS.fuzzy, () => {
    const word = pick(mid.length > 0 ? mid : pool);
    const at = Math.floor(word.length / 2);
    const swap = 'aeiou'.includes(word[at]) ? (word[at] === 'a' ? 'e' : 'a') : word[at] === 'r' ? 't' : 'r';
    const typo = word.slice(0, at) + swap + word.slice(at + 1);
    return vocab.has(typo) ? null : { kind: 'fuzzy', casefile: `${typo}~1`, words: [typo] };
  });

  // Names: written with a capital nearly always; respelt with a doubled letter or y/i swapped.
  const names = [...vocab]
    .filter(([w, s]) => w.length >= 5 && /^[a-z]+$/.test(w) && indexTermOf(w) !== null && s.total >= 2 && s.capitalized >= 0.9 * s.total)
    .sort((a, b) => b[1].total - a[1].total || (a[0] < b[0] ? -1 : 1))
    .slice(0, 300)
    .map(([w]) => w);
  const respell = (word: string, preferSwap: boolean): string | null => {
    const swaps = [...word.matchAll(/[yi]/g)].filter((m) => m.index > 0).map((m) => word.slice(0, m.index) + (m[0] === 'y' ? 'i' : 'y') + word.slice(m.index + 1));
    const doubles = [...word.matchAll(/[bcdfgklmnprstvz]/g)].filter((m) => m.index > 0 && word[m.index - 1] !== m[0] && word[m.index + 1] !== m[0]).map((m) => word.slice(0, m.index + 1) + word.slice(m.index));
    const tries = preferSwap ? [...swaps, ...doubles] : [...doubles, ...swaps];
    return tries.find((v) => v !== word && !vocab.has(v) && variantKey(v) !== null && variantKey(v) === variantKey(word)) ?? null;
  };
  fill(COUNTS.name, (i) => {
    if (names.length === 0) return null;
    const variant = respell(pick(names), i % 2 === 1);
    if (!variant) return null;
    const written = variant[0].toUpperCase() + variant.slice(1);
    return { kind: 'name', casefile: written, words: [written] };
  });

  // Typed: two content words adjacent in a text ("federal government"), in lower case.
  const typed: string[] = [];
  for (let attempt = 0; typed.length < TYPED && attempt < 2000; attempt++) {
    const runs = runsOf(pick(texts), 2).filter((run) => run.every((w) => isContent(w.word.toLowerCase())));
    if (runs.length === 0) continue;
    const text = pick(runs).map((w) => w.word.toLowerCase()).join(' ');
    if (!typed.includes(text)) typed.push(text);
  }
  return { queries, typed };
}


/** An FTS5 string literal: the word or phrase as one quoted token sequence. */
const fts5Quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * The query in SQLite FTS5's syntax, where it says the same as Casefile's with variants off:
 * terms, AND, phrases and prefixes. Fuzzy has no FTS5 form, and a name query is a variant spelling
 * that Casefile without variants (and FTS5) does not find, so both are left out (null).
 */
export function fts5Match(q: BenchQuery): string | null {
  switch (q.kind) {
    case 'term':
      return fts5Quote(q.words[0]);
    case 'and':
      return q.words.map(fts5Quote).join(' AND ');
    case 'phrase':
      return fts5Quote(q.words.join(' '));
    case 'prefix':
      return `${fts5Quote(q.words[0])}*`;
    case 'fuzzy':
    case 'name':
      return null;
  }
}

/** A search box's text for FTS5: any of its words (as Casefile and MiniSearch rank several words), the last one as a prefix or not. */
export function fts5Typed(text: string, prefix: boolean): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.map((w, i) => fts5Quote(w) + (prefix && i === words.length - 1 ? '*' : '')).join(' OR ');
}
