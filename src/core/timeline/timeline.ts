import type { ArchiveDocument } from '../archive/document';
import { datesInText, type DateBasis, type DateInText, type DatePrecision } from './dates-in-text';

export type { DateBasis, DatePrecision } from './dates-in-text';

/** One date of the timeline: a document's publication date, or a date written in its text. */
export interface TimelineEntry {
  /** YYYY-MM-DD (day; a week by its Monday), YYYY-MM (month) or YYYY (year). */
  date: string;
  precision: DatePrecision;
  /** The words as written. */
  text: string;
  doc: string;
  /** Offsets into the document's text (those of `search --json`). */
  start: number;
  end: number;
  kind: 'publication' | 'absolute' | 'relative';
  basis: DateBasis;
}

/** Dates per document version: a document object is replaced, never changed, when its file changes. */
const datesByDocument = new WeakMap<ArchiveDocument, { assumedYear: number | null; entries: TimelineEntry[] }>();

function documentTimeline(document: ArchiveDocument, assumedYear: number | null): TimelineEntry[] {
  const cached = datesByDocument.get(document);
  if (cached && cached.assumedYear === assumedYear) return cached.entries;
  const entries: TimelineEntry[] = [];
  const published = document.date;
  const publishedAt = published ? document.text.indexOf(published.text) : -1;
  if (published && publishedAt >= 0) {
    entries.push({ date: published.iso, precision: 'day', text: published.text, doc: document.id, start: publishedAt, end: publishedAt + published.text.length, kind: 'publication', basis: 'written' });
  }
  const boilerplate = document.boilerplate;
  const inText = datesInText(document.text, { published: published?.iso ?? null, assumedYear })
    // The dateline itself is the publication entry; dimmed boilerplate is no part of the story.
    .filter((d) => !(publishedAt >= 0 && d.start < publishedAt + (published?.text.length ?? 0) && d.end > publishedAt))
    .filter((d) => !boilerplate.some((b) => d.start < b.end && d.end > b.start));
  entries.push(...inText.map((d: DateInText) => ({ ...d, doc: document.id })));
  datesByDocument.set(document, { assumedYear, entries });
  return entries;
}

/** The year most of the archive's dated documents were published in: assumed for undated ones' "January 5". */
export function assumedYearOf(documents: readonly ArchiveDocument[]): number | null {
  const counts = new Map<number, number>();
  for (const d of documents) if (d.date) counts.set(Number(d.date.iso.slice(0, 4)), (counts.get(Number(d.date.iso.slice(0, 4))) ?? 0) + 1);
  let best: number | null = null;
  for (const [year, count] of counts) if (best === null || count > (counts.get(best) ?? 0) || (count === counts.get(best) && year > best)) best = year;
  return best;
}

/** Every document's dates, in date order (then document and place in it). */
export function archiveTimeline(documents: Iterable<ArchiveDocument>): TimelineEntry[] {
  const all = [...documents];
  const assumedYear = assumedYearOf(all);
  return all
    .flatMap((d) => documentTimeline(d, assumedYear))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || a.doc.localeCompare(b.doc) || a.start - b.start);
}
