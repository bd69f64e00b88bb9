import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnchoredAnnotation } from '../../core/annotations/model';
import type { OpenedDocument, WorkstationInfo } from '../../core/workstation';
import type { CasefileClient } from './api/client';
import { letterOf, shortcutAllowed, useWindowKeyDown } from './keys';
import { AddFilesDialog } from './components/AddFilesDialog';
import { AnnotationFilesDialog } from './components/AnnotationFilesDialog';
import type { AnnotationActions, DossierTarget } from './components/AnnotationCard';
import { AnnotationSidebar } from './components/AnnotationSidebar';
import { DossierPanel } from './components/DossierPanel';
import { DropZone } from './components/DropZone';
import { ExportDialog } from './components/ExportDialog';
import { IngestReportDialog } from './components/IngestReportDialog';
import { MetadataDialog } from './components/MetadataDialog';
import { OpenArchiveDialog } from './components/OpenArchiveDialog';
import { PreferencesDialog } from './components/PreferencesDialog';
import { Reader, type RevealRequest } from './components/Reader';
import { SearchPanel } from './components/SearchPanel';
import { StoreProblemBanner } from './components/StoreProblemBanner';
import { Tabs } from './components/Tabs';
import { Toast, type ToastMessage } from './components/Toast';
import { hasItem, sectionName } from './dossier/sections';
import { useDossierEditor } from './dossier/use-dossier';
import { plural } from './format';
import { addedSummary, useAddFiles, type AddedFile } from './ingest/add-files';
import { INITIAL_SEARCH, type SearchSettings } from './search/settings';
import { useCall } from './useCall';

type Dialog = 'dossier' | 'annotation-files' | 'preferences' | 'ingest-report' | 'metadata' | 'open-archive';
/** What the right-hand pane shows. */
type Place = 'annotations' | 'dossier';

/** How long a revealed annotation stays marked in the reader (the CSS animation runs within it). */
const REVEAL_MS = 2_000;

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

  // Ctrl+Z / Cmd+Z undoes, Ctrl+Shift+Z / Ctrl+Y redoes, Delete removes the focused annotation, d adds it to the dossier.
  useWindowKeyDown((event) => {
    if (dialog !== null || files.adding !== null || event.altKey || !shortcutAllowed(event)) return;
    const letter = letterOf(event);
    if ((event.ctrlKey || event.metaKey) && (letter === 'z' || letter === 'y')) {
      event.preventDefault();
      void undoOrRedo(letter === 'y' || event.shiftKey ? 'redo' : 'undo');
    } else if (!event.ctrlKey && !event.metaKey && (event.key === 'Delete' || event.key === 'Backspace') && focusedAnnotation) {
      // Backspace too: it is the key Mac keyboards label "delete".
      event.preventDefault();
      void actions.remove(focusedAnnotation);
    } else if (!event.ctrlKey && !event.metaKey && letter === 'd' && focusedAnnotation) {
      event.preventDefault();
      void addToDossier(focusedAnnotation);
    }
  });

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
        <button type="button" onClick={() => setDialog('open-archive')}>
          Open archive…
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
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
      <div className={place === 'dossier' ? 'panes dossier-open' : 'panes'}>
        <SearchPanel
          client={client}
          settings={search}
          onSettingsChange={setSearch}
          openId={docId}
          onOpen={(id) => void openDocument(id, search)}
          archiveRevision={archiveRevision}
        />
        <Reader
          key={openCount}
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
        <aside className="pane sidebar-pane" aria-label={place === 'dossier' ? 'Dossier' : 'Annotations'}>
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
              />
          </div>
          <div className="place-panel" id="place-panel-dossier" role="tabpanel" aria-labelledby="place-tab-dossier" hidden={place !== 'dossier'}>
            <DossierPanel client={client} editor={dossier} revision={revision} active={place === 'dossier'} onShow={(a) => void actions.show(a)} />
          </div>
        </aside>
      </div>
      <Toast toast={toast} onDismiss={dismissToast} />
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
      {files.adding && <AddFilesDialog adding={files.adding} onClose={files.dismiss} />}
      <DropZone onFiles={(dropped) => void files.add(dropped)} />
      {dialog === 'annotation-files' && (
        <AnnotationFilesDialog client={client} onClose={() => setDialog(null)} onImported={() => setRevision((n) => n + 1)} />
      )}
    </div>
  );
}
