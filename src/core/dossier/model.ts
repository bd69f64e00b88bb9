import { z } from 'zod';
import { LedgerHead } from '../archive/custody-ledger';
import type { DocumentSummary, TextSpan } from '../archive/document';
import type { PageRange } from '../archive/page-numbers';
import type { AnchorStatus, HighlightColor } from '../annotations/model';
import { cslItemOf, CslItem, firstSeenIn, type CitationStyle } from './citation';
import type { ClaimCell } from './claims-table';
import type { Elision } from './quote-ellipsis';

/** One quote of a dossier: an annotation as it stands now, with the dossier's own commentary. */
export interface DossierQuote {
  /** 1-based, in dossier order: what the manifest, the verify report and the appendix call it. */
  number: number;
  annotationId: string;
  docId: string;
  /** The exact words, as they stand in the archived source (as recorded if it no longer holds them). */
  quote: string;
  note: string;
  /** Commentary written for this dossier (the note belongs to the annotation). */
  commentary: string;
  tags: string[];
  color: HighlightColor;
  author: string;
  status: AnchorStatus;
  /** Offsets into the source's normalized text; null when no verified place can be cited. */
  start: number | null;
  end: number | null;
  /** 1-based paragraph of the source the quote begins in. */
  paragraph: number | null;
  /** The pages of a PDF source the quote lies on (null for a source without pages, or no place). */
  pages: PageRange | null;
  /** Which ends were cut from inside a sentence: printed with "…" there (see quote-ellipsis.ts). */
  elided?: Elision;
  /** Set when the quote is the sentence of a claims table's row: what the row says beside it. */
  claim?: ClaimCell;
}

export interface DossierSection {
  heading: string;
  quotes: DossierQuote[];
}

/** A source cited by the dossier, with its full text for the appendix (absent if it left the archive). */
export type CitedSource =
  | { doc: DocumentSummary; text: string; paragraphs: TextSpan[] }
  | { doc: { id: string }; text: null; paragraphs: null };

/** Everything the writers (PDF, Markdown, JSON) need; nothing they must look up. */
export interface DossierContent {
  title: string;
  author: string;
  /** The dossier's date as the user set it (YYYY-MM-DD), or null: then `created` is shown. */
  date: string | null;
  introduction: string;
  created: Date;
  sections: DossierSection[];
  /** Every source cited, in order of first citation. */
  sources: CitedSource[];
  /** How citations are printed (Chicago author-date when not given). */
  citationStyle?: CitationStyle;
  /** The custody ledger's head and each source's first-seen time, for the manifest (see custody-ledger.ts). */
  custody?: DossierManifest['custody'];
}

export const MANIFEST_FORMAT = 'casefile-dossier-manifest';
export const MANIFEST_FILE_NAME = 'casefile-manifest.json';

/** The machine-readable list of quotes attached to the PDF (and exported as JSON), for `verify`. */
export const DossierManifest = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(1),
  title: z.string(),
  created: z.string(),
  quotes: z.array(
    z.object({
      number: z.number().int().positive(),
      annotationId: z.string(),
      docId: z.string(),
      /** Offsets into the normalized text (line endings \n, NFC); null when no place could be cited. */
      start: z.number().int().nonnegative().nullable(),
      end: z.number().int().nonnegative().nullable(),
      exact: z.string(),
      /** SHA-256 of the source file's bytes when the dossier was made; null if it had left the archive. */
      sourceSha256: z.string().nullable(),
      status: z.enum(['anchored', 'moved', 'fuzzy', 'orphaned']),
    }),
  ),
  /** Each source cited, with its reference as CSL-JSON (null when it had left the archive). */
  sources: z.array(z.object({ docId: z.string(), csl: CslItem.nullable() })).optional(),
  /**
   * The archive's custody ledger when the dossier was made (absent from dossiers made before it
   * existed): where the ledger ended, so a later rewrite is seen, and when each source was first seen.
   */
  custody: z
    .object({
      ledger: LedgerHead,
      sources: z.array(z.object({ docId: z.string(), firstSeen: z.string().nullable() })),
    })
    .optional(),
});
export type DossierManifest = z.infer<typeof DossierManifest>;

export function manifestOf(content: DossierContent): DossierManifest {
  const shaOf = new Map(content.sources.map((s) => [s.doc.id, 'sha256' in s.doc ? s.doc.sha256 : null]));
  return {
    format: MANIFEST_FORMAT,
    version: 1,
    title: content.title,
    created: content.created.toISOString(),
    quotes: content.sections.flatMap((section) =>
      section.quotes.map((q) => ({
        number: q.number,
        annotationId: q.annotationId,
        docId: q.docId,
        start: q.start,
        end: q.end,
        exact: q.quote,
        sourceSha256: shaOf.get(q.docId) ?? null,
        status: q.status,
      })),
    ),
    sources: content.sources.map((s) => ({ docId: s.doc.id, csl: 'sha256' in s.doc ? cslItemOf(s.doc, firstSeenIn(content, s.doc.id)) : null })),
    ...(content.custody ? { custody: content.custody } : {}),
  };
}
