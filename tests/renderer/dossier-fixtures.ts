import type { Dossier } from '../../src/core/api/types';
import { ApiCallError } from '../../src/renderer/src/api/client';
import type { Handlers } from './fake-client';

/** A UUID with a readable number in it. */
export const uuid = (kind: number, n: number) => `${String(kind).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A stored dossier: one empty untitled section unless the overrides say otherwise. */
export function dossier(overrides: Partial<Dossier> = {}): Dossier {
  return {
    id: uuid(7, 1),
    name: 'January',
    title: 'January',
    author: 'Dana K.',
    date: null,
    introduction: '',
    sections: [{ id: uuid(8, 1), heading: '', items: [] }],
    created: '2024-05-01T10:00:00.000Z',
    modified: '2024-05-01T10:00:00.000Z',
    ...overrides,
  };
}

/** Sections from [id, heading, annotation ids] triples. */
export function sections(...list: Array<[string, string, string[]]>): Dossier['sections'] {
  return list.map(([id, heading, items]) => ({ id, heading, items: items.map((annotationId) => ({ annotationId, commentary: '' })) }));
}

/** [heading, annotation ids] of each section: what a test compares. */
export function shape(list: Dossier['sections']): Array<[string, string[]]> {
  return list.map((s) => [s.heading, s.items.map((i) => i.annotationId)]);
}

/** The dossier methods of the API over a list kept in memory, as the store keeps them (names unique, sorted). */
export function dossierServer(initial: Dossier[]) {
  let dossiers = initial.map((d) => structuredClone(d));
  const find = (id: string) => {
    const found = dossiers.find((d) => d.id === id);
    if (!found) throw new ApiCallError({ code: 'not-found', message: `no dossier with id "${id}"` });
    return found;
  };
  /** Saved as the store saves: `modified` moves with every change, so a copy's age can be told. */
  const put = (next: Dossier) => {
    const stamped = { ...next, modified: new Date(Date.parse(next.modified) + 1000).toISOString() };
    dossiers = [...dossiers.filter((d) => d.id !== next.id), stamped].sort((a, b) => a.name.localeCompare(b.name));
    return structuredClone(stamped);
  };
  const handlers: Handlers = {
    listDossiers: () => structuredClone(dossiers),
    getDossier: ({ id }) => structuredClone(find(id)),
    createDossier: ({ name, ...fields }) => {
      if (dossiers.some((d) => d.name === name)) throw new ApiCallError({ code: 'invalid-argument', message: `a dossier named "${name}" already exists` });
      return put(dossier({ id: uuid(7, 100 + dossiers.length), name, title: name, sections: [{ id: uuid(8, 100 + dossiers.length), heading: '', items: [] }], ...fields } as Partial<Dossier>));
    },
    // As the store does: sections changed on a copy older than the dossier on disk are refused.
    updateDossier: ({ id, basedOn, ...changes }) => {
      const found = find(id);
      if (changes.sections && basedOn !== undefined && basedOn !== found.modified) {
        throw new ApiCallError({ code: 'conflict', message: `the dossier "${found.name}" was changed elsewhere since this copy was made` });
      }
      return put({ ...found, ...(changes as Partial<Dossier>) });
    },
    // As the store does: appended to the dossier as it is now, to the named section or the last.
    addToDossier: ({ id, annotationId, sectionId, commentary = '' }) => {
      const found = find(id);
      const target = sectionId ?? found.sections.at(-1)?.id;
      if (!found.sections.some((s) => s.id === target)) throw new ApiCallError({ code: 'not-found', message: `no section "${sectionId}"` });
      if (found.sections.some((s) => s.items.some((i) => i.annotationId === annotationId))) {
        throw new ApiCallError({ code: 'invalid-argument', message: `annotation ${annotationId} appears twice in the dossier` });
      }
      return put({ ...found, sections: found.sections.map((s) => (s.id === target ? { ...s, items: [...s.items, { annotationId, commentary }] } : s)) });
    },
    deleteDossier: ({ id }) => {
      find(id);
      dossiers = dossiers.filter((d) => d.id !== id);
      return { deleted: id };
    },
  };
  return { handlers, stored: (id = uuid(7, 1)) => find(id) };
}
