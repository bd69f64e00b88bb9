import { useEffect, useState } from 'react';
import type { ResultOf } from '../../../core/api/types';
import type { CasefileClient } from '../api/client';
import { useT } from '../i18n';
import { FolderBrowser } from './FolderBrowser';
import { FormModal } from './Modal';

type Recent = ResultOf<'recentArchives'>;

/**
 * Opens another folder as the archive: a path (`~/` for the home folder), the system's folder
 * dialog in Electron or the folder browser in the web shell, or one of the recent archives. Each archive keeps its own index,
 * annotations and dossiers; the app reloads on the new one.
 */
export function OpenArchiveDialog({ client, onClose, onOpened }: { client: CasefileClient; onClose(): void; onOpened(): void }) {
  const t = useT().app.openArchive;
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
      setProblem(t.needFolder);
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
    <FormModal title={t.title} onClose={onClose} onSubmit={() => void open(folder)} submitLabel={busy ? t.opening : t.open} error={problem} busy={busy}>
      <label>
        {t.folder}
        <input value={folder} onChange={(e) => setFolder(e.target.value)} placeholder={t.folderPlaceholder} autoFocus spellCheck={false} />
      </label>
      {window.casefile?.chooseFolder ? (
        <button type="button" onClick={() => void choose()}>
          {t.choose}
        </button>
      ) : (
        !browsing && (
          <button type="button" onClick={() => setBrowsing({ start: folder.trim() === '' ? undefined : folder.trim() })}>
            {t.browse}
          </button>
        )
      )}
      {browsing && <FolderBrowser client={client} start={browsing.start} onBrowse={setFolder} />}
      <p className="muted">{t.readsOnly}</p>
      {recent.length > 0 && (
        <section aria-label={t.recent}>
          <h3 className="recent-heading">{t.recent}</h3>
          <ul className="recent-archives">
            {recent.map((r) => (
              <li key={r.path}>
                <button type="button" className="link" disabled={!r.exists || busy} onClick={() => void open(r.path)}>
                  {r.path}
                </button>
                {!r.exists && <span className="muted">{t.gone}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </FormModal>
  );
}
