import { useRef, useState, type CSSProperties } from 'react';
import type { CommandId } from '../../shared/commands';
import { afterRender } from './after-render';
import { annotationActions } from './annotations/annotation-actions';
import type { CasefileClient } from './api/client';
import { Overlays, type Dialog } from './app/Overlays';
import { SidePane, type Place } from './app/SidePane';
import { TopBar } from './app/TopBar';
import { useArchive } from './app/use-archive';
import { useNotices } from './app/use-notices';
import { useOpenedDocument } from './app/use-opened-document';
import { DocumentMarks } from './marks/DocumentMarks';
import { useDocumentMarks } from './marks/use-document-marks';
import { commandHandlers } from './commands/command-handlers';
import { useMenuCommands } from './commands/use-menu-commands';
import type { EditRequest } from './components/AnnotationCard';
import { AnnotationSidebar } from './components/AnnotationSidebar';
import { DossierPanel } from './components/DossierPanel';
import { EmptyReader } from './components/EmptyReader';
import { OpenedAnnouncement } from './components/OpenedAnnouncement';
import { Reader, type ReaderHandle } from './components/Reader';
import { SearchPanel } from './components/SearchPanel';
import { SourceButtons } from './components/SourceButtons';
import { SourcePageView } from './components/SourcePrintView';
import { StoreProblemBanner } from './components/StoreProblemBanner';
import { dossierAdding, itemCount } from './dossier/dossier-target';
import { useDossierEditor } from './dossier/use-dossier';
import { addedSummary, useAddFiles, type AddedFile } from './ingest/add-files';
import { claimAnnotating } from './figures/annotate-claim';
import { FiguresView } from './figures/FiguresView';
import { openAtPlace, type Place as TextPlace } from './figures/open-at-place';
import { useLanguage } from './i18n';
import { TimelineView } from './timeline/TimelineView';
import { useCommandKeys } from './keys';
import { clampSize, LIMITS, useLayout, useTheme, type Layout, type SizeName } from './layout/layout';
import { openLinkedAnnotation, useAnnotationLinks } from './links/annotation-links';
import { openOriginalAndSay } from './links/original-file';
import { ReaderControls } from './layout/ReaderControls';
import { Splitter } from './layout/Splitter';
import { INITIAL_SEARCH, type SearchSettings } from './search/settings';
import { useCall } from './useCall';
import { useOtherChanges } from './useOtherChanges';

