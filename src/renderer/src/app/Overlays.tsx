import type { DocumentSummary } from '../../../core/api/types';
import type { CommandId } from '../../../shared/commands';
import { afterRender } from '../after-render';
import type { CasefileClient } from '../api/client';
import { CommandPalette } from '../commands/CommandPalette';
import { ShortcutsSheet } from '../commands/ShortcutsSheet';
import { AddFilesDialog } from '../components/AddFilesDialog';
import { AnnotationFilesDialog } from '../components/AnnotationFilesDialog';
import { DropZone } from '../components/DropZone';
import { ExportDialog } from '../components/ExportDialog';
import { IngestReportDialog } from '../components/IngestReportDialog';
import { MetadataDialog } from '../components/MetadataDialog';
import { OpenArchiveDialog } from '../components/OpenArchiveDialog';
import { PreferencesDialog } from '../components/PreferencesDialog';
import { Toast, type ToastMessage } from '../components/Toast';
import { useT } from '../i18n';
import { BatchSearchDialog } from '../batch/BatchSearchDialog';
import { useBatchSearch } from '../batch/use-batch-search';
import type { SearchSettings } from '../search/settings';
import type { useAddFiles } from '../ingest/add-files';
import type { Notify } from './use-notices';

/** The dialogs the app opens, one at a time. */
export type Dialog = 'dossier' | 'annotation-files' | 'preferences' | 'ingest-report' | 'metadata' | 'open-archive' | 'palette' | 'shortcuts' | 'batch-search';

interface Props {
  client: CasefileClient;
  dialog: Dialog | null;
  onCloseDialog(): void;
  toast: ToastMessage | null;
  onDismissToast(): void;
  notify: Notify;
  onRun(id: CommandId): void;
  archiveRevision: number;
  /** The document in the reader, whose metadata the metadata dialog corrects. */
  openedDocument: DocumentSummary | null;
  onMetadataSaved(summary: DocumentSummary): void;
  files: ReturnType<typeof useAddFiles>;
  onAnnotationsImported(): void;
  /** The search pane's options (batch search uses them), and a query to show there. */
  search: SearchSettings;
  onSearch(query: string): void;
}

/** What shows over the panes: the message at the bottom, the open dialog, adding files and the drop target. */
export function Overlays({ client, dialog, onCloseDialog, toast, onDismissToast, notify, onRun, archiveRevision, openedDocument, onMetadataSaved, files, onAnnotationsImported, search, onSearch }: Props) {
  const t = useT().app;
  // The batch's list and results outlive its dialog: a query opened in the search pane closes it.
  const batch = useBatchSearch(client);
  return (
    <>
      <Toast toast={toast} onDismiss={onDismissToast} />
      {dialog === 'palette' && <CommandPalette onClose={onCloseDialog} onRun={(id) => afterRender(() => onRun(id))} />}
      {dialog === 'shortcuts' && <ShortcutsSheet onClose={onCloseDialog} />}
      {dialog === 'dossier' && <ExportDialog client={client} onClose={onCloseDialog} />}
      {dialog === 'open-archive' && (
        // Everything shown belongs to the archive: start afresh on the new one.
        <OpenArchiveDialog client={client} onClose={onCloseDialog} onOpened={() => window.location.reload()} />
      )}
      {dialog === 'preferences' && <PreferencesDialog client={client} onClose={onCloseDialog} onSaved={() => notify(t.preferences.saved)} />}
      {dialog === 'ingest-report' && <IngestReportDialog client={client} revision={archiveRevision} onClose={onCloseDialog} />}
      {dialog === 'metadata' && openedDocument && (
        <MetadataDialog
          client={client}
          document={openedDocument}
          onClose={onCloseDialog}
          onSaved={(summary) => {
            onMetadataSaved(summary);
            notify(t.metadataSaved);
          }}
        />
      )}
      {files.adding && <AddFilesDialog adding={files.adding} onClose={files.dismiss} onCancel={files.cancel} />}
      <DropZone onFiles={(dropped) => void files.add(dropped)} />
      {dialog === 'annotation-files' && <AnnotationFilesDialog client={client} onClose={onCloseDialog} onImported={onAnnotationsImported} />}
      {dialog === 'batch-search' && (
        <BatchSearchDialog
          client={client}
          session={batch}
          settings={search}
          onClose={onCloseDialog}
          onSearch={(query) => {
            onCloseDialog();
            onSearch(query);
          }}
        />
      )}
    </>
  );
}
