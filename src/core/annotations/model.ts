import { z } from 'zod';

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'orange'] as const;
export const HighlightColor = z.enum(HIGHLIGHT_COLORS);
export type HighlightColor = z.infer<typeof HighlightColor>;

export { QUOTE_CONTEXT } from '../../shared/text-quote';

export const TextQuoteSelector = z.object({
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

export const TextPositionSelector = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((p) => p.end > p.start, { message: 'end must be greater than start' });
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;

export const Tag = z.string().trim().min(1).max(100);

/**
 * A highlight with its note, after the W3C Web Annotation model: the target names the document,
 * the exact text it was made on (by hash) and the passage by two selectors.
 */
export const Annotation = z.object({
  id: z.string().uuid(),
  target: z.object({
    docId: z.string().min(1),
    /** SHA-256 of the document's file when the annotation was made or last re-attached. */
    docSha256: z.string().regex(/^[0-9a-f]{64}$/),
    quote: TextQuoteSelector,
    position: TextPositionSelector,
  }),
  note: z.string().max(100_000),
  tags: z.array(Tag).max(100),
  color: HighlightColor,
  /** Who made it (from the preferences; '' when none was set). */
  author: z.string().max(300).default(''),
  created: z.iso.datetime(),
  modified: z.iso.datetime(),
  /** The user detached it from a fuzzy match: it stays orphaned, with its original quote. */
  detached: z.boolean().optional(),
});
export type Annotation = z.infer<typeof Annotation>;

export type AnchorStatus = 'anchored' | 'moved' | 'fuzzy' | 'orphaned';

/** An annotation as it stands against the current archive. */
export interface AnchoredAnnotation extends Annotation {
  status: AnchorStatus;
  /** Where the quote is now (for a fuzzy one: the place proposed for review); null when orphaned. */
  current: TextPositionSelector | null;
  /** The text at `current` when it differs from the quote (fuzzy): shown beside the original. */
  currentText: string | null;
  /** How alike a fuzzy place is to the quote with its context (0–1); null otherwise. */
  score: number | null;
}
