import { useMemo, useState } from 'react';
import type { DocumentSummary, TimelineEntry } from '../../../core/api/types';
import type { Language } from '../../../shared/i18n/language';
import type { CasefileClient } from '../api/client';
import type { Place } from '../figures/open-at-place';
import { useLanguage } from '../i18n';
import { useCall } from '../useCall';
import { dateLabel } from './date-labels';
import '../figures/figures.css';
import './timeline.css';

interface Props {
  client: CasefileClient;
  /** Bumped when documents were added or changed: the dates are read again. */
  archiveRevision: number;
  /** Whether the view is shown: hidden, it asks for nothing. */
  active: boolean;
  onOpen(place: Place): void;
  onOpenDocument(id: string): void;
}

type Grouping = 'day' | 'month';

/** How many dates are drawn before "Show all": a large archive has thousands. */
const SHOWN_FIRST = 400;

interface Group<T> {
  key: string;
  label: string;
  items: T[];
}

/** Consecutive items with the same key, in one group each (the timeline comes in date order). */
function groupRuns<T>(items: readonly T[], keyOf: (item: T) => string, labelOf: (item: T) => string): Array<Group<T>> {
  const groups: Array<Group<T>> = [];
  for (const item of items) {
    const key = keyOf(item);
    const last = groups.at(-1);
    if (last?.key === key) last.items.push(item);
    else groups.push({ key, label: labelOf(item), items: [item] });
  }
  return groups;
}

/** The month an entry belongs to (its year, for a year). */
const monthOf = (e: TimelineEntry) => (e.precision === 'year' ? e.date : e.date.slice(0, 7));

/** How an entry's date is known, as its heading says it. */
function entryDate(e: TimelineEntry, language: Language, weekOf: (monday: string) => string): string {
  return e.precision === 'week' ? weekOf(dateLabel(e.date, 'week', language)) : dateLabel(e.date, e.precision, language);
}

/**
 * The Timeline view: the publication dates and the dates written in the documents, in order, by
 * month and by day, each opening its document at the words; undated documents listed as such.
 */
export function TimelineView({ client, archiveRevision, active, onOpen, onOpenDocument }: Props) {
  const { t: catalogue, language } = useLanguage();
  const t = catalogue.timeline;
  const [grouping, setGrouping] = useState<Grouping>('day');
  const [showAll, setShowAll] = useState(false);
  const timeline = useCall(client, 'timeline', active ? {} : null, archiveRevision);
  const documents = useCall(client, 'listDocuments', active ? {} : null, archiveRevision);

  const titles = useMemo(() => new Map((documents.value ?? []).map((d) => [d.id, d.title || d.id])), [documents.value]);
  const undated: DocumentSummary[] = (documents.value ?? []).filter((d) => d.date === null);
  const entries = timeline.value ?? [];
  const shown = showAll ? entries : entries.slice(0, SHOWN_FIRST);
  const documentCount = new Set(entries.map((e) => e.doc)).size;
  const months = groupRuns(shown, monthOf, (e) => dateLabel(monthOf(e), e.precision === 'year' ? 'year' : 'month', language));

  const entryItem = (e: TimelineEntry, withDate: boolean) => {
    const title = titles.get(e.doc) ?? e.doc;
    return (
      <li key={`${e.doc}\u0000${e.start}`} className={`entry ${e.kind}`}>
        <button type="button" className="entry-open" title={t.open(title, e.text)} onClick={() => onOpen(e)}>
          <span className="entry-line">
            <mark className="entry-text">{e.text}</mark>
            <span className="entry-meta">
              {withDate && <span className="entry-date">{entryDate(e, language, t.weekOf)}</span>}
              <span className="entry-kind">{t.kinds[e.kind]}</span>
              <span>{t.precisions[e.precision]}</span>
              {e.basis === 'assumed' && <span title={t.assumedTitle}>{t.assumed}</span>}
            </span>
          </span>
          <span className="claim-source">
            <span className="claim-title">{title}</span>
          </span>
        </button>
      </li>
    );
  };

  return (
    <section className="timeline-view" aria-labelledby="timeline-title">
      <div className="view-head">
        <h2 id="timeline-title" className="pane-title">
          {t.title}
        </h2>
        <fieldset className="view-filter grouping">
          <legend className="visually-hidden">{t.groupBy}</legend>
          <span aria-hidden="true">{t.groupBy}</span>
          {(['day', 'month'] as const).map((g) => (
            <label key={g}>
              <input type="radio" name="timeline-grouping" value={g} checked={grouping === g} onChange={() => setGrouping(g)} />
              {t.groupings[g]}
            </label>
          ))}
        </fieldset>
      </div>
      {timeline.error && (
        <p className="view-problem" role="alert">
          {t.unreadable(timeline.error)}
        </p>
      )}
      {!timeline.error && timeline.value === null && <p className="empty-hint">{t.loading}</p>}
      {timeline.value?.length === 0 && <p className="empty-hint">{t.none}</p>}
      {entries.length > 0 && <p className="timeline-summary">{t.summary(entries.length, documentCount)}</p>}
      {months.map((month) => (
        <section key={month.key} className="timeline-month" aria-labelledby={`timeline-${month.key}`}>
          <h3 id={`timeline-${month.key}`}>
            {month.label} <span className="measure-count">{t.entryCount(month.items.length)}</span>
          </h3>
          {grouping === 'month' ? (
            <ol className="entries">{month.items.map((e) => entryItem(e, true))}</ol>
          ) : (
            groupRuns(month.items, (e) => `${e.precision}:${e.date}`, (e) => entryDate(e, language, t.weekOf)).map((day) =>
              // Dates known to the month (or year) only stand under the month's own heading.
              day.label === month.label ? (
                <ol key={day.key} className="entries">
                  {day.items.map((e) => entryItem(e, false))}
                </ol>
              ) : (
                <div key={day.key} className="timeline-day">
                  <h4>{day.label}</h4>
                  <ol className="entries">{day.items.map((e) => entryItem(e, false))}</ol>
                </div>
              ),
            )
          )}
        </section>
      ))}
      {entries.length > shown.length && (
        <button type="button" className="link show-all" onClick={() => setShowAll(true)}>
          {t.showAll(entries.length)}
        </button>
      )}
      {documents.value && (
        <section className="undated-documents" aria-labelledby="timeline-undated">
          <h3 id="timeline-undated">{undated.length > 0 ? t.undatedTitle(undated.length) : t.allDated}</h3>
          {undated.length > 0 && (
            <>
              <p className="option-help">{t.undatedHelp}</p>
              <ul>
                {undated.map((d) => (
                  <li key={d.id}>
                    <button type="button" className="link" onClick={() => onOpenDocument(d.id)}>
                      {d.title || d.id}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </section>
  );
}
