import { useCallback, useEffect, useState } from 'react';
import type { WorkstationInfo } from '../../../core/api/types';
import type { CasefileClient } from '../api/client';

/**
 * The archive as the window knows it: its summary (or why it could not be opened), and two revisions
 * that views pass to their calls so they ask again after a change.
 */
export function useArchive(client: CasefileClient) {
  const [info, setInfo] = useState<WorkstationInfo | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  /** Bumped after every change to the annotations, so every view asks for them again. */
  const [revision, setRevision] = useState(0);
  /** Bumped after files were added or metadata corrected: the search, the counts and the report are asked for again. */
  const [archiveRevision, setArchiveRevision] = useState(0);

  useEffect(() => {
    client.call('info', {}).then(setInfo, (error: Error) => setFatal(error.message));
  }, [client, archiveRevision]);

  const annotationsChanged = useCallback(() => setRevision((n) => n + 1), []);
  /** The archive changed (files added, metadata corrected): every view asks again. */
  const archiveChanged = useCallback(() => {
    setArchiveRevision((n) => n + 1);
    // Titles in the sidebar and the dossier, and annotations that may re-attach to an added file.
    setRevision((n) => n + 1);
  }, []);

  return { info, setInfo, fatal, revision, archiveRevision, annotationsChanged, archiveChanged };
}
