import { wordMessage } from '../../../shared/i18n/core-messages';
import { useT } from '../i18n';
import { addedSummary, type AddedFile, type Adding } from '../ingest/add-files';
import { StatusLabel } from '../ingest/outcome';
import { FileName } from './FileName';
import { Modal } from './Modal';

/** Files on their way into the archive, then each one's outcome: indexed, or skipped and why, and the name it got. */
export function AddFilesDialog({ adding, onClose, onCancel }: { adding: Adding; onClose(): void; onCancel(): void }) {
  const t = useT().ingest.adding;
  const { results } = adding;
  const indexed = results?.filter((r) => r.entry?.status === 'indexed').length ?? 0;
  return (
    <Modal title={results ? t.added : t.adding} onClose={onClose} wide>
      {results ? (
        <p className="muted" role="status">
          {t.done(addedSummary(results, t))}
        </p>
      ) : (
        <label className="export-progress">
          {adding.cancelling ? t.stopping(adding.done, adding.total) : t.copying(adding.done, adding.total)}
          <progress value={adding.done} max={adding.total} />
        </label>
      )}
      {results && (
        <div className="report-table-wrap">
          <table className="report-table added-table">
            <caption className="visually-hidden">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.file}</th>
                <th scope="col">{t.outcome}</th>
                <th scope="col">{t.storedAs}</th>
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
      {results && indexed > 0 && <p className="muted">{t.searchableSoon}</p>}
      <div className="toolbar-actions">
        {!results && (
          <button type="button" onClick={onCancel} disabled={adding.cancelling}>
            {t.cancelRest}
          </button>
        )}
        <button type="button" onClick={onClose} autoFocus>
          {results ? t.close : t.hide}
        </button>
      </div>
    </Modal>
  );
}

function AddedRow({ result: { name, entry, problem } }: { result: AddedFile }) {
  const { ingest, messages } = useT();
  const t = ingest.adding;
  const stored = entry?.file ?? null;
  const storedName = stored?.split('/').pop();
  return (
    <tr className={`report-row report-${entry?.status ?? 'failed'}`}>
      <th scope="row" className="report-file">
        <FileName name={name} />
      </th>
      <td>
        {entry ? <StatusLabel status={entry.status} /> : <span className="outcome outcome-failed">{t.notAdded}</span>}
        {(entry?.reason ?? problem) && <span className="report-reason"> {entry?.reason ? wordMessage(messages, entry.reasonCode, entry.reason) : problem}</span>}
      </td>
      <td className="report-file">
        {stored !== null ? <FileName name={stored} /> : <span className="muted">—</span>}
        {storedName !== undefined && storedName !== name && <span className="renamed">{t.renamed(renameReason(name, storedName, t))}</span>}
      </td>
    </tr>
  );
}

/** Why a copy got another name: the name was taken ("story (2).txt"), or it had to be made a plain file name. */
function renameReason(name: string, stored: string, t: { nameTaken: string; plainName: string }): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  const numbered = stored.startsWith(`${stem} (`) && stored.endsWith(`)${ext}`);
  return numbered ? t.nameTaken : t.plainName;
}
