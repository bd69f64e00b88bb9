/**
 * Offsets inside Casefile count UTF-16 code units (JavaScript string indices); the W3C Web
 * Annotation model counts characters, i.e. Unicode code points. The two differ by one for every
 * character outside the Basic Multilingual Plane (emoji, 𝕏) before the offset. This maps between
 * them for one text: the astral characters are found once, then each offset is a binary search.
 */
export class CodePointIndex {
  /** UTF-16 index of each astral character (a surrogate pair), in order. */
  private readonly astral: number[] = [];
  readonly length: number;

  constructor(text: string) {
    for (let i = 0; i < text.length - 1; i++) {
      if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) this.astral.push(i++);
    }
    this.length = text.length - this.astral.length;
  }

  /** The code-point offset of a UTF-16 offset (one inside a surrogate pair counts as after that character). */
  toCodePoint(utf16: number): number {
    // A pair lies wholly before the offset when it starts at least two units before it.
    return utf16 - this.astralBefore((k) => this.astral[k] < utf16 - 1);
  }

  /** The UTF-16 offset of a code-point offset, or null past the end of the text. */
  toUtf16(codePoint: number): number | null {
    if (!Number.isInteger(codePoint) || codePoint < 0 || codePoint > this.length) return null;
    // The k-th astral character stands at code point astral[k] - k.
    return codePoint + this.astralBefore((k) => this.astral[k] - k < codePoint);
  }

  /** How many astral characters satisfy `before` (which holds for a prefix of them). */
  private astralBefore(before: (k: number) => boolean): number {
    let low = 0;
    let high = this.astral.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (before(mid)) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Text cut at a UTF-16 offset may start with the second half of a pair or end with the first: not characters, so dropped. */
export function withoutSplitPairs(text: string): string {
  const start = text.length > 0 && isLowSurrogate(text.charCodeAt(0)) ? 1 : 0;
  const end = text.length > start && isHighSurrogate(text.charCodeAt(text.length - 1)) ? text.length - 1 : text.length;
  return text.slice(start, end);
}
