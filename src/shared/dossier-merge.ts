/** The parts of a dossier's sections a merge looks at (the stored records have these fields). */
export interface MergeItem {
  annotationId: string;
  commentary: string;
}
export interface MergeSection {
  id: string;
  heading: string;
  items: MergeItem[];
}

/**
 * The sections a window saves when the dossier changed on disk since the copy it edited: its own
 * version (`mine`, made from `base`) with what others did meanwhile (`theirs`) brought in, so no
 * window's work is lost. Mine decides the order and the headings and commentaries it changed; from
 * theirs come the items and sections added elsewhere (last in their section if they were last there, as an
 * "Add to dossier" puts them, else after the item they follow there; in this window's last section if
 * theirs is gone here), the items removed
 * elsewhere, and the headings and commentaries changed only there. A section removed elsewhere stays
 * if this window still has it (its items are only gone if they were removed one by one).
 */
export function mergeSections<S extends MergeSection>(base: readonly S[], mine: readonly S[], theirs: readonly S[]): S[] {
  const itemsOf = (sections: readonly S[]) => new Map(sections.flatMap((s) => s.items.map((item) => [item.annotationId, { item, section: s.id }] as const)));
  const baseItems = itemsOf(base);
  const mineItems = itemsOf(mine);
  const theirItems = itemsOf(theirs);
  const baseSections = new Map(base.map((s) => [s.id, s]));
  const theirSections = new Map(theirs.map((s) => [s.id, s]));
  const removedElsewhere = (id: string) => baseItems.has(id) && !theirItems.has(id);
  const addedElsewhere = (id: string) => theirItems.has(id) && !baseItems.has(id) && !mineItems.has(id);
  /** Mine's value where this window changed it since base, else theirs' (theirs' may be the same). */
  const pick = <T>(mineValue: T, baseValue: T | undefined, theirValue: T | undefined): T =>
    baseValue === undefined || theirValue === undefined || mineValue !== baseValue ? mineValue : theirValue;

  const merged: S[] = mine.map((section) => ({
    ...section,
    heading: pick(section.heading, baseSections.get(section.id)?.heading, theirSections.get(section.id)?.heading),
    items: section.items
      .filter((item) => !removedElsewhere(item.annotationId))
      .map((item) => ({
        ...item,
        commentary: pick(item.commentary, baseItems.get(item.annotationId)?.item.commentary, theirItems.get(item.annotationId)?.item.commentary),
      })),
  }));
  // Sections made elsewhere come after this window's, in their order there, with their items.
  const madeElsewhere = theirs.filter((s) => !baseSections.has(s.id) && !merged.some((m) => m.id === s.id)).map((s) => ({ ...s, items: [] as MergeItem[] }));
  const lastHere = merged.at(-1);
  const all = [...merged, ...madeElsewhere];
  for (const section of theirs) {
    section.items.forEach((item, at) => {
      if (!addedElsewhere(item.annotationId)) return;
      const home = all.find((s) => s.id === section.id) ?? lastHere;
      if (!home) {
        all.push({ ...section, items: [item] });
        return;
      }
      const before = section.items[at - 1]?.annotationId;
      const after = before === undefined ? -1 : home.items.findIndex((i) => i.annotationId === before);
      const last = at === section.items.length - 1;
      if (home.id !== section.id || last || (before !== undefined && after === -1)) home.items.push(item);
      else if (before === undefined) home.items.unshift(item);
      else home.items.splice(after + 1, 0, item);
    });
  }
  return all;
}
