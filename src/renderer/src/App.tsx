import { useCallback, useEffect, useEffectEvent, useRef, useState, type CSSProperties } from 'react';
import type { AnchoredAnnotation, OpenedDocument, WorkstationInfo } from '../../core/api/types';
import type { CasefileClient } from './api/client';
import { COMMANDS, type CommandId } from '../../shared/commands';
import { CommandPalette } from './commands/CommandPalette';
import { ShortcutsSheet } from './commands/ShortcutsSheet';
import { commandKey, useCommandKeys } from './keys';
import { AddFilesDialog } from './components/AddFilesDialog';
import { AnnotationFilesDialog } from './components/AnnotationFilesDialog';
import type { AnnotationActions, DossierTarget, EditRequest } from './components/AnnotationCard';
import { AnnotationSidebar } from './components/AnnotationSidebar';
import { DossierPanel } from './components/DossierPanel';
import { DropZone } from './components/DropZone';
import type { DraftField } from './components/DraftEditor';
import { EmptyReader } from './components/EmptyReader';
import { ExportDialog } from './components/ExportDialog';
import { IngestReportDialog } from './components/IngestReportDialog';
import { MetadataDialog } from './components/MetadataDialog';
import { OpenArchiveDialog } from './components/OpenArchiveDialog';
import { PreferencesDialog } from './components/PreferencesDialog';
import { showQuerySyntax } from './components/QuerySyntaxHelp';
import { Reader, type ReaderHandle, type RevealRequest } from './components/Reader';
import { SearchPanel } from './components/SearchPanel';
import { StoreProblemBanner } from './components/StoreProblemBanner';
import { Tabs } from './components/Tabs';
import { Toast, type ToastMessage } from './components/Toast';
import { hasItem, sectionName } from './dossier/sections';
import { useOtherChanges } from './useOtherChanges';
import { useDossierEditor } from './dossier/use-dossier';
import { plural } from './format';
import { addedSummary, useAddFiles, type AddedFile } from './ingest/add-files';
import { clampSize, LIMITS, LINE_WIDTH_STEP, nextTheme, TEXT_SIZE_STEP, useLayout, useTheme, type Layout, type SizeName } from './layout/layout';
import { ReaderControls } from './layout/ReaderControls';
import { Splitter } from './layout/Splitter';
import { INITIAL_SEARCH, type SearchSettings } from './search/settings';
import { useCall } from './useCall';

type Dialog = 'dossier' | 'annotation-files' | 'preferences' | 'ingest-report' | 'metadata' | 'open-archive' | 'palette' | 'shortcuts';
/** What the right-hand pane shows. */
type Place = 'annotations' | 'dossier';

/** How long a revealed annotation stays marked in the reader (the CSS animation runs within it). */
const REVEAL_MS = 2_000;

const THEME_NAMES = { system: 'System', light: 'Light', dark: 'Dark' } as const;

/** The panes in order, for F6: each one's element and what in it takes the focus. */
const PANES: ReadonlyArray<{ pane: string; focus: string }> = [
  { pane: '#results-pane', focus: '#search-input' },
  { pane: '.reader-pane', focus: '.reader-scroll, .reader-pane button' },
  { pane: '.sidebar-pane', focus: ".sidebar-pane [role='tab'][aria-selected='true']" },
];

/** After the next render (a pane shown or a dialog closed first), runs `action`. */
const afterRender = (action: () => void) => setTimeout(action, 0);

