import { useId, useRef, useState } from 'react';
import type { BatchRow } from '../../../core/api/types';
import { wordMessage } from '../../../shared/i18n/core-messages';
import type { CasefileClient } from '../api/client';
import { MarkedText } from '../components/MarkedText';
import { Modal } from '../components/Modal';
import { useLanguage, useT } from '../i18n';
import { saveFile, savedMessage } from '../save-file';
import { searchArgs, type SearchSettings } from '../search/settings';
import { errorMessage } from '../../../shared/error-message';
import type { BatchSession } from './use-batch-search';
import './batch.css';

interface Props {
  client: CasefileClient;
  /** The list, its options and its run: kept by the app while the dialog is closed. */
  session: BatchSession;
  /** The search pane's options, which every query of the batch is searched with. */
  settings: SearchSettings;
  onClose(): void;
  /** Shows one query's results in the search pane. */
  onSearch(query: string): void;
}

/** A file whose name says it is a table: its first column is read unless the user names another. */
const TABLE_FILE = /\.(?:csv|tsv)$/iu;

/** Rows drawn at first: a list of 20,000 names shows the rest on request (the export has them all). */
const ROWS_SHOWN = 300;

/**
 * Batch search: a list of names or queries (pasted, or opened from a text or CSV file) searched
 * one by one with the search pane's options, with progress and a way to stop; each row shows what
 * its query found, opens it in the search pane, and the whole table exports as CSV.
 */
export function BatchSearchDialog({ client, session, settings, onClose, onSearch }: Props) {
  const catalogue = useT();
  const t = catalogue.batch;
  const ids = { list: useId(), column: useId(), hint: useId() };
  const [limit, setLimit] = useState(ROWS_SHOWN);
  const [saved, setSaved] = useState<{ message: string; error: boolean } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const { run, rows, error, start, stop } = session;
  const { text, setText, column, setColumn, phrases, setPhrases, fileNote, setFileNote } = session.form;
  const running = run?.state === 'running';
  const empty = text.trim() === '';

  const openFile = async (file: File) => {
    try {
      setText(await file.text());
      setFileNote(t.fileRead(file.name));
      if (TABLE_FILE.test(file.name) && column.trim() === '') setColumn('1');
    } catch {
      setFileNote(t.fileFailed(file.name));
    }
  };

  const [emptyTried, setEmptyTried] = useState(false);
  const searchAll = () => {
    setEmptyTried(empty);
    if (empty || running) return;
    setSaved(null);
    setLimit(ROWS_SHOWN);
    // The search's own options as the pane sends them; what only a result list uses (facets, a limit) stays out.
    const { variants, sort, source, from, to, includeUndated } = searchArgs(settings);
    const options = { variants, sort, source, from, to, includeUndated };
    const named = column.trim();
    void start({ text, ...options, phrases, ...(named === '' ? {} : { column: /^\d+$/u.test(named) ? Number(named) : named }) });
  };

  const exportCsv = async () => {
    if (!run) return;
    try {
      const file = await client.call('exportBatchSearch', { id: run.id });
      const outcome = await saveFile(file.fileName, file.mediaType, new TextEncoder().encode(file.content));
      setSaved(savedMessage(catalogue.dossier.saved, file.fileName, outcome));
    } catch (failure) {
      setSaved({ message: catalogue.dossier.saved.failed(errorMessage(failure)), error: true });
    }
  };

  const failed = rows.filter((r) => r.error).length;
  const status = !run ? null : running ? t.progress(run.done, run.total) : run.state === 'cancelled' ? t.stopped(run.done, run.total) : t.finished(run.total, failed);

  return (
    <Modal title={t.title} onClose={onClose} wide className="batch-dialog">
      <p className="muted batch-intro">{t.intro}</p>
      <div className="batch-input">
        <label htmlFor={ids.list}>{t.listLabel}</label>
        <textarea
          id={ids.list}
          className="batch-list"
          rows={6}
          value={text}
          spellCheck={false}
          autoFocus
          onChange={(e) => {
            setText(e.target.value);
            setFileNote(null);
          }}
        />
        <div className="batch-source">
          <button type="button" onClick={() => fileInput.current?.click()}>
            {t.openFile}
          </button>
          <input
            ref={fileInput}
            type="file"
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            accept=".txt,.csv,.tsv,text/plain,text/csv"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void openFile(file);
              e.target.value = '';
            }}
          />
          {fileNote && <span className="muted">{fileNote}</span>}
        </div>
        <div className="batch-options">
          <label htmlFor={ids.column}>{t.columnLabel}</label>
          <input id={ids.column} className="batch-column" value={column} aria-describedby={ids.hint} onChange={(e) => setColumn(e.target.value)} />
          <span id={ids.hint} className="muted batch-hint">
            {t.columnHint}
          </span>
          <label className="batch-phrases">
            <input type="checkbox" checked={phrases} onChange={(e) => setPhrases(e.target.checked)} />
            {t.phrases}
          </label>
        </div>
        <p className="muted batch-hint">{t.optionsApply}</p>
      </div>
      {emptyTried && empty && (
        <p className="query-error" role="alert">
          {t.empty}
        </p>
      )}
      {error && (
        <p className="query-error" role="alert">
          {wordMessage(catalogue.messages, error.messageCode, error.message)}
        </p>
      )}
      <div className="batch-status">
        {run && <progress max={Math.max(1, run.total)} value={run.done} aria-label={t.progressLabel} />}
        <span aria-live="polite">{status}</span>
      </div>
      {rows.length > 0 && <BatchTable rows={rows.slice(0, limit)} total={rows.length} onSearch={onSearch} />}
      {rows.length > limit && (
        <button type="button" className="link batch-show-all" onClick={() => setLimit(Number.MAX_SAFE_INTEGER)}>
          {t.showAll(rows.length, rows.length - limit)}
        </button>
      )}
      {saved && (
        <p className={saved.error ? 'query-error' : 'muted'} role={saved.error ? 'alert' : 'status'}>
          {saved.message}
        </p>
      )}
      <div className="toolbar-actions">
        {running ? (
          <button type="button" onClick={() => void stop()}>
            {t.stop}
          </button>
        ) : (
          <button type="button" className="primary" onClick={searchAll}>
            {t.run}
          </button>
        )}
        <button type="button" disabled={!run || running || rows.length === 0} onClick={() => void exportCsv()}>
          {t.exportCsv}
        </button>
        <button type="button" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </Modal>
  );
}

