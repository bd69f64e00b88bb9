import { useState } from 'react';
import type { WorkstationInfo } from '../../../core/api/types';
import type { CasefileClient } from '../api/client';
import { useT } from '../i18n';

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
  const t = useT().app.storeProblem;
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
      <p>{t.readOnly(problem.message)}</p>
      <p className="banner-actions">
        <button type="button" disabled={state.busy} onClick={() => void restore()}>
          {t.restore}
        </button>{' '}
        <span>{t.restoreNote(problem.backupFile)}</span>
      </p>
      {state.failure && <p>{t.couldNotRestore(state.failure)}</p>}
    </div>
  );
}
