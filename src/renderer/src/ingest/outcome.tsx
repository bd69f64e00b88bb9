import type { ResultOf } from '../../../core/api/types';

/** One file of the archive folder and what Casefile did with it (a row of the ingest report). */
export type IngestEntry = ResultOf<'ingestReport'>[number];
export type IngestStatus = IngestEntry['status'];

/** Problems first: a report is opened to see what was left out. */
export const STATUS_ORDER: readonly IngestStatus[] = ['failed', 'skipped', 'indexed'];

export const STATUS_LABELS: Record<IngestStatus, string> = { indexed: 'Indexed', skipped: 'Skipped', failed: 'Failed' };

/** What each outcome means, in words (the colour of its label only repeats it). */
export const STATUS_MEANINGS: Record<IngestStatus, string> = {
  indexed: 'Read and searchable.',
  skipped:
    'Left out on purpose: not a source Casefile reads (hidden or temporary files, links, other formats, empty, binary or oversized files). The file is untouched.',
  failed: 'Casefile tried to read it and could not (unreadable, or it vanished or kept changing while read). It is read again when it changes.',
};

/** The outcome as a sentence: "Skipped: not a supported format (.jpg)". */
export function outcomeInWords({ status, reason }: Pick<IngestEntry, 'status' | 'reason'>): string {
  return reason ? `${STATUS_LABELS[status]}: ${reason}` : STATUS_LABELS[status];
}

/** The outcome's label: its name in words, tinted by status. */
export function StatusLabel({ status }: { status: IngestStatus }) {
  return <span className={`outcome outcome-${status}`}>{STATUS_LABELS[status]}</span>;
}

/** The first 12 hex digits of a SHA-256, the whole in the tooltip. */
export function ShortSha({ sha256 }: { sha256: string | null }) {
  if (!sha256) return <span className="muted">—</span>;
  return (
    <code className="short-sha" title={`SHA-256 ${sha256}`}>
      {sha256.slice(0, 12)}…
    </code>
  );
}
