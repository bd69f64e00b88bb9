import approximateSearch from 'approx-string-match';
import type { ArchiveDocument } from '../archive/document';
import { CasefileError } from '../errors';
import { ANCHORING, contextSimilarity, occurrencesOf, placeExactly, quoteIn } from '../../shared/text-quote';
import type { Annotation, TextQuoteSelector } from './model';

// The exact placement is shared with the page (a passage selected on a PDF's page is placed by it).
export { ANCHORING, occurrencesOf, placeExactly };

/** The quote selector for a passage of a document: the exact text and its context on each side. */
export function quoteAt(text: string, start: number, end: number): TextQuoteSelector {
  if (!(start >= 0 && end > start && end <= text.length)) {
    throw new CasefileError('invalid-argument', `passage ${start}–${end} is outside the document (length ${text.length})`);
  }
  return quoteIn(text, start, end);
}

/**
 * Finds the `occurrence`-th (1-based) place of `exact` in a document. Without an occurrence the
 * quote must be unique: attaching a note to one of several identical passages by guess would
 * silently cite the wrong place.
 */
export function locateQuote(doc: ArchiveDocument, exact: string, occurrence?: number): { start: number; end: number } {
  const found = occurrencesOf(doc.text, exact);
  if (found.length === 0) {
    throw new CasefileError('not-found', `the quote does not occur in ${doc.id}`);
  }
  if (occurrence === undefined && found.length > 1) {
    throw new CasefileError(
      'ambiguous',
      `the quote occurs ${found.length} times in ${doc.id}; say which occurrence is meant (1 to ${found.length})`,
    );
  }
  const index = (occurrence ?? 1) - 1;
  if (index < 0 || index >= found.length) {
    throw new CasefileError('invalid-argument', `occurrence ${occurrence} requested, but the quote occurs ${found.length} times`);
  }
  return { start: found[index], end: found[index] + exact.length };
}

export type AnchorResult =
  | { status: 'anchored' | 'moved'; start: number; end: number }
  /** Needs review: `score` (0–1) says how alike the place is to the quote with its context. */
  | { status: 'fuzzy'; start: number; end: number; score: number }
  | { status: 'orphaned' };

/**
 * Where an annotation's quote stands in the current text. It is never placed on different words
 * without saying so: anything short of the exact quote in a trustworthy place is either a fuzzy
 * candidate (shown for review, with the old and new text) or orphaned (kept, never drawn).
 */
export function anchor(annotation: Annotation, doc: ArchiveDocument | undefined): AnchorResult {
  if (!doc || annotation.detached) return { status: 'orphaned' };
  const { quote, position, docSha256 } = annotation.target;
  const text = doc.text;
  const holdsQuote = text.slice(position.start, position.end) === quote.exact;
  // Same words at the old offsets are trusted on an unchanged file, or with their context intact:
  // an edit may have put a copy of the quote there and pushed the real passage elsewhere.
  if (holdsQuote && (doc.sha256 === docSha256 || contextSimilarity(text, quote, position.start, position.end) === 1)) {
    return { status: 'anchored', start: position.start, end: position.end };
  }
  const start = placeExactly(text, quote, position.start);
  if (start !== null) {
    return { status: start === position.start ? 'anchored' : 'moved', start, end: start + quote.exact.length };
  }
  return placeFuzzily(text, quote, position.start) ?? { status: 'orphaned' };
}

function placeFuzzily(text: string, quote: TextQuoteSelector, oldStart: number): AnchorResult | null {
  const length = quote.exact.length;
  if (length < ANCHORING.minFuzzyLength) return null;
  const found = approximatePlaces(text, quote.exact, Math.floor(length * ANCHORING.maxErrorRate), oldStart);
  let scored = dedupe(found.map((c) => ({ ...c, score: fuzzyScore(text, quote, c) })));
  // The quote's own words, found once, are never passed over for other words whose surroundings
  // happen to look more like the recorded ones (text inserted next to the passage can do that).
  const exact = scored.filter((c) => text.slice(c.start, c.end) === quote.exact);
  if (exact.length === 1) scored = exact;
  scored.sort((a, b) => b.score - a.score || Math.abs(a.start - oldStart) - Math.abs(b.start - oldStart));
  const [best, second] = scored;
  if (!best || best.score < ANCHORING.minScore) return null;
  // Two places alike enough to be confused: choosing one would be a guess, unless the best of them
  // stands at the annotation's own offsets. Either way it is only proposed, for review.
  if (second && best.score - second.score < ANCHORING.minLead && best.start !== oldStart) return null;
  return { status: 'fuzzy', start: best.start, end: best.end, score: Math.round(best.score * 1000) / 1000 };
}

/**
 * Places within `maxErrors` of the pattern. approx-string-match returns only the best matches of
 * the text it is given, which would hide the passage's own reworded place behind a closer
 * look-alike elsewhere (and hide rivals from the ambiguity check). So it runs on windows, each long
 * enough to hold any match whole: fine ones around the old place, where an edited passage usually
 * still is, and coarse ones over the whole text for look-alikes anywhere.
 */
function approximatePlaces(text: string, pattern: string, maxErrors: number, oldStart: number): Candidate[] {
  const reach = pattern.length + maxErrors;
  const near = Math.max(0, oldStart - ANCHORING.nearWindow);
  return [
    ...windowedSearch(text, pattern, maxErrors, near, Math.min(text.length, oldStart + pattern.length + ANCHORING.nearWindow), 2 * pattern.length, reach),
    ...windowedSearch(text, pattern, maxErrors, 0, text.length, ANCHORING.nearWindow, reach),
  ];
}

function windowedSearch(text: string, pattern: string, maxErrors: number, from: number, to: number, step: number, reach: number): Candidate[] {
  const found: Candidate[] = [];
  for (let at = from; at < to; at += step) {
    const end = Math.min(to, at + step + reach);
    for (const m of approximateSearch(text.slice(at, end), pattern, maxErrors)) {
      if (m.end > m.start) found.push({ start: m.start + at, end: m.end + at, errors: m.errors });
    }
    if (end >= to) break;
  }
  return found;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/**
 * One candidate per place: of overlapping matches (Myers reports each end: "commodo vit",
 * "commodo vitae") the one with fewest errors, and of those the best scored, which keeps the
 * context in view and so does not cut a word.
 */
function dedupe<C extends Candidate & { score: number }>(candidates: C[]): C[] {
  const sorted = [...candidates].sort((a, b) => a.errors - b.errors || b.score - a.score || a.start - b.start);
  const kept: C[] = [];
  for (const c of sorted) if (!kept.some((k) => overlapRatio(k, c) >= 0.5)) kept.push(c);
  return kept;
}

function overlapRatio(a: Candidate, b: Candidate): number {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap <= 0 ? 0 : overlap / Math.min(a.end - a.start, b.end - b.start);
}

/** Quote similarity weighs most; the context settles between look-alikes. */
function fuzzyScore(text: string, quote: TextQuoteSelector, c: Candidate): number {
  const quoteSimilarity = 1 - c.errors / quote.exact.length;
  if (quoteSimilarity < 1 - ANCHORING.maxErrorRate) return 0;
  return 0.6 * quoteSimilarity + 0.4 * contextSimilarity(text, quote, c.start, c.end);
}
