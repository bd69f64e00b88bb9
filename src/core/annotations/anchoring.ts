import type { ArchiveDocument } from '../archive/document';
import { CasefileError } from '../errors';
import { QUOTE_CONTEXT, type AnchorStatus, type Annotation, type TextQuoteSelector } from './model';

/** The quote selector for a passage of a document: the exact text and its context on each side. */
export function quoteAt(text: string, start: number, end: number): TextQuoteSelector {
  if (!(start >= 0 && end > start && end <= text.length)) {
    throw new CasefileError('invalid-argument', `passage ${start}–${end} is outside the document (length ${text.length})`);
  }
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
    suffix: text.slice(end, end + QUOTE_CONTEXT),
  };
}

export function occurrencesOf(text: string, exact: string): number[] {
  const found: number[] = [];
  if (exact === '') return found;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
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
      `the quote occurs ${found.length} times in ${doc.id}; choose one with --occurrence 1..${found.length}`,
    );
  }
  const index = (occurrence ?? 1) - 1;
  if (index < 0 || index >= found.length) {
    throw new CasefileError('invalid-argument', `occurrence ${occurrence} requested, but the quote occurs ${found.length} times`);
  }
  return { start: found[index], end: found[index] + exact.length };
}

export interface AnchorResult {
  status: AnchorStatus;
  start: number;
  end: number;
}

/**
 * Where an annotation's quote stands in the current text. It is never placed on different words:
 * if the exact quote cannot be found unambiguously, it is orphaned and keeps its original quote.
 */
export function anchor(annotation: Annotation, doc: ArchiveDocument | undefined): AnchorResult | { status: 'orphaned' } {
  if (!doc) return { status: 'orphaned' };
  const { quote, position, docSha256 } = annotation.target;
  const hasContextAt = (at: number) =>
    doc.text.slice(Math.max(0, at - quote.prefix.length), at) === quote.prefix &&
    doc.text.slice(at + quote.exact.length, at + quote.exact.length + quote.suffix.length) === quote.suffix;
  const holdsQuote = doc.text.slice(position.start, position.end) === quote.exact;
  // Same words at the old offsets are only trusted on an unchanged file or with unchanged context:
  // an edit may have put a copy of the quote there and pushed the real passage elsewhere.
  if (holdsQuote && (doc.sha256 === docSha256 || hasContextAt(position.start))) {
    return { status: 'anchored', start: position.start, end: position.end };
  }
  const found = occurrencesOf(doc.text, quote.exact);
  const withContext = found.filter(hasContextAt);
  const unique = withContext.length === 1 ? withContext : found.length === 1 ? found : [];
  if (unique.length !== 1) return { status: 'orphaned' };
  const start = unique[0];
  return { status: start === position.start ? 'anchored' : 'moved', start, end: start + quote.exact.length };
}
