import type { DocumentSummary } from '../../../core/api/types';
import { plural } from '../format';

/** "English (en)"; the code alone when the browser does not know it. */
export function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

const DIGEST_STATE: Record<string, string> = {
  true: 'matches the captured bytes',
  false: 'does NOT match the captured bytes: cut short or altered',
  null: 'not checked (unknown algorithm)',
};

/**
 * What the archive knows about a document beyond its title: format (and a PDF's pages), encoding,
 * publisher, source URL, retrieval date, language, dateline. The URL is plain text to select and copy,
 * never a link: nothing in the reader opens the network.
 */
export function DocumentInfo({ doc }: { doc: DocumentSummary }) {
  const capture = doc.capture;
  const rows: Array<[term: string, value: string | null, className?: string]> = [
    ['Format', `${doc.format.toUpperCase()}${doc.pages ? ` · ${plural(doc.pages.length, 'page')}` : ''}`],
    ['Encoding', doc.encoding],
    ['Publisher', doc.publisher],
    ['URL', doc.url, 'doc-url'],
    // A page from a web archive: its capture is its provenance, shown in full (see web-archive.ts).
    ...(capture
      ? ([
          ['Captured', `${capture.capturedAt}${capture.httpStatus !== null ? ` · HTTP ${capture.httpStatus}` : ''}`],
          ['Web archive', capture.warcName ? `${capture.archiveFile} › ${capture.warcName}` : capture.archiveFile, 'doc-url'],
          ['WARC record', capture.recordId, 'doc-url'],
          ['Redirected from', capture.redirectedFrom.length > 0 ? capture.redirectedFrom.join(' → ') : null, 'doc-url'],
          ['Payload digest', capture.payloadDigest && `${capture.payloadDigest} · ${DIGEST_STATE[String(capture.payloadDigestMatches)]}`, 'doc-url'],
        ] satisfies Array<[string, string | null, string?]>)
      : [['Retrieved', doc.retrieved?.text ?? null] satisfies [string, string | null]]),
    ['Language', doc.language && languageName(doc.language)],
    ['Dateline', doc.dateline],
  ];
  return (
    <dl className="doc-info" aria-label="Document information">
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
