import { useState } from 'react';
import type { CasefileClient } from '../api/client';

/** Asks for the dossier's title and author, then writes the PDF and hands it to the browser as a download. */
export function ExportDialog({ client, onClose }: { client: CasefileClient; onClose(): void }) {
  const [title, setTitle] = useState('Casefile dossier');
  const [author, setAuthor] = useState('');
  const [state, setState] = useState<{ busy: boolean; message: string | null; error: boolean }>({ busy: false, message: null, error: false });

  const run = async () => {
    setState({ busy: true, message: 'Writing the PDF…', error: false });
    try {
      const pdf = await client.call('exportDossierPdf', { title, author: author || undefined });
      const bytes = Uint8Array.from(atob(pdf.base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = pdf.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ busy: false, message: `Saved ${pdf.fileName} (${Math.round(pdf.byteLength / 1024)} KB).`, error: false });
    } catch (error) {
      setState({ busy: false, message: (error as Error).message, error: true });
    }
  };

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="export-title">
        <h2 id="export-title">Export dossier</h2>
        <p className="muted">All annotations, grouped by source, each quote verbatim with its note and a citation.</p>
        <label>
          Title
          <input value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
        </label>
        <label>
          Author
          <input value={author} onChange={(e) => setAuthor(e.target.value)} placeholder="Your name" />
        </label>
        {state.message && (
          <p className={state.error ? 'query-error' : 'muted'} role={state.error ? 'alert' : 'status'}>
            {state.message}
          </p>
        )}
        <div className="toolbar-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="button" className="primary" disabled={state.busy || title.trim() === ''} onClick={() => void run()}>
            Export PDF
          </button>
        </div>
      </div>
    </div>
  );
}
