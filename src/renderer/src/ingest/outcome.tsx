import type { ResultOf } from '../../../core/api/types';
import { useT } from '../i18n';

/** One file of the archive folder and what Casefile did with it (a row of the ingest report). */
export type IngestEntry = ResultOf<'ingestReport'>[number];
export type IngestStatus = IngestEntry['status'];

/** Problems first: a report is opened to see what was left out. */
export const STATUS_ORDER: readonly IngestStatus[] = ['failed', 'skipped', 'indexed'];

/** The outcome's label: its name in words (the catalogue's ingest.statuses), tinted by status. */
export function StatusLabel({ status }: { status: IngestStatus }) {
  return <span className={`outcome outcome-${status}`}>{useT().ingest.statuses[status]}</span>;
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
