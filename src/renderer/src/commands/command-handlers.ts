import type { RefObject } from 'react';
import type { CommandId } from '../../../shared/commands';
import type { Catalogue } from '../../../shared/i18n/catalogue';
import { afterRender } from '../after-render';
import type { Dialog } from '../app/Overlays';
import type { Place } from '../app/SidePane';
import type { Notify } from '../app/use-notices';
import { showQuerySyntax } from '../components/QuerySyntaxHelp';
import type { DraftField } from '../components/DraftEditor';
import type { ReaderHandle } from '../components/Reader';
import { clampSize, LINE_WIDTH_STEP, nextTheme, TEXT_SIZE_STEP, type LayoutChange, type SizeName, type ThemeChoice } from '../layout/layout';
import { focusPane } from '../layout/panes';

/** What the commands act on: the app's state and the few things they may do to it. */
export interface CommandContext {
  openDialog(dialog: Dialog): void;
  changeLayout(change: LayoutChange): void;
  theme: ThemeChoice;
  /** Shows the sidebar at `place`, leaving reading mode. */
  showSidebar(place: Place): void;
  /** The system's file chooser, for Add files. */
  chooseFiles(): void;
  reader: RefObject<ReaderHandle | null>;
  /** Whether an article is open in the reader. */
  articleOpen: boolean;
  focusedAnnotation: string | null;
  /** Opens the focused highlight's card with the cursor in `field`. */
  editAnnotation(id: string, field: DraftField): void;
  addToDossier(annotationId: string): void;
  deleteAnnotation(annotationId: string): void;
  undoOrRedo(which: 'undo' | 'redo'): void;
  /** Puts the link to an annotation on the clipboard. */
  copyLink(annotationId: string): void;
  /** The open article's original file, in the system's viewer (or downloaded). */
  openOriginal(): void;
  /** The open article as pages to print. */
  pageView(): void;
  notify: Notify;
  /** What the commands say when they cannot act, in the interface's language. */
  said: Catalogue['commands']['said'];
}

/** Puts the focus in the search box with its text selected; false if the box cannot take it now (hidden). */
function focusSearchBox(): boolean {
  const box = document.getElementById('search-input');
  if (!(box instanceof HTMLInputElement)) return false;
  box.focus();
  box.select();
  return document.activeElement === box;
}

/** Each command of the catalogue (src/shared/commands.ts) and what it does; the keys, the palette and the menu all run these. */
export function commandHandlers(context: CommandContext): Record<CommandId, () => void> {
  const { openDialog, changeLayout, showSidebar, reader, focusedAnnotation, notify, said } = context;
  const nudge = (name: SizeName, step: number) => changeLayout((current) => ({ [name]: clampSize(name, current[name] + step) }));

  /** `n` and `t`: the selected passage's toolbar, else the focused highlight's card, at the note or the tags. */
  const editField = (field: DraftField) => {
    if (reader.current?.draft(field)) return;
    if (!focusedAnnotation) return notify(said.selectFirst);
    context.editAnnotation(focusedAnnotation, field);
  };
  const step = (delta: 1 | -1) => {
    if (!reader.current?.step(delta)) notify(context.articleOpen ? said.noHits : said.openArticle);
  };

  return {
    palette: () => openDialog('palette'),
    'batch-search': () => openDialog('batch-search'),
    shortcuts: () => openDialog('shortcuts'),
    'query-syntax': () => {
      changeLayout({ reading: false });
      afterRender(showQuerySyntax);
    },
    'focus-search': () => {
      changeLayout({ reading: false });
      // At once when the box is on screen, so the letters typed right after / land in it (on a busy
      // machine a render's delay lost them); after the render when reading mode hid the pane.
      if (!focusSearchBox()) afterRender(focusSearchBox);
    },
    'open-archive': () => openDialog('open-archive'),
    'ingest-report': () => openDialog('ingest-report'),
    preferences: () => openDialog('preferences'),
    'annotation-files': () => openDialog('annotation-files'),
    'export-all': () => openDialog('dossier'),
    'add-files': () => context.chooseFiles(),
    'export-dossier': () => {
      showSidebar('dossier');
      afterRender(() => {
        const button = document.getElementById('dossier-export-button');
        if (button) button.focus();
        else notify(said.noDossier);
      });
    },
    undo: () => context.undoOrRedo('undo'),
    redo: () => context.undoOrRedo('redo'),
    highlight: () => {
      if (!reader.current?.highlight()) notify(said.selectToHighlight);
    },
    note: () => editField('note'),
    tags: () => editField('tags'),
    'add-to-dossier': () => {
      if (focusedAnnotation) context.addToDossier(focusedAnnotation);
      else notify(said.focusToAdd);
    },
    'delete-annotation': () => {
      if (focusedAnnotation) context.deleteAnnotation(focusedAnnotation);
    },
    'copy-link': () => {
      if (focusedAnnotation) context.copyLink(focusedAnnotation);
      else notify(said.focusToLink);
    },
    'open-original': () => (context.articleOpen ? context.openOriginal() : notify(said.openArticle)),
    'page-view': () => (context.articleOpen ? context.pageView() : notify(said.openArticle)),
    'next-hit': () => step(1),
    'previous-hit': () => step(-1),
    'text-larger': () => nudge('textSize', TEXT_SIZE_STEP),
    'text-smaller': () => nudge('textSize', -TEXT_SIZE_STEP),
    'lines-wider': () => nudge('lineWidth', LINE_WIDTH_STEP),
    'lines-narrower': () => nudge('lineWidth', -LINE_WIDTH_STEP),
    'reading-mode': () => changeLayout((current) => ({ reading: !current.reading })),
    'show-annotations': () => showSidebar('annotations'),
    'show-dossier': () => showSidebar('dossier'),
    'show-figures': () => showSidebar('figures'),
    'show-timeline': () => showSidebar('timeline'),
    'next-pane': () => focusPane(1),
    'previous-pane': () => focusPane(-1),
    theme: () => {
      const theme = nextTheme(context.theme);
      changeLayout({ theme });
      notify(said.theme[theme]);
    },
  };
}
