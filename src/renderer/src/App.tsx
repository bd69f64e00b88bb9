import { useCallback, useEffect, useState } from 'react';
import type { AnchoredAnnotation } from '../../core/annotations/model';
import type { OpenedDocument, WorkstationInfo } from '../../core/workstation';
import type { CasefileClient } from './api/client';
import { AnnotationSidebar } from './components/AnnotationSidebar';
import { ExportDialog } from './components/ExportDialog';
import { Reader } from './components/Reader';
import { SearchPanel } from './components/SearchPanel';
import { INITIAL_SEARCH, type SearchSettings } from './search/settings';

export function App({ client }: { client: CasefileClient }) {
  const [info, setInfo] = useState<WorkstationInfo | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [search, setSearch] = useState<SearchSettings>(INITIAL_SEARCH);
  const [opened, setOpened] = useState<OpenedDocument | null>(null);
  const [openCount, setOpenCount] = useState(0);
  const [annotations, setAnnotations] = useState<AnchoredAnnotation[]>([]);
  const [focusedAnnotation, setFocusedAnnotation] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    client.call('info', {}).then(setInfo, (error: Error) => setFatal(error.message));
  }, [client]);

  const refreshAnnotations = useCallback(
    async (docId: string) => setAnnotations(await client.call('listAnnotations', { docId })),
    [client],
  );

  const openDocument = useCallback(
    async (id: string, { query, variants }: Pick<SearchSettings, 'query' | 'variants'>) => {
      try {
        // The reader marks what the result list matched: the same query, with variants on or off alike.
        const doc = await client.call('getDocument', { id, query: query.trim() || undefined, variants });
        setOpened(doc);
        setOpenCount((n) => n + 1);
        setFocusedAnnotation(null);
        await refreshAnnotations(id);
      } catch (error) {
        setNotice((error as Error).message);
      }
    },
    [client, refreshAnnotations],
  );

  const runAction = useCallback(
    async (action: () => Promise<unknown>) => {
      try {
        await action();
        if (opened) await refreshAnnotations(opened.document.id);
      } catch (error) {
        setNotice((error as Error).message);
      }
    },
    [opened, refreshAnnotations],
  );

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
        <button type="button" className="primary" onClick={() => setExporting(true)}>
          Export dossier…
        </button>
      </header>
      {info?.storeProblem && (
        <div className="banner error" role="alert">
          {info.storeProblem.message} Annotations are read-only until the file is repaired or replaced by the backup.
        </div>
      )}
      {notice && (
        <div className="banner" role="status">
          {notice}{' '}
          <button type="button" className="link" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      <div className="panes">
        <SearchPanel
          client={client}
          settings={search}
          onSettingsChange={setSearch}
          openId={opened?.document.id ?? null}
          onOpen={(id) => void openDocument(id, search)}
        />
        <Reader
          key={openCount}
          opened={opened}
          annotations={annotations}
          focusedAnnotation={focusedAnnotation}
          onFocusAnnotation={setFocusedAnnotation}
          onCreate={(draft) =>
            runAction(async () => {
              if (!opened) return;
              const created = await client.call('createAnnotation', { docId: opened.document.id, ...draft });
              setFocusedAnnotation(created.id);
            })
          }
        />
        <AnnotationSidebar
          annotations={annotations}
          hasDocument={opened !== null}
          focused={focusedAnnotation}
          onFocus={setFocusedAnnotation}
          onUpdate={(changes) => runAction(() => client.call('updateAnnotation', changes))}
          onDelete={(id) => runAction(() => client.call('deleteAnnotation', { id }))}
        />
      </div>
      {exporting && <ExportDialog client={client} onClose={() => setExporting(false)} />}
    </div>
  );
}
