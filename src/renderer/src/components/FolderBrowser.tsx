import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ResultOf } from '../../../core/api/types';
import type { CasefileClient } from '../api/client';
import { errorMessage } from '../../../shared/error-message';
import { useT } from '../i18n';
import './folder-browser.css';

type Listing = ResultOf<'listFolders'>;

/**
 * The web shell's folder picker (a page cannot open the system's folder dialog): the sub-folders of
 * one folder, from `start` or the home folder. A click or Enter goes into a folder, Up (or ← and
 * Backspace in the list) goes back out; ↑ ↓ Home End move through the list. Each folder reached is
 * handed to `onBrowse`, so the dialog's Open button opens the one in view.
 */
export function FolderBrowser({ client, start, onBrowse }: { client: CasefileClient; start?: string; onBrowse(path: string): void }) {
  const t = useT().app.folderBrowser;
  const [listing, setListing] = useState<Listing | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [hidden, setHidden] = useState(false);
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  /** Set when the list had the focus: it moves to the new folder's first entry once that is listed. */
  const keepFocus = useRef(false);

  const show = useCallback(
    (next: Listing) => {
      setListing(next);
      setActive(0);
      setProblem(null);
      onBrowse(next.path);
    },
    [onBrowse],
  );
  /** Numbers the listings asked for: only the last one asked is shown, whatever order they answer in. */
  const asked = useRef(0);
  const ask = useCallback(
    (args: { path?: string; hidden?: boolean }) => {
      const ticket = ++asked.current;
      // On a refusal the folder in view stays, so the user can go elsewhere.
      return client.call('listFolders', args).then(
        (next) => ticket === asked.current && show(next),
        (error: unknown) => ticket === asked.current && setProblem(errorMessage(error)),
      );
    },
    [client, show],
  );
  const load = (path: string, showHidden: boolean) => ask({ path, hidden: showHidden });

  // Once, at the folder typed (or home); later moves go through `load`.
  const [first] = useState(start);
  useEffect(() => {
    void ask(first === undefined ? {} : { path: first });
    // Unmounted or asked again: an answer still on its way is not shown.
    return () => outdate(asked);
  }, [ask, first]);

  useEffect(() => {
    if (!keepFocus.current || !listing) return;
    keepFocus.current = false;
    const target = list.current?.querySelector<HTMLButtonElement>('button') ?? document.getElementById('folder-browser-up');
    target?.focus();
  }, [listing]);

  const go = (path: string | null, fromList: boolean) => {
    if (path === null) return;
    keepFocus.current = fromList;
    void load(path, hidden);
  };

  const onListKey = (event: KeyboardEvent) => {
    if (!listing) return;
    const count = listing.folders.length;
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: count - 1 };
    if (event.key in moves) {
      event.preventDefault();
      const next = Math.min(Math.max(moves[event.key], 0), count - 1);
      setActive(next);
      list.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
    } else if (event.key === 'ArrowLeft' || event.key === 'Backspace') {
      event.preventDefault();
      go(listing.parent, true);
    } else if (event.key === 'ArrowRight') {
      event.preventDefault();
      go(listing.folders[active]?.path ?? null, true);
    }
  };

  return (
    <section className="folder-browser" aria-label={t.label}>
      <div className="folder-browser-bar">
        <button type="button" id="folder-browser-up" onClick={() => go(listing?.parent ?? null, false)} disabled={!listing?.parent}>
          {t.up}
        </button>
        <span className="folder-browser-path">{listing?.path ?? t.listing}</span>
        <label className="folder-browser-hidden">
          <input
            type="checkbox"
            checked={hidden}
            onChange={(e) => {
              setHidden(e.target.checked);
              if (listing) void load(listing.path, e.target.checked);
            }}
          />
          {t.hidden}
        </label>
      </div>
      {problem && (
        <p className="query-error" role="alert">
          {problem}
        </p>
      )}
      {listing && listing.folders.length === 0 && <p className="muted folder-browser-empty">{t.empty}</p>}
      {listing && listing.folders.length > 0 && (
        <ul ref={list} className="folder-list" aria-label={t.folders(listing.path)} onKeyDown={onListKey}>
          {listing.folders.map((folder, i) => (
            <li key={folder.path}>
              <button type="button" tabIndex={i === active ? 0 : -1} onFocus={() => setActive(i)} onClick={() => go(folder.path, true)}>
                {folder.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Makes every listing asked so far out of date (a counter, not a node: React's ref warning does not apply). */
function outdate(asked: { current: number }): void {
  asked.current += 1;
}
