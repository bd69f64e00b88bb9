import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ArchiveDocument } from '../archive/document';
import { anchor, quoteAt } from '../annotations/anchoring';
import { TextPositionSelector, TextQuoteSelector, type AnchoredAnnotation, type Annotation } from '../annotations/model';
import { inConflict, MEASURES, type Claim, type Measure, type Qualifier } from '../figures/claims';
import type { DossierQuote } from './model';

const QUALIFIER_NAMES = ['about', 'almost', 'at least', 'more than', 'at most'] as const satisfies readonly Qualifier[];

/**
 * One row of a claims table: the figure a source gives, kept as it was when the table was added,
 * and the sentence that gives it as a quote anchored like an annotation's (the quote with its
 * context, its place, the file's SHA-256), so the export re-anchors it and `verify` checks it.
 */
export const ClaimRowRecord = z.object({
  /** The row's own id: what the manifest and the verify report name it by. */
  id: z.string().uuid(),
  value: z.number().nonnegative(),
  /** The high end of a range ("8,000 to 10,000"), else null. */
  high: z.number().nonnegative().nullable(),
  qualifier: z.enum(QUALIFIER_NAMES).nullable(),
  /** The source's title and publication date (YYYY-MM-DD) when the row was made. */
  title: z.string().max(1_000),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  target: z.object({
    docId: z.string().min(1),
    docSha256: z.string().regex(/^[0-9a-f]{64}$/),
    quote: TextQuoteSelector,
    position: TextPositionSelector,
  }),
});
export type ClaimRowRecord = z.infer<typeof ClaimRowRecord>;

/** The figures the sources give for one measure, as a dossier item holds them. */
export const ClaimsTableRecord = z.object({
  measure: z.enum(MEASURES),
  rows: z.array(ClaimRowRecord).min(1).max(2_000),
});
export type ClaimsTableRecord = z.infer<typeof ClaimsTableRecord>;

/** What a printed row says beside its sentence (the sentence itself is the quote). */
export interface ClaimCell {
  /** The table the row belongs to (its item's id): consecutive rows of one table print as one table. */
  table: string;
  measure: Measure;
  value: number;
  high: number | null;
  qualifier: Qualifier | null;
  title: string;
  date: string | null;
}

/**
 * A claims table for a measure from the figures the archive gives now: one row per claim, its
 * sentence as the quote. Claims whose document is no longer at hand are left out.
 */
export function claimsTableOf(measure: Measure, claims: readonly Claim[], document: (id: string) => ArchiveDocument | undefined): ClaimsTableRecord {
  const rows = claims.flatMap((claim): ClaimRowRecord[] => {
    const doc = document(claim.doc);
    if (!doc || claim.measure !== measure) return [];
    const { start, end } = sentencePlace(doc.text, claim);
    return [
      {
        id: randomUUID(),
        value: claim.value,
        high: claim.high,
        qualifier: claim.qualifier,
        title: doc.title,
        date: claim.date,
        target: { docId: doc.id, docSha256: doc.sha256, quote: quoteAt(doc.text, start, end), position: { start, end } },
      },
    ];
  });
  return { measure, rows };
}

/** Where a claim's whole sentence stands: it holds the clause that gives the number. */
function sentencePlace(text: string, claim: Claim): { start: number; end: number } {
  const start = text.lastIndexOf(claim.sentence, claim.start);
  if (start !== -1 && start + claim.sentence.length >= claim.end) return { start, end: start + claim.sentence.length };
  return { start: claim.start, end: claim.end }; // the clause alone, should the sentence not be found around it
}

/**
 * A row's sentence as it anchors in the current text: the row as an annotation (with no note, tags
 * or author) through the anchoring every annotation goes through.
 */
export function anchoredRow(row: ClaimRowRecord, doc: ArchiveDocument | undefined, created: string): AnchoredAnnotation {
  const annotation: Annotation = { id: row.id, target: row.target, note: '', tags: [], color: 'blue', author: '', created, modified: created };
  const result = anchor(annotation, doc);
  const current = 'start' in result ? { start: result.start, end: result.end } : null;
  const currentText = current && doc && result.status === 'fuzzy' ? doc.text.slice(current.start, current.end) : null;
  return { ...annotation, status: result.status, current, currentText, score: result.status === 'fuzzy' ? result.score : null };
}

/** The figure as print gives it: "about 16,000", "8,000–10,000". */
export function writtenValue(cell: Pick<ClaimCell, 'value' | 'high' | 'qualifier'>): string {
  const number = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const value = cell.high === null ? number(cell.value) : `${number(cell.value)}–${number(cell.high)}`;
  return cell.qualifier ? `${cell.qualifier} ${value}` : value;
}

/** What a section prints, in order: a quote, or the rows of one claims table together. */
export type SectionBlock = { kind: 'quote'; quote: DossierQuote } | { kind: 'claims'; measure: Measure; rows: Array<DossierQuote & { claim: ClaimCell }> };

/** A section's quotes as the writers print them: consecutive rows of one table make one table. */
export function blocksOf(quotes: readonly DossierQuote[]): SectionBlock[] {
  const blocks: SectionBlock[] = [];
  for (const quote of quotes) {
    const claim = quote.claim;
    if (!claim) {
      blocks.push({ kind: 'quote', quote });
      continue;
    }
    const last = blocks.at(-1);
    const row = { ...quote, claim };
    if (last?.kind === 'claims' && last.rows[0].claim.table === claim.table) last.rows.push(row);
    else blocks.push({ kind: 'claims', measure: claim.measure, rows: [row] });
  }
  return blocks;
}

/** "5 claims from 3 sources; the sources disagree" (English, as the exports are). */
export function claimsSummary(rows: ReadonlyArray<DossierQuote & { claim: ClaimCell }>): string {
  const sources = new Set(rows.map((r) => r.docId)).size;
  const disagree = inConflict(rows.map((r) => r.claim));
  const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  return `${counted(rows.length, 'claim')} from ${counted(sources, 'source')}${disagree ? '; the sources disagree' : ''}`;
}
