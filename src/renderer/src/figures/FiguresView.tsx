import { useMemo, useState } from 'react';
import type { AnchoredAnnotation, Claim, Measure, MeasureFigures } from '../../../core/api/types';
import type { CasefileClient } from '../api/client';
import { useLanguage } from '../i18n';
import { useCall } from '../useCall';
import { distinctValues, markedSentence } from './claim-text';
import { claimValue } from './claim-value';
import type { Place } from './open-at-place';
import './figures.css';

interface Props {
  client: CasefileClient;
  /** Bumped when documents were added or changed: the figures are read again. */
  archiveRevision: number;
  /** Bumped after every change to the annotations: which claims are annotated is asked again. */
  annotationsRevision: number;
  /** Whether the view is shown: hidden, it asks for nothing. */
  active: boolean;
  onOpen(place: Place): void;
  onAnnotate(claim: Claim): Promise<void>;
  onShowAnnotation(annotation: AnchoredAnnotation): void;
  /** Puts the measure's claims, as a table, in the dossier (acknowledged or failing visibly by the caller). */
  onAddTable(measure: Measure): void;
}

type MeasureChoice = Measure | 'all';

/** Claims of one measure side by side, highest value first (the totals that disagree lead), then by date. */
function byValue(a: Claim, b: Claim): number {
  return b.value - a.value || (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.doc.localeCompare(b.doc) || a.start - b.start;
}

/**
 * The Figures view: for each measure (deaths, detentions, …) the numbers the sources give, side by
 * side with the source, its date and the sentence; where they cannot all be true, it says so in words.
 * A claim opens its source at the sentence, and one click annotates it.
 */
export function FiguresView({ client, archiveRevision, annotationsRevision, active, onOpen, onAnnotate, onShowAnnotation, onAddTable }: Props) {
  const { t: catalogue, language } = useLanguage();
  const t = catalogue.figures;
  const [choice, setChoice] = useState<MeasureChoice>('all');
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const figures = useCall(client, 'figures', active ? {} : null, archiveRevision);
  const documents = useCall(client, 'listDocuments', active ? {} : null, archiveRevision);
  const annotations = useCall(client, 'listAnnotations', active ? {} : null, annotationsRevision);

  const titles = useMemo(() => new Map((documents.value ?? []).map((d) => [d.id, d.title || d.id])), [documents.value]);
  const annotationAt = useMemo(() => {
    const at = new Map<string, AnchoredAnnotation>();
    for (const a of annotations.value ?? []) if (a.current && a.status !== 'orphaned') at.set(placeKey({ doc: a.target.docId, ...a.current }), a);
    return at;
  }, [annotations.value]);

  const all = figures.value ?? [];
  const shownMeasure = choice !== 'all' && all.some((f) => f.measure === choice) ? choice : 'all';
  const shown = shownMeasure === 'all' ? all : all.filter((f) => f.measure === shownMeasure);

  const annotate = async (claim: Claim) => {
    const key = placeKey(claim);
    setBusy((b) => new Set(b).add(key));
    try {
      await onAnnotate(claim);
    } finally {
      setBusy((b) => {
        const next = new Set(b);
        next.delete(key);
        return next;
      });
    }
  };

  return (
    <section className="figures-view" aria-labelledby="figures-title">
      <div className="view-head">
        <h2 id="figures-title" className="pane-title">
          {t.title}
        </h2>
        {all.length > 1 && (
          <label className="view-filter">
            {t.filter}
            <select value={shownMeasure} onChange={(e) => setChoice(e.target.value as MeasureChoice)}>
              <option value="all">{t.allMeasures}</option>
              {all.map((f) => (
                <option key={f.measure} value={f.measure}>
                  {t.measures[f.measure]} ({f.claims.length})
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {figures.error && (
        <p className="view-problem" role="alert">
          {t.unreadable(figures.error)}
        </p>
      )}
      {!figures.error && figures.value === null && <p className="empty-hint">{t.loading}</p>}
      {figures.value?.length === 0 && <p className="empty-hint">{t.none}</p>}
      {shown.map((group) => (
        <MeasureSection
          key={group.measure}
          group={group}
          titles={titles}
          annotationAt={annotationAt}
          busy={busy}
          onOpen={onOpen}
          onAnnotate={(claim) => void annotate(claim)}
          onShowAnnotation={onShowAnnotation}
          onAddTable={onAddTable}
          language={language}
          t={t}
        />
      ))}
    </section>
  );
}

interface SectionProps {
  group: MeasureFigures;
  titles: ReadonlyMap<string, string>;
  annotationAt: ReadonlyMap<string, AnchoredAnnotation>;
  busy: ReadonlySet<string>;
  onOpen(place: Place): void;
  onAnnotate(claim: Claim): void;
  onAddTable(measure: Measure): void;
  onShowAnnotation(annotation: AnchoredAnnotation): void;
  language: ReturnType<typeof useLanguage>['language'];
  t: ReturnType<typeof useLanguage>['t']['figures'];
}

function MeasureSection({ group, titles, annotationAt, busy, onOpen, onAnnotate, onShowAnnotation, onAddTable, language, t }: SectionProps) {
  const { measure, conflict } = group;
  const claims = [...group.claims].sort(byValue);
  const sources = new Set(claims.map((c) => c.doc)).size;
  const headingId = `measure-${measure}`;
  const values = distinctValues(claims);
  return (
    <section className={`measure${conflict ? ' conflict' : ''}`} aria-labelledby={headingId} data-measure={measure}>
      <h3 id={headingId}>
        {t.measures[measure]}
        <span className="measure-count">
          {t.claims(claims.length)} · {t.sources(sources)}
        </span>
      </h3>
      <p className={`agreement ${conflict ? 'disagree' : 'agree'}`}>
        <span className="agreement-mark" aria-hidden="true">
          {conflict ? '≠' : '='}
        </span>
        {conflict ? t.conflict : t.agree}
      </p>
      {/* Named by its visible words first (speech input), the measure after them; the tooltip says what the table holds.
          The name is one string: a hidden span's text came out of Chromium as "dossier : Deaths". */}
      <button
        type="button"
        className="link measure-table"
        aria-label={`${t.addTable}: ${t.measures[measure]}`}
        title={t.addTableLabel(t.measureLower[measure])}
        onClick={() => onAddTable(measure)}
      >
        {t.addTable}
      </button>
      <ul className="values" aria-label={t.valuesLabel(t.measureLower[measure])}>
        {values.map((v) => (
          <li key={v}>{v.toLocaleString(language)}</li>
        ))}
      </ul>
      <ul className="claims" aria-label={t.claimList(t.measureLower[measure])}>
        {claims.map((claim) => {
          const key = placeKey(claim);
          const title = titles.get(claim.doc) ?? claim.doc;
          const value = claimValue(claim, t, language);
          const sentence = markedSentence(claim);
          const annotation = annotationAt.get(key);
          return (
            <li key={key} className="claim">
              <span className="claim-value">{value}</span>
              <div className="claim-body">
                <button type="button" className="claim-open" title={t.open(title)} onClick={() => onOpen(claim)}>
                  <q className="claim-sentence">
                    {sentence.before}
                    <mark>{sentence.marked}</mark>
                    {sentence.after}
                  </q>
                  <span className="claim-source">
                    <span className="claim-title">{title}</span> · {claim.date ?? t.undated}
                  </span>
                </button>
                {annotation ? (
                  <button type="button" className="claim-annotate done" aria-label={t.annotatedLabel(value, title)} onClick={() => onShowAnnotation(annotation)}>
                    <span aria-hidden="true">✓ </span>
                    {t.annotated}
                  </button>
                ) : (
                  <button
                    type="button"
                    className="claim-annotate"
                    aria-label={t.annotateLabel(value, title)}
                    aria-disabled={busy.has(key) || undefined}
                    onClick={() => !busy.has(key) && onAnnotate(claim)}
                  >
                    {t.annotate}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function placeKey(place: Place): string {
  return `${place.doc}\u0000${place.start}\u0000${place.end}`;
}
