/**
 * The one tokenizer of Casefile: the index, the query parser and the highlighter all use it, so
 * what is highlighted is exactly what matched.
 */
export interface Token {
  /** The matching form: lower case, Latin diacritics folded, apostrophes and possessive dropped. */
  term: string;
  /** Offsets of the word as written in the text. */
  start: number;
  end: number;
  /** The word as written starts with a capital letter (a hint that it is a name). */
  capitalized: boolean;
  /** The whole of a hyphenated word, emitted after its parts (which are words in their own right). */
  compound: boolean;
}

const LETTER = '[\\p{L}\\p{M}\\p{N}]';
// Straight, typographic and modifier-letter apostrophes, and the left quote often typed for one.
const APOSTROPHE = "['’ʼ‘]";
const SIMPLE_WORD = `${LETTER}+(?:${APOSTROPHE}${LETTER}+)*`;
// 16,000 or 16 000 (no-break/thin spaces): a number, not three words.
const GROUPED_NUMBER = `\\p{Nd}{1,3}(?:[,\\u00A0\\u202F\\u2009]\\p{Nd}{3})+(?!${LETTER})`;
const DECIMAL = `\\p{Nd}+\\.\\p{Nd}+(?!${LETTER})`;
const PART = `(?:${GROUPED_NUMBER}|${DECIMAL}|${SIMPLE_WORD})`;
// Hyphen-minus, hyphen and non-breaking hyphen join the parts of a compound (Kassym-Jomart).
const HYPHEN = '[-‐‑]';
const COMPOUND = new RegExp(`${PART}(?:${HYPHEN}${PART})*`, 'gu');
const PART_PATTERN = new RegExp(PART, 'gu');
const THOUSANDS_SEPARATOR = /[,\u00A0\u202F\u2009]/gu;
const IS_GROUPED_NUMBER = new RegExp(`^${GROUPED_NUMBER}$`, 'u');

// Letters that Unicode does not decompose but that readers treat as a base letter with a mark.
const LETTER_FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ё: 'е' };
const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu;
const PLAIN_TERM = /^[a-z0-9]+$/;
const HAS_HYPHEN = new RegExp(HYPHEN);

/**
 * The matching form of one word. Diacritics are folded on Latin letters only: on Cyrillic they make
 * different letters (й is not и), except ё, which Russian writes as е most of the time.
 */
