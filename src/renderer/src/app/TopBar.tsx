import type { RefObject } from 'react';
import type { WorkstationInfo } from '../../../core/api/types';
import type { CommandId } from '../../../shared/commands';
import { plural } from '../format';
import { commandKey } from '../keys';
import { THEME_NAMES, type ThemeChoice } from '../layout/layout';
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
          title="Ingest report: every file of the archive folder and what Casefile did with it"
          onClick={() => onOpen('ingest-report')}
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
      <button type="button" onClick={() => onRun('open-archive')}>
        Open archive…
      </button>
      <button type="button" onClick={() => onRun('add-files')}>
        Add files…
      </button>
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        aria-label="Add files to the archive"
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])]);
          e.target.value = ''; // the same files can be chosen again
        }}
      />
      <button type="button" onClick={() => onOpen('preferences')}>
        Preferences…
      </button>
      <button type="button" onClick={() => onOpen('annotation-files')}>
        Export / import annotations…
      </button>
      <button type="button" className="primary" onClick={() => onOpen('dossier')}>
        Export dossier…
      </button>
      <button
        type="button"
        className="theme-button"
        aria-label={`Theme: ${THEME_NAMES[theme]}`}
        title={`Theme: ${THEME_NAMES[theme]} — switch (${commandKey('theme')})`}
        onClick={() => onRun('theme')}
      >
        <span aria-hidden="true">◐</span> {THEME_NAMES[theme]}
      </button>
      <button type="button" title={`Every command and its key (${commandKey('palette')})`} onClick={() => onRun('palette')}>
        Commands <kbd>{commandKey('palette')}</kbd>
      </button>
    </header>
  );
}
