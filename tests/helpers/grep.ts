/**
 * The truth for search tests, found the way a researcher would with grep: regular expressions over
 * the text, independent of the tokenizer, the index and the query parser under test.
 */

const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}]';
/** What may stand between two words of a phrase: anything but letters, digits and marks. */
const BETWEEN_WORDS = '[^\\p{L}\\p{N}\\p{M}]+';
/** A possessive after a word, with any of the apostrophes the tokenizer reads as one. */
const POSSESSIVE = "(?:['’ʼ‘]s)?";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One written form: its words (split at spaces and hyphens) with any non-letters between them. */
function formSource(form: string): string {
  return form
    .split(/[\s\-‐‑]+/u)
    .map(escapeRegExp)
    .join(BETWEEN_WORDS);
}

/**
 * Written forms of a word or phrase, found as whole words (not inside a longer word), whatever
 * their case, with an optional possessive.
 */
export class Spellings {
  private constructor(readonly source: string) {}

  /** Any of these forms; a form with a space or hyphen is a phrase of its parts. */
  static of(...forms: string[]): Spellings {
    return new Spellings(forms.map(formSource).join('|'));
  }

  /** Words starting with `prefix` (a wildcard `prefix*`). */
  static startingWith(prefix: string): Spellings {
    return new Spellings(`${escapeRegExp(prefix)}${WORD_CHAR}*`);
  }

  or(other: Spellings): Spellings {
    return new Spellings(`${this.source}|${other.source}`);
  }

  private regex(flags: string): RegExp {
    return new RegExp(`(?<!${WORD_CHAR})(?:${this.source})${POSSESSIVE}(?!${WORD_CHAR})`, flags);
  }

  /** [start, end) of every occurrence in `text`, in order. */
  occurrences(text: string): Array<[number, number]> {
    return [...text.matchAll(this.regex('giu'))].map((m) => [m.index, m.index + m[0].length]);
  }

  isIn(text: string): boolean {
    return this.regex('iu').test(text);
  }

  /** The distinct forms as written in `text`. */
  writtenIn(text: string): string[] {
    return [...new Set(this.occurrences(text).map(([s, e]) => text.slice(s, e)))].sort();
  }

  /** Whether the whole of `written` is one of these forms. */
  matchesWhole(written: string): boolean {
    return new RegExp(`^(?:${this.source})${POSSESSIVE}$`, 'iu').test(written);
  }
}
