import { useId, useState } from 'react';
import type { CopyOf } from '../../../core/api/types';
import { useT } from '../i18n';

interface Props {
  /** The result the copies were folded into. */
  title: string;
  copies: readonly CopyOf[];
  onOpen(id: string): void;
  onCompare(id: string): void;
}

/**
 * Under a result: the other sources that carry the same text (reprints, light edits), folded into
 * it so a wire story fills one place in the results. Each can be opened, or compared with this one.
 */
export function CopiesOfHit({ title, copies, onOpen, onCompare }: Props) {
  const t = useT().duplicates;
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <div className="copies-of-hit">
      <button type="button" className="link" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        {t.alsoIn(copies.length)}
      </button>
      {open && (
        <ul id={listId} className="copies-list" aria-label={t.copiesLabel(title)}>
          {copies.map((copy) => (
            <li key={copy.id}>
              <span className="copy-title">{copy.title}</span>
              <span className="muted copy-meta">{[copy.byline, copy.date, t.inCommon(copy.similarity)].filter(Boolean).join(' · ')}</span>
              <span className="copy-actions">
                <button type="button" className="link" title={t.openTitle(copy.title)} onClick={() => onOpen(copy.id)}>
                  {t.open}
                </button>
                <button type="button" className="link" title={t.compareTitle(copy.title)} onClick={() => onCompare(copy.id)}>
                  {t.compare}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
