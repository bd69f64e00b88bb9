import { Fragment, useEffect, useImperativeHandle, useMemo, useRef, useState, type CSSProperties, type ReactNode, type Ref } from 'react';
import type { AnchoredAnnotation, OpenedDocument } from '../../../core/api/types';
import { shortcutAllowed, useWindowKeyDown } from '../keys';
import { moveSelection, selectionMoveOf, type TextRange } from '../reader/keyboard-selection';
import { pageStarts, segmentParagraphs, type HighlightRange } from '../reader/segments';
import { offsetsToRange, selectionToOffsets } from '../reader/selection';
import { FileName } from './FileName';
import { DocumentInfo } from './DocumentInfo';
import { DEFAULT_DRAFT, type DraftField, type FieldRequest, type HighlightDraft } from './DraftEditor';
import { HighlightToolbar, type SelectionBox } from './HighlightToolbar';
import { kindText, SegmentView } from './SegmentView';
import type { TagCounts } from './TagInput';
import { TermList } from './TermList';
import { useT } from '../i18n';

/** An annotation to scroll to and mark briefly. Each request is a new object, so asking twice scrolls twice. */
export interface RevealRequest {
  id: string;
}

/** What the App's keys and commands ask of the reader; each says whether there was something to act on. */
export interface ReaderHandle {
  /** Moves to the next (1) or previous (-1) hit, selects it and puts the focus in the text. */
  step(delta: 1 | -1): boolean;
  /** Highlights the selected passage at once (`h`). */
  highlight(): boolean;
  /** Opens the new-highlight toolbar for the selected passage with the cursor in its note or tags (`n`, `t`). */
  draft(field: DraftField): boolean;
  /** Selects a passage of document `docId`, if it is the one shown, and scrolls it to the middle (a figure or date shown at its sentence). */
  select(docId: string, range: TextRange): boolean;
}

/** How the text is set: size in pixels, line length in characters. */
export interface ReaderDisplay {
  textSize: number;
  lineWidth: number;
}

/** The App remounts the reader (by key) for every opened document, so hit and selection state start fresh. */
interface Props {
  ref?: Ref<ReaderHandle>;
  display: ReaderDisplay;
  /** Buttons for the text size, line length and reading mode, shown in the header. */
  controls?: ReactNode;
  /** What the reader says before any article is opened. */
  empty: ReactNode;
  opened: OpenedDocument | null;
  annotations: AnchoredAnnotation[];
  focusedAnnotation: string | null;
  reveal: RevealRequest | null;
  knownTags: TagCounts;
  /** null: the user clicked plain text, so no annotation is focused (and Delete removes nothing). */
  onFocusAnnotation(id: string | null): void;
  onCreate(draft: HighlightDraft & { start: number; end: number }): Promise<void>;
  /** Opens the metadata form for the open document; absent, the reader offers none. */
  onEditMetadata?(): void;
  /** The open document's star and tags (document marks), under its title. */
  marks?: ReactNode;
}

interface PendingSelection {
  start: number;
  end: number;
  anchor: SelectionBox;
  /** The field `n` or `t` asked for (the toolbar then puts the cursor there). */
  focus: FieldRequest | null;
}

