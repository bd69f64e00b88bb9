import { plural } from './plural';

type Theme = 'system' | 'light' | 'dark';
const themes = { system: 'System', light: 'Light', dark: 'Dark' } satisfies Record<Theme, string>;

/** The English strings of the app part of the interface (see ../catalogue.ts): the window's frame, its dialogs and messages. */
export const app = {
  /** Casefile cannot start on the archive (App). */
  cannotOpen: 'Casefile cannot open the archive',
  restored: 'Annotations restored from the backup; the damaged file is kept.',
  dismiss: 'Dismiss',
  resize: { results: 'Resize the results', dossier: 'Resize the dossier', annotations: 'Resize the annotations' },
  themes,
  topBar: {
    ingestTitle: 'Ingest report: every file of the archive folder and what Casefile did with it',
    /** The archive's counts; its folder follows in a box of its own that may be cut. */
    archiveCount: (documents: number, notIndexed: number) =>
      `${plural(documents, 'document')}${notIndexed > 0 ? ` (${plural(notIndexed, 'file')} not indexed)` : ''}`,
    ingestReport: 'Ingest report',
    opening: 'Opening archive…',
    openArchive: 'Open archive…',
    addFiles: 'Add files…',
    addFilesInput: 'Add files to the archive',
    preferences: 'Preferences…',
    annotationFiles: 'Export / import annotations…',
    exportDossier: 'Export dossier…',
    theme: (theme: Theme) => `Theme: ${themes[theme]}`,
    themeTitle: (theme: Theme, key: string) => `Theme: ${themes[theme]} — switch (${key})`,
    commandsTitle: (key: string) => `Every command and its key (${key})`,
    commands: 'Commands',
  },
  emptyReader: {
    noArticles: 'This archive has no articles yet',
    noArticleOpen: 'No article open',
    openStep: 'Open an archive',
    archiveOpening: 'The archive is opening…',
    archiveSummary: (root: string, documents: number) => `${root} — ${plural(documents, 'document')}.`,
    anyFolder: 'Any folder of .txt, .md, .html, .pdf and .docx files, and web archives (.warc, .warc.gz, .wacz), can be one.',
    openArchive: 'Open archive…',
    addFiles: 'Add files…',
    queryStep: 'Try a query',
    /** Before the example queries, which follow in a list. */
    pressSlash: 'Press {/} and type, or try',
    orSeparator: ', ',
    afterExamples: '. ↓ and ↑ move through the results, Enter opens one.',
    querySyntax: 'Query syntax',
    highlightStep: 'Select text to highlight',
    /** {X} is a key, drawn as one. */
    howToHighlight:
      'Drag over a passage, or press {J} to select the next hit and {Shift}+arrows to widen it. Then {H} highlights, {N} adds a note, {T} tags, {D} puts it in the dossier.',
    allShortcuts: 'All keyboard shortcuts',
    commands: 'Commands',
  },
  preferences: {
    title: 'Preferences',
    save: 'Save',
    saved: 'Preferences saved.',
    author: 'Author name',
    authorPlaceholder: 'Your name',
    authorNote: 'Recorded in each new annotation (its W3C “creator”) and shown on its card. Existing annotations keep theirs.',
    language: 'Language',
    /** The system's language; the others are named in their own language (see PreferencesDialog). */
    systemLanguage: 'System',
    languageNote: 'Of the menus, buttons and messages; the archive’s texts and the dossier’s quotations stay as written.',
  },
  metadataSaved: 'Metadata saved in Casefile’s data folder; the source file is unchanged.',
  sidePane: { annotations: 'Annotations', dossier: 'Dossier', tabs: 'Annotations or dossier' },
  toast: { dismiss: 'Dismiss message' },
  storeProblem: {
    readOnly: (problem: string) => `${problem} Annotations are read-only until the file is repaired or replaced by the backup.`,
    restore: 'Restore from backup',
    restoreNote: (backupFile: string) => `Puts back the last good version (${backupFile}). The damaged file is kept beside it, not deleted.`,
    couldNotRestore: (failure: string) => `Could not restore: ${failure}`,
  },
  dropZone: {
    title: 'Drop files to add them to the archive',
    copied: 'They are copied in (the originals stay where they are) and indexed; an existing file is never overwritten.',
    formats: '.txt, .md, .html, .pdf, .docx and web archives (.warc, .warc.gz, .wacz) are read; other files are listed as skipped.',
  },
  indexing: {
    stopped: (done: number, total: number) => `Indexing stopped: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} files indexed; search covers only those.`,
    resume: 'Resume indexing',
    checking: 'Checking the archive’s files for changes since it was last open; results refresh when that is done.',
    progress: (done: number, total: number) => `Indexing ${done.toLocaleString('en')} of ${total.toLocaleString('en')} files`,
    incomplete: 'Results may be incomplete until indexing finishes; they refresh when it does.',
    stop: 'Stop indexing',
  },
  openArchive: {
    title: 'Open an archive',
    needFolder: 'Give the folder to open, e.g. /home/me/archives/kazakhstan',
    opening: 'Opening…',
    open: 'Open',
    folder: 'Folder',
    folderPlaceholder: '/path/to/a/folder of articles',
    choose: 'Choose folder…',
    browse: 'Browse folders…',
    readsOnly: 'Casefile only reads the folder. Its index, annotations and dossiers are kept apart in Casefile’s data folder.',
    recent: 'Recent archives',
    gone: ' — no longer there',
  },
  folderBrowser: {
    label: 'Browse folders',
    up: '↑ Up',
    listing: 'Listing…',
    hidden: 'Hidden folders',
    empty: 'No folders in this one.',
    folders: (path: string) => `Folders in ${path}`,
  },
  access: {
    heading: 'Open the address Casefile printed',
    /** {address} is the example address, shown as code. */
    needsToken:
      'This page needs the access token that the web shell printed when it started, in an address like {address}. Open that address in this tab; the tab keeps the token until it is closed.',
  },
  /** A form dialog's button that closes it without doing anything. */
  cancel: 'Cancel',
  /** The desktop app's own dialogs (src/main). */
  shell: {
    chooseFolder: 'Open a folder as an archive',
    cancel: 'Cancel',
    open: 'Open',
    openWebOriginal: (file: string) => `Open ${file} in your web browser?`,
    webOriginalDetail: 'A saved web page may load its images and scripts from the web: their sites will see a visit from this computer.',
    openInBrowser: 'Open in browser',
    openAddress: 'Open this address in your web browser?',
    addressDetail: (url: string) => `${url}\n\nThe site will see a visit from this computer.`,
  },
};
