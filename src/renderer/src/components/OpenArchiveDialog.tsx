import { useEffect, useState } from 'react';
import type { ResultOf } from '../../../core/api/types';
import type { CasefileClient } from '../api/client';
import { FolderBrowser } from './FolderBrowser';
import { FormModal } from './Modal';

type Recent = ResultOf<'recentArchives'>;

/**
 * Opens another folder as the archive: a path (`~/` for the home folder), the system's folder
 * dialog in Electron or the folder browser in the web shell, or one of the recent archives. Each archive keeps its own index,
 * annotations and dossiers; the app reloads on the new one.
 */
export function OpenArchiveDialog({ client, onClose, onOpened }: { client: CasefileClient; onClose(): void; onOpened(): void }) {
  const [folder, setFolder] = useState('');
  const [recent, setRecent] = useState<Recent>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The web shell's folder browser, once asked for: where it started. */
  const [browsing, setBrowsing] = useState<{ start?: string } | null>(null);

  useEffect(() => {
    client.call('recentArchives', {}).then(setRecent, (error: Error) => setProblem(error.message));
  }, [client]);

  const open = async (path: string) => {
    if (path.trim() === '') {
      setProblem('Give the folder to open, e.g. /home/me/archives/kazakhstan');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await client.call('openArchive', { path: path.trim() });
      onOpened();
    } catch (error) {
      setProblem((error as Error).message);
      setBusy(false);
    }
  };

  const choose = async () => {
    const chosen = await window.casefile?.chooseFolder();
    if (typeof chosen === 'string') setFolder(chosen);
  };

  return (
    <FormModal title="Open an archive" onClose={onClose} onSubmit={() => void open(folder)} submitLabel={busy ? 'Opening…' : 'Open'} error={problem} busy={busy}>
      <label>
        Folder
        <input value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="/path/to/a/folder of articles" autoFocus spellCheck={false} />
      </label>
      {window.casefile?.chooseFolder ? (
        <button type="button" onClick={() => void choose()}>
          Choose folder…
        </button>
      ) : (
        !browsing && (
          <button type="button" onClick={() => setBrowsing({ start: folder.trim() === '' ? undefined : folder.trim() })}>
            Browse folders…
          </button>
        )
      )}
      {browsing && <FolderBrowser client={client} start={browsing.start} onBrowse={setFolder} />}
      <p className="muted">Casefile only reads the folder. Its index, annotations and dossiers are kept apart in Casefile’s data folder.</p>
      {recent.length > 0 && (
        <section aria-label="Recent archives">
          <h3 className="recent-heading">Recent archives</h3>
          <ul className="recent-archives">
            {recent.map((r) => (
              <li key={r.path}>
                <button type="button" className="link" disabled={!r.exists || busy} onClick={() => void open(r.path)}>
                  {r.path}
                </button>
                {!r.exists && <span className="muted"> — no longer there</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </FormModal>
  );
}
