import { useState } from 'react';
import type { AnchoredAnnotation, HighlightColor } from '../../../core/annotations/model';
import { ColorPicker } from './ColorPicker';
import { parseTags } from './HighlightToolbar';

interface Props {
  annotations: AnchoredAnnotation[];
  hasDocument: boolean;
  focused: string | null;
  onFocus(id: string): void;
  onUpdate(changes: { id: string; note?: string; tags?: string[]; color?: HighlightColor }): Promise<void>;
  onDelete(id: string): Promise<void>;
}

const STATUS_TEXT = {
  anchored: null,
  moved: 'Source changed; the quote was found at a new place',
  fuzzy: 'Source changed; a similar passage needs review',
  orphaned: 'Not found in the current source',
} as const;

export function AnnotationSidebar({ annotations, hasDocument, focused, onFocus, onUpdate, onDelete }: Props) {
  const ordered = [...annotations].sort((a, b) => (a.current?.start ?? Infinity) - (b.current?.start ?? Infinity));
  return (
    <aside className="pane sidebar-pane" aria-label="Annotations">
      <h2 className="pane-title">
        Annotations <span className="count">{hasDocument ? annotations.length : ''}</span>
      </h2>
      {!hasDocument && <p className="empty-hint">Open an article to see its highlights and notes.</p>}
      {hasDocument && annotations.length === 0 && (
        <p className="empty-hint">No highlights yet. Select a passage in the article to add one.</p>
      )}
      <ul className="annotation-list">
        {ordered.map((annotation) => (
          <AnnotationCard
            key={annotation.id}
            annotation={annotation}
            focused={annotation.id === focused}
            onFocus={() => onFocus(annotation.id)}
            onUpdate={onUpdate}
            onDelete={() => onDelete(annotation.id)}
          />
        ))}
      </ul>
    </aside>
  );
}

function AnnotationCard({
  annotation,
  focused,
  onFocus,
  onUpdate,
  onDelete,
}: {
  annotation: AnchoredAnnotation;
  focused: boolean;
  onFocus(): void;
  onUpdate: Props['onUpdate'];
  onDelete(): Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [note, setNote] = useState(annotation.note);
  const [tags, setTags] = useState(annotation.tags.join(', '));
  const [color, setColor] = useState(annotation.color);
  const status = STATUS_TEXT[annotation.status];
  const quote = annotation.target.quote.exact;

  return (
    <li className={`annotation-card hl-border-${annotation.color}${focused ? ' focused' : ''}`} aria-current={focused ? 'true' : undefined}>
      <button type="button" className="card-quote" onClick={onFocus} title="Show in the article">
        “{quote.length > 220 ? `${quote.slice(0, 219)}…` : quote}”
      </button>
      {status && <p className={`status status-${annotation.status}`}>{status}</p>}
      {editing ? (
        <div className="card-edit">
          <ColorPicker value={color} onChange={setColor} />
          <textarea aria-label="Edit note" value={note} rows={4} onChange={(e) => setNote(e.target.value)} />
          <input aria-label="Edit tags" value={tags} onChange={(e) => setTags(e.target.value)} />
          <div className="toolbar-actions">
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              onClick={async () => {
                await onUpdate({ id: annotation.id, note, tags: parseTags(tags), color });
                setEditing(false);
              }}
            >
              Save
            </button>
          </div>
        </div>
      ) : (
        <>
          {annotation.note && <p className="card-note">{annotation.note}</p>}
          {annotation.tags.length > 0 && (
            <p className="card-tags">
              {annotation.tags.map((tag) => (
                <span className="tag" key={tag}>
                  {tag}
                </span>
              ))}
            </p>
          )}
          <div className="card-actions">
            <button type="button" className="link" onClick={() => setEditing(true)}>
              Edit
            </button>
            {confirmingDelete ? (
              <>
                <span className="muted">Delete this highlight?</span>
                <button type="button" className="link danger" onClick={() => void onDelete()}>
                  Delete
                </button>
                <button type="button" className="link" onClick={() => setConfirmingDelete(false)}>
                  Keep
                </button>
              </>
            ) : (
              <button type="button" className="link" onClick={() => setConfirmingDelete(true)}>
                Delete…
              </button>
            )}
          </div>
        </>
      )}
    </li>
  );
}
