import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ResultOf } from '../../../core/api/types';
import type { CasefileClient } from '../api/client';
import { Modal } from '../components/Modal';
import { useT } from '../i18n';
import { useCall } from '../useCall';
import './duplicates.css';

type Comparison = ResultOf<'compareDocuments'>;
type Part = NonNullable<Comparison['parts']>[number];

interface Props {
  client: CasefileClient;
  /** The two documents, as the results list them: the first on the left. */
  a: string;
  b: string;
  onOpen(id: string): void;
  onClose(): void;
}

/** Each part with the number of the difference it belongs to (consecutive removed/added runs are one difference), or null. */
function numbered(parts: readonly Part[]): Array<{ part: Part; change: number | null }> {
  let change = 0;
  let inChange = false;
  return parts.map((part) => {
    if (part.kind === 'same') {
      inChange = false;
      return { part, change: null };
    }
    if (!inChange) change++;
    inChange = true;
    return { part, change };
  });
}

/**
 * Two documents side by side, the words only one of them has marked (struck through on the left,
 * underlined on the right, and named for screen readers, which do not announce del and ins), with
 * a way to step through the differences in both columns at once.
 */
export function CompareDialog({ client, a, b, onOpen, onClose }: Props) {
  const t = useT().duplicates;
  const { value: comparison, error } = useCall(client, 'compareDocuments', { a, b }, 0);
  const parts = useMemo(() => numbered(comparison?.parts ?? []), [comparison]);
  const total = parts.reduce((n, p) => Math.max(n, p.change ?? 0), 0);
  const [current, setCurrent] = useState(0);
  const columns = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (current === 0) return;
    for (const mark of columns.current?.querySelectorAll(`[data-change="${current}"]`) ?? []) {
      mark.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
  }, [current]);

  const side = (kind: 'removed' | 'added') => {
    const Mark = kind === 'removed' ? 'del' : 'ins';
    // A difference this side has no words of (an insertion seen from the other side) still gets a
    // place here, so stepping to it scrolls both columns to the same point.
    const own = new Set(parts.filter(({ part }) => part.kind === kind).map(({ change }) => change));
    const placed = new Set<number>();
    const out: ReactNode[] = [];
    parts.forEach(({ part, change }, i) => {
      if (change !== null && !own.has(change)) {
        if (!placed.has(change)) out.push(<span key={i} data-change={change} className={`change-gap${change === current ? ' current' : ''}`} aria-hidden="true" />);
        placed.add(change);
        return;
      }
      if (part.kind !== 'same' && part.kind !== kind) return;
      out.push(
        change === null ? (
          <span key={i}>{part.text}</span>
        ) : (
          <Mark key={i} data-change={change} className={change === current ? 'current' : undefined}>
            <span className="visually-hidden">{kind === 'removed' ? t.removedMark : t.addedMark} </span>
            {part.text}
          </Mark>
        ),
      );
    });
    return out;
  };

  const heading = (document: Comparison['a'] | undefined) =>
    document && (
      <div className="compare-heading">
        <h3>{document.title}</h3>
        <span className="muted">{[document.byline, document.date].filter(Boolean).join(' · ')}</span>
        <button type="button" className="link" title={t.openTitle(document.title)} onClick={() => onOpen(document.id)}>
          {t.open}
        </button>
      </div>
    );

  return (
    <Modal title={t.dialogTitle} onClose={onClose} wide className="compare-dialog">
      {error && (
        <p className="query-error" role="alert">
          {error}
        </p>
      )}
      {!comparison && !error && <p className="muted">{t.loading}</p>}
      {comparison && (
        <>
          <div className="compare-toolbar">
            <p className="compare-summary">
              {t.summary(comparison.similarity)} {comparison.parts ? t.changes(total) : t.tooDifferent}
            </p>
            {total > 0 && (
              <div className="compare-steps">
                <button type="button" disabled={current <= 1} onClick={() => setCurrent(current - 1)}>
                  {t.previousChange}
                </button>
                <span aria-live="polite" className="compare-position">
                  {current > 0 ? t.changeOf(current, total) : ''}
                </span>
                <button type="button" className="primary" disabled={current >= total} onClick={() => setCurrent(current + 1)}>
                  {t.nextChange}
                </button>
              </div>
            )}
          </div>
          <div className="compare-columns" ref={columns}>
            <section aria-label={comparison.a.title}>
              {heading(comparison.a)}
              <div className="compare-text" tabIndex={0}>
                {comparison.parts ? side('removed') : null}
              </div>
            </section>
            <section aria-label={comparison.b.title}>
              {heading(comparison.b)}
              <div className="compare-text" tabIndex={0}>
                {comparison.parts ? side('added') : null}
              </div>
            </section>
          </div>
        </>
      )}
      <div className="toolbar-actions">
        <button type="button" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </Modal>
  );
}
