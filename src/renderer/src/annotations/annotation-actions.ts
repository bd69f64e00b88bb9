import type { Catalogue } from '../../../shared/i18n/catalogue';
import type { CasefileClient } from '../api/client';
import { clip } from '../format';
import type { Notify } from '../app/use-notices';
import type { OpenedDocumentState } from '../app/use-opened-document';
import type { AnnotationActions } from '../components/AnnotationCard';
import type { HighlightDraft } from '../components/DraftEditor';
import type { SearchSettings } from '../search/settings';
import { copyLinkAndSay } from '../links/annotation-links';

interface Context {
  client: CasefileClient;
  article: OpenedDocumentState;
  /** The search the reader marks, kept when a card opens another document. */
  search: SearchSettings;
  notify: Notify;
  fail(error: unknown): void;
  /** After every change (or failed attempt), every view asks for the annotations again. */
  annotationsChanged(): void;
  /** The interface's strings, for what the actions say. */
  t: Catalogue;
}

/** How much of a new highlight's quote its message repeats. */
const QUOTE_SAID = 60;

/** Changes to the annotations, from the cards, the reader and the keys; each one then refreshes every view. */
export function annotationActions({ client, article, search, notify, fail, annotationsChanged, t }: Context) {
  const said = t.annotations.done;
  /** Runs a change to the annotations; whatever happened, the views are refreshed afterwards. */
  const act = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      fail(error);
    } finally {
      annotationsChanged();
    }
  };

  const undoOrRedo = (which: 'undo' | 'redo') =>
    act(async () => {
      const outcome = await client.call(which, {});
      if (outcome) notify(which === 'undo' ? said.undone(outcome.action) : said.redone(outcome.action));
      else notify(which === 'undo' ? said.nothingToUndo : said.nothingToRedo);
    });
  const undoAction = { label: said.undo, run: () => void undoOrRedo('undo') };

  const actions: AnnotationActions = {
    show: (annotation) => article.show(annotation, search),
    focus: article.setFocusedAnnotation,
    update: (changes) =>
      act(async () => {
        await client.call('updateAnnotation', changes);
        notify(said.saved, undoAction);
      }),
    remove: (id) =>
      act(async () => {
        await client.call('deleteAnnotation', { id });
        article.setFocusedAnnotation((focused) => (focused === id ? null : focused));
        notify(said.deleted, undoAction);
      }),
    accept: (id) =>
      act(async () => {
        await client.call('acceptAnnotation', { id });
        notify(said.accepted, undoAction);
      }),
    copyLink: (id) => void copyLinkAndSay(id, notify),
    detach: (id) =>
      act(async () => {
        await client.call('detachAnnotation', { id });
        notify(said.detached, undoAction);
      }),
  };

  /** A highlight of the passage selected in the reader, focused once made, and said (quick ones too, each). */
  const create = (draft: HighlightDraft & { start: number; end: number }) =>
    act(async () => {
      const { opened } = article;
      if (!opened) return;
      const created = await client.call('createAnnotation', { docId: opened.document.id, ...draft });
      article.setFocusedAnnotation(created.id);
      notify(said.highlighted(clip(created.target.quote.exact, QUOTE_SAID)), undoAction);
    });

  return { actions, undoOrRedo, create };
}
