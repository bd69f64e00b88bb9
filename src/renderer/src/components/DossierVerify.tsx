import { useEffect, useRef, useState } from 'react';
import type { ResultOf } from '../../../core/api/types';
import type { CasefileClient } from '../api/client';
import { plural } from '../format';
import { toBase64 } from '../save-file';
import { FileName } from './FileName';
import { ModalMessage } from './Modal';

type Report = ResultOf<'verifyDossier'>;
type Entry = Report['quotes'][number];
type Quote = Extract<Entry, { printed: 'ok' | 'not-printed' | 'altered' }>;
type Unlisted = Extract<Entry, { printed: 'unlisted' }>;

function isListed(entry: Entry): entry is Quote {
  return entry.printed !== 'unlisted';
}

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
  const outcome = useRef<HTMLDivElement>(null);

  // The answer lands at the foot of a long pane: brought into view and focused, so it is seen and read out.
  useEffect(() => {
    const shown = outcome.current;
    if (!shown || (!result && !problem)) return;
    shown.scrollIntoView({ block: 'start', behavior: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    // The report takes the focus (its region is named); a problem is announced by its alert.
    shown.querySelector<HTMLElement>('.verify-report')?.focus({ preventScroll: true });
  }, [result, problem]);

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
        Checks a PDF exported by Casefile: its signature; every quote against this archive (the source file is there, its SHA-256 is the one
        cited, the cited characters are the quote) and its custody ledger; and the PDF’s pages (each quote printed word for word with its
        citation, nothing printed as a quote that the PDF’s manifest does not list).
      </p>
      <label>
        Dossier PDF
        <input
          type="file"
          accept=".pdf,application/pdf,.zip,application/zip"
          disabled={checking !== null}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void verify(file);
            e.target.value = ''; // the same file can be chosen again, after the archive changed
          }}
        />
      </label>
      {/* Mounted throughout, so the check is heard as it starts. */}
      <ModalMessage message={checking && `Checking ${checking}…`} error={false} />
      <div ref={outcome} className="verify-outcome">
        <ModalMessage message={problem} error />
        {result && <VerifyReport {...result} titles={titles} />}
      </div>
    </fieldset>
  );
}

/** What a quote's line says first: what failed (its source before its print), or ok. */
function stateOf(quote: Quote): string {
  return quote.source !== 'ok' ? quote.source : quote.printed;
}

