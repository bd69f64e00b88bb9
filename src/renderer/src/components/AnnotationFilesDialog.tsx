import { useState } from 'react';
import type { ExportFormat, Grouping, ResultOf } from '../../../core/api/types';
import type { CasefileClient } from '../api/client';
import { saveFile, savedMessage } from '../save-file';
import { useT } from '../i18n';
import { Modal, ModalMessage } from './Modal';
import { Options } from './Options';


interface Status {
  message: string | null;
  error: boolean;
}

/**
 * Every annotation out to a file (JSON-LD to move them to another Casefile or tool, Markdown or CSV
 * to read and sort), and JSON-LD back in, merged by id.
 */
export function AnnotationFilesDialog({ client, onClose, onImported }: { client: CasefileClient; onClose(): void; onImported(): void }) {
  const catalogue = useT();
  const t = catalogue.annotations.files;
  const formats: ReadonlyArray<[ExportFormat, string]> = [
    ['jsonld', t.formats.jsonld],
    ['md', 'Markdown'],
    ['csv', t.formats.csv],
  ];
  const groupings: ReadonlyArray<[Grouping, string]> = [
    ['document', t.groupings.document],
    ['tag', t.groupings.tag],
    ['color', t.groupings.color],
  ];
  const [format, setFormat] = useState<ExportFormat>('jsonld');
  const [groupBy, setGroupBy] = useState<Grouping>('document');
  const [exported, setExported] = useState<Status>({ message: null, error: false });
  const [imported, setImported] = useState<ResultOf<'importAnnotations'> | null>(null);
  const [importStatus, setImportStatus] = useState<Status>({ message: null, error: false });

  const runExport = async () => {
    try {
      const file = await client.call('exportAnnotations', { format, ...(format === 'jsonld' ? {} : { groupBy }) });
      const outcome = await saveFile(file.fileName, file.mediaType, new TextEncoder().encode(file.content));
      setExported(savedMessage(catalogue.dossier.saved, file.fileName, outcome));
    } catch (error) {
      setExported({ message: (error as Error).message, error: true });
    }
  };

  const runImport = async (file: File) => {
    setImported(null);
    setImportStatus({ message: t.reading(file.name), error: false });
    try {
      const outcome = await client.call('importAnnotations', { content: await file.text() });
      setImported(outcome);
      setImportStatus({ message: t.imported(outcome.added, outcome.updated, outcome.unchanged), error: false });
      onImported();
    } catch (error) {
      setImportStatus({ message: (error as Error).message, error: true });
    }
  };

  return (
    <Modal title={t.title} onClose={onClose}>
      <fieldset className="modal-section">
        <legend>{t.export}</legend>
        <label>
          {t.format}
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} autoFocus>
            <Options options={formats} />
          </select>
        </label>
        <label>
          {t.groupBy}
          <select value={groupBy} disabled={format === 'jsonld'} aria-describedby="grouping-help" onChange={(e) => setGroupBy(e.target.value as Grouping)}>
            <Options options={groupings} />
          </select>
        </label>
        <p id="grouping-help" className="field-help muted">
          {format === 'jsonld' ? t.jsonldHelp : t.tagsKeptHelp}
        </p>
        <ModalMessage message={exported.message} error={exported.error} />
        <div className="toolbar-actions">
          <button type="button" className="primary" onClick={() => void runExport()}>
            {t.exportButton}
          </button>
        </div>
      </fieldset>
      <fieldset className="modal-section">
        <legend>{t.import}</legend>
        <label>
          {t.fileLabel}
          <input
            type="file"
            accept=".jsonld,.json,application/ld+json,application/json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void runImport(file);
              e.target.value = ''; // the same file can be chosen again
            }}
          />
        </label>
        <p className="field-help muted">{t.mergeHelp}</p>
        <ModalMessage message={importStatus.message} error={importStatus.error} />
        {imported && imported.problems.length > 0 && (
          <div className="import-problems" role="alert">
            <p>{t.problems(imported.problems.length)}</p>
            <ul>
              {imported.problems.map((problem) => (
                <li key={problem.index}>
                  {t.item(problem.index + 1, problem.message)}
                </li>
              ))}
            </ul>
          </div>
        )}
      </fieldset>
      <div className="toolbar-actions">
        <button type="button" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </Modal>
  );
}
