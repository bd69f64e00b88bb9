import { useCallback, useEffect, useState } from 'react';
import type { AnchoredAnnotation } from '../../core/annotations/model';
import type { OpenedDocument, WorkstationInfo } from '../../core/workstation';
import type { CasefileClient } from './api/client';
import { letterOf, shortcutAllowed, useWindowKeyDown } from './keys';
import { AnnotationFilesDialog } from './components/AnnotationFilesDialog';
import type { AnnotationActions, DossierTarget } from './components/AnnotationCard';
import { AnnotationSidebar } from './components/AnnotationSidebar';
import { DossierPanel } from './components/DossierPanel';
import { ExportDialog } from './components/ExportDialog';
import { PreferencesDialog } from './components/PreferencesDialog';
import { Reader, type RevealRequest } from './components/Reader';
import { SearchPanel } from './components/SearchPanel';
import { StoreProblemBanner } from './components/StoreProblemBanner';
import { Tabs } from './components/Tabs';
import { Toast, type ToastMessage } from './components/Toast';
import { hasItem, sectionName } from './dossier/sections';
import { useDossierEditor } from './dossier/use-dossier';
import { INITIAL_SEARCH, type SearchSettings } from './search/settings';
import { useCall } from './useCall';

type Dialog = 'dossier' | 'annotation-files' | 'preferences';
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
  }, [client]);

  const notify = useCallback((text: string, action?: ToastMessage['action']) => {
    setToast((previous) => ({ text, action, serial: (previous?.serial ?? 0) + 1 }));
  }, []);
  const dismissToast = useCallback(() => setToast(null), []);

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
    if (dialog !== null || event.altKey || !shortcutAllowed(event)) return;
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
        <div className="archive-info">
          {info ? `${info.documentCount} documents · ${info.archiveRoot}` : 'Opening archive…'}
        </div>
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
      {dialog === 'preferences' && (
        <PreferencesDialog client={client} onClose={() => setDialog(null)} onSaved={() => notify('Preferences saved.')} />
      )}
      {dialog === 'annotation-files' && (
        <AnnotationFilesDialog client={client} onClose={() => setDialog(null)} onImported={() => setRevision((n) => n + 1)} />
      )}
    </div>
  );
}
