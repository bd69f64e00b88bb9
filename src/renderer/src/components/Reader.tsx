import { useEffect, useMemo, useRef, useState } from 'react';
import type { AnchoredAnnotation, HighlightColor } from '../../../core/annotations/model';
import type { MatchKind } from '../../../core/search/search-engine';
import type { OpenedDocument } from '../../../core/workstation';
import { segmentParagraphs, type HighlightRange, type Segment } from '../reader/segments';
import { selectionToOffsets } from '../reader/selection';
import { HighlightToolbar, type HighlightDraft } from './HighlightToolbar';
import { TermList } from './TermList';

/** How a hit that is not the word as asked is named (title, hit navigation, legend). */
const KIND_TEXT: Record<MatchKind, string | null> = { exact: null, variant: 'name variant', fuzzy: 'near spelling' };

/** The App remounts the reader (by key) for every opened document, so hit and selection state start fresh. */
interface Props {
  opened: OpenedDocument | null;
  annotations: AnchoredAnnotation[];
  focusedAnnotation: string | null;
  onFocusAnnotation(id: string): void;
  onCreate(draft: HighlightDraft & { start: number; end: number }): Promise<void>;
}

interface PendingSelection {
  start: number;
  end: number;
  anchor: { top: number; left: number };
}

export function Reader({ opened, annotations, focusedAnnotation, onFocusAnnotation, onCreate }: Props) {
  const articleRef = useRef<HTMLElement>(null);
  const [currentHit, setCurrentHit] = useState(0);
  const [pending, setPending] = useState<PendingSelection | null>(null);

  const doc = opened?.document;
  const matches = useMemo(() => opened?.matches ?? [], [opened]);
  const kinds = opened?.matchKinds ?? [];
  const hasInexact = kinds.some((kind) => kind !== 'exact');
  const currentKind = KIND_TEXT[kinds[currentHit] ?? 'exact'];
  const highlights = useMemo<HighlightRange[]>(
    () => annotations.flatMap((a) => (a.current ? [{ id: a.id, color: a.color, ...a.current }] : [])),
    [annotations],
  );
  const paragraphs = useMemo(
    () => (doc ? segmentParagraphs(doc.paragraphs, matches, highlights) : []),
    [doc, matches, highlights],
  );

  useEffect(() => {
    if (matches.length === 0) return;
    articleRef.current?.querySelector(`[data-hit="${currentHit}"]`)?.scrollIntoView({ block: 'center' });
  }, [currentHit, matches]);

  useEffect(() => {
    if (!focusedAnnotation) return;
    articleRef.current?.querySelector(`[data-annotation~="${focusedAnnotation}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [focusedAnnotation]);

  if (!doc) {
    return (
      <section className="pane reader-pane empty" aria-label="Reader">
        <div className="empty-hint">
          <h2>No article open</h2>
          <p>Search the archive on the left and open a result. Select a passage to highlight it and add a note.</p>
        </div>
      </section>
    );
  }

  const captureSelection = () => {
    if (!articleRef.current) return;
    const selection = window.getSelection();
    const offsets = selectionToOffsets(articleRef.current, selection);
    if (!offsets || !selection) return;
    const rect = selection.getRangeAt(0).getBoundingClientRect();
    setPending({ ...offsets, anchor: { top: rect.bottom + 8, left: rect.left } });
  };

  const step = (delta: number) => setCurrentHit((i) => (i + delta + matches.length) % matches.length);

  return (
    <section className="pane reader-pane" aria-label="Reader">
      <header className="reader-header">
        <h1 className="doc-title">{doc.title}</h1>
        <p className="doc-meta">
          {[doc.byline, doc.date?.text, doc.id].filter(Boolean).join(' · ')}
          <span className="sha" title={`SHA-256 ${doc.sha256}`}>
            {' '}
            · SHA-256 {doc.sha256.slice(0, 12)}…
          </span>
        </p>
        {matches.length > 0 && (
          <div className="hit-nav" role="group" aria-label="Search hits">
            <button type="button" onClick={() => step(-1)} aria-label="Previous hit">
              ◀
            </button>
            <span aria-live="polite">
              <span className="hit-count">
                Hit {currentHit + 1} of {matches.length}
              </span>
              {currentKind && <span className="hit-kind"> · {currentKind}</span>}
            </span>
            <button type="button" onClick={() => step(1)} aria-label="Next hit">
              ▶
            </button>
            {hasInexact && (
              <span className="hit-legend">
                <span className="legend-sample hit-inexact" aria-hidden="true">
                  dashed
                </span>{' '}
                = name variant or near spelling
              </span>
            )}
          </div>
        )}
        {opened && opened.terms.length > 0 && (
          <div className="doc-terms">
            <span className="doc-terms-label">In this article:</span>
            <TermList terms={opened.terms} scope="document" />
          </div>
        )}
      </header>
      <div className="reader-scroll">
        <article
          ref={articleRef}
          className="doc-text"
          onMouseUp={() => setTimeout(captureSelection, 0)}
          onKeyUp={(e) => e.shiftKey && captureSelection()}
        >
          {paragraphs.map((segments, i) => (
            <p key={doc.paragraphs[i].start}>
              {segments.map((segment) => (
                <SegmentView
                  key={segment.start}
                  segment={segment}
                  text={doc.text}
                  currentHit={currentHit}
                  kind={segment.hit === null ? 'exact' : (kinds[segment.hit] ?? 'exact')}
                  focused={focusedAnnotation}
                  onFocusAnnotation={onFocusAnnotation}
                />
              ))}
            </p>
          ))}
        </article>
      </div>
      {pending && (
        <HighlightToolbar
          quote={doc.text.slice(pending.start, pending.end)}
          anchor={pending.anchor}
          onCancel={() => {
            setPending(null);
            window.getSelection()?.removeAllRanges();
          }}
          onSave={async (draft) => {
            await onCreate({ ...draft, start: pending.start, end: pending.end });
            setPending(null);
            window.getSelection()?.removeAllRanges();
          }}
        />
      )}
    </section>
  );
}

function SegmentView({
  segment,
  text,
  currentHit,
  kind,
  focused,
  onFocusAnnotation,
}: {
  segment: Segment;
  text: string;
  currentHit: number;
  kind: MatchKind;
  focused: string | null;
  onFocusAnnotation(id: string): void;
}) {
  let node: React.ReactNode = <span data-start={segment.start}>{text.slice(segment.start, segment.end)}</span>;
  if (segment.hit !== null) {
    // Variants and near spellings are drawn with a dashed underline and named in a tooltip, so they
    // differ from exact hits by more than colour.
    node = (
      <mark
        className={`hit${kind === 'exact' ? '' : ` hit-inexact hit-${kind}`}${segment.hit === currentHit ? ' current' : ''}`}
        data-hit={segment.hit}
        data-kind={kind}
        title={KIND_TEXT[kind] ?? undefined}
      >
        {node}
      </mark>
    );
  }
  if (segment.highlights.length > 0) {
    const top = segment.highlights[segment.highlights.length - 1];
    const ids = segment.highlights.map((h) => h.id).join(' ');
    node = (
      <span
        className={`hl hl-${top.color as HighlightColor}${segment.highlights.length > 1 ? ' hl-overlap' : ''}${
          segment.highlights.some((h) => h.id === focused) ? ' focused' : ''
        }`}
        data-annotation={ids}
        onClick={() => onFocusAnnotation(top.id)}
      >
        {node}
      </span>
    );
  }
  return node;
}
