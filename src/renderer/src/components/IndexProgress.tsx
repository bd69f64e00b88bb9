import type { ArchiveIndexStatus } from '../../../core/api/types';

interface Props {
  status: ArchiveIndexStatus;
  /** Stops indexing; what is indexed stays searchable. */
  onStop(): void;
  onResume(): void;
}

/**
 * Shown while the index is being built or brought up to date (files done of total, and a way to stop
 * it), while indexing is stopped (how much search covers, and a way to resume), or else while the
 * archive's files are compared with what it opened with (an archive opens as it was last seen).
 */
export function IndexProgress({ status, onStop, onResume }: Props) {
  if (status.state === 'paused') {
    return (
      <div className="index-progress">
        <p role="status">
          Indexing stopped: {count(status.done)} of {count(status.total)} files indexed; search covers only those.
        </p>
        <button type="button" onClick={onResume}>
          Resume indexing
        </button>
      </div>
    );
  }
  if (status.state !== 'indexing') {
    return (
      <p className="index-progress muted" role="status">
        Checking the archive’s files for changes since it was last open; results refresh when that is done.
      </p>
    );
  }
  const label = `Indexing ${count(status.done)} of ${count(status.total)} files`;
  return (
    <div className="index-progress">
      <label>
        {label}
        <progress value={status.done} max={Math.max(status.total, 1)} />
      </label>
      <p className="muted">Results may be incomplete until indexing finishes; they refresh when it does.</p>
      <button type="button" onClick={onStop}>
        Stop indexing
      </button>
    </div>
  );
}

/** 10,000 rather than 10000. */
function count(n: number): string {
  return n.toLocaleString('en');
}
