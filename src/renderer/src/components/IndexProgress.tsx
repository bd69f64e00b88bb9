import type { IndexStatus } from '../../../core/search/live-index';

/** Shown while the index is being built or brought up to date: files done of total. */
export function IndexProgress({ status }: { status: IndexStatus }) {
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
