import { useState } from 'react';
import type { ExportFormat, Grouping, ResultOf } from '../../../core/api/types';
import type { CasefileClient } from '../api/client';
import { saveFile, savedMessage } from '../save-file';
import { plural } from '../format';
import { Modal, ModalMessage } from './Modal';
import { Options } from './Options';

const FORMATS: ReadonlyArray<[ExportFormat, string]> = [
  ['jsonld', 'W3C Web Annotation (JSON-LD)'],
  ['md', 'Markdown'],
  ['csv', 'CSV (spreadsheet)'],
];
const GROUPINGS: ReadonlyArray<[Grouping, string]> = [
  ['document', 'Document'],
  ['tag', 'Tag'],
  ['color', 'Colour'],
];

interface Status {
  message: string | null;
  error: boolean;
}

/**
 * Every annotation out to a file (JSON-LD to move them to another Casefile or tool, Markdown or CSV
 * to read and sort), and JSON-LD back in, merged by id.
 */
export function AnnotationFilesDialog({ client, onClose, onImported }: { client: CasefileClient; onClose(): void; onImported(): void }) {
  const [format, setFormat] = useState<ExportFormat>('jsonld');
  const [groupBy, setGroupBy] = useState<Grouping>('document');
  const [exported, setExported] = useState<Status>({ message: null, error: false });
  const [imported, setImported] = useState<ResultOf<'importAnnotations'> | null>(null);
  const [importStatus, setImportStatus] = useState<Status>({ message: null, error: false });

  const runExport = async () => {
    try {
      const file = await client.call('exportAnnotations', { format, ...(format === 'jsonld' ? {} : { groupBy }) });
      const outcome = await saveFile(file.fileName, file.mediaType, new TextEncoder().encode(file.content));
      setExported(savedMessage(file.fileName, outcome));
    } catch (error) {
      setExported({ message: (error as Error).message, error: true });
    }
  };

  const runImport = async (file: File) => {
    setImported(null);
    setImportStatus({ message: `Reading ${file.name}…`, error: false });
    try {
      const outcome = await client.call('importAnnotations', { content: await file.text() });
      setImported(outcome);
      setImportStatus({ message: `${outcome.added} added, ${outcome.updated} updated, ${outcome.unchanged} unchanged.`, error: false });
      onImported();
    } catch (error) {
      setImportStatus({ message: (error as Error).message, error: true });
    }
  };

  return (
    <Modal title="Export or import annotations" onClose={onClose}>
      <fieldset className="modal-section">
        <legend>Export</legend>
        <label>
          Format
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} autoFocus>
            <Options options={FORMATS} />
          </select>
        </label>
        <label>
          Group by
          <select value={groupBy} disabled={format === 'jsonld'} aria-describedby="grouping-help" onChange={(e) => setGroupBy(e.target.value as Grouping)}>
            <Options options={GROUPINGS} />
          </select>
        </label>
        <p id="grouping-help" className="field-help muted">
          {format === 'jsonld' ? 'JSON-LD is one collection, not grouped; it can be imported again.' : 'Every tag is kept, whatever the grouping.'}
        </p>
        <ModalMessage message={exported.message} error={exported.error} />
        <div className="toolbar-actions">
          <button type="button" className="primary" onClick={() => void runExport()}>
            Export annotations
          </button>
        </div>
      </fieldset>
      <fieldset className="modal-section">
        <legend>Import</legend>
        <label>
          W3C JSON-LD file (.jsonld, .json)
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
        <p className="field-help muted">Merged by id: new annotations are added, newer versions replace older ones, nothing is duplicated.</p>
        <ModalMessage message={importStatus.message} error={importStatus.error} />
        {imported && imported.problems.length > 0 && (
          <div className="import-problems" role="alert">
            <p>{plural(imported.problems.length, 'item')} could not be imported:</p>
            <ul>
              {imported.problems.map((problem) => (
                <li key={problem.index}>
                  Item {problem.index + 1}: {problem.message}
                </li>
              ))}
            </ul>
          </div>
        )}
      </fieldset>
      <div className="toolbar-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
