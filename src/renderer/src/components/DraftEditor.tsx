import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { HighlightColor } from '../../../core/api/types';
import { useT } from '../i18n';
import { ColorPicker } from './ColorPicker';
import { parseTags, TagInput, type TagCounts } from './TagInput';

/** What the user writes about a highlight: its colour, note and tags. */
export interface HighlightDraft {
  note: string;
  tags: string[];
  color: HighlightColor;
}

export type DraftField = 'note' | 'tags';

/** A request (by the `n` or `t` key) to put the cursor in a field; each one has a new serial. */
export interface FieldRequest {
  field: DraftField;
  serial: number;
}

/** What `h` saves at once: the first colour, nothing else. */
export const DEFAULT_DRAFT: HighlightDraft = { note: '', tags: [], color: 'yellow' };

interface Props {
  initial: HighlightDraft;
  knownTags: TagCounts;
  noteLabel: string;
  tagsLabel: string;
  /** Filled in the new-highlight toolbar, where the fields start empty. */
  placeholders?: boolean;
  noteRows: number;
  /** Puts the cursor in the note or the tags when asked. */
  focus?: FieldRequest | null;
  saveLabel: string;
  /** Shown between the fields and the buttons. */
  hint?: ReactNode;
  onSave(draft: HighlightDraft): Promise<void>;
  onCancel(): void;
}

/**
 * Colour, note and tags with Cancel and Save: the same fields for a new highlight and for editing one.
 * Ctrl+Enter (⌘+Enter) in a field saves, Escape cancels.
 */
export function DraftEditor({ initial, knownTags, noteLabel, tagsLabel, placeholders = false, noteRows, focus = null, saveLabel, hint, onSave, onCancel }: Props) {
  const t = useT().annotations.draft;
  const [color, setColor] = useState(initial.color);
  const [note, setNote] = useState(initial.note);
  const [tags, setTags] = useState(initial.tags.join(', '));
  const [saving, setSaving] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const tagsRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focus) (focus.field === 'note' ? noteRef : tagsRef).current?.focus();
  }, [focus]);

  const save = async () => {
    setSaving(true);
    try {
      await onSave({ note, tags: parseTags(tags), color });
    } finally {
      setSaving(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !saving) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };
  return (
    <>
      <ColorPicker value={color} onChange={setColor} />
      <textarea
        ref={noteRef}
        aria-label={noteLabel}
        placeholder={placeholders ? t.notePlaceholder : undefined}
        value={note}
        rows={noteRows}
        onChange={(e) => setNote(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <TagInput
        inputRef={tagsRef}
        label={tagsLabel}
        placeholder={placeholders ? t.tagsPlaceholder : undefined}
        value={tags}
        onChange={setTags}
        onKeyDown={onKeyDown}
        known={knownTags}
      />
      {hint}
      <div className="toolbar-actions">
        <button type="button" onClick={onCancel}>
          {t.cancel}
        </button>
        <button
          type="button"
          className="primary"
          disabled={saving}
          onClick={() => void save()}
        >
          {saveLabel}
        </button>
      </div>
    </>
  );
}