/** The window: the archive's search, the reader and the annotations or dossier, with the commands over them. */
export function App({ client }: { client: CasefileClient }) {
  const { t, language } = useLanguage();
  const archive = useArchive(client);
  const { info, revision, archiveRevision, annotationsChanged, archiveChanged } = archive;
  const { notice, dismissNotice, fail, toast, notify, dismissToast } = useNotices();
  const article = useOpenedDocument(client, { onFail: fail, onRead: annotationsChanged });
  const { opened, docId, focusedAnnotation, setFocusedAnnotation } = article;
  const documentMarks = useDocumentMarks(client, revision);
  /** Moves when another window or process saved data: views of data not tied to annotations ask again. */
  const [otherData, setOtherData] = useState(0);
  const [search, setSearch] = useState<SearchSettings>(INITIAL_SEARCH);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [place, setPlace] = useState<Place>('annotations');
  const [editRequest, setEditRequest] = useState<EditRequest | null>(null);
  const [pageView, setPageView] = useState(false);
  const [layout, changeLayout] = useLayout();
  useTheme(layout.theme);
  const readerRef = useRef<ReaderHandle>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const dossier = useDossierEditor(client);

  const docAnnotations = useCall(client, 'listAnnotations', docId ? { docId } : null, revision);
  const knownTags = useCall(client, 'listTags', {}, revision).value ?? [];

  // Another process saved annotations or dossiers, or source files changed on disk: every view asks again.
  useOtherChanges(client, (changes) => {
    if (changes.archive) archiveChanged();
    if (changes.data) {
      setOtherData((n) => n + 1);
      annotationsChanged();
      void dossier.refresh().catch(() => undefined);
    }
  });
  const files = useAddFiles(client, (results: AddedFile[], shown: boolean) => {
    archiveChanged();
    // The dialog lists each file; hidden before the end, a message says how it went.
    if (!shown) notify(t.ingest.adding.addedToast(addedSummary(results, t.ingest.adding)));
  });

  const { actions, undoOrRedo, create } = annotationActions({ client, article, search, notify, fail, annotationsChanged, t });
  const toDossier = dossierAdding(dossier, notify, fail, t);
  const annotateClaim = claimAnnotating({ client, notify, fail, annotationsChanged, undo: () => void undoOrRedo('undo'), t, language });
  /** A figure's or a date's words, shown selected in their document. */
  const openAt = (at: TextPlace) => void openAtPlace(at, docId, (id) => article.open(id, search), readerRef).catch(fail);

  /** The sidebar shown at `to`, leaving reading mode, so what a command acts on is in view. */
  const showSidebar = (to: Place) => {
    setPlace(to);
    changeLayout({ reading: false });
  };
  const resize = (name: SizeName, value: number) => changeLayout({ [name]: clampSize(name, value) } as Partial<Layout>);
  // casefile://annotation/<id> and the page's #/annotation/<id>: the annotation, shown and focused.
  useAnnotationLinks((id) =>
    void openLinkedAnnotation(client, id, {
      show: (annotation) => {
        showSidebar('annotations');
        return actions.show(annotation);
      },
      notify,
    }).catch(fail),
  );

  const runCommand = (id: CommandId) =>
    commandHandlers({
      openDialog: setDialog,
      changeLayout,
      theme: layout.theme,
      showSidebar,
      chooseFiles: () => fileInput.current?.click(),
      reader: readerRef,
      articleOpen: opened !== null,
      focusedAnnotation,
      editAnnotation: (id, field) => {
        showSidebar('annotations');
        setEditRequest((previous) => ({ id, field, serial: (previous?.serial ?? 0) + 1 }));
      },
      addToDossier: (annotationId) => void toDossier.add(annotationId),
      deleteAnnotation: (annotationId) => void actions.remove(annotationId),
      undoOrRedo: (which) => void undoOrRedo(which),
      copyLink: (annotationId) => actions.copyLink(annotationId),
      openOriginal: () => opened && void openOriginalAndSay(opened.document.id, notify),
      pageView: () => setPageView(true),
      notify,
      said: t.commands.said,
    })[id]();

  // Every command's key, from one list (src/shared/commands.ts); none while a dialog is open.
  useCommandKeys(runCommand, dialog === null && files.adding === null);
  useMenuCommands(runCommand);

  if (archive.fatal) {
    return (
      <main className="fatal" role="alert">
        <h1>{t.app.cannotOpen}</h1>
        <p>{archive.fatal}</p>
      </main>
    );
  }

  return (
    <div className="app">
      <TopBar info={info} theme={layout.theme} fileInput={fileInput} onFiles={(chosen) => void files.add(chosen)} onRun={runCommand} onOpen={setDialog} />
      {info?.storeProblem && (
        <StoreProblemBanner
          client={client}
          problem={info.storeProblem}
          onRestored={(next) => {
            archive.setInfo(next);
            annotationsChanged();
            notify(t.app.restored);
          }}
        />
      )}
      {notice && (
        <div className="banner" role="status">
          {notice}{' '}
          <button type="button" className="link" onClick={dismissNotice}>
            {t.app.dismiss}
          </button>
        </div>
      )}
      {docAnnotations.error && (
        <div className="banner error" role="alert">
          The annotations of this article could not be read: {docAnnotations.error}
        </div>
      )}
      <main
        className={['panes', place === 'dossier' && 'dossier-open', layout.reading && 'reading'].filter(Boolean).join(' ')}
        style={{ '--results-width': `${layout.resultsWidth}px`, '--side-width': `${layout.sideWidth}px` } as CSSProperties}
      >
        <SearchPanel
          client={client}
          settings={search}
          onSettingsChange={setSearch}
          openId={docId}
          onOpen={(id) => void article.open(id, search)}
          archiveRevision={archiveRevision}
          dataRevision={otherData}
          onBatchSearch={() => setDialog('batch-search')}
          onOpenAt={openAt}
          marks={documentMarks}
        />
        <Splitter
          label={t.app.resize.results}
          controls="results-pane"
          value={layout.resultsWidth}
          min={LIMITS.resultsWidth.min}
          max={LIMITS.resultsWidth.max}
          direction={1}
          onChange={(width) => resize('resultsWidth', width)}
        />
        <Reader
          key={article.openCount}
          ref={readerRef}
          display={layout}
          controls={
            <>
              <ReaderControls layout={layout} onRun={runCommand} />
              <SourceButtons onRun={runCommand} />
            </>
          }
          empty={
            <EmptyReader
              documentCount={info?.documentCount ?? null}
              archiveRoot={info?.archiveRoot ?? null}
              onRun={runCommand}
              onTry={(query) => {
                setSearch({ ...search, query });
                afterRender(() => document.getElementById('search-input')?.focus());
              }}
            />
          }
          opened={opened}
          // Until the new document's annotations arrive, none are drawn (not the last document's).
          annotations={docAnnotations.stale ? [] : (docAnnotations.value ?? [])}
          focusedAnnotation={focusedAnnotation}
          reveal={article.reveal}
          knownTags={knownTags}
          onFocusAnnotation={setFocusedAnnotation}
          onCreate={create}
          onEditMetadata={() => setDialog('metadata')}
          marks={
            opened && (
              <DocumentMarks
                key={opened.document.id}
                mark={documentMarks.marks.get(opened.document.id)}
                error={documentMarks.error}
                onChange={(change) => void documentMarks.mark(opened.document.id, change)}
              />
            )
          }
        />
        <Splitter
          label={{ annotations: t.app.resize.annotations, dossier: t.app.resize.dossier, figures: t.figures.resize, timeline: t.timeline.resize }[place]}
          controls="sidebar-pane"
          value={layout.sideWidth}
          min={LIMITS.sideWidth.min}
          max={LIMITS.sideWidth.max}
          direction={-1}
          onChange={(width) => resize('sideWidth', width)}
        />
        <SidePane
          place={place}
          onPlace={setPlace}
          itemCount={itemCount(dossier.current)}
          annotations={
            <AnnotationSidebar
              client={client}
              revision={revision}
              docId={docId}
              knownTags={knownTags}
              focused={focusedAnnotation}
              actions={actions}
              dossier={toDossier.target}
              editRequest={editRequest}
            />
          }
          dossier={<DossierPanel client={client} editor={dossier} revision={revision} active={place === 'dossier'} onShow={(a) => void actions.show(a)} />}
          figures={
            <FiguresView
              client={client}
              archiveRevision={archiveRevision}
              annotationsRevision={revision}
              active={place === 'figures'}
              onOpen={openAt}
              onAnnotate={annotateClaim}
              onShowAnnotation={(a) => void actions.show(a)}
              onAddTable={(measure) => void dossier.addClaimsTable(measure, t.figures.measureLower[measure]).then(notify, fail)}
            />
          }
          timeline={
            <TimelineView client={client} archiveRevision={archiveRevision} active={place === 'timeline'} onOpen={openAt} onOpenDocument={(id) => void article.open(id, search)} />
          }
        />
      </main>
      <OpenedAnnouncement opened={opened} />
      <Overlays
        client={client}
        dialog={dialog}
        onCloseDialog={() => setDialog(null)}
        toast={toast}
        onDismissToast={dismissToast}
        notify={notify}
        onRun={runCommand}
        archiveRevision={archiveRevision}
        openedDocument={opened?.document ?? null}
        onMetadataSaved={(summary) => {
          article.metadataSaved(summary);
          archiveChanged();
        }}
        files={files}
        onAnnotationsImported={annotationsChanged}
        search={search}
        onSearch={(query) => setSearch({ ...search, query })}
      />
      {pageView && opened && (
        <SourcePageView
          client={client}
          document={opened.document}
          onClose={() => setPageView(false)}
          highlighting={{ annotations: docAnnotations.stale ? [] : (docAnnotations.value ?? []), knownTags, onCreate: create }}
        />
      )}
    </div>
  );
}