function VerifyReport({ fileName, report, titles }: { fileName: string; report: Report; titles: ReadonlyMap<string, string> }) {
  const quotes = report.quotes.filter(isListed);
  const unlisted = report.quotes.filter((entry): entry is Unlisted => !isListed(entry));
  const { signature, ledger } = report;
  // A bundle (.zip) also says what of it does not hold: a manifest unlike the PDF's, a source missing.
  const bundleProblems = 'bundle' in report ? report.bundle.problems : [];
  const count = (state: string) => quotes.filter((q) => q.source === state || q.printed === state).length;
  const passed = report.ok && quotes.length > 0;
  const problems = [
    `${count('changed')} changed, ${count('missing')} missing`,
    count('not-printed') + count('altered') > 0 ? `${count('not-printed')} not printed, ${count('altered')} altered in print` : null,
    unlisted.length > 0 ? `${unlisted.length} printed but not in the manifest` : null,
    signature.state === 'broken' ? 'the signature is broken' : null,
    ledger.state === 'broken' ? 'the custody ledger is broken' : null,
    bundleProblems.length > 0 ? `the bundle is not whole (${bundleProblems.length})` : null,
  ].filter((part) => part !== null);
  const verdict = passed
    ? quotes.length === 1
      ? 'the quote matches the archive.'
      : `all ${plural(quotes.length, 'quote')} match the archive.`
    : quotes.length === 0 && unlisted.length === 0
      ? 'the PDF cites no quotes.'
      : `${quotes.filter((q) => q.status === 'ok').length} of ${plural(quotes.length, 'quote')} ok; ${problems.join('; ')}.`;
  // The failing parts first: the signature or ledger if broken, quotes printed but not listed, failed
  // quotes (each in dossier order); then what checks.
  const failedQuotes = quotes.filter((q) => q.status === 'failed');
  const okQuotes = quotes.filter((q) => q.status === 'ok');
  const wholeFile = [
    { part: 'Signature', state: signature.state, failed: signature.state === 'broken', detail: signatureDetail(signature) },
    { part: 'Custody ledger', state: ledger.state, failed: ledger.state === 'broken', detail: ledgerDetail(ledger) },
  ];
  const renderPart = ({ part, state, failed, detail }: (typeof wholeFile)[number]) => (
    <li key={part} className={`verify-line verify-${failed ? 'broken' : state}`}>
      <span className="verify-status">{state}</span>
      <span className="verify-quote">{part}</span>
      <span className="verify-detail">{detail}</span>
    </li>
  );
  const renderQuote = (quote: Quote) => (
    <li key={quote.number} className={`verify-line verify-${stateOf(quote)}`}>
      <span className="verify-status">{stateOf(quote)}</span>
      <span className="verify-quote">
        Quote {quote.number} · {titles.get(quote.docId) ?? <FileName name={quote.docId} />}
      </span>
      <span className="verify-detail">
        Source: {quote.detail}; {quote.custody}
        <br />
        <span className="verify-print">Print: {quote.printedDetail}</span>
      </span>
    </li>
  );
  return (
    <div className={`verify-report ${passed ? 'verify-passed' : 'verify-failed'}`} aria-label="Verification report" role="region" tabIndex={-1}>
      <p className="verify-verdict" role={passed ? 'status' : 'alert'}>
        <strong>{passed ? 'Verified' : 'Not verified'}</strong>: {verdict}
      </p>
      <p className="verify-about muted">
        “{report.title}”, exported {formatTime(report.created)} ({fileName}), checked against {report.archiveRoot} and on its {plural(report.pages, 'printed page')}
      </p>
      <ol className="verify-lines">
        {bundleProblems.map((problem) => (
          <li key={problem} className="verify-line verify-broken">
            <span className="verify-status">bundle</span>
            <span className="verify-quote">Evidence bundle</span>
            <span className="verify-detail">{problem}</span>
          </li>
        ))}
        {wholeFile.filter((part) => part.failed).map(renderPart)}
        {unlisted.map((entry, i) => (
          <li key={`unlisted-${i}`} className="verify-line verify-unlisted">
            <span className="verify-status">unlisted</span>
            <span className="verify-quote">
              Printed [{entry.number}] · p. {entry.page}
            </span>
            <span className="verify-detail">Printed, but not in the manifest attached to the PDF: “{entry.text}”</span>
          </li>
        ))}
        {failedQuotes.map(renderQuote)}
        {wholeFile.filter((part) => !part.failed).map(renderPart)}
        {okQuotes.map(renderQuote)}
      </ol>
    </div>
  );
}

function signatureDetail(signature: Report['signature']): string {
  const who = signature.subject ? ` by ${signature.subject} (certificate SHA-256 ${signature.fingerprint})` : '';
  if (signature.state === 'valid') return `Signed${who}; no byte has changed since. A self-signed certificate proves the file is intact, not who made it: compare the fingerprint with the author's.`;
  if (signature.state === 'broken') return `Signed${who}, but the file changed after signing, or the signature does not cover all of it.`;
  return 'The PDF is not signed: nothing proves it is unchanged since export, beyond the checks below.';
}

function ledgerDetail(ledger: Report['ledger']): string {
  if (ledger.state === 'ok') return 'The custody ledger of this archive holds, up to where it stood when the dossier was made.';
  if (ledger.state === 'broken') return `The custody ledger does not hold: ${ledger.problem}`;
  return 'No custody ledger was at hand.';
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
