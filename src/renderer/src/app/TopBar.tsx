import type { RefObject } from 'react';
import type { WorkstationInfo } from '../../../core/api/types';
import type { CommandId } from '../../../shared/commands';
import { commandKey } from '../keys';
import { useT } from '../i18n';
import type { ThemeChoice } from '../layout/layout';
import type { Dialog } from './Overlays';

interface Props {
  /** The archive's summary; null while it opens. */
  info: WorkstationInfo | null;
  theme: ThemeChoice;
  /** The hidden file input that Add files… (and its command) clicks. */
  fileInput: RefObject<HTMLInputElement | null>;
  onFiles(files: File[]): void;
  onRun(id: CommandId): void;
  onOpen(dialog: Dialog): void;
}

/** The bar across the top: the archive in brief, and the app's main commands. */
export function TopBar({ info, theme, fileInput, onFiles, onRun, onOpen }: Props) {
  const t = useT().app.topBar;
  const themeName = useT().app.themes[theme];
  return (
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
          title={t.ingestTitle}
          onClick={() => onOpen('ingest-report')}
        >
          <span className="archive-line">
            <span className="archive-count">{t.archiveCount(info.documentCount, info.skipped.length)}</span>
            <span className="archive-separator">·</span>
            {/* A long path is cut at its start, so the archive's own folder stays in view. */}
            <span className="archive-path" title={info.archiveRoot}>
              <bdi>{info.archiveRoot}</bdi>
            </span>
          </span>{' '}
          <span className="archive-report">{t.ingestReport}</span>
        </button>
      ) : (
        <div className="archive-info">{t.opening}</div>
      )}
      <button type="button" onClick={() => onRun('open-archive')}>
        {t.openArchive}
      </button>
      <button type="button" onClick={() => onRun('add-files')}>
        {t.addFiles}
      </button>
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        aria-label={t.addFilesInput}
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])]);
          e.target.value = ''; // the same files can be chosen again
        }}
      />
      <button type="button" onClick={() => onOpen('preferences')}>
        {t.preferences}
      </button>
      <button type="button" onClick={() => onOpen('annotation-files')}>
        {t.annotationFiles}
      </button>
      <button type="button" className="primary" onClick={() => onOpen('dossier')}>
        {t.exportDossier}
      </button>
      <button
        type="button"
        className="theme-button"
        aria-label={t.theme(theme)}
        title={t.themeTitle(theme, commandKey('theme'))}
        onClick={() => onRun('theme')}
      >
        <span aria-hidden="true">◐</span> <span className="theme-name">{themeName}</span>
      </button>
      <button type="button" title={t.commandsTitle(commandKey('palette'))} onClick={() => onRun('palette')}>
        {t.commands} <kbd>{commandKey('palette')}</kbd>
      </button>
    </header>
  );
}
