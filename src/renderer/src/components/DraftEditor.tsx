import { useState, type ReactNode, type Ref } from 'react';
import type { HighlightColor } from '../../../core/annotations/model';
import { ColorPicker } from './ColorPicker';
import { parseTags, TagInput, type TagCounts } from './TagInput';

/** What the user writes about a highlight: its colour, note and tags. */
export interface HighlightDraft {
  note: string;
  tags: string[];
  color: HighlightColor;
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
  noteRef?: Ref<HTMLTextAreaElement>;
  saveLabel: string;
  /** Shown between the fields and the buttons. */
  hint?: ReactNode;
  onSave(draft: HighlightDraft): Promise<void>;
  onCancel(): void;
}

/** Colour, note and tags with Cancel and Save: the same fields for a new highlight and for editing one. */
export function DraftEditor({ initial, knownTags, noteLabel, tagsLabel, placeholders = false, noteRows, noteRef, saveLabel, hint, onSave, onCancel }: Props) {
  const [color, setColor] = useState(initial.color);
  const [note, setNote] = useState(initial.note);
  const [tags, setTags] = useState(initial.tags.join(', '));
  const [saving, setSaving] = useState(false);
  return (
    <>
      <ColorPicker value={color} onChange={setColor} />
      <textarea
        ref={noteRef}
        aria-label={noteLabel}
        placeholder={placeholders ? 'Note (optional)' : undefined}
        value={note}
        rows={noteRows}
        onChange={(e) => setNote(e.target.value)}
      />
      <TagInput label={tagsLabel} placeholder={placeholders ? 'Tags, separated by commas' : undefined} value={tags} onChange={setTags} known={knownTags} />
      {hint}
      <div className="toolbar-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={saving}
          onClick={async () => {
            setSaving(true);
            try {
              await onSave({ note, tags: parseTags(tags), color });
            } finally {
              setSaving(false);
            }
          }}
        >
          {saveLabel}
        </button>
      </div>
    </>
  );
}
