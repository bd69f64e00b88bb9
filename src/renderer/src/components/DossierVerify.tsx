import { useEffect, useRef, useState } from 'react';
import type { ResultOf } from '../../../core/api/types';
import type { CasefileClient } from '../api/client';
import type { Catalogue } from '../../../shared/i18n/catalogue';
import { wordMessage } from '../../../shared/i18n/core-messages';
import { useLanguage } from '../i18n';
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
  const t = useLanguage().t.dossier.verify;
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
        throw new Error(t.tooLarge(file.name));
      }
      setResult({ fileName: file.name, report: await client.call('verifyDossier', { base64 }) });
    } catch (error) {
      setProblem(t.notChecked(file.name, (error as Error).message));
    } finally {
      setChecking(null);
    }
  };

  return (
    <fieldset className="modal-section dossier-verify" aria-busy={checking !== null}>
      <legend>{t.legend}</legend>
      <p className="field-help muted">{t.help}</p>
      <label>
        {t.file}
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
      <ModalMessage message={checking && t.checking(checking)} error={false} />
      <div ref={outcome} className="verify-outcome">
        <ModalMessage message={problem} error />
        {result && <VerifyReport {...result} titles={titles} />}
      </div>
    </fieldset>
  );
}

/** What a quote's line says first: what failed (its source before its print), or ok. */
function stateOf(quote: Quote): Quote['source'] | Quote['printed'] {
  return quote.source !== 'ok' ? quote.source : quote.printed;
}

type Strings = Catalogue['dossier']['verify'];

function VerifyReport({ fileName, report, titles }: { fileName: string; report: Report; titles: ReadonlyMap<string, string> }) {
  const { t: catalogue, language } = useLanguage();
  const t = catalogue.dossier.verify;
  const quotes = report.quotes.filter(isListed);
  const unlisted = report.quotes.filter((entry): entry is Unlisted => !isListed(entry));
  const { signature, ledger } = report;
  // A bundle (.zip) also says what of it does not hold: a manifest unlike the PDF's, a source missing.
  const bundleProblems = 'bundle' in report ? report.bundle.problems : [];
  const count = (state: string) => quotes.filter((q) => q.source === state || q.printed === state).length;
  const passed = report.ok && quotes.length > 0;
  const problems = [
    t.changedMissing(count('changed'), count('missing')),
    count('not-printed') + count('altered') > 0 ? t.misprinted(count('not-printed'), count('altered')) : null,
    unlisted.length > 0 ? t.unlisted(unlisted.length) : null,
    signature.state === 'broken' ? t.signatureBroken : null,
    ledger.state === 'broken' ? t.ledgerBroken : null,
    bundleProblems.length > 0 ? t.bundleNotWhole(bundleProblems.length) : null,
  ].filter((part) => part !== null);
  const verdict = passed
    ? quotes.length === 1
      ? t.oneMatches
      : t.allMatch(quotes.length)
    : quotes.length === 0 && unlisted.length === 0
      ? t.noQuotes
      : t.someOk(quotes.filter((q) => q.status === 'ok').length, quotes.length, problems.join('; '));
  // The failing parts first: the signature or ledger if broken, quotes printed but not listed, failed
  // quotes (each in dossier order); then what checks.
  const failedQuotes = quotes.filter((q) => q.status === 'failed');
  const okQuotes = quotes.filter((q) => q.status === 'ok');
  const wholeFile = [
    { part: t.signature, state: signature.state, failed: signature.state === 'broken', detail: signatureDetail(signature, t) },
    { part: t.ledger, state: ledger.state, failed: ledger.state === 'broken', detail: ledgerDetail(ledger, t) },
  ];
  const renderPart = ({ part, state, failed, detail }: (typeof wholeFile)[number]) => (
    <li key={part} className={`verify-line verify-${failed ? 'broken' : state}`}>
      <span className="verify-status">{t.states[state]}</span>
      <span className="verify-quote">{part}</span>
      <span className="verify-detail">{detail}</span>
    </li>
  );
  const renderQuote = (quote: Quote) => (
    <li key={quote.number} className={`verify-line verify-${stateOf(quote)}`}>
      <span className="verify-status">{t.states[stateOf(quote)]}</span>
      <span className="verify-quote">
        {t.quote(quote.number)} · {titles.get(quote.docId) ?? <FileName name={quote.docId} />}
      </span>
      <span className="verify-detail">
        {t.source(wordMessage(catalogue.messages, quote.detailCode, quote.detail), wordMessage(catalogue.messages, quote.custodyCode, quote.custody))}
        <br />
        <span className="verify-print">{t.print(wordMessage(catalogue.messages, quote.printedDetailCode, quote.printedDetail))}</span>
      </span>
    </li>
  );
  return (
    <div className={`verify-report ${passed ? 'verify-passed' : 'verify-failed'}`} aria-label={t.report} role="region" tabIndex={-1}>
      <p className="verify-verdict" role={passed ? 'status' : 'alert'}>
        <strong>{passed ? t.verified : t.notVerified}</strong>: {verdict}
      </p>
      <p className="verify-about muted">
        {t.about(report.title, formatTime(report.created, language === 'en' ? undefined : language), fileName, report.archiveRoot, report.pages)}
      </p>
      <ol className="verify-lines">
        {bundleProblems.map((problem) => (
          <li key={problem} className="verify-line verify-broken">
            <span className="verify-status">{t.states.bundle}</span>
            <span className="verify-quote">{t.bundle}</span>
            <span className="verify-detail">{problem}</span>
          </li>
        ))}
        {wholeFile.filter((part) => part.failed).map(renderPart)}
        {unlisted.map((entry, i) => (
          <li key={`unlisted-${i}`} className="verify-line verify-unlisted">
            <span className="verify-status">{t.states.unlisted}</span>
            <span className="verify-quote">{t.printedUnlisted(entry.number, entry.page)}</span>
            <span className="verify-detail">{t.unlistedDetail(entry.text)}</span>
          </li>
        ))}
        {failedQuotes.map(renderQuote)}
        {wholeFile.filter((part) => !part.failed).map(renderPart)}
        {okQuotes.map(renderQuote)}
      </ol>
    </div>
  );
}

function signatureDetail(signature: Report['signature'], t: Strings): string {
  const who = signature.subject ? t.signedBy(signature.subject, signature.fingerprint ?? '') : '';
  if (signature.state === 'valid') return t.signatureValid(who);
  if (signature.state === 'broken') return t.signatureBrokenDetail(who);
  return t.unsignedDetail;
}

function ledgerDetail(ledger: Report['ledger'], t: Strings): string {
  if (ledger.state === 'ok') return t.ledgerOk;
  if (ledger.state === 'broken') return t.ledgerBrokenDetail(ledger.problem ?? '');
  return t.ledgerAbsent;
}

/** The export's time in the interface's language (English keeps the system's own date format). */
function formatTime(iso: string, locale: string | undefined): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}
