import { useState } from 'react';
import type { WorkstationInfo } from '../../../core/api/types';
import type { CasefileClient } from '../api/client';

type StoreProblem = NonNullable<WorkstationInfo['storeProblem']>;

/** The annotation store could not be read: what is wrong, and a way back to the last good version. */
export function StoreProblemBanner({
  client,
  problem,
  onRestored,
}: {
  client: CasefileClient;
  problem: StoreProblem;
  onRestored(info: WorkstationInfo): void;
}) {
  const [state, setState] = useState<{ busy: boolean; failure: string | null }>({ busy: false, failure: null });
  const restore = async () => {
    setState({ busy: true, failure: null });
    try {
      onRestored(await client.call('restoreAnnotationBackup', {}));
    } catch (error) {
      setState({ busy: false, failure: (error as Error).message });
    }
  };
  return (
    <div className="banner error" role="alert">
      <p>
        {problem.message} Annotations are read-only until the file is repaired or replaced by the backup.
      </p>
      <p className="banner-actions">
        <button type="button" disabled={state.busy} onClick={() => void restore()}>
          Restore from backup
        </button>{' '}
        <span>
          Puts back the last good version ({problem.backupFile}). The damaged file is kept beside it, not deleted.
        </span>
      </p>
      {state.failure && <p>Could not restore: {state.failure}</p>}
    </div>
  );
}
