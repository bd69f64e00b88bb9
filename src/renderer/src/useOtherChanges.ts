import { useEffect, useRef } from 'react';
import type { CasefileClient } from './api/client';

/** How often the shell is asked whether something changed that the user did not change here. */
const POLL_MS = 2_000;

export interface OtherChanges {
  /** Annotations, dossiers, corrections or preferences saved by another Casefile process. */
  data: boolean;
  /** Files of the archive folder added, changed or removed on disk. */
  archive: boolean;
}

/**
 * Calls `onChange` when the shell reports changes the user did not make in this window (another
 * process on the same data folder, an edited source file), so every view can ask again. A shell
 * that does not answer is asked again at the next turn; nothing is shown for it here.
 */
export function useOtherChanges(client: CasefileClient, onChange: (changes: OtherChanges) => void): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => {
    let live = true;
    // The views asked for their data before the first answer here, and the shell may have counted a
    // change in between (the check after an open as last seen): any count above zero is news once.
    let seen = { data: 0, archive: 0 };
    const ask = () =>
      client.call('dataRevision', {}).then(
        (now) => {
          if (!live) return;
          if (now.data !== seen.data || now.archive !== seen.archive) {
            latest.current({ data: now.data !== seen.data, archive: now.archive !== seen.archive });
          }
          seen = now;
        },
        () => undefined,
      );
    void ask();
    const timer = setInterval(() => void ask(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [client]);
}
