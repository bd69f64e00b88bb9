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

/**
 * What the archive knows about a document beyond its title: format (and a PDF's pages), encoding,
 * publisher, source URL, retrieval date, language, dateline. The URL is plain text to select and copy,
 * never a link: nothing in the reader opens the network.
 */
export function DocumentInfo({ doc }: { doc: DocumentSummary }) {
  const rows: Array<[term: string, value: string | null, className?: string]> = [
    ['Format', `${doc.format.toUpperCase()}${doc.pages ? ` · ${plural(doc.pages.length, 'page')}` : ''}`],
    ['Encoding', doc.encoding],
    ['Publisher', doc.publisher],
    ['URL', doc.url, 'doc-url'],
    ['Retrieved', doc.retrieved?.text ?? null],
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
