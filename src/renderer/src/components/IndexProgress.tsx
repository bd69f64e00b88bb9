import type { ArchiveIndexStatus } from '../../../core/workstation';

/**
 * Shown while the index is being built or brought up to date (files done of total), or else while the
 * archive's files are compared with what it opened with (an archive opens as it was last seen).
 */
export function IndexProgress({ status }: { status: ArchiveIndexStatus }) {
  if (status.state !== 'indexing') {
    return (
      <p className="index-progress muted" role="status">
        Checking the archive’s files for changes since it was last open; results refresh when that is done.
      </p>
    );
  }
  const label = `Indexing ${status.done} of ${status.total} files`;
  return (
    <div className="index-progress">
      <label>
        {label}
        <progress value={status.done} max={Math.max(status.total, 1)} />
      </label>
      <p className="muted">Results may be incomplete until indexing finishes; they refresh when it does.</p>
    </div>
  );
}
