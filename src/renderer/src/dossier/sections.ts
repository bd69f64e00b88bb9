import type { Dossier } from '../../../core/api/types';

/**
 * The sections of a dossier and the changes the editor makes to them. Every function returns a new
 * array (the old one is kept as it was, for React and for a failed save); an item is known by its
 * annotation, which the store allows once per dossier.
 */
export type Sections = Dossier['sections'];
export type Section = Sections[number];
export type Item = Section['items'][number];

export interface ItemPlace {
  section: number;
  index: number;
}

export function findItem(sections: Sections, annotationId: string): ItemPlace | null {
  for (const [section, s] of sections.entries()) {
    const index = s.items.findIndex((item) => item.annotationId === annotationId);
    if (index !== -1) return { section, index };
  }
  return null;
}

export function hasItem(sections: Sections, annotationId: string): boolean {
  return findItem(sections, annotationId) !== null;
}

/** Appends an item to a section (the last one if the section is not found; a new one if there is none). */
export function addItem(sections: Sections, sectionId: string | null, item: Item): Sections {
  if (sections.length === 0) return [{ ...newSection(), items: [item] }];
  const target = sections.some((s) => s.id === sectionId) ? sectionId : sections.at(-1)?.id;
  return sections.map((s) => (s.id === target ? { ...s, items: [...s.items, item] } : s));
}

export function newSection(heading = ''): Section {
  return { id: crypto.randomUUID(), heading, items: [] };
}

export function removeItem(sections: Sections, annotationId: string): Sections {
  return sections.map((s) => (s.items.some((i) => i.annotationId === annotationId) ? { ...s, items: s.items.filter((i) => i.annotationId !== annotationId) } : s));
}

export function setCommentary(sections: Sections, annotationId: string, commentary: string): Sections {
  return sections.map((s) => ({ ...s, items: s.items.map((i) => (i.annotationId === annotationId ? { ...i, commentary } : i)) }));
}

/**
 * Moves an item into a section, before another item of it (`beforeId`), or at its end (null).
 * Unchanged (the same array) when the item is not there or would not move.
 */
export function moveItem(sections: Sections, annotationId: string, sectionId: string, beforeId: string | null): Sections {
  const from = findItem(sections, annotationId);
  if (!from || beforeId === annotationId || !sections.some((s) => s.id === sectionId)) return sections;
  const item = sections[from.section].items[from.index];
  const next = removeItem(sections, annotationId).map((s) => {
    if (s.id !== sectionId) return s;
    const at = beforeId === null ? -1 : s.items.findIndex((i) => i.annotationId === beforeId);
    const items = [...s.items];
    items.splice(at === -1 ? items.length : at, 0, item);
    return { ...s, items };
  });
  return sameOrder(sections, next) ? sections : next;
}

/** One place up (-1) or down (+1) within its section; null at the section's edge. */
export function moveWithinSection(sections: Sections, annotationId: string, delta: -1 | 1): Sections | null {
  const from = findItem(sections, annotationId);
  if (!from) return null;
  const section = sections[from.section];
  const to = from.index + delta;
  if (to < 0 || to >= section.items.length) return null;
  const items = [...section.items];
  [items[from.index], items[to]] = [items[to], items[from.index]];
  return sections.map((s, i) => (i === from.section ? { ...s, items } : s));
}

/** To the end of the previous section (-1) or the start of the next one (+1); null if there is none. */
export function moveToAdjacentSection(sections: Sections, annotationId: string, delta: -1 | 1): Sections | null {
  const from = findItem(sections, annotationId);
  const target = from ? sections[from.section + delta] : undefined;
  if (!target) return null;
  return moveItem(sections, annotationId, target.id, delta === 1 ? (target.items[0]?.annotationId ?? null) : null);
}

/** How many quotes an item prints: a claims table one per row. */
export function quotesOf(item: Item): number {
  return item.claims?.rows.length ?? 1;
}

/**
 * Each item's number in the dossier (a claims table's: its first row's): 1-based, running on across
 * sections, as the export numbers quotes.
 */
export function numberItems(sections: Sections): Map<string, number> {
  let next = 1;
  return new Map(
    sections.flatMap((s) => s.items).map((item) => {
      const number = next;
      next += quotesOf(item);
      return [item.annotationId, number];
    }),
  );
}

/** A section's heading, or (untitled) its number in the interface's words: `untitled(2)` is "Section 2 (untitled)". */
export function sectionName(section: Section, index: number, untitled: (n: number) => string): string {
  return section.heading.trim() || untitled(index + 1);
}

function sameOrder(a: Sections, b: Sections): boolean {
  return a.length === b.length && a.every((s, i) => s.items.length === b[i].items.length && s.items.every((item, j) => item === b[i].items[j]));
}
