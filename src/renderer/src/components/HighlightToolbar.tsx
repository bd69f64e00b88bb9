import { useState } from 'react';
import type { HighlightColor } from '../../../core/annotations/model';
import { ColorPicker } from './ColorPicker';

export interface HighlightDraft {
  note: string;
  tags: string[];
  color: HighlightColor;
}

interface Props {
  quote: string;
  anchor: { top: number; left: number };
  onSave(draft: HighlightDraft): Promise<void>;
  onCancel(): void;
}

export function parseTags(input: string): string[] {
  return input
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** Appears under a fresh selection: colour, note and tags for the new highlight. */
export function HighlightToolbar({ quote, anchor, onSave, onCancel }: Props) {
  const [color, setColor] = useState<HighlightColor>('yellow');
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const [saving, setSaving] = useState(false);
  const top = Math.min(anchor.top, window.innerHeight - 260);
  const left = Math.max(12, Math.min(anchor.left, window.innerWidth - 360));

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
      <ColorPicker value={color} onChange={setColor} />
      <textarea aria-label="Note" placeholder="Note (optional)" value={note} rows={3} onChange={(e) => setNote(e.target.value)} />
      <input aria-label="Tags, separated by commas" placeholder="Tags, separated by commas" value={tags} onChange={(e) => setTags(e.target.value)} />
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
          Save highlight
        </button>
      </div>
    </div>
  );
}
