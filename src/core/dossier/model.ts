import type { DocumentSummary } from '../archive/document';
import type { AnchorStatus, HighlightColor } from '../annotations/model';

export interface DossierQuote {
  annotationId: string;
  /** The exact words, as they stand in the archived source. */
  quote: string;
  note: string;
  tags: string[];
  color: HighlightColor;
  status: AnchorStatus;
  /** Offsets into the source's normalized text; null for a quote whose source no longer holds it. */
  start: number | null;
  end: number | null;
  /** 1-based paragraph of the source the quote begins in. */
  paragraph: number | null;
}

export interface DossierSource {
  /** The source as it is now, or only its id when it has left the archive. */
  doc: DocumentSummary | { id: string };
  quotes: DossierQuote[];
}

export interface DossierContent {
  title: string;
  author: string;
  created: Date;
  sources: DossierSource[];
}
