/** A word of a text with where it stands, so search hits can be drawn on the exact characters. */
export interface Token {
  /** The normalized form used for matching. */
  term: string;
  start: number;
  end: number;
}

// Letters and digits of any script, joined by apostrophes (straight or typographic) inside a word.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;

/** The matching form of one word: lower case, possessive dropped, inner apostrophes removed. */
export function normalizeTerm(word: string): string {
  return word
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/['’]/gu, '');
}

/** The one tokenizer for indexing and highlighting: offsets refer to the given text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    tokens.push({ term: normalizeTerm(match[0]), start, end: start + match[0].length });
  }
  return tokens;
}
