import { plural } from '../format';
import { addedSummary, type AddedFile, type Adding } from '../ingest/add-files';
import { StatusLabel } from '../ingest/outcome';
import { FileName } from './FileName';
import { Modal } from './Modal';

/** Files on their way into the archive, then each one's outcome: indexed, or skipped and why, and the name it got. */
export function AddFilesDialog({ adding, onClose, onCancel }: { adding: Adding; onClose(): void; onCancel(): void }) {
  const { results } = adding;
  const indexed = results?.filter((r) => r.entry?.status === 'indexed').length ?? 0;
  return (
    <Modal title={results ? 'Files added' : 'Adding files'} onClose={onClose} wide>
      {results ? (
        <p className="muted" role="status">
          {addedSummary(results)}. Copies are in the archive folder; the files you chose are untouched.
        </p>
      ) : (
        <label className="export-progress">
          {adding.cancelling
            ? `Stopping after the files on their way (${adding.done} of ${plural(adding.total, 'file')} done)…`
            : `Copying ${adding.done} of ${plural(adding.total, 'file')} into the archive…`}
          <progress value={adding.done} max={adding.total} />
        </label>
      )}
      {results && (
        <div className="report-table-wrap">
          <table className="report-table added-table">
            <caption className="visually-hidden">What became of each file</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Outcome</th>
                <th scope="col">In the archive as</th>
              </tr>
            </thead>
            <tbody>
              {results.map((result, i) => (
                <AddedRow key={i} result={result} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {results && indexed > 0 && <p className="muted">Indexed files are searchable as soon as indexing finishes (shown under the search box).</p>}
      <div className="toolbar-actions">
        {!results && (
          <button type="button" onClick={onCancel} disabled={adding.cancelling}>
            Cancel the rest
          </button>
        )}
        <button type="button" onClick={onClose} autoFocus>
          {results ? 'Close' : 'Hide (the files are still added)'}
        </button>
      </div>
    </Modal>
  );
}

function AddedRow({ result: { name, entry, problem } }: { result: AddedFile }) {
  const stored = entry?.file ?? null;
  const storedName = stored?.split('/').pop();
  return (
    <tr className={`report-row report-${entry?.status ?? 'failed'}`}>
      <th scope="row" className="report-file">
        <FileName name={name} />
      </th>
      <td>
        {entry ? <StatusLabel status={entry.status} /> : <span className="outcome outcome-failed">Not added</span>}
        {(entry?.reason ?? problem) && <span className="report-reason"> {entry?.reason ?? problem}</span>}
      </td>
      <td className="report-file">
        {stored !== null ? <FileName name={stored} /> : <span className="muted">—</span>}
        {storedName !== undefined && storedName !== name && <span className="renamed"> (renamed: {renameReason(name, storedName)})</span>}
      </td>
    </tr>
  );
}

/** Why a copy got another name: the name was taken ("story (2).txt"), or it had to be made a plain file name. */
function renameReason(name: string, stored: string): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  const numbered = stored.startsWith(`${stem} (`) && stored.endsWith(`)${ext}`);
  return numbered ? 'a file of that name is already in the archive' : 'made a plain file name';
}
