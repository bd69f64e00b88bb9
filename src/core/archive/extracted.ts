import { z } from 'zod';
import type { TextSpan } from './document';

/** Metadata a file (or its sidecar) states about itself; heuristics on the text fill what is missing. */
export const StatedMetadata = z
  .object({
    title: z.string().trim().min(1),
    byline: z.string().trim().min(1),
    author: z.string().trim().min(1),
    date: z.union([z.string().trim().min(1), z.date()]),
    publisher: z.string().trim().min(1),
    source: z.string().trim().min(1),
    url: z.string().trim().min(1),
    retrieved: z.union([z.string().trim().min(1), z.date()]),
    language: z.string().trim().min(2).max(20),
  })
  .partial();
export type StatedMetadata = z.infer<typeof StatedMetadata>;

export interface Extracted {
  /** The text every offset refers to (before normalization of line endings and NFC). */
  text: string;
  encoding: string | null;
  stated: StatedMetadata;
  /** For PDFs: where each page's text starts and ends. */
  pages: TextSpan[] | null;
  /** How the file was read when not the usual way (an HTML page too large for article extraction); null otherwise. */
  note: string | null;
}

/**
 * A file that would cost more to read than Casefile allows (a zip bomb, a page tree of a million
 * pages): reported as failed with this reason, unlike an unreadable file, which is skipped.
 */
export class ReadLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadLimitError';
  }
}

/** Keeps the fields that are well-formed and drops the rest (a sidecar may carry other keys). */
export function statedFrom(data: unknown): StatedMetadata {
  if (typeof data !== 'object' || data === null) return {};
  const stated: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const field = StatedMetadata.shape[key as keyof typeof StatedMetadata.shape];
    const parsed = field?.safeParse(value);
    if (parsed?.success) stated[key] = parsed.data;
  }
  return stated as StatedMetadata;
}
