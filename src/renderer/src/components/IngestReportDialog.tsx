import { useState } from 'react';
import type { CasefileClient } from '../api/client';
import { wordMessage } from '../../../shared/i18n/core-messages';
import { useT } from '../i18n';
import { ShortSha, STATUS_ORDER, StatusLabel, type IngestEntry, type IngestStatus } from '../ingest/outcome';
import { useCall } from '../useCall';
import { FileName } from './FileName';
import { Modal } from './Modal';

type Shown = IngestStatus | 'all';
type SortKey = 'file' | 'status' | 'format' | 'encoding';

const COLUMNS: readonly SortKey[] = ['file', 'status', 'format', 'encoding'];

/** Rows drawn at first; a folder of 10,000 files shows the rest on request. */
const ROWS_SHOWN = 500;

interface Props {
  client: CasefileClient;
  /** Bumped when files were added or changed: the report is asked for again. */
  revision: number;
  onClose(): void;
}

/** Every file of the archive folder with what Casefile did with it: indexed, or skipped or failed and why. */
export function IngestReportDialog({ client, revision, onClose }: Props) {
  const { ingest, messages } = useT();
  const { statuses, meanings, report: t } = ingest;
  const report = useCall(client, 'ingestReport', {}, revision);
  const [shown, setShown] = useState<Shown>('all');
  const [text, setText] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'status', descending: false });
  const [limit, setLimit] = useState(ROWS_SHOWN);

  const entries = report.value ?? [];
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, entries.filter((e) => e.status === s).length])) as Record<IngestStatus, number>;
  const needle = text.trim().toLowerCase();
  const rows = entries
    .filter((e) => (shown === 'all' || e.status === shown) && (needle === '' || e.file.toLowerCase().includes(needle)))
    .sort((a, b) => ordered(a, b, sort.key, sort.descending));
  const choices: ReadonlyArray<[Shown, string, number]> = [
    ['all', t.all, entries.length],
    ...(['indexed', 'skipped', 'failed'] as const).map((s): [Shown, string, number] => [s, statuses[s], counts[s]]),
  ];

  return (
    <Modal title={t.title} onClose={onClose} wide>
      <p className="muted report-summary">
        {report.value
          ? t.summary(entries.length, counts.indexed, counts.skipped, counts.failed)
          : report.error
            ? null
            : t.reading}
      </p>
      {report.error && (
        <p className="query-error" role="alert">
          {report.error}
        </p>
      )}
      <dl className="outcome-legend">
        {(['skipped', 'failed'] as const).map((s) => (
          <div key={s}>
            <dt>
              <StatusLabel status={s} />
            </dt>
            <dd>{meanings[s]}</dd>
          </div>
        ))}
      </dl>
      <div className="report-controls">
        <fieldset className="segmented">
          <legend className="visually-hidden">{t.show}</legend>
          {choices.map(([value, label, count]) => (
            <label key={value} className={shown === value ? 'chosen' : undefined}>
              <input
                type="radio"
                name="ingest-shown"
                value={value}
                checked={shown === value}
                onChange={() => {
                  setShown(value);
                  setLimit(ROWS_SHOWN);
                }}
                autoFocus={value === 'all'}
              />
              {label} <span className="count">{count}</span>
            </label>
          ))}
        </fieldset>
        <label className="report-search">
          {t.nameContains}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      </div>
      <div className="report-table-wrap">
        <table className="report-table">
          <caption className="visually-hidden">
            {t.caption(t.filesOf[shown], needle ? text.trim() : null, rows.length, t.columns[sort.key])}
          </caption>
          <thead>
            <tr>
              {COLUMNS.map((key) => (
                <th key={key} scope="col" aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }))}
                  >
                    {t.columns[key]}
                    <span aria-hidden="true">{sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              ))}
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, limit).map((entry) => (
              <tr key={entry.file} className={`report-row report-${entry.status}`}>
                <th scope="row" className="report-file">
                  <FileName name={entry.file} />
                </th>
                <td>
                  <StatusLabel status={entry.status} />
                  {entry.reason && <span className="report-reason"> {wordMessage(messages, entry.reasonCode, entry.reason)}</span>}
                  {entry.captures && entry.captures.length > 0 && <CaptureList captures={entry.captures} />}
                </td>
                <td>{entry.format ?? <span className="muted">—</span>}</td>
                <td>{entry.encoding ?? <span className="muted">—</span>}</td>
                <td>
                  <ShortSha sha256={entry.sha256} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {report.value && rows.length === 0 && <p className="muted report-empty">{t.noMatch[shown]}</p>}
      </div>
      <div className="toolbar-actions">
        {rows.length > limit && (
          <button type="button" className="link" onClick={() => setLimit(rows.length)}>
            {t.showAll(rows.length, rows.length - limit)}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </Modal>
  );
}

/** By the column, then by file; rows without a format or encoding come last whichever way. */
function ordered(a: IngestEntry, b: IngestEntry, key: SortKey, descending: boolean): number {
  if (key === 'format' || key === 'encoding') {
    const missing = Number(a[key] === null) - Number(b[key] === null);
    if (missing !== 0) return missing;
  }
  const order =
    key === 'status' ? STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) : (a[key] ?? '').localeCompare(b[key] ?? '');
  return (descending ? -order : order) || a.file.localeCompare(b.file);
}

/** The records of a web archive: each page or PDF indexed, and why each other record is not. */
function CaptureList({ captures }: { captures: NonNullable<IngestEntry['captures']> }) {
  const t = useT().ingest.report;
  return (
    <details className="report-captures">
      <summary>{t.captures(captures.length)}</summary>
      <ul>
        {captures.map((capture) => (
          <li key={capture.recordId}>
            <span className={capture.docId ? 'capture-indexed' : 'muted'}>{capture.docId ? t.captureIndexed : t.captureNotIndexed}</span> <span className="capture-url">{capture.url}</span>
            {capture.reason && <span className="report-reason"> — {capture.reason}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}
