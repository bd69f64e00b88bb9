import { useEffect, useState } from 'react';
import type { CasefileClient } from '../api/client';
import { fromBase64, saveFile, savedMessage } from '../save-file';
import { useT } from '../i18n';
import { useCancellable } from '../useCancellable';
import { Modal, ModalMessage } from './Modal';

/** Asks for the dossier's title and author, then writes the PDF and hands it to the browser as a download. */
export function ExportDialog({ client, onClose }: { client: CasefileClient; onClose(): void }) {
  const catalogue = useT().dossier;
  const t = catalogue.exportDialog;
  const [title, setTitle] = useState(t.defaultTitle);
  const [author, setAuthor] = useState('');
  const [state, setState] = useState<{ busy: boolean; message: string | null; error: boolean }>({ busy: false, message: null, error: false });

  // The author set once in the preferences, unless something was typed meanwhile.
  useEffect(() => {
    client.call('getPreferences', {}).then(
      (preferences) => setAuthor((typed) => typed || preferences.author),
      () => undefined, // the field stays empty: the user can still type a name
    );
  }, [client]);

  // Closing the dialog (or Cancel) while the PDF is written drops it: nothing is saved afterwards.
  const runs = useCancellable();

  const run = async () => {
    const wanted = runs.start();
    setState({ busy: true, message: t.writing, error: false });
    try {
      const pdf = await client.call('exportDossier', { dossier: null, format: 'pdf', title, author: author || undefined });
      if (!wanted()) return;
      const outcome = await saveFile(pdf.fileName, pdf.mediaType, fromBase64(pdf.base64));
      // Items left out (an annotation whose source is gone) are said, not dropped silently.
      const left = pdf.warnings.length > 0 ? t.leftOut(pdf.warnings.join('; ')) : '';
      setState({ busy: false, ...savedMessage(catalogue.saved, pdf.fileName, outcome, `${catalogue.export.size(Math.round(pdf.byteLength / 1024))}${left}`) });
    } catch (error) {
      if (wanted()) setState({ busy: false, message: (error as Error).message, error: true });
    }
  };

  return (
    <Modal title={t.title} onClose={onClose}>
      <p className="muted">{t.about}</p>
      <label>
        {t.titleLabel}
        <input value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
      </label>
      <label>
        {t.author}
        <input value={author} onChange={(e) => setAuthor(e.target.value)} placeholder={t.yourName} />
      </label>
      <ModalMessage message={state.message} error={state.error} />
      <div className="toolbar-actions">
        {state.busy && (
          <button
            type="button"
            onClick={() => {
              runs.cancel();
              setState({ busy: false, message: t.cancelled, error: false });
            }}
          >
            {t.cancel}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t.close}
        </button>
        <button type="button" className="primary" disabled={state.busy || title.trim() === ''} onClick={() => void run()}>
          {t.exportPdf}
        </button>
      </div>
    </Modal>
  );
}
