import type { ArchiveIndexStatus } from '../../../core/api/types';
import { useT } from '../i18n';

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
  const t = useT().app.indexing;
  if (status.state === 'paused') {
    return (
      <div className="index-progress">
        <p role="status">
          {t.stopped(status.done, status.total)}
        </p>
        <button type="button" onClick={onResume}>
          {t.resume}
        </button>
      </div>
    );
  }
  if (status.state !== 'indexing') {
    return (
      <p className="index-progress muted" role="status">
        {t.checking}
      </p>
    );
  }
  const label = t.progress(status.done, status.total);
  return (
    <div className="index-progress">
      <label>
        {label}
        <progress value={status.done} max={Math.max(status.total, 1)} />
      </label>
      <p className="muted">{t.incomplete}</p>
      <button type="button" onClick={onStop}>
        {t.stop}
      </button>
    </div>
  );
}