export function Reader({ ref, display, controls, empty, opened, annotations, focusedAnnotation, reveal, knownTags, onFocusAnnotation, onCreate, onEditMetadata, marks }: Props) {
  const t = useT().reader;
  const articleRef = useRef<HTMLElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [currentHit, setCurrentHit] = useState(0);
  const [pending, setPending] = useState<PendingSelection | null>(null);

  const doc = opened?.document;
  const matches = useMemo(() => opened?.matches ?? [], [opened]);
  const kinds = opened?.matchKinds ?? [];
  const hasInexact = kinds.some((kind) => kind !== 'exact');
  const currentKind = kindText(kinds[currentHit] ?? 'exact', t);
  // Orphaned annotations have no place (current is null) and are never drawn on other words.
  const highlights = useMemo<HighlightRange[]>(
    () => annotations.flatMap((a) => (a.current && a.status !== 'orphaned' ? [{ id: a.id, color: a.color, review: a.status === 'fuzzy', ...a.current }] : [])),
    [annotations],
  );
  const paragraphs = useMemo(
    () => (doc ? segmentParagraphs(doc.paragraphs, matches, highlights) : []),
    [doc, matches, highlights],
  );
  const pagesBefore = useMemo(() => (doc ? pageStarts(doc.paragraphs, doc.pages) : []), [doc]);
  // Boilerplate is drawn dimmed and labelled, but stays in the text: its offsets, selection and highlights work as anywhere.
  const boilerplate = useMemo(
    () => new Set(doc ? doc.paragraphs.flatMap((p, i) => (doc.boilerplate.some((b) => b.start < p.end && p.start < b.end) ? [i] : [])) : []),
    [doc],
  );

  useEffect(() => {
    if (matches.length === 0) return;
    articleRef.current?.querySelector(`[data-hit="${currentHit}"]`)?.scrollIntoView({ block: 'center' });
  }, [currentHit, matches]);

  // Again when the highlights arrive: a reveal may come with the document that is still loading them.
  useEffect(() => {
    if (!reveal) return;
    articleRef.current?.querySelector(`[data-annotation~="${reveal.id}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [reveal, highlights]);

  /** The passage selected in the article now, with where to put the toolbar. */
  const readSelection = (): PendingSelection | null => {
    if (!articleRef.current) return null;
    const selection = window.getSelection();
    const offsets = selectionToOffsets(articleRef.current, selection);
    if (!offsets || !selection) return null;
    const rect = selection.getRangeAt(0).getBoundingClientRect();
    return { ...offsets, anchor: { top: rect.top, bottom: rect.bottom, left: rect.left }, focus: null };
  };

  /** Selects document offsets in the text, as if by the mouse, and brings the selection's end into view. */
  const selectOffsets = ({ start, end }: TextRange) => {
    const range = articleRef.current && offsetsToRange(articleRef.current, start, end);
    const selection = window.getSelection();
    if (!range || !selection) return;
    selection.removeAllRanges();
    selection.addRange(range);
    const endElement = range.endContainer.parentElement;
    endElement?.scrollIntoView?.({ block: 'nearest' });
  };

  /**
   * The passage a key acts on: the one selected in the text now, else the toolbar's. The selection is
   * taken in after the mouse-up, and on a busy machine the key can come first: the old passage would
   * be highlighted a second time and the new one never.
   */
  const passageNow = (): PendingSelection | null => {
    const live = readSelection();
    if (live && pending && live.start === pending.start && live.end === pending.end) return pending;
    return live ?? pending;
  };

  const captureSelection = () => {
    const selected = readSelection();
    if (selected) setPending(selected);
  };

  const save = async ({ start, end }: PendingSelection, draft: HighlightDraft) => {
    await onCreate({ ...draft, start, end });
    // Only this passage is let go: one selected meanwhile, or being selected (quick highlighting), stays.
    const isSaved = (range: TextRange | null) => range !== null && range.start === start && range.end === end;
    setPending((current) => (isSaved(current) ? null : current));
    if (isSaved(articleRef.current && selectionToOffsets(articleRef.current, window.getSelection()))) window.getSelection()?.removeAllRanges();
  };

  const step = (delta: number) => {
    const next = (currentHit + delta + matches.length) % matches.length;
    setCurrentHit(next);
    return next;
  };

  useImperativeHandle(ref, () => ({
    step(delta) {
      if (matches.length === 0) return false;
      const [start, end] = matches[step(delta)];
      setPending(null);
      // The focus goes to the text, so the keys that follow (Shift+arrows, h, n) are about it.
      scrollRef.current?.focus({ preventScroll: true });
      selectOffsets({ start, end });
      return true;
    },
    highlight() {
      const selected = passageNow();
      if (selected) void save(selected, DEFAULT_DRAFT);
      return selected !== null;
    },
    draft(field) {
      const selected = passageNow();
      if (selected) setPending({ ...selected, focus: { field, serial: (selected.focus?.serial ?? 0) + 1 } });
      return selected !== null;
    },
    select(docId, range) {
      if (doc?.id !== docId || range.end > doc.text.length) return false;
      setPending(null);
      selectOffsets(range);
      const start = articleRef.current && offsetsToRange(articleRef.current, range.start, range.start);
      start?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      return true;
    },
  }));

  // Shift+arrows widen or narrow the selected passage by words and sentences; Escape drops the toolbar.
  useWindowKeyDown((event) => {
    if (!doc || !shortcutAllowed(event)) return;
    if (event.key === 'Escape' && pending) {
      setPending(null);
      return;
    }
    const move = selectionMoveOf(event);
    const selected = move && articleRef.current ? selectionToOffsets(articleRef.current, window.getSelection()) : null;
    if (!move || !selected) return;
    event.preventDefault();
    setPending(null);
    selectOffsets(moveSelection(doc.text, selected, move));
  });

  if (!doc) {
    return (
      <section className="pane reader-pane empty" aria-label={t.label}>
        {empty}
      </section>
    );
  }

  return (
    <section className="pane reader-pane" aria-label={t.label} style={{ '--reader-text-size': `${display.textSize}px`, '--reader-line-width': `${display.lineWidth}ch` } as CSSProperties}>
      <header className="reader-header">
        <div className="doc-title-row">
          <h1 className="doc-title">{doc.title}</h1>
          {onEditMetadata && (
            <button type="button" className="edit-metadata" onClick={onEditMetadata}>
              {t.editMetadata}
            </button>
          )}
        </div>
        <p className="doc-meta">
          {[doc.byline, doc.date?.text].filter(Boolean).map((part) => `${part} · `)}
          <FileName name={doc.id} />
          <span className="sha" title={`SHA-256 ${doc.sha256}`}>
            {' '}
            · SHA-256 {doc.sha256.slice(0, 12)}…
          </span>
        </p>
        {marks}
        <DocumentInfo doc={doc} />
        {matches.length > 0 && (
          <div className="hit-nav" role="group" aria-label={t.hits}>
            <button type="button" onClick={() => step(-1)} aria-label={t.previousHit}>
              ◀
            </button>
            <span aria-live="polite">
              <span className="hit-count">
                {t.hitOf(currentHit + 1, matches.length)}
              </span>
              {currentKind && <span className="hit-kind"> · {currentKind}</span>}
            </span>
            <button type="button" onClick={() => step(1)} aria-label={t.nextHit}>
              ▶
            </button>
            {hasInexact && (
              <span className="hit-legend">
                <span className="legend-sample hit-inexact" aria-hidden="true">
                  {t.legendSample}
                </span>{' '}
                {t.legendMeaning}
              </span>
            )}
          </div>
        )}
        {controls}
        {opened && opened.terms.length > 0 && (
          <div className="doc-terms">
            <span className="doc-terms-label">{t.inThisArticle}</span>
            <TermList terms={opened.terms} scope="document" />
          </div>
        )}
      </header>
      {/* Focusable, so the text can be scrolled with the keyboard; `j` puts the focus here. */}
      <div className="reader-scroll" ref={scrollRef} tabIndex={0} role="region" aria-label={t.articleText}>
        <article
          ref={articleRef}
          className="doc-text"
          onMouseUp={() => setTimeout(captureSelection, 0)}
          onClick={(e) => e.target instanceof Element && !e.target.closest('.hl') && onFocusAnnotation(null)}
        >
          {paragraphs.map((segments, i) => (
            <Fragment key={doc.paragraphs[i].start}>
              {pagesBefore[i].map((page) => (
                <PageMarker key={page} page={page} count={doc.pages?.length ?? 0} />
              ))}
              <p
                className={boilerplate.has(i) ? 'boilerplate' : undefined}
                data-label={boilerplate.has(i) ? t.boilerplateLabel : undefined}
                title={boilerplate.has(i) ? t.boilerplateTitle : undefined}
              >
                {segments.map((segment) => (
                  <SegmentView
                    key={segment.start}
                    segment={segment}
                    text={doc.text}
                    currentHit={currentHit}
                    kind={segment.hit === null ? 'exact' : (kinds[segment.hit] ?? 'exact')}
                    focused={focusedAnnotation}
                    flashing={reveal?.id ?? null}
                    onFocusAnnotation={onFocusAnnotation}
                  />
                ))}
              </p>
            </Fragment>
          ))}
          {pagesBefore.at(-1)?.map((page) => (
            <PageMarker key={page} page={page} count={doc.pages?.length ?? 0} />
          ))}
        </article>
      </div>
      {pending && (
        <HighlightToolbar
          // A new selection gets a fresh toolbar, not the draft begun for another passage.
          key={`${pending.start}:${pending.end}`}
          quote={doc.text.slice(pending.start, pending.end)}
          anchor={pending.anchor}
          knownTags={knownTags}
          focus={pending.focus}
          onCancel={() => {
            setPending(null);
            window.getSelection()?.removeAllRanges();
          }}
          onSave={(draft) => save(pending, draft)}
        />
      )}
    </section>
  );
}

/**
 * Where a page of a PDF begins, so a quote can be found in the original: a rule with "p. N", named
 * for screen readers. It is not part of the text: it has no offsets and cannot be selected or copied.
 */
function PageMarker({ page, count }: { page: number; count: number }) {
  const t = useT().reader;
  return (
    <div className="page-marker" role="separator" aria-label={t.pageOf(page, count)} data-page={page}>
      {t.pageMarker(page)}
    </div>
  );
}
