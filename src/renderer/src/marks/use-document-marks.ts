import { useCallback, useEffect, useState } from 'react';
import type { DocumentMark } from '../../../core/api/types';
import type { CasefileClient } from '../api/client';
import { errorMessage } from '../../../shared/error-message';

/**
 * The stars and tags of the archive's documents, read again when `revision` moves (another window
 * or process changed them), and the way to change one document's. `changes` counts the changes made
 * here, so what depends on marks (saved searches of starred documents) can follow them.
 */
export function useDocumentMarks(client: CasefileClient, revision: number) {
  const [marks, setMarks] = useState<ReadonlyMap<string, DocumentMark>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    let current = true;
    client.call('documentMarks', {}).then(
      (list) => current && setMarks(new Map(list.map((m) => [m.docId, m]))),
      () => undefined, // the search and the reader say when the shell cannot be reached
    );
    return () => {
      current = false;
    };
  }, [client, revision]);

  const mark = useCallback(
    async (id: string, change: { starred?: boolean; tags?: string[] }) => {
      try {
        const saved = await client.call('markDocument', { id, ...change });
        setError(null);
        setChanges((n) => n + 1);
        setMarks((before) => {
          const next = new Map(before);
          if (saved.starred || saved.tags.length > 0) next.set(id, saved);
          else next.delete(id);
          return next;
        });
      } catch (failure) {
        setError(errorMessage(failure));
      }
    },
    [client],
  );
  return { marks, mark, error, changes };
}

export type DocumentMarksState = ReturnType<typeof useDocumentMarks>;
