import type { DocumentSummary } from '../../../core/api/types';
import type { Language } from '../../../shared/i18n/language';
import { useLanguage } from '../i18n';

/** "English (en)", "английский (en)": in the interface's language; the code alone when the browser does not know it. */
export function languageName(code: string, language: Language = 'en'): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'language' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/**
 * What the archive knows about a document beyond its title: format (and a PDF's pages), encoding,
 * publisher, source URL, retrieval date, language, dateline. The URL is plain text to select and copy,
 * never a link: nothing in the reader opens the network.
 */
export function DocumentInfo({ doc }: { doc: DocumentSummary }) {
  const { language, t: catalogue } = useLanguage();
  const t = catalogue.reader.info;
  const capture = doc.capture;
  // Whether the payload digest was checked against the captured bytes, and how it came out.
  const digestState = { true: t.digestMatches, false: t.digestMismatch, null: t.digestUnchecked };
  const rows: Array<[term: string, value: string | null, className?: string]> = [
    [t.format, `${doc.format.toUpperCase()}${doc.pages ? ` · ${t.pages(doc.pages.length)}` : ''}`],
    [t.encoding, doc.encoding],
    [t.publisher, doc.publisher],
    [t.url, doc.url, 'doc-url'],
    // A page from a web archive: its capture is its provenance, shown in full (see web-archive.ts).
    ...(capture
      ? ([
          [t.captured, `${capture.capturedAt}${capture.httpStatus !== null ? ` · HTTP ${capture.httpStatus}` : ''}`],
          [t.webArchive, capture.warcName ? `${capture.archiveFile} › ${capture.warcName}` : capture.archiveFile, 'doc-url'],
          [t.warcRecord, capture.recordId, 'doc-url'],
          [t.redirectedFrom, capture.redirectedFrom.length > 0 ? capture.redirectedFrom.join(' → ') : null, 'doc-url'],
          [t.payloadDigest, capture.payloadDigest && `${capture.payloadDigest} · ${digestState[`${capture.payloadDigestMatches}`]}`, 'doc-url'],
        ] satisfies Array<[string, string | null, string?]>)
      : [[t.retrieved, doc.retrieved?.text ?? null] satisfies [string, string | null]]),
    [t.language, doc.language && languageName(doc.language, language)],
    [t.dateline, doc.dateline],
  ];
  return (
    <dl className="doc-info" aria-label={t.label}>
      {rows.map(
        ([term, value, className]) =>
          value && (
            <div key={term}>
              <dt>{term}</dt>
              <dd className={className}>{value}</dd>
            </div>
          ),
      )}
    </dl>
  );
}
