import { useId, useState } from 'react';
import type { DocumentMark } from '../../../core/api/types';
import { parseTags } from '../components/TagInput';
import { useT } from '../i18n';
import './marks.css';

/** A document's star: a toggle button, pressed when the document is starred. */
export function StarButton({ describedBy, starred, onChange }: { describedBy?: string; starred: boolean; onChange(starred: boolean): void }) {
  const t = useT().marks;
  return (
    <button
      type="button"
      className={`star-button${starred ? ' starred' : ''}`}
      aria-pressed={starred}
      aria-label={t.starLabel}
      aria-describedby={describedBy}
      title={starred ? t.starred : t.star}
      onClick={() => onChange(!starred)}
    >
      <span aria-hidden="true">{starred ? '★' : '☆'}</span>
    </button>
  );
}

/** The reader's header: the open document's star and its tags (a field of comma-separated tags, saved on Enter or when left). */
export function DocumentMarks({ mark, error, onChange }: { mark: DocumentMark | undefined; error: string | null; onChange(change: { starred?: boolean; tags?: string[] }): void }) {
  const t = useT().marks;
  const id = useId();
  const saved = (mark?.tags ?? []).join(', ');
  const [draft, setDraft] = useState<string | null>(null);
  const save = () => {
    if (draft !== null && draft !== saved) onChange({ tags: parseTags(draft) });
    setDraft(null);
  };
  return (
    <div className="document-marks">
      <StarButton starred={mark?.starred ?? false} onChange={(starred) => onChange({ starred })} />
      <label htmlFor={id} className="visually-hidden">
        {t.tagsLabel}
      </label>
      <input
        id={id}
        className="document-tags"
        value={draft ?? saved}
        placeholder={t.tagsPlaceholder}
        spellCheck={false}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') save();
        }}
      />
      {error && (
        <span className="query-error" role="alert">
          {t.failed(error)}
        </span>
      )}
    </div>
  );
}

/** A result's marks as read in the list: its tags, small (the star is a button beside it). */
export function MarkTags({ mark }: { mark: DocumentMark | undefined }) {
  if (!mark || mark.tags.length === 0) return null;
  return (
    <span className="mark-tags">
      {mark.tags.map((tag) => (
        <span key={tag} className="mark-tag">
          {tag}
        </span>
      ))}
    </span>
  );
}