function BatchTable({ rows, total, onSearch }: { rows: readonly BatchRow[]; total: number; onSearch(query: string): void }) {
  const { t: catalogue, language } = useLanguage();
  const t = catalogue.batch;
  return (
    <div className="report-table-wrap batch-table-wrap">
      <table className="report-table batch-table">
        <caption className="visually-hidden">{t.caption(total)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.columns.query}</th>
            <th scope="col">{t.columns.lines}</th>
            <th scope="col" className="number">
              {t.columns.documents}
            </th>
            <th scope="col" className="number">
              {t.columns.matches}
            </th>
            <th scope="col">{t.columns.matchedAs}</th>
            <th scope="col">{t.columns.first}</th>
            <th scope="col">
              <span className="visually-hidden">{t.openInSearch}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const first = row.top[0];
            return (
              <tr key={row.lines[0]} className={row.error ? 'batch-failed' : row.documents === 0 ? 'batch-none' : undefined}>
                <th scope="row" className="batch-query">
                  {row.query}
                </th>
                <td className="batch-lines">{row.lines.join(', ')}</td>
                {row.error ? (
                  <td colSpan={4} className="batch-error">
                    {t.couldNotSearch} {wordMessage(catalogue.messages, row.error.messageCode, row.error.message)}
                  </td>
                ) : (
                  <>
                    <td className="number">{row.documents.toLocaleString(language)}</td>
                    <td className="number">{row.matches.toLocaleString(language)}</td>
                    <td>{row.matchedAs.map((m) => `${m.text} (${m.occurrences})`).join(', ')}</td>
                    <td className="batch-passage">
                      {first?.snippet ? (
                        <>
                          <span className="batch-doc">{t.firstIn(first.title)}</span> {first.snippet.start > 0 && '…'}
                          <MarkedText text={first.snippet.text} marks={first.snippet.matches} kinds={first.snippet.kinds} />…
                        </>
                      ) : (
                        <span className="muted">{row.documents > 0 ? t.noPassage : '—'}</span>
                      )}
                    </td>
                  </>
                )}
                <td>
                  {!row.error && (
                    <button type="button" className="link" aria-label={t.openInSearchLabel(row.query)} onClick={() => onSearch(row.searched)}>
                      {t.openInSearch}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
