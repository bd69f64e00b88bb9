import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { AnchoredAnnotation, ArchiveDocument, TextSpan } from '../../../core/api/types';
import type { CasefileClient } from '../api/client';
import { useT } from '../i18n';
import { useCall } from '../useCall';
import type { HighlightDraft } from './DraftEditor';
import { PdfPages } from './PdfPages';
import type { TagCounts } from './TagInput';
import '../styles/page-view.css';

/** One paragraph's part on one page: a paragraph running over a page break is cut there, numbered once. */
export interface PagePiece {
  paragraph: number;
  /** Whether this piece starts its paragraph (the number is printed there). */
  first: boolean;
  start: number;
  end: number;
  boilerplate: boolean;
}

export interface PrintedPage {
  /** The PDF's page number (1-based); null for a document without pages. */
  page: number | null;
  pieces: PagePiece[];
}

/**
 * A document's paragraphs laid out by the pages of its file (a PDF), or as one run of paragraphs;
 * each numbered as citations number them (1-based, in the whole text).
 */
export function printedPages(doc: Pick<ArchiveDocument, 'paragraphs' | 'pages' | 'boilerplate'>): PrintedPage[] {
  const isBoilerplate = (span: TextSpan) => doc.boilerplate.some((b) => b.start <= span.start && span.end <= b.end);
  const piecesIn = (from: number, to: number): PagePiece[] =>
    doc.paragraphs.flatMap((p, index) => {
      const start = Math.max(p.start, from);
      const end = Math.min(p.end, to);
      return start < end ? [{ paragraph: index + 1, first: start === p.start, start, end, boilerplate: isBoilerplate(p) }] : [];
    });
  if (!doc.pages || doc.pages.length === 0) return [{ page: null, pieces: piecesIn(0, Number.POSITIVE_INFINITY) }];
  return doc.pages.map((span, index) => ({ page: index + 1, pieces: piecesIn(span.start, span.end) }));
}

interface Props {
  document: ArchiveDocument;
  /** The source's reference in the citation style, once known. */
  reference: string | null;
  onClose(): void;
  /** For a PDF source shown as its pages: its highlights, and how a new one is made (as in the reader). */
  highlighting?: Highlighting;
}

export interface Highlighting {
  annotations: AnchoredAnnotation[];
  knownTags: TagCounts;
  onCreate(draft: HighlightDraft & { start: number; end: number }): Promise<void>;
}

/**
 * The open article as a page to read through and print: title, reference and file, then its
 * paragraphs, numbered, under the page numbers of its PDF. Printing prints this alone (page-view.css).
 */
export function SourcePrintView({ document: doc, reference, onClose, highlighting }: Props) {
  const t = useT().reader.pageView;
  // A PDF can be shown as its pages; the text (to print) comes first, as before.
  const [asPages, setAsPages] = useState(false);
  const canShowPages = doc.format === 'pdf' && highlighting !== undefined;
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const [before] = useState(() => (window.document.activeElement instanceof HTMLElement ? window.document.activeElement : null));
  useEffect(() => {
    dialog.current?.focus();
    // While open, printing prints the page view alone.
    window.document.body.classList.add('page-view-open');
    return () => {
      window.document.body.classList.remove('page-view-open');
      if (before?.isConnected) before.focus({ preventScroll: true });
    };
  }, [before]);
  const pages = printedPages(doc);
  const facts = [doc.byline, doc.date?.text, doc.publisher].filter(Boolean).join(' · ');
  const header = (
    <header className="page-view-header">
        <h1 id={titleId}>{doc.title}</h1>
        {facts && <p className="page-view-facts">{facts}</p>}
        {reference && <p className="page-view-reference">{reference}</p>}
        <p className="page-view-file">
          {t.file} <code>{doc.id}</code> · {doc.format.toUpperCase()}
          {doc.pages ? ` · ${t.pages(doc.pages.length)}` : ''} · SHA-256 <code className="page-view-digest">{doc.sha256}</code>
        </p>
      </header>
  );

  return createPortal(
    <div
      ref={dialog}
      className="page-view"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      tabIndex={-1}
      // Escape in the new-highlight toolbar closes that toolbar only.
      onKeyDown={(e) => e.key === 'Escape' && !(e.target instanceof Element && e.target.closest('.highlight-toolbar')) && onClose()}
    >
      <div className="page-view-bar" role="toolbar" aria-label={t.title}>
        <span className="page-view-bar-title">{t.title}</span>
        {canShowPages && (
          <div className="page-view-toggle" role="group" aria-label={t.pdf.show}>
            <button type="button" aria-pressed={!asPages} onClick={() => setAsPages(false)}>
              {t.pdf.text}
            </button>
            <button type="button" aria-pressed={asPages} onClick={() => setAsPages(true)}>
              {t.pdf.pages}
            </button>
          </div>
        )}
        {/* Printing prints the text with its page numbers; the pages themselves are the original file's to print. */}
        {!asPages && (
          <button type="button" className="primary" onClick={() => window.print()}>
            {t.print}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t.close}
        </button>
      </div>
      {asPages && highlighting ? (
        <>
          <div className="page-view-sheet pdf-pages-head" lang={doc.language ?? undefined}>
            {header}
          </div>
          <PdfPages document={doc} {...highlighting} />
        </>
      ) : (
        <article className="page-view-sheet" lang={doc.language ?? undefined}>
        {header}
        {pages.map(({ page, pieces }) => (
          <section key={page ?? 'text'} className="page-view-page" aria-label={page === null ? undefined : t.page(page)}>
            {page !== null && (
              <p className="page-view-page-number" aria-hidden="true">
                {t.page(page)}
              </p>
            )}
            {pieces.map((piece) => (
              <p key={`${piece.paragraph}-${piece.start}`} className={`page-view-paragraph${piece.boilerplate ? ' boilerplate' : ''}`}>
                <span className="page-view-paragraph-number">
                  <span className="visually-hidden">{t.paragraph}</span>
                  {piece.first ? piece.paragraph : `${piece.paragraph}…`}
                  <span className="visually-hidden">{piece.first ? t.paragraphStarts : t.paragraphContinues}</span>
                </span>
                {doc.text.slice(piece.start, piece.end)}
              </p>
            ))}
          </section>
        ))}
        </article>
      )}
    </div>,
    window.document.body,
  );
}

/** The page view with the source's reference asked of the API (shown once it arrives; without it if it cannot be made). */
export function SourcePageView({ client, document: doc, onClose, highlighting }: { client: CasefileClient; document: ArchiveDocument; onClose(): void; highlighting?: Highlighting }) {
  const cited = useCall(client, 'citeSource', { id: doc.id }, 0);
  return <SourcePrintView document={doc} reference={cited.value?.reference ?? null} onClose={onClose} highlighting={highlighting} />;
}
