import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkstationSearchResult } from '../../../core/api/types';
import type { CasefileClient } from '../api/client';
import { errorMessage } from '../../../shared/error-message';
import { searchArgs, type SearchSettings } from '../search/settings';
import { freshFirst, sameSearch, savedArgs, settingsOf, type Freshness, type SavedSummary } from './saved-settings';

/** The saved search last opened: the settings it set, and what was new or changed in it when opened. */
interface Opened {
  id: string;
  name: string;
  settings: SearchSettings;
  added: number;
  changed: number;
}

/**
 * The saved searches of the archive, listed again when `revision` moves (files added or changed, the
 * index brought up to date), so their counts of new and changed documents stay live; and the one
 * opened, whose run answers the search pane while its settings are the pane's, new and changed first.
 */
export function useSavedSearches(client: CasefileClient, settings: SearchSettings, onSettingsChange: (settings: SearchSettings) => void, revision: string) {
  const [list, setList] = useState<SavedSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);
  const [opened, setOpened] = useState<Opened | null>(null);
  /** The documents shown as new or changed: those of the opening, and any that came while it stays open. */
  const [fresh, setFresh] = useState<ReadonlyMap<string, Freshness>>(new Map());
  const freshNow = useRef(fresh);

  useEffect(() => {
    let current = true;
    client.call('savedSearches', {}).then(
      (all) => current && setList(all),
      () => undefined, // the search says when the shell cannot be reached; the list stays as it was
    );
    return () => {
      current = false;
    };
  }, [client, revision, asked]);

  const showFresh = (next: ReadonlyMap<string, Freshness>) => {
    freshNow.current = next;
    setFresh(next);
  };

  // The pane's settings moved away from the saved search opened: it is a search like any other again
  // (set while rendering, as React advises for state that follows a prop).
  const isOpen = opened !== null && sameSearch(opened.settings, settings);
  if (opened !== null && !isOpen) setOpened(null);

  const changed = () => setAsked((n) => n + 1);
  const failing = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      const done = await work();
      setError(null);
      return done;
    } catch (failure) {
      setError(errorMessage(failure));
      throw failure;
    }
  };

  /** Runs a saved search in the pane, new and changed documents first, and counts it as seen. */
  const open = (saved: SavedSummary) =>
    failing(async () => {
      const run = await client.call('runSavedSearch', { id: saved.id, limit: 1 });
      showFresh(new Map<string, Freshness>([...run.added.map((id) => [id, 'added'] as const), ...run.changed.map((id) => [id, 'changed'] as const)]));
      const target = settingsOf(saved);
      setOpened({ id: saved.id, name: saved.name, settings: target, added: run.added.length, changed: run.changed.length });
      onSettingsChange(target);
      await client.call('markSavedSearchSeen', { id: saved.id });
      changed();
    });

  /** The pane's answer while a saved search is open: its own run, new and changed first; null for any other search. */
  const answer = useCallback(
    (request: SearchSettings): Promise<WorkstationSearchResult> | null => {
      if (!opened || !sameSearch(opened.settings, request)) return null;
      const { limit, histogram, entityFacets, groupDuplicates } = searchArgs(request);
      return client.call('runSavedSearch', { id: opened.id, limit, histogram, entityFacets, groupDuplicates }).then((run) => {
        // Documents added or changed while it stays open are new to the user too.
        const next = new Map(freshNow.current);
        for (const id of run.added) if (!next.has(id)) next.set(id, 'added');
        for (const id of run.changed) if (!next.has(id)) next.set(id, 'changed');
        if (next.size !== freshNow.current.size) showFresh(next);
        return { ...run.result, hits: freshFirst(run.result.hits, next) };
      });
    },
    [client, opened],
  );

  return {
    list,
    error,
    opened: isOpen ? opened : null,
    /** How a result is new to the saved search open, if it is. */
    freshness: (id: string): Freshness | undefined => (isOpen ? fresh.get(id) : undefined),
    answer,
    open,
    // The dialogs that save, rename and delete say themselves what went wrong.
    save: async (name: string, current: SearchSettings) => {
      await client.call('saveSearch', { name, ...savedArgs(current) });
      changed();
    },
    rename: async (id: string, name: string) => {
      await client.call('renameSavedSearch', { id, name });
      changed();
    },
    remove: async (id: string) => {
      await client.call('deleteSavedSearch', { id });
      changed();
    },
  };
}

export type SavedSearchesState = ReturnType<typeof useSavedSearches>;
