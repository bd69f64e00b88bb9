import { useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { WorkstationSearchResult } from '../../../core/api/types';
import { useLanguage } from '../i18n';
import type { SearchSettings } from '../search/settings';
import { dateLabel, monthRange, monthsBetween } from './date-labels';
import './timeline.css';

interface Props {
  result: WorkstationSearchResult;
  settings: SearchSettings;
  onChange(changes: Partial<SearchSettings>): void;
}

/** Beyond this many months the gaps between them are not drawn (a bar each would be a hair). */
const MAX_FILLED_MONTHS = 120;

/**
 * The search's date facet: the matching documents by month (the date range left aside), one bar
 * each; choosing a bar searches that month only, choosing it again clears the range. With a range
 * set, the undated documents it leaves out are counted, with a way to include them.
 */
export function DateHistogram({ result, settings, onChange }: Props) {
  const { t: catalogue, language } = useLanguage();
  const t = catalogue.timeline.histogram;
  const barsRef = useRef<HTMLDivElement>(null);
  const [focusAt, setFocusAt] = useState<number | null>(null);
  const histogram = result.histogram;
  const ranged = settings.from !== '' || settings.to !== '';
  const undated = result.undated ?? 0;

  const counts = new Map((histogram?.months ?? []).map((m) => [m.month, m.documents]));
  const known = [...counts.keys()];
  const months = known.length === 0 ? [] : known.length > 1 && monthsBetween(known[0], known.at(-1) ?? known[0]).length <= MAX_FILLED_MONTHS ? monthsBetween(known[0], known.at(-1) ?? known[0]) : known;
  const highest = Math.max(1, ...counts.values());
  const chosen = months.findIndex((m) => {
    const range = monthRange(m);
    return settings.from === range.from && settings.to === range.to;
  });
  const tabStop = focusAt !== null && focusAt < months.length ? focusAt : chosen >= 0 ? chosen : 0;

  const choose = (month: string, isChosen: boolean) => onChange(isChosen ? { from: '', to: '' } : monthRange(month));

  /** The bars are one stop for Tab; the arrows, Home and End move between them. */
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: tabStop + 1, ArrowLeft: tabStop - 1, Home: 0, End: months.length - 1 };
    const next = moves[event.key];
    if (next === undefined || next < 0 || next >= months.length) return;
    event.preventDefault();
    setFocusAt(next);
    barsRef.current?.querySelectorAll('button')[next]?.focus();
  };

  return (
    <>
      {months.length > 0 && (
        <div className="date-histogram">
          <div className="histogram-head">
            <span id="histogram-label">{t.label}</span>
            {(histogram?.undated ?? 0) > 0 && <span>{t.undatedInResults(histogram?.undated ?? 0)}</span>}
          </div>
          <div className={`histogram-plot${months.length > 1 ? ' several' : ''}`} style={{ '--months': months.length } as CSSProperties}>
            <div ref={barsRef} className="histogram-bars" role="toolbar" aria-labelledby="histogram-label" aria-describedby="histogram-help" onKeyDown={onKeyDown}>
              {months.map((month, i) => {
                const documents = counts.get(month) ?? 0;
                const isChosen = i === chosen;
                return (
                  <button
                    key={month}
                    type="button"
                    aria-label={t.bar(dateLabel(month, 'month', language), documents)}
                    title={t.bar(dateLabel(month, 'month', language), documents)}
                    aria-pressed={isChosen}
                    tabIndex={i === tabStop ? 0 : -1}
                    onFocus={() => setFocusAt(i)}
                    onClick={() => choose(month, isChosen)}
                  >
                    <span className="bar" style={{ height: `${documents === 0 ? 0 : Math.max(6, (documents / highest) * 100)}%` }} />
                  </button>
                );
              })}
            </div>
            <div className="histogram-axis" aria-hidden="true">
              <span>{dateLabel(months[0], 'month', language)}</span>
              {months.length > 1 && <span>{dateLabel(months.at(-1) ?? months[0], 'month', language)}</span>}
            </div>
          </div>
          <p id="histogram-help" className="visually-hidden">
            {t.help}
          </p>
        </div>
      )}
      {ranged && undated > 0 && (
        <p className="undated-notice">
          {settings.includeUndated ? t.included(undated) : t.excluded(undated)} —{' '}
          <button type="button" className="link" onClick={() => onChange({ includeUndated: !settings.includeUndated })}>
            {settings.includeUndated ? t.exclude : t.include}
          </button>
        </p>
      )}
    </>
  );
}
