/**
 * Printing a quote honestly: a quote cut from inside a sentence is printed with "…" at the cut end
 * (the manifest keeps the exact words). The ellipsis is put right against the words, with no space,
 * after any white space the quote starts with and before any it ends with: the printed block is the
 * quote with "…" prepended and/or appended, nothing else (verify strips it at either end).
 */

/** Which ends of a quote fall inside a sentence of its source. */
export interface Elision {
  start: boolean;
  end: boolean;
}

export const ELLIPSIS = '…';

export const NO_ELISION: Elision = { start: false, end: false };

/** Punctuation that ends a sentence (Latin, Cyrillic and CJK texts alike). */
const SENTENCE_END = /[.!?…‼⁇⁈⁉。！？]/u;
/** Marks that may stand after a sentence's end: closing quotation marks and brackets. */
const CLOSING = /["'”’»›)\]}」』]/u;
/** Marks that may stand before a sentence's start: opening quotation marks, brackets and dashes. */
const OPENING = /["'“‘„‚«‹([{「『—–-]/u;
const QUOTATION_MARK = /["'“‘„‚«‹「『]/u;
/**
 * Words written with a full stop that rarely end a sentence: titles before a name, "e.g.", "etc.",
 * months, and their Russian counterparts. Compared in lower case, without the full stop.
 */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'col', 'lt', 'sgt', 'capt', 'cpt', 'maj', 'rep', 'sen', 'gov', 'pres',
  'rev', 'hon', 'mt', 'no', 'nos', 'vs', 'v', 'etc', 'e.g', 'i.e', 'cf', 'al', 'approx', 'dept', 'est', 'fig', 'vol', 'pp', 'p',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'г', 'гг', 'т', 'т.е', 'т.д', 'т.п', 'др', 'пр', 'им', 'ул', 'д', 'кв', 'см', 'стр', 'тыс', 'млн', 'млрд', 'руб', 'проф', 'акад',
]);

/**
 * Whether each end of the quote at [start, end) of `text` is inside a sentence. Start: the text
 * before it (opening marks aside) ends a sentence or a paragraph, or the quote opens a quotation
 * with a capital letter. End: the quote ends a sentence itself, or the text after it (closing marks
 * aside) ends one or ends the paragraph. A full stop after a known abbreviation ("Mr.", "т.е.") or
 * an initial ("J.") does not end a sentence.
 */
export function elisionOf(text: string, start: number, end: number): Elision {
  // White space at the quote's edges is no part of the decision.
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  if (start >= end) return NO_ELISION;
  return { start: startsInside(text, start, end), end: endsInside(text, start, end) };
}

function startsInside(text: string, start: number, end: number): boolean {
  // Opening marks at the start of the quote or just before it belong to the sentence that follows.
  let opened = false;
  let first = start;
  while (first < end && OPENING.test(text[first])) opened ||= QUOTATION_MARK.test(text[first++]);
  let before = start;
  while (before > 0 && /[^\S\n]/u.test(text[before - 1])) before--;
  while (before > 0 && OPENING.test(text[before - 1])) {
    opened ||= QUOTATION_MARK.test(text[before - 1]);
    before--;
    while (before > 0 && /[^\S\n]/u.test(text[before - 1])) before--;
  }
  if (before === 0 || text[before - 1] === '\n') return false; // the start of a paragraph
  if (endsSentence(text, before)) return false;
  // He said: “We will…”: a quotation opened with a capital letter begins a sentence of its own.
  if (opened && /\p{Lu}/u.test(text[first] ?? '')) return false;
  return true;
}

function endsInside(text: string, start: number, end: number): boolean {
  if (endsSentence(text, end, start)) return false;
  let after = end;
  while (after < text.length && CLOSING.test(text[after])) after++;
  while (after < text.length && /[^\S\n]/u.test(text[after])) after++;
  if (after === text.length || text[after] === '\n') return false; // the end of a paragraph
  // The quote stops just short of its sentence's full stop: "…we will win" of "…we will win."
  let next = end;
  while (next < text.length && CLOSING.test(text[next])) next++;
  if (next < text.length && SENTENCE_END.test(text[next]) && endsSentence(text, next + 1)) return false;
  return true;
}

/**
 * Whether the text before `at` ends with a sentence's end: closing marks aside, sentence
 * punctuation that is no abbreviation's full stop. `from` bounds how far back to look.
 */
function endsSentence(text: string, at: number, from = 0): boolean {
  let i = at;
  while (i > from && CLOSING.test(text[i - 1])) i--;
  if (i <= from || !SENTENCE_END.test(text[i - 1])) return false;
  if (text[i - 1] !== '.') return true;
  // Runs of dots ("...") end a sentence as "…" does.
  if (i - 2 >= from && text[i - 2] === '.') return true;
  let w = i - 1;
  while (w > 0 && /[\p{L}.]/u.test(text[w - 1])) w--;
  const word = text.slice(w, i - 1);
  if (word === '') return true;
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: "J. Smith"
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  // Letters with dots between ("U.S", "т.е"): an abbreviation.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
  return true;
}

/** The quote as printed: "…" against its words at each end cut from inside a sentence. */
export function withEllipses(quote: string, elision: Elision | undefined): string {
  if (!elision || (!elision.start && !elision.end)) return quote;
  const lead = quote.length - quote.trimStart().length;
  const trail = quote.length - quote.trimEnd().length;
  if (lead === quote.length) return quote;
  const words = quote.slice(lead, quote.length - trail);
  return `${quote.slice(0, lead)}${elision.start ? ELLIPSIS : ''}${words}${elision.end ? ELLIPSIS : ''}${quote.slice(quote.length - trail)}`;
}
