import { useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { useT } from '../i18n';
import { DraftEditor, DEFAULT_DRAFT, type FieldRequest, type HighlightDraft } from './DraftEditor';
import type { TagCounts } from './TagInput';

/** Where the selected passage is in the window (its bounding box, in viewport pixels). */
export interface SelectionBox {
  top: number;
  bottom: number;
  left: number;
}

interface Props {
  quote: string;
  anchor: SelectionBox;
  knownTags: TagCounts;
  /** The field the `n` or `t` key asked for: the cursor goes there. */
  focus: FieldRequest | null;
  onSave(draft: HighlightDraft): Promise<void>;
  onCancel(): void;
}

/** Space between the selection and the toolbar, and between the toolbar and the window's edges. */
const GAP = 8;
const WIDTH = 340;

/**
 * Where the toolbar goes: under the selection if it fits there, else over it (held by its bottom
 * edge, so it grows upwards); if it fits on neither side, on the roomier one, cut to that room and
 * scrolling, so it never hides the passage it is for.
 */
export function toolbarPlace(selection: SelectionBox, height: number, view: { width: number; height: number }): CSSProperties {
  const left = Math.max(GAP, Math.min(selection.left, view.width - WIDTH - GAP));
  const below = selection.bottom + GAP;
  const roomBelow = view.height - GAP - below;
  const roomAbove = selection.top - GAP - GAP;
  if (height <= roomBelow) return { top: below, left };
  if (height <= roomAbove) return { bottom: view.height - selection.top + GAP, left };
  return roomBelow >= roomAbove
    ? { top: below, left, maxHeight: roomBelow, overflowY: 'auto' }
    : { bottom: view.height - selection.top + GAP, left, maxHeight: roomAbove, overflowY: 'auto' };
}

/** Appears beside a fresh selection: colour, note and tags for the new highlight. */
export function HighlightToolbar({ quote, anchor, knownTags, focus, onSave, onCancel }: Props) {
  const t = useT().reader.toolbar;
  const ref = useRef<HTMLDivElement>(null);
  // Measured before it is painted: until then it waits, unseen, under the selection.
  const [place, setPlace] = useState<CSSProperties>({ top: anchor.bottom + GAP, left: anchor.left, visibility: 'hidden' });
  useLayoutEffect(() => {
    const height = ref.current?.scrollHeight ?? 0;
    setPlace(toolbarPlace(anchor, height, { width: window.innerWidth, height: window.innerHeight }));
  }, [anchor]);

  return (
    <div
      ref={ref}
      className="highlight-toolbar"
      role="dialog"
      aria-label={t.label}
      style={place}
      onKeyDown={(e) => e.key === 'Escape' && !e.defaultPrevented && onCancel()}
    >
      <p className="toolbar-quote" title={quote}>
        {t.quoted(quote.length > 140 ? `${quote.slice(0, 139)}…` : quote)}
      </p>
      <DraftEditor
        initial={DEFAULT_DRAFT}
        knownTags={knownTags}
        noteLabel={t.note}
        tagsLabel={t.tags}
        placeholders
        noteRows={3}
        focus={focus}
        saveLabel={t.save}
        hint={
          <p className="toolbar-keys muted">
            {t.keys({
              h: <kbd key="h">H</kbd>,
              n: <kbd key="n">N</kbd>,
              t: <kbd key="t">T</kbd>,
              save: <kbd key="save">Ctrl+Enter</kbd>,
              cancel: <kbd key="cancel">Esc</kbd>,
            })}
          </p>
        }
        onSave={onSave}
        onCancel={onCancel}
      />
    </div>
  );
}
