import { useState } from 'react';
import type { ResultOf } from '../../../core/api/types';
import type { CasefileClient } from '../api/client';
import { plural } from '../format';
import { toBase64 } from '../save-file';
import { FileName } from './FileName';
import { ModalMessage } from './Modal';

type Report = ResultOf<'verifyDossier'>;
type Quote = Report['quotes'][number];

/**
 * The web shell takes file-carrying requests of up to 200 MiB (src/web/server.ts); a larger PDF is
 * refused here, in words, rather than cut off by the server.
 */
const WEB_SHELL_BODY_LIMIT = 200 * 1024 * 1024;

/** Checks a dossier PDF (any, not only the open dossier's) against the archive, quote by quote. */
export function DossierVerify({ client, titles }: { client: CasefileClient; titles: ReadonlyMap<string, string> }) {
  const [checking, setChecking] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<{ fileName: string; report: Report } | null>(null);

  const verify = async (file: File) => {
    setResult(null);
    setProblem(null);
    setChecking(file.name);
    try {
      const base64 = toBase64(new Uint8Array(await file.arrayBuffer()));
      if (!window.casefile && base64.length + 32 > WEB_SHELL_BODY_LIMIT) {
        throw new Error(`${file.name} is too large to check in the browser (over about 150 MB); check it with: npm run -s cli -- verify FILE.pdf`);
      }
      setResult({ fileName: file.name, report: await client.call('verifyDossier', { base64 }) });
    } catch (error) {
      setProblem(`${file.name} could not be checked: ${(error as Error).message}`);
    } finally {
      setChecking(null);
    }
  };

  return (
    <fieldset className="modal-section dossier-verify" aria-busy={checking !== null}>
      <legend>Verify a dossier PDF</legend>
      <p className="field-help muted">
        Checks every quote of a PDF exported by Casefile against this archive: the source file is there, its SHA-256 is the one cited, and the
        cited characters are the quote.
      </p>
      <label>
        Dossier PDF
        <input
          type="file"
          accept=".pdf,application/pdf"
          disabled={checking !== null}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void verify(file);
            e.target.value = ''; // the same file can be chosen again, after the archive changed
          }}
        />
      </label>
      {checking && <ModalMessage message={`Checking ${checking}…`} error={false} />}
      <ModalMessage message={problem} error />
      {result && <VerifyReport {...result} titles={titles} />}
    </fieldset>
  );
}

function VerifyReport({ fileName, report, titles }: { fileName: string; report: Report; titles: ReadonlyMap<string, string> }) {
  const { quotes } = report;
  const count = (status: Quote['status']) => quotes.filter((q) => q.status === status).length;
  const passed = quotes.length > 0 && count('ok') === quotes.length;
  const verdict = passed
    ? quotes.length === 1
      ? 'the quote matches the archive.'
      : `all ${plural(quotes.length, 'quote')} match the archive.`
    : quotes.length === 0
      ? 'the PDF cites no quotes.'
      : `${count('ok')} of ${plural(quotes.length, 'quote')} ok; ${count('changed')} changed, ${count('missing')} missing.`;
  return (
    <div className={`verify-report ${passed ? 'verify-passed' : 'verify-failed'}`} aria-label="Verification report" role="region">
      <p className="verify-verdict" role={passed ? 'status' : 'alert'}>
        <strong>{passed ? 'Verified' : 'Not verified'}</strong>: {verdict}
      </p>
      <p className="verify-about muted">
        “{report.title}”, exported {formatTime(report.created)} ({fileName}), checked against {report.archiveRoot}
      </p>
      <ol className="verify-lines">
        {quotes.map((quote) => (
          <li key={quote.number} className={`verify-line verify-${quote.status}`}>
            <span className="verify-status">{quote.status}</span>
            <span className="verify-quote">
              Quote {quote.number} · {titles.get(quote.docId) ?? <FileName name={quote.docId} />}
            </span>
            <span className="verify-detail">{quote.detail}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
