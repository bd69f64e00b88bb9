import type { Claim } from '../../../core/api/types';
import type { Catalogue } from '../../../shared/i18n/catalogue';
import type { Language } from '../../../shared/i18n/language';
import type { CasefileClient } from '../api/client';
import type { Notify } from '../app/use-notices';
import { claimValue } from './claim-value';

interface Context {
  client: CasefileClient;
  notify: Notify;
  fail(error: unknown): void;
  /** After the change (or a failed attempt), every view asks for the annotations again. */
  annotationsChanged(): void;
  /** Undoes the last annotation change: the toast's Undo. */
  undo(): void;
  t: Catalogue;
  language: Language;
}

/**
 * One click annotates a claim: a highlight on its clause ("the death toll stands at 227") with a note
 * naming the figure, acknowledged as the reader's highlights are, with Undo.
 */
export function claimAnnotating({ client, notify, fail, annotationsChanged, undo, t, language }: Context) {
  return async (claim: Claim): Promise<void> => {
    const value = claimValue(claim, t.figures, language);
    const measure = t.figures.measureLower[claim.measure];
    try {
      await client.call('createAnnotation', { docId: claim.doc, start: claim.start, end: claim.end, note: t.figures.note(measure, value) });
      notify(t.figures.annotatedToast(value, measure), { label: t.annotations.done.undo, run: undo });
    } catch (error) {
      fail(error);
    } finally {
      annotationsChanged();
    }
  };
}
