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
        cited characters are the quote; and on the PDF’s pages: each quote is printed word for word with its citation, and nothing is printed as a
        quote that the PDF’s manifest does not list.
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

/** What a quote's line says first: what failed (its source before its print), or ok. */
function stateOf(quote: Quote): string {
  return quote.source !== 'ok' ? quote.source : quote.printed;
}

function VerifyReport({ fileName, report, titles }: { fileName: string; report: Report; titles: ReadonlyMap<string, string> }) {
  const { quotes, unlisted } = report;
  const count = (state: string) => quotes.filter((q) => q.source === state || q.printed === state).length;
  const passed = report.ok && quotes.length > 0;
  const problems = [
    `${count('changed')} changed, ${count('missing')} missing`,
    count('not-printed') + count('altered') > 0 ? `${count('not-printed')} not printed, ${count('altered')} altered in print` : null,
    unlisted.length > 0 ? `${unlisted.length} printed but not in the manifest` : null,
  ].filter((part) => part !== null);
  const verdict = passed
    ? quotes.length === 1
      ? 'the quote matches the archive.'
      : `all ${plural(quotes.length, 'quote')} match the archive.`
    : quotes.length === 0 && unlisted.length === 0
      ? 'the PDF cites no quotes.'
      : `${quotes.filter((q) => q.status === 'ok').length} of ${plural(quotes.length, 'quote')} ok; ${problems.join('; ')}.`;
  // The failing parts first: quotes printed but not listed, then failed quotes, each in dossier order.
  const shown = [...quotes.filter((q) => q.status === 'failed'), ...quotes.filter((q) => q.status === 'ok')];
  return (
    <div className={`verify-report ${passed ? 'verify-passed' : 'verify-failed'}`} aria-label="Verification report" role="region">
      <p className="verify-verdict" role={passed ? 'status' : 'alert'}>
        <strong>{passed ? 'Verified' : 'Not verified'}</strong>: {verdict}
      </p>
      <p className="verify-about muted">
        “{report.title}”, exported {formatTime(report.created)} ({fileName}), checked against {report.archiveRoot} and on its {plural(report.pages, 'printed page')}
      </p>
      <ol className="verify-lines">
        {unlisted.map((entry, i) => (
          <li key={`unlisted-${i}`} className="verify-line verify-unlisted">
            <span className="verify-status">unlisted</span>
            <span className="verify-quote">
              Printed [{entry.number}] · p. {entry.page}
            </span>
            <span className="verify-detail">Printed, but not in the manifest attached to the PDF: “{entry.text}”</span>
          </li>
        ))}
        {shown.map((quote) => (
          <li key={quote.number} className={`verify-line verify-${stateOf(quote)}`}>
            <span className="verify-status">{stateOf(quote)}</span>
            <span className="verify-quote">
              Quote {quote.number} · {titles.get(quote.docId) ?? <FileName name={quote.docId} />}
            </span>
            <span className="verify-detail">
              Source: {quote.detail}
              <br />
              <span className="verify-print">Print: {quote.printedDetail}</span>
            </span>
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
