import type { CommandGroup, CommandId } from '../../commands';

/** The English strings of the commands part of the interface (see ../catalogue.ts): each command's title, by its id. */
const titles = {
  palette: 'Command palette…',
  shortcuts: 'Keyboard shortcuts',
  'query-syntax': 'Query syntax',
  'open-archive': 'Open archive…',
  'add-files': 'Add files…',
  'ingest-report': 'Ingest report',
  'export-dossier': 'Export the dossier…',
  'export-all': 'Export all annotations as a PDF…',
  'annotation-files': 'Export / import annotations…',
  'open-original': 'Open the original file',
  'page-view': 'Page view for printing',
  preferences: 'Preferences…',
  undo: 'Undo annotation change',
  redo: 'Redo annotation change',
  'focus-search': 'Search the archive',
  'batch-search': 'Batch search: a list of names…',
  highlight: 'Highlight the selection',
  note: 'Write a note',
  tags: 'Edit tags',
  'add-to-dossier': 'Add the highlight to the dossier',
  'delete-annotation': 'Delete the highlight in focus',
  'copy-link': 'Copy link to the highlight',
  'next-hit': 'Next hit',
  'previous-hit': 'Previous hit',
  'text-larger': 'Larger text',
  'text-smaller': 'Smaller text',
  'lines-wider': 'Wider lines',
  'lines-narrower': 'Narrower lines',
  'reading-mode': 'Reading mode',
  'show-annotations': 'Show annotations',
  'show-dossier': 'Show the dossier',
  'show-figures': 'Show the figures',
  'show-timeline': 'Show the timeline',
  'next-pane': 'Next pane',
  'previous-pane': 'Previous pane',
  theme: 'Switch theme (system, light, dark)',
} satisfies Record<CommandId, string>;

/** What a command does when that is not obvious from its title; shown in the palette and the sheet. */
const details = {
  'query-syntax': 'What a query can say: phrases, +must, -not, fields, wildcards',
  'ingest-report': 'Every file of the archive folder and what Casefile did with it',
  'export-dossier': 'Opens the dossier at its Export button (PDF, Markdown or manifest)',
  'open-original': 'The open article’s file, in the program your system opens it with (in a browser: downloaded)',
  'page-view': 'The open article with its paragraphs and page numbers, ready to print',
  'focus-search': 'Then ↓ and ↑ move through the results, Enter opens one',
  'batch-search': 'Every name or query of a list (pasted, or a text or CSV file) searched at once; export as CSV',
  note: 'On the selection, or on the highlight in focus',
  tags: 'On the selection, or on the highlight in focus',
  'copy-link': 'casefile://annotation/… of the highlight in focus: the link opens Casefile at it',
  'next-hit': 'Selects it: Shift+arrows then widen the selection',
  'reading-mode': 'Hides the results and the sidebar; again to bring them back',
  'show-figures': 'The numbers the sources give (deaths, detentions, …) side by side, disagreements marked',
  'show-timeline': 'The documents’ dates and the dates written in them, in order',
} satisfies Partial<Record<CommandId, string>>;

export const commands = {
  titles,
  details,
  /** The menus' names, in the shortcuts sheet and the palette. */
  groups: { File: 'File', Edit: 'Edit', Annotate: 'Annotate', Reader: 'Reader', View: 'View', Help: 'Help' } satisfies Record<CommandGroup, string>,
  /** The application menu's menus; `&` marks the access key on Windows and Linux (Help is Electron's role). */
  menus: { File: '&File', Edit: '&Edit', Annotate: '&Annotate', Reader: '&Reader', View: '&View' } satisfies Record<Exclude<CommandGroup, 'Help'>, string>,
  /**
   * Electron's standard menu items. In English the menu keeps Electron's own labels (they follow the
   * platform: Quit on Linux, Exit on Windows); other languages label them with these.
   */
  roles: {
    undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select All',
    quit: 'Quit', close: 'Close Window', resetZoom: 'Actual Size', zoomIn: 'Zoom In', zoomOut: 'Zoom Out',
    togglefullscreen: 'Toggle Full Screen', windowMenu: '&Window', help: '&Help',
    about: (app: string) => `About ${app}`, services: 'Services', hide: (app: string) => `Hide ${app}`, hideOthers: 'Hide Others', unhide: 'Show All',
  },
  palette: {
    title: 'Commands',
    input: 'Command',
    placeholder: 'Type a command…',
    list: 'Commands',
    noMatch: (query: string) => `No command matches “${query}”.`,
  },
  sheet: {
    title: 'Keyboard shortcuts',
    selection: 'Selecting text without a mouse',
    selectionKeys: {
      hits: 'select the next / previous hit',
      end: 'end of the selection one word later / earlier',
      start: 'start of the selection one word earlier / later',
      sentence: 'end to the end of the sentence / start to its beginning',
    },
    /** {X} is a key, drawn as one. */
    then: 'Then {H} highlights the selection, {N} adds a note, {T} tags, {D} puts the highlight in the dossier. {Esc} closes any popup; {Tab} moves between controls, and {↓} {↑} between results.',
    close: 'Close',
  },
  /** What a command says when it cannot act. */
  said: {
    selectFirst: 'Select a passage first (J selects the next hit), or focus a highlight.',
    noHits: 'This article has no hits: search for words in it first.',
    openArticle: 'Open an article first.',
    noDossier: 'No dossier yet: press D on a highlight (or Add to dossier on its card) to start one.',
    selectToHighlight: 'Select a passage first: drag over it, or press J to select the next hit.',
    focusToAdd: 'Focus a highlight first (highlight a passage, or Tab to its card).',
    focusToLink: 'Focus a highlight first (click it, or Tab to its card).',
    theme: { system: 'Theme: System (follows the system setting)', light: 'Theme: Light', dark: 'Theme: Dark' },
  },
};
