import { DraftEditor, DEFAULT_DRAFT, type FieldRequest, type HighlightDraft } from './DraftEditor';
import type { TagCounts } from './TagInput';

interface Props {
  quote: string;
  anchor: { top: number; left: number };
  knownTags: TagCounts;
  /** The field the `n` or `t` key asked for: the cursor goes there. */
  focus: FieldRequest | null;
  onSave(draft: HighlightDraft): Promise<void>;
  onCancel(): void;
}

/** Appears under a fresh selection: colour, note and tags for the new highlight. */
export function HighlightToolbar({ quote, anchor, knownTags, focus, onSave, onCancel }: Props) {
  const top = Math.min(anchor.top, window.innerHeight - 300);
  const left = Math.max(12, Math.min(anchor.left, window.innerWidth - 360));

  return (
    <div
      className="highlight-toolbar"
      role="dialog"
      aria-label="New highlight"
      style={{ top, left }}
      onKeyDown={(e) => e.key === 'Escape' && !e.defaultPrevented && onCancel()}
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
        focus={focus}
        saveLabel="Save highlight"
        hint={
          <p className="toolbar-keys muted">
            Keys: <kbd>H</kbd> highlight at once · <kbd>N</kbd> note · <kbd>T</kbd> tags · <kbd>Ctrl+Enter</kbd> save · <kbd>Esc</kbd> cancel
          </p>
        }
        onSave={onSave}
        onCancel={onCancel}
      />
    </div>
  );
}