export function normalizeTerm(word: string): string {
  let term = word.toLowerCase();
  // Most words are plain: nothing below would change them.
  if (PLAIN_TERM.test(term)) return term;
  if (IS_GROUPED_NUMBER.test(term)) return term.replace(THOUSANDS_SEPARATOR, '');
  term = term
    .replace(/['’ʼ‘]s$/u, '')
    .replace(/['’ʼ‘]/gu, '')
    .normalize('NFD')
    .replace(LATIN_WITH_MARKS, '$1')
    .normalize('NFC');
  return term.replace(/[ßæœøłđðþıё]/gu, (ch) => LETTER_FOLDS[ch] ?? ch);
}

/** Tokens of a text with offsets into it: each word, and each hyphenated compound as a whole. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(COMPOUND)) {
    const start = match.index;
    const written = match[0];
    if (!HAS_HYPHEN.test(written)) {
      // One part: the compound pattern matched exactly what the part pattern would.
      tokens.push(makeToken(written, start, false));
      continue;
    }
    const parts = [...written.matchAll(PART_PATTERN)];
    for (const part of parts) {
      tokens.push(makeToken(part[0], start + part.index, false));
    }
    if (parts.length > 1) {
      tokens.push({ ...makeToken(written, start, true), term: parts.map((p) => normalizeTerm(p[0])).join('-') });
    }
  }
  return tokens;
}

/** The words of a text in reading order (compounds counted as their parts). */
export function words(text: string): Token[] {
  return tokenize(text).filter((token) => !token.compound);
}

/** COMPOUND, for reading on from an offset with exec. */
const COMPOUND_FROM = new RegExp(COMPOUND.source, 'gu');

/**
 * How many of `words(text)` start in text[from, to); past `atMost` it stops counting (any number
 * over it means more), so a long stretch costs no more than a short one. `from` must be the start
 * of the text or the end of one of its words: the words after it are then cut as the whole text's are.
 */
export function countWords(text: string, from: number, to: number, atMost: number): number {
  if (spacedRunsWithLatin(text, from, to, atMost) > atMost) return atMost + 1;
  let count = 0;
  COMPOUND_FROM.lastIndex = from;
  for (let match = COMPOUND_FROM.exec(text); match !== null && match.index < to && count <= atMost; match = COMPOUND_FROM.exec(text)) {
    if (!HAS_HYPHEN.test(match[0])) {
      count++;
      continue;
    }
    for (const part of match[0].matchAll(PART_PATTERN)) if (match.index + part.index < to) count++;
  }
  return count;
}

/**
 * A quick lower bound of countWords, without the regular expression (most stretches between far
 * apart places are long): runs between ASCII spaces or line breaks that hold a Latin letter or a
 * digit, counted up to `atMost` + 1. No word spans such a space, and each such run holds a word.
 */
function spacedRunsWithLatin(text: string, from: number, to: number, atMost: number): number {
  let runs = 0;
  let counted = false;
  for (let i = from; i < to && runs <= atMost; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) counted = false;
    else if (!counted && ((c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a))) {
      counted = true;
      runs++;
    }
  }
  return runs;
}

function makeToken(written: string, start: number, compound: boolean): Token {
  return {
    term: normalizeTerm(written),
    start,
    end: start + written.length,
    capitalized: /^\p{Lu}/u.test(written),
    compound,
  };
}

/**
 * The `before` words preceding the word that starts at `start`, that word, and the `after` words
 * following it; null when the text does not have that many. Only a window of the text is read.
 */
export function wordsAround(text: string, start: number, before: number, after: number): Token[] | null {
  for (let margin = 16; ; margin *= 4) {
    const from = boundaryBefore(text, start - margin * (before + 1));
    const to = boundaryAfter(text, start + margin * (after + 2));
    const found = words(text.slice(from, to));
    const anchor = found.findIndex((t) => t.start + from === start);
    const enoughBefore = anchor >= before || from === 0;
    const enoughAfter = found.length - anchor - 1 >= after || to === text.length;
    if (anchor !== -1 && enoughBefore && enoughAfter) {
      if (anchor < before || found.length - anchor - 1 < after) return null;
      return found.slice(anchor - before, anchor + after + 1).map((t) => ({ ...t, start: t.start + from, end: t.end + from }));
    }
    if (from === 0 && to === text.length) return null;
  }
}

// Windows are cut at spaces and line breaks, which no token contains, so no word is cut in two.
function boundaryBefore(text: string, offset: number): number {
  let i = Math.max(0, offset);
  while (i > 0 && text[i - 1] !== ' ' && text[i - 1] !== '\n') i--;
  return i;
}

function boundaryAfter(text: string, offset: number): number {
  let i = Math.min(text.length, offset);
  while (i < text.length && text[i] !== ' ' && text[i] !== '\n') i++;
  return i;
}

const WORD_CHARACTER = /^[\p{L}\p{M}\p{N}]$/u;
const APOSTROPHE_CHARACTER = /^['’ʼ‘]$/u;

function characterAt(text: string, index: number): string {
  const unit = text.charCodeAt(index);
  if (Number.isNaN(unit)) return '';
  if (unit < 0xd800 || unit > 0xdbff) return text[index]; // not the high half of a surrogate pair
  return String.fromCodePoint(text.codePointAt(index) as number);
}

/** WORD_CHARACTER's test, answered without the regular expression for ASCII (most of any text). */
function isWordCharacter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return WORD_CHARACTER.test(ch);
}

/** Offset of the first letter or digit at or after `from` (the text's length if none). */
export function nextWordStart(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const ch = characterAt(text, i);
    if (isWordCharacter(ch)) return i;
    i += ch.length;
  }
  return text.length;
}

/**
 * The run of letters (with inner apostrophes) that ends nearest before `offset`, skipping spaces and
 * punctuation; '' if none. A quick look for phrase checks, not a tokenizer: numbers with separators
 * come out in pieces.
 */
export function wordEndingAt(text: string, offset: number): string {
  return runEndingAt(text, offset).run;
}

/** wordEndingAt's run, with where it starts in the text (the next look back starts there). */
export function runEndingAt(text: string, offset: number): { run: string; start: number } {
  let end = offset;
  while (end > 0 && !isWordCharacterBefore(text, end)) end--;
  let start = end;
  for (;;) {
    if (start > 0 && isWordCharacterBefore(text, start)) start -= isLowSurrogate(text, start - 1) && start >= 2 ? 2 : 1;
    else if (start > 1 && APOSTROPHE_CHARACTER.test(text[start - 1]) && isWordCharacterBefore(text, start - 1) && start < end) start--;
    else break;
  }
  return { run: text.slice(start, end), start };
}

/** The run of letters (with inner apostrophes) that starts nearest after `offset`; '' if none. */
export function wordStartingAt(text: string, offset: number): string {
  const start = nextWordStart(text, offset);
  let end = start;
  for (;;) {
    if (end < text.length && isWordCharacter(characterAt(text, end))) end += characterAt(text, end).length;
    else if (end > start && APOSTROPHE_CHARACTER.test(text[end] ?? '') && isWordCharacter(characterAt(text, end + 1))) end++;
    else break;
  }
  return text.slice(start, end);
}

function isWordCharacterBefore(text: string, offset: number): boolean {
  // The low half of a surrogate pair: look at the whole character.
  const ch = isLowSurrogate(text, offset - 1) && offset >= 2 ? text.slice(offset - 2, offset) : text[offset - 1];
  return isWordCharacter(ch);
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}
