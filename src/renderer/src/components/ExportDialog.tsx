import { useEffect, useState } from 'react';
import type { CasefileClient } from '../api/client';
import { fromBase64, saveFile, savedMessage } from '../save-file';
import { useCancellable } from '../useCancellable';
import { Modal, ModalMessage } from './Modal';

/** Asks for the dossier's title and author, then writes the PDF and hands it to the browser as a download. */
export function ExportDialog({ client, onClose }: { client: CasefileClient; onClose(): void }) {
  const [title, setTitle] = useState('Casefile dossier');
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
    setState({ busy: true, message: 'Writing the PDF…', error: false });
    try {
      const pdf = await client.call('exportDossier', { dossier: null, format: 'pdf', title, author: author || undefined });
      if (!wanted()) return;
      const outcome = await saveFile(pdf.fileName, pdf.mediaType, fromBase64(pdf.base64));
      // Items left out (an annotation whose source is gone) are said, not dropped silently.
      const left = pdf.warnings.length > 0 ? `. Left out: ${pdf.warnings.join('; ')}` : '';
      setState({ busy: false, ...savedMessage(pdf.fileName, outcome, ` (${Math.round(pdf.byteLength / 1024)} KB)${left}`) });
    } catch (error) {
      if (wanted()) setState({ busy: false, message: (error as Error).message, error: true });
    }
  };

  return (
    <Modal title="Export dossier" onClose={onClose}>
      <p className="muted">All annotations, grouped by source, each quote verbatim with its note and a citation.</p>
      <label>
        Title
        <input value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
      </label>
      <label>
        Author
        <input value={author} onChange={(e) => setAuthor(e.target.value)} placeholder="Your name" />
      </label>
      <ModalMessage message={state.message} error={state.error} />
      <div className="toolbar-actions">
        {state.busy && (
          <button
            type="button"
            onClick={() => {
              runs.cancel();
              setState({ busy: false, message: 'Cancelled: nothing was saved.', error: false });
            }}
          >
            Cancel
          </button>
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="button" className="primary" disabled={state.busy || title.trim() === ''} onClick={() => void run()}>
          Export PDF
        </button>
      </div>
    </Modal>
  );
}
