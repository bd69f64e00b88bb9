import { useState } from 'react';
import type { ArgsOf, Dossier, DossierFormat } from '../../../core/api/types';
import type { CasefileClient } from '../api/client';
import type { DossierEditor } from '../dossier/use-dossier';
import { useT } from '../i18n';
import { fromBase64, saveFile, savedMessage } from '../save-file';
import { useCancellable } from '../useCancellable';
import { ModalMessage } from './Modal';
import { Options } from './Options';

type SourceFormat = ArgsOf<'exportSources'>['format'];
/** The dossier itself, or the sources it cites as a file a reference manager imports. */
type Format = DossierFormat | `sources-${SourceFormat}`;
/** The formats in the order the menu offers them. */
const FORMATS: readonly Format[] = ['pdf', 'md', 'json', 'bundle', 'docx', 'sources-csl-json', 'sources-bibtex', 'sources-ris'];

function isSources(format: Format): format is `sources-${SourceFormat}` {
  return format.startsWith('sources-');
}

interface State {
  busy: boolean;
  message: string | null;
  error: boolean;
  /** Items the export left out, in words. */
  warnings: string[];
}

/** Writes the dossier (saved first) as a PDF, Markdown, its manifest, an evidence bundle or a Word document, or its sources for Zotero, and hands the file to the user. */
export function DossierExport({ client, dossier, flush }: { client: CasefileClient; dossier: Dossier; flush: DossierEditor['flush'] }) {
  const catalogue = useT().dossier;
  const t = catalogue.export;
  const [format, setFormat] = useState<Format>('pdf');
  const [state, setState] = useState<State>({ busy: false, message: null, error: false, warnings: [] });
  // Cancel drops the export's result: it is not saved.
  const runs = useCancellable();

  const run = async () => {
    const wanted = runs.start();
    setState({ busy: true, message: null, error: false, warnings: [] });
    try {
      // What is exported is what is saved: the changes still on their way go first.
      const unsaved = await flush();
      if (unsaved) throw new Error(t.notExported(unsaved));
      const file = isSources(format)
        ? await client.call('exportSources', { dossier: dossier.id, format: format.slice('sources-'.length) as SourceFormat })
        : await client.call('exportDossier', { dossier: dossier.id, format });
      if (!wanted()) return;
      const outcome = await saveFile(file.fileName, file.mediaType, fromBase64(file.base64));
      setState({ busy: false, warnings: file.warnings, ...savedMessage(catalogue.saved, file.fileName, outcome, t.size(Math.max(1, Math.round(file.byteLength / 1024)))) });
    } catch (error) {
      if (wanted()) setState({ busy: false, message: (error as Error).message, error: true, warnings: [] });
    }
  };
  const cancel = () => {
    runs.cancel();
    setState({ busy: false, message: t.cancelled, error: false, warnings: [] });
  };

  return (
    <fieldset className="modal-section dossier-export" aria-busy={state.busy}>
      <legend>{t.legend}</legend>
      <div className="export-row">
        <label>
          {t.format}
          <select value={format} disabled={state.busy} onChange={(e) => setFormat(e.target.value as Format)}>
            <Options options={FORMATS.map((f): [Format, string] => [f, t.formats[f]])} />
          </select>
        </label>
        <button type="button" id="dossier-export-button" className="primary" disabled={state.busy} onClick={() => void run()}>
          {state.busy ? t.exporting : t.button[format]}
        </button>
      </div>
      {state.busy && (
        <div className="export-progress" role="status">
          <progress aria-label={t.progress} />
          <span>{t.writing(dossier.title.trim() || dossier.name, t.writingAs[format])}</span>
          <button type="button" className="export-cancel" onClick={cancel}>
            {t.cancel}
          </button>
        </div>
      )}
      <ModalMessage message={state.message} error={state.error} />
      {state.warnings.length > 0 && (
        <div className="export-warnings" role="alert">
          <p>{t.leftOut(state.warnings.length)}</p>
          <ul>
            {state.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
