import { useEffect, useRef, useState } from 'react';
import type { AnchoredAnnotation } from '../../../core/api/types';
import type { CasefileClient } from '../api/client';
import { isFiltered, listArgs, NO_FILTERS, type AnnotationFilters } from '../annotations/filters';
import { useT } from '../i18n';
import { useCall } from '../useCall';
import { useDebounced } from '../useDebounced';
import { AnnotationCard, type AnnotationActions, type DossierTarget, type EditRequest } from './AnnotationCard';
import { AnnotationFilterBar } from './AnnotationFilterBar';
import type { TagCounts } from './TagInput';
import { Tabs } from './Tabs';

interface Props {
  client: CasefileClient;
  /** Bumped by the App after every change to the annotations: the list is asked for again. */
  revision: number;
  /** The document open in the reader, if any. */
  docId: string | null;
  knownTags: TagCounts;
  focused: string | null;
  actions: AnnotationActions;
  /** Where "Add to dossier" puts an annotation; absent, the cards have no such button. */
  dossier?: DossierTarget;
  /** The `n` or `t` key on a focused highlight: its card opens its editor. */
  editRequest?: EditRequest | null;
}

type Tab = 'document' | 'all';

const TEXT_DEBOUNCE_MS = 200;

/** Annotations of the open document or of the whole archive, filtered, with the orphaned ones apart. */
export function AnnotationSidebar({ client, revision, docId, knownTags, focused, actions, dossier, editRequest = null }: Props) {
  const t = useT().annotations.sidebar;
  const [tab, setTab] = useState<Tab>('document');
  const [filters, setFilters] = useState<AnnotationFilters>(NO_FILTERS);
  const text = useDebounced(filters.text, TEXT_DEBOUNCE_MS);
  const scope = tab === 'all' ? null : docId;
  const listed = useCall(client, 'listAnnotations', tab === 'all' || docId ? listArgs({ ...filters, text }, scope) : null, revision);
  // Titles for the groups of the whole archive (asked for each time that tab is opened, and after changes).
  const documents = useCall(client, 'listDocuments', tab === 'all' ? {} : null, revision);
  const titles = new Map((documents.value ?? []).map((d) => [d.id, d.title]));
  const listRef = useRef<HTMLDivElement>(null);

  // A highlight clicked in the reader brings its card into view.
  useEffect(() => {
    if (focused) listRef.current?.querySelector(`[data-annotation-card="${focused}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [focused]);

  const annotations = listed.value ?? [];
  const placed = annotations.filter((a) => a.status !== 'orphaned').sort(byPlace);
  const orphaned = annotations.filter((a) => a.status === 'orphaned').sort(byPlace);
  const filtered = isFiltered(filters);
  const card = (annotation: AnchoredAnnotation, withTitle = false) => (
    <AnnotationCard
      key={annotation.id}
      annotation={annotation}
      focused={annotation.id === focused}
      documentTitle={withTitle ? (titles.get(annotation.target.docId) ?? annotation.target.docId) : undefined}
      documentMissing={documents.value !== null && !titles.has(annotation.target.docId)}
      knownTags={knownTags}
      actions={actions}
      dossier={dossier}
      editRequest={editRequest}
    />
  );

  const tabs: ReadonlyArray<[Tab, string]> = [
    ['document', t.tabs.document],
    ['all', t.tabs.all],
  ];

  return (
    <>
      <Tabs<Tab> tabs={tabs} value={tab} onChange={setTab} label={t.tabsLabel} idPrefix="annotations-tab" panelId="annotations-panel" className="sidebar-tabs" />
      <div className="sidebar-panel" role="tabpanel" id="annotations-panel" aria-labelledby={`annotations-tab-${tab}`} ref={listRef}>
        <AnnotationFilterBar filters={filters} onChange={setFilters} knownTags={knownTags} />
        {listed.error && (
          <p className="query-error" role="alert">
            {listed.error}
          </p>
        )}
        {tab === 'document' && !docId ? (
          <p className="empty-hint">{t.noDocument}</p>
        ) : (
          <>
            <p className="annotation-count" aria-live="polite">
              {annotations.length === 0
                ? filtered
                  ? t.noMatch
                  : tab === 'document'
                    ? t.noneInDocument
                    : t.noneInArchive
                : t.count(annotations.length, filtered)}
            </p>
            <div className={listed.stale ? 'outdated' : undefined} aria-busy={listed.stale || undefined}>
              {tab === 'document' ? (
                <ul className="annotation-list">{placed.map((a) => card(a))}</ul>
              ) : (
                groupByDocument(placed).map(([id, group]) => (
                  <section key={id} className="annotation-group" aria-label={titles.get(id) ?? id}>
                    <h3 className="group-title">{titles.get(id) ?? id}</h3>
                    <ul className="annotation-list">{group.map((a) => card(a))}</ul>
                  </section>
                ))
              )}
              {orphaned.length > 0 && (
                <section className="orphaned-section" aria-labelledby="orphaned-title">
                  <h3 className="group-title" id="orphaned-title">
                    {t.orphaned} <span className="count">{orphaned.length}</span>
                  </h3>
                  <p className="orphaned-help">{t.orphanedHelp}</p>
                  <ul className="annotation-list">{orphaned.map((a) => card(a, tab === 'all'))}</ul>
                </section>
              )}
            </div>
          </>
        )}
      </div>
    </>
  );
}

/** Reading order: by document, then by place (an orphaned one by the place it was made at). */
function byPlace(a: AnchoredAnnotation, b: AnchoredAnnotation): number {
  return a.target.docId.localeCompare(b.target.docId) || (a.current ?? a.target.position).start - (b.current ?? b.target.position).start;
}

function groupByDocument(annotations: AnchoredAnnotation[]): Array<[string, AnchoredAnnotation[]]> {
  const groups = new Map<string, AnchoredAnnotation[]>();
  for (const a of annotations) groups.set(a.target.docId, [...(groups.get(a.target.docId) ?? []), a]);
  return [...groups];
}
