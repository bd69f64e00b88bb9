/**
 * Placing a quote in a text by its exact words and the words around it (a W3C TextQuoteSelector),
 * never on a look-alike: the exact step of the annotations' anchoring (src/core/annotations/
 * anchoring.ts, which adds the fuzzy step), shared with the page, which places a passage selected
 * on a PDF's page in the archived text by it, and an annotation's quote on a page.
 */

/** A quote with its context on each side (the core's TextQuoteSelector). */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Characters of context kept on each side of a quote, as the W3C TextQuoteSelector suggests. */
export const QUOTE_CONTEXT = 32;

/** The quote of [start, end) of a text, with its context on each side. */
export function quoteIn(text: string, start: number, end: number): TextQuote {
  return { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start), suffix: text.slice(end, end + QUOTE_CONTEXT) };
}

/** Every place `exact` starts in `text`, overlapping ones too. */
export function occurrencesOf(text: string, exact: string): number[] {
  const found: number[] = [];
  if (exact === '') return found;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

/**
 * The thresholds of re-anchoring, documented in docs/architecture.md ("Annotations"):
 * - a quote found exactly but not with its whole context is *anchored* or *moved* only if it is
 *   long (a recurrence by chance is unlikely) or its context is still half alike; a short quote
 *   alone is only a candidate;
 * - a *fuzzy* candidate needs a quote at least 75 % similar (edit distance ≤ 25 % of its length),
 *   a combined score of quote and context of at least 0.7, and a lead of 0.05 over any rival place
 *   (or, tied, to stand at the annotation's own offsets);
 * - quotes shorter than 8 characters are never placed fuzzily.
 */
export const ANCHORING = {
  longQuote: 32,
  /**
   * Context similarity (see contextSimilarity) a short exact quote needs to be placed without
   * review. Unrelated places in the seed archive score 0.14 on median and at most 0.31.
   */
  minContextSimilarity: 0.5,
  maxErrorRate: 0.25,
  minScore: 0.7,
  minLead: 0.05,
  minFuzzyLength: 8,
  /** Characters around the old place searched finely; the rest of the text in windows this long. */
  nearWindow: 2_048,
} as const;

/**
 * The exact quote's place, if it is unique and trustworthy (else the fuzzy step weighs it with any
 * rivals). Also how the page view places a passage selected on a PDF's page in the text, and back.
 */
export function placeExactly(text: string, quote: TextQuote, oldStart: number): number | null {
  const found = occurrencesOf(text, quote.exact);
  if (found.length === 0) return null;
  const scored = found
    .map((at) => ({ at, context: contextSimilarity(text, quote, at, at + quote.exact.length) }))
    .sort((a, b) => b.context - a.context || Math.abs(a.at - oldStart) - Math.abs(b.at - oldStart));
  const [best, second] = scored;
  const unique = second === undefined || best.context > second.context;
  const supported = quote.exact.length >= ANCHORING.longQuote || best.context >= ANCHORING.minContextSimilarity;
  return unique && supported ? best.at : null;
}

/**
 * How alike the recorded context is to the text around [start, end) now: 1 − the edits between
 * prefix and the text before plus suffix and the text after, over the context's length (1 when
 * none was recorded). It falls with every changed character wherever it stands, so a context with
 * fewer differences never places an annotation worse than one with more.
 */
export function contextSimilarity(text: string, quote: TextQuote, start: number, end: number): number {
  const recorded = quote.prefix.length + quote.suffix.length;
  if (recorded === 0) return 1;
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  return 1 - (editDistance(quote.prefix, before) + editDistance(quote.suffix, after)) / recorded;
}

/** Levenshtein distance; inputs are context-sized. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