export function App({ client }: { client: CasefileClient }) {
  const [info, setInfo] = useState<WorkstationInfo | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [search, setSearch] = useState<SearchSettings>(INITIAL_SEARCH);
  const [opened, setOpened] = useState<OpenedDocument | null>(null);
  const [openCount, setOpenCount] = useState(0);
  /** Bumped after every change to the annotations, so every view asks for them again. */
  const [revision, setRevision] = useState(0);
  /** Bumped after files were added or metadata corrected: the search, the counts and the report are asked for again. */
  const [archiveRevision, setArchiveRevision] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const [focusedAnnotation, setFocusedAnnotation] = useState<string | null>(null);
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [place, setPlace] = useState<Place>('annotations');
  const [editRequest, setEditRequest] = useState<EditRequest | null>(null);
  const [layout, changeLayout] = useLayout();
  useTheme(layout.theme);
  const readerRef = useRef<ReaderHandle>(null);
  const dossier = useDossierEditor(client);

  const docId = opened?.document.id ?? null;
  const docAnnotations = useCall(client, 'listAnnotations', docId ? { docId } : null, revision);
  const knownTags = useCall(client, 'listTags', {}, revision).value ?? [];

  useEffect(() => {
    client.call('info', {}).then(setInfo, (error: Error) => setFatal(error.message));
  }, [client, archiveRevision]);

  const notify = useCallback((text: string, action?: ToastMessage['action']) => {
    setToast((previous) => ({ text, action, serial: (previous?.serial ?? 0) + 1 }));
  }, []);
  const dismissToast = useCallback(() => setToast(null), []);

  /** The archive changed (files added, metadata corrected): every view asks again. */
  const archiveChanged = () => {
    setArchiveRevision((n) => n + 1);
    // Titles in the sidebar and the dossier, and annotations that may re-attach to an added file.
    setRevision((n) => n + 1);
  };
  // Another process saved annotations or dossiers, or source files changed on disk: every view asks again.
  useOtherChanges(client, (changes) => {
    if (changes.archive) archiveChanged();
    if (changes.data) {
      setRevision((n) => n + 1);
      void dossier.refresh().catch(() => undefined);
    }
  });
  const files = useAddFiles(client, (results: AddedFile[], shown: boolean) => {
    archiveChanged();
    // The dialog lists each file; hidden before the end, a message says how it went.
    if (!shown) notify(`Files added — ${addedSummary(results)}`);
  });

  /** Runs a change to the annotations; whatever happened, the views are refreshed afterwards. */
  const act = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      setNotice((error as Error).message);
    } finally {
      setRevision((n) => n + 1);
    }
  };

  const openDocument = async (id: string, { query, variants }: Pick<SearchSettings, 'query' | 'variants'>) => {
    try {
      // The reader marks what the result list matched: the same query, with variants on or off alike.
      const doc = await client.call('getDocument', { id, query: query.trim() || undefined, variants });
      setOpened(doc);
      setOpenCount((n) => n + 1);
      setFocusedAnnotation(null);
      setReveal(null);
      // The file was read again: annotations may have moved with it.
      setRevision((n) => n + 1);
      return true;
    } catch (error) {
      setNotice((error as Error).message);
      return false;
    }
  };

  const undoOrRedo = (which: 'undo' | 'redo') =>
    act(async () => {
      const outcome = await client.call(which, {});
      notify(outcome ? `${which === 'undo' ? 'Undone' : 'Redone'}: ${outcome.action}` : `Nothing to ${which}`);
    });
  const undoAction = { label: 'Undo', run: () => void undoOrRedo('undo') };

  const actions: AnnotationActions = {
    async show(annotation: AnchoredAnnotation) {
      // An orphaned annotation has no place to scroll to (and its document may be gone): it is only focused.
      if (annotation.status !== 'orphaned' && annotation.target.docId !== docId) {
        if (!(await openDocument(annotation.target.docId, search))) return;
      }
      setFocusedAnnotation(annotation.id);
      if (annotation.status === 'orphaned') return;
      const request: RevealRequest = { id: annotation.id };
      setReveal(request);
      setTimeout(() => setReveal((current) => (current === request ? null : current)), REVEAL_MS);
    },
    focus: setFocusedAnnotation,
    update: (changes) =>
      act(async () => {
        await client.call('updateAnnotation', changes);
      }),
    remove: (id) =>
      act(async () => {
        await client.call('deleteAnnotation', { id });
        setFocusedAnnotation((focused) => (focused === id ? null : focused));
        notify('Highlight deleted', undoAction);
      }),
    accept: (id) =>
      act(async () => {
        await client.call('acceptAnnotation', { id });
        notify('Accepted: the highlight is on the new text', undoAction);
      }),
    detach: (id) =>
      act(async () => {
        await client.call('detachAnnotation', { id });
        notify('Detached: kept under Orphaned with its original quote', undoAction);
      }),
  };

  const addToDossier = async (annotationId: string) => {
    try {
      notify(await dossier.add(annotationId));
    } catch (error) {
      setNotice((error as Error).message);
    }
  };
  const { current, target } = dossier;
  const targetIndex = current ? current.sections.findIndex((s) => s.id === target) : -1;
  const dossierTarget: DossierTarget = {
    name: current ? `“${current.name}”` : 'a new dossier',
    where: current && targetIndex !== -1 ? `“${current.name}” › ${sectionName(current.sections[targetIndex], targetIndex)}` : 'a new dossier',
    has: (id) => (current ? hasItem(current.sections, id) : false),
    add: (id) => void addToDossier(id),
  };
  const itemCount = current?.sections.reduce((n, s) => n + s.items.length, 0) ?? 0;
  const sideWidth = place === 'dossier' ? 'dossierWidth' : 'annotationsWidth';

  /** The sidebar shown at `to`, leaving reading mode, so what a command acts on is in view. */
  const showSidebar = (to: Place) => {
    setPlace(to);
    changeLayout({ reading: false });
  };
  const resize = (name: SizeName, value: number) => changeLayout({ [name]: clampSize(name, value) } as Partial<Layout>);
  const nudge = (name: SizeName, step: number) => changeLayout((current) => ({ [name]: clampSize(name, current[name] + step) }));

  /** `n` and `t`: the selected passage's toolbar, else the focused highlight's card, at the note or the tags. */
  const editField = (field: DraftField) => {
    if (readerRef.current?.draft(field)) return;
    if (!focusedAnnotation) {
      notify('Select a passage first (J selects the next hit), or focus a highlight.');
      return;
    }
    showSidebar('annotations');
    setEditRequest((previous) => ({ id: focusedAnnotation, field, serial: (previous?.serial ?? 0) + 1 }));
  };

  const focusPane = (delta: 1 | -1) => {
    const at = PANES.findIndex(({ pane }) => document.activeElement?.closest(pane));
    for (let i = 1; i <= PANES.length; i++) {
      const next = PANES[(at + delta * i + PANES.length * 2) % PANES.length];
      const target = document.querySelector<HTMLElement>(next.focus);
      if (target && target.offsetParent !== null) return target.focus();
    }
  };

  const runCommand = (id: CommandId) => {
    switch (id) {
      case 'palette':
      case 'shortcuts':
        return setDialog(id);
      case 'query-syntax':
        changeLayout({ reading: false });
        return afterRender(showQuerySyntax);
      case 'focus-search':
        changeLayout({ reading: false });
        return afterRender(() => {
          const box = document.getElementById('search-input');
          if (box instanceof HTMLInputElement) {
            box.focus();
            box.select();
          }
        });
      case 'open-archive':
      case 'ingest-report':
      case 'preferences':
      case 'annotation-files':
        return setDialog(id);
      case 'export-all':
        return setDialog('dossier');
      case 'add-files':
        return fileInput.current?.click();
      case 'export-dossier':
        showSidebar('dossier');
        return afterRender(() => {
          const button = document.getElementById('dossier-export-button');
          if (button) button.focus();
          else notify('No dossier yet: press D on a highlight (or Add to dossier on its card) to start one.');
        });
      case 'undo':
      case 'redo':
        return void undoOrRedo(id);
      case 'highlight':
        if (!readerRef.current?.highlight()) notify('Select a passage first: drag over it, or press J to select the next hit.');
        return;
      case 'note':
        return editField('note');
      case 'tags':
        return editField('tags');
      case 'add-to-dossier':
        if (focusedAnnotation) void addToDossier(focusedAnnotation);
        else notify('Focus a highlight first (highlight a passage, or Tab to its card).');
        return;
      case 'delete-annotation':
        if (focusedAnnotation) void actions.remove(focusedAnnotation);
        return;
      case 'next-hit':
      case 'previous-hit':
        if (!readerRef.current?.step(id === 'next-hit' ? 1 : -1)) notify(opened ? 'This article has no hits: search for words in it first.' : 'Open an article first.');
        return;
      case 'text-larger':
        return nudge('textSize', TEXT_SIZE_STEP);
      case 'text-smaller':
        return nudge('textSize', -TEXT_SIZE_STEP);
      case 'lines-wider':
        return nudge('lineWidth', LINE_WIDTH_STEP);
      case 'lines-narrower':
        return nudge('lineWidth', -LINE_WIDTH_STEP);
      case 'reading-mode':
        return changeLayout((current) => ({ reading: !current.reading }));
      case 'show-annotations':
        return showSidebar('annotations');
      case 'show-dossier':
        return showSidebar('dossier');
      case 'next-pane':
        return focusPane(1);
      case 'previous-pane':
        return focusPane(-1);
      case 'theme': {
        const theme = nextTheme(layout.theme);
        changeLayout({ theme });
        return notify(`Theme: ${THEME_NAMES[theme]}${theme === 'system' ? ' (follows the system setting)' : ''}`);
      }
    }
  };

  // Every command's key, from one list (src/renderer/src/commands/catalogue.ts); none while a dialog is open.
  useCommandKeys(runCommand, dialog === null && files.adding === null);

  // Electron's application menu sends the command chosen there.
  const runFromMenu = useEffectEvent((id: string) => {
    if (COMMANDS.some((c) => c.id === id)) runCommand(id as CommandId);
  });
  useEffect(() => window.casefile?.onCommand((id) => runFromMenu(id)), []);

  if (fatal) {
    return (
      <main className="fatal" role="alert">
        <h1>Casefile cannot open the archive</h1>
        <p>{fatal}</p>
      </main>
    );
  }

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            ❦
          </span>{' '}
          Casefile
        </div>
        {info ? (
          <button
            type="button"
            className="archive-info"
            title="Ingest report: every file of the archive folder and what Casefile did with it"
            onClick={() => setDialog('ingest-report')}
          >
            <span className="archive-line">
              {plural(info.documentCount, 'document')}
              {info.skipped.length > 0 && ` (${plural(info.skipped.length, 'file')} not indexed)`} · {info.archiveRoot}
            </span>{' '}
            <span className="archive-report">Ingest report</span>
          </button>
        ) : (
          <div className="archive-info">Opening archive…</div>
        )}
        <button type="button" onClick={() => runCommand('open-archive')}>
          Open archive…
        </button>
        <button type="button" onClick={() => runCommand('add-files')}>
          Add files…
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          aria-label="Add files to the archive"
          onChange={(e) => {
            void files.add([...(e.target.files ?? [])]);
            e.target.value = ''; // the same files can be chosen again
          }}
        />
        <button type="button" onClick={() => setDialog('preferences')}>
          Preferences…
        </button>
        <button type="button" onClick={() => setDialog('annotation-files')}>
          Export / import annotations…
        </button>
        <button type="button" className="primary" onClick={() => setDialog('dossier')}>
          Export dossier…
        </button>
        <button
          type="button"
          className="theme-button"
          aria-label={`Theme: ${THEME_NAMES[layout.theme]}`}
          title={`Theme: ${THEME_NAMES[layout.theme]} — switch (${commandKey('theme')})`}
          onClick={() => runCommand('theme')}
        >
          <span aria-hidden="true">◐</span> {THEME_NAMES[layout.theme]}
        </button>
        <button type="button" title={`Every command and its key (${commandKey('palette')})`} onClick={() => runCommand('palette')}>
          Commands <kbd>{commandKey('palette')}</kbd>
        </button>
      </header>
      {info?.storeProblem && (
        <StoreProblemBanner
          client={client}
          problem={info.storeProblem}
          onRestored={(next) => {
            setInfo(next);
            setRevision((n) => n + 1);
            notify('Annotations restored from the backup; the damaged file is kept.');
          }}
        />
      )}
      {notice && (
        <div className="banner" role="status">
          {notice}{' '}
          <button type="button" className="link" onClick={() => setNotice(null)}>
            Dismiss
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
        style={{ '--results-width': `${layout.resultsWidth}px`, '--side-width': `${layout[sideWidth]}px` } as CSSProperties}
      >
        <SearchPanel
          client={client}
          settings={search}
          onSettingsChange={setSearch}
          openId={docId}
          onOpen={(id) => void openDocument(id, search)}
          archiveRevision={archiveRevision}
        />
        <Splitter
          label="Resize the results"
          controls="results-pane"
          value={layout.resultsWidth}
          min={LIMITS.resultsWidth.min}
          max={LIMITS.resultsWidth.max}
          direction={1}
          onChange={(width) => resize('resultsWidth', width)}
        />
        <Reader
          key={openCount}
          ref={readerRef}
          display={layout}
          controls={<ReaderControls layout={layout} onRun={runCommand} />}
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
          reveal={reveal}
          knownTags={knownTags}
          onFocusAnnotation={setFocusedAnnotation}
          onCreate={(draft) =>
            act(async () => {
              if (!opened) return;
              const created = await client.call('createAnnotation', { docId: opened.document.id, ...draft });
              setFocusedAnnotation(created.id);
            })
          }
          onEditMetadata={() => setDialog('metadata')}
        />
        <Splitter
          label={place === 'dossier' ? 'Resize the dossier' : 'Resize the annotations'}
          controls="sidebar-pane"
          value={layout[sideWidth]}
          min={LIMITS[sideWidth].min}
          max={LIMITS[sideWidth].max}
          direction={-1}
          onChange={(width) => resize(sideWidth, width)}
        />
        <aside className="pane sidebar-pane" id="sidebar-pane" aria-label={place === 'dossier' ? 'Dossier' : 'Annotations'}>
          <Tabs<Place>
            tabs={[
              ['annotations', 'Annotations'],
              [
                'dossier',
                <>
                  Dossier{' '}
                  <span className="count" aria-hidden="true">
                    {itemCount || ''}
                  </span>
                </>,
              ],
            ]}
            value={place}
            onChange={setPlace}
            label="Annotations or dossier"
            idPrefix="place-tab"
            panelId={(tab) => `place-panel-${tab}`}
            className="place-tabs"
          />
          {/* Both stay mounted, so each keeps its state (filters, scroll) while the other is shown. */}
          <div className="place-panel" id="place-panel-annotations" role="tabpanel" aria-labelledby="place-tab-annotations" hidden={place !== 'annotations'}>
            <AnnotationSidebar
                client={client}
                revision={revision}
                docId={docId}
                knownTags={knownTags}
                focused={focusedAnnotation}
                actions={actions}
                dossier={dossierTarget}
                editRequest={editRequest}
              />
          </div>
          <div className="place-panel" id="place-panel-dossier" role="tabpanel" aria-labelledby="place-tab-dossier" hidden={place !== 'dossier'}>
            <DossierPanel client={client} editor={dossier} revision={revision} active={place === 'dossier'} onShow={(a) => void actions.show(a)} />
          </div>
        </aside>
      </main>
      <Toast toast={toast} onDismiss={dismissToast} />
      {dialog === 'palette' && <CommandPalette onClose={() => setDialog(null)} onRun={(id) => afterRender(() => runCommand(id))} />}
      {dialog === 'shortcuts' && <ShortcutsSheet onClose={() => setDialog(null)} />}
      {dialog === 'dossier' && <ExportDialog client={client} onClose={() => setDialog(null)} />}
      {dialog === 'open-archive' && (
        // Everything shown belongs to the archive: start afresh on the new one.
        <OpenArchiveDialog client={client} onClose={() => setDialog(null)} onOpened={() => window.location.reload()} />
      )}
      {dialog === 'preferences' && (
        <PreferencesDialog client={client} onClose={() => setDialog(null)} onSaved={() => notify('Preferences saved.')} />
      )}
      {dialog === 'ingest-report' && <IngestReportDialog client={client} revision={archiveRevision} onClose={() => setDialog(null)} />}
      {dialog === 'metadata' && opened && (
        <MetadataDialog
          client={client}
          document={opened.document}
          onClose={() => setDialog(null)}
          onSaved={(summary) => {
            // The reader shows the corrected metadata at once; the text and its marks stay as they are.
            setOpened((o) => (o && o.document.id === summary.id ? { ...o, document: { ...o.document, ...summary } } : o));
            archiveChanged();
            notify('Metadata saved in Casefile’s data folder; the source file is unchanged.');
          }}
        />
      )}
      {files.adding && <AddFilesDialog adding={files.adding} onClose={files.dismiss} onCancel={files.cancel} />}
      <DropZone onFiles={(dropped) => void files.add(dropped)} />
      {dialog === 'annotation-files' && (
        <AnnotationFilesDialog client={client} onClose={() => setDialog(null)} onImported={() => setRevision((n) => n + 1)} />
      )}
    </div>
  );
}
