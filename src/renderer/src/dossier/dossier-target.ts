import type { Dossier } from '../../../core/api/types';
import type { Catalogue } from '../../../shared/i18n/catalogue';
import type { DossierTarget } from '../components/AnnotationCard';
import type { Notify } from '../app/use-notices';
import { hasItem, sectionName } from './sections';
import type { DossierEditor } from './use-dossier';

/**
 * Adding highlights to the dossier (from a card's button or the D key): where they go, as the cards
 * name it, and the adding itself, which says what became of the highlight.
 */
export function dossierAdding(editor: DossierEditor, notify: Notify, fail: (error: unknown) => void, t: Catalogue) {
  const said = t.dossier.adding;
  const untitled = t.dossier.sections.untitled;
  const add = async (annotationId: string) => {
    try {
      notify(await editor.add(annotationId));
    } catch (error) {
      fail(error);
    }
  };
  const { current, target } = editor;
  const targetIndex = current ? current.sections.findIndex((s) => s.id === target) : -1;
  const dossierTarget: DossierTarget = {
    name: current ? said.named(current.name) : said.newDossier,
    where: current && targetIndex !== -1 ? said.where(current.name, sectionName(current.sections[targetIndex], targetIndex, untitled)) : said.newDossier,
    has: (id) => (current ? hasItem(current.sections, id) : false),
    add: (id) => void add(id),
  };
  return { add, target: dossierTarget };
}

/** How many highlights the dossier holds, over all its sections. */
export function itemCount(dossier: Dossier | null): number {
  return dossier?.sections.reduce((n, s) => n + s.items.length, 0) ?? 0;
}
