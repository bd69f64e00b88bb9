import { useEffect, useRef } from 'react';
import { DraftEditor, DEFAULT_DRAFT, type HighlightDraft } from './DraftEditor';
import type { TagCounts } from './TagInput';

interface Props {
  quote: string;
  anchor: { top: number; left: number };
  knownTags: TagCounts;
  /** Bumped (by the `n` key) to put the cursor in the note. */
  noteRequest: number;
  onSave(draft: HighlightDraft): Promise<void>;
  onCancel(): void;
}

/** Appears under a fresh selection: colour, note and tags for the new highlight. */
export function HighlightToolbar({ quote, anchor, knownTags, noteRequest, onSave, onCancel }: Props) {
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const top = Math.min(anchor.top, window.innerHeight - 300);
  const left = Math.max(12, Math.min(anchor.left, window.innerWidth - 360));

  useEffect(() => {
    if (noteRequest > 0) noteRef.current?.focus();
  }, [noteRequest]);

  return (
    <div
      className="highlight-toolbar"
      role="dialog"
      aria-label="New highlight"
      style={{ top, left }}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <p className="toolbar-quote" title={quote}>
        “{quote.length > 140 ? `${quote.slice(0, 139)}…` : quote}”
      </p>
      <DraftEditor
        initial={DEFAULT_DRAFT}
        knownTags={knownTags}
        noteLabel="Note"
        tagsLabel="Tags, separated by commas"
        placeholders
        noteRows={3}
        noteRef={noteRef}
        saveLabel="Save highlight"
        hint={
          <p className="toolbar-keys muted">
            Keys: <kbd>H</kbd> highlight at once · <kbd>N</kbd> note · <kbd>Esc</kbd> cancel
          </p>
        }
        onSave={onSave}
        onCancel={onCancel}
      />
    </div>
  );
}
