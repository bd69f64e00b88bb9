import { useEffect, useRef, useState } from 'react';
import type { Dossier, Measure } from '../../../core/api/types';
import { mergeSections } from '../../../shared/dossier-merge';
import { ApiCallError, type CasefileClient } from '../api/client';
import { useT } from '../i18n';
import { addItem, hasItem, numberItems, removeItem, sectionName } from './sections';

/** What the editor changes through the save queue; the name is changed at once (it may be refused). */
export type DossierFields = Pick<Dossier, 'title' | 'author' | 'date' | 'introduction' | 'sections'>;
type FieldName = keyof DossierFields;

export type SaveState = { state: 'saved' } | { state: 'pending' } | { state: 'saving' } | { state: 'error'; message: string };

export interface DossierEditor {
  /** Every dossier of the archive (by name); null until the first answer. */
  dossiers: Dossier[] | null;
  loadError: string | null;
  /** The chosen dossier as the user has made it: saved, or on its way to be. */
  current: Dossier | null;
  save: SaveState;
  /** The section "Add to dossier" puts new items in. */
  target: string | null;
  setTarget(sectionId: string): void;
  select(id: string): Promise<void>;
  /** Creates a dossier and chooses it; throws what the API said (a name in use), for the dialog. */
  create(name: string): Promise<Dossier>;
  rename(name: string): Promise<void>;
  remove(): Promise<void>;
  /** Changes fields of the chosen dossier: shown at once, saved at once or (while typing) a moment later. */
  edit(changes: Partial<DossierFields>, options?: { typing?: boolean }): void;
  /** Saves what is waiting; resolves with the error, or null when everything is saved. */
  flush(): Promise<string | null>;
  /**
   * Adds an annotation to the target section (creating a dossier if there is none); resolves with what
   * to tell the user, or rejects with why it was not added. Adds run one after another, in the order
   * asked, each appended to the dossier as it is on disk (what another window added is kept).
   */
  add(annotationId: string): Promise<string>;
  /** Adds a measure's claims table (the Figures view's) to the target section, after the adds asked before it. */
  addClaimsTable(measure: Measure, measureName: string): Promise<string>;
  /**
   * Asks again for the dossiers (another process changed them): the list is replaced, and the chosen
   * dossier too unless the user has changes of their own waiting to be saved.
   */
  refresh(): Promise<void>;
}

/** How many times a save of sections is merged with another window's and tried again before it is shown as failed. */
const MERGE_ATTEMPTS = 3;
/** How long typing may pause before what was typed is saved. */
const TYPING_DELAY_MS = 600;
/** The dossier chosen last, chosen again when the app opens. */
const REMEMBERED = 'casefile.dossier';

/**
 * The dossiers of the archive and the one being edited. The editor's copy is what the user sees: a
 * change shows at once and is then saved with updateDossier, one save at a time, in order. A failed
 * save keeps the user's version (order included), says why, and is tried again by the next change or
 * by `flush` (Retry). Additions are saved with addToDossier, in the same one-at-a-time order.
 */
export function useDossierEditor(client: CasefileClient): DossierEditor {
  const t = useT().dossier;
  const said = t.adding;
  const [dossiers, setDossiers] = useState<Dossier[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [current, setCurrentState] = useState<Dossier | null>(null);
  const [save, setSave] = useState<SaveState>({ state: 'saved' });
  const [target, setTargetState] = useState<string | null>(null);
  // The latest values, for saves and adds that run across renders.
  const currentRef = useRef<Dossier | null>(null);
  const targetRef = useRef<string | null>(null);
  const dirty = useRef(new Set<FieldName>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const lastError = useRef<string | null>(null);
  /** The adds asked for, chained: each starts when the one before has finished (it may be making the dossier). */
  const adding = useRef<Promise<unknown>>(Promise.resolve());
  /** Counts changes to the editor's copy, so an answer asked for before one does not undo it. */
  const version = useRef(0);
  /** The chosen dossier as last known on disk: what the editor's unsaved sections were changed from. */
  const synced = useRef<Dossier | null>(null);

  const setCurrent = (dossier: Dossier | null) => {
    currentRef.current = dossier;
    version.current++;
    setCurrentState(dossier);
  };
  /** Runs `request` once no save or add is under way; the next one waits for it in turn. */
  const exclusive = async <T>(request: () => Promise<T>): Promise<T> => {
    while (inFlight.current) await inFlight.current;
    const run = request();
    const mine = run.then(
      () => undefined,
      () => undefined,
    );
    inFlight.current = mine;
    try {
      return await run;
    } finally {
      if (inFlight.current === mine) inFlight.current = null;
    }
  };
  const setTarget = (sectionId: string | null) => {
    targetRef.current = sectionId;
    setTargetState(sectionId);
  };
  const choose = (dossier: Dossier | null) => {
    synced.current = dossier;
    cancelTimer();
    dirty.current.clear();
    lastError.current = null;
    setSave({ state: 'saved' });
    setCurrent(dossier);
    setTarget(dossier?.sections.at(-1)?.id ?? null);
    try {
      if (dossier) localStorage.setItem(REMEMBERED, dossier.id);
    } catch {
      // storage may be unavailable (private window); the first dossier is chosen next time
    }
  };
  const cancelTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  /**
   * Takes in the chosen dossier as it is on disk now (after an add, a save or another window's):
   * sections this window has not changed since are taken as they are; changed ones are merged, so
   * neither this window's change nor another's is lost. `base` is what the unsaved sections were made from.
   */
  const adopt = (saved: Dossier, base = synced.current) => {
    const shown = currentRef.current;
    if (shown?.id !== saved.id) return;
    synced.current = saved;
    const changedHere = base !== null && JSON.stringify(shown.sections) !== JSON.stringify(base.sections);
    const sections = changedHere ? mergeSections(base.sections, shown.sections, saved.sections) : saved.sections;
    if (JSON.stringify(sections) !== JSON.stringify(shown.sections) || shown.modified !== saved.modified) setCurrent({ ...shown, sections, modified: saved.modified });
  };
  const listed = (dossier: Dossier) => setDossiers((list) => [...(list ?? []).filter((d) => d.id !== dossier.id), dossier].sort((a, b) => a.name.localeCompare(b.name)));

  useEffect(() => {
    let live = true;
    client.call('listDossiers', {}).then(
      (list) => {
        if (!live) return;
        setDossiers(list);
        let remembered: string | null = null;
        try {
          remembered = localStorage.getItem(REMEMBERED);
        } catch {
          // as above
        }
        choose(list.find((d) => d.id === remembered) ?? list[0] ?? null);
      },
      (error: Error) => live && setLoadError(error.message),
    );
    return () => {
      live = false;
    };
    // `choose` only sets state and refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client]);

  /** Saves what is waiting; `conflicts` counts the merges with another window's save so far. */
  const saveWaiting = async (conflicts: number): Promise<string | null> => {
    cancelTimer();
    // One save at a time, in order: a later one carries the latest values of every field changed. What
    // is sent, and what its answer changes, is decided inside the turn, so the next save starts from it.
    const outcome = await exclusive(async (): Promise<{ draft: Dossier; error: unknown } | null> => {
      const draft = currentRef.current;
      if (!draft || dirty.current.size === 0) return null;
      const fields = [...dirty.current];
      dirty.current.clear();
      const changes: Partial<DossierFields> = Object.fromEntries(fields.map((field) => [field, draft[field]]));
      // Sections are saved only onto the copy they were changed from; if another window saved since,
      // the two are merged and saved again (a reorder here never drops an item added there).
      const basedOn = changes.sections ? synced.current?.modified : undefined;
      setSave({ state: 'saving' });
      try {
        const saved = await client.call('updateDossier', { id: draft.id, ...changes, ...(basedOn ? { basedOn } : {}) });
        if (currentRef.current?.id === draft.id) {
          listed(saved);
          // The saved sections are the ones sent: what was changed here since is made from them.
          adopt(saved, changes.sections ? { ...saved, sections: changes.sections } : synced.current);
        }
        return { draft, error: null };
      } catch (error) {
        if (currentRef.current?.id === draft.id) for (const field of fields) dirty.current.add(field);
        return { draft, error };
      }
    });
    // Nothing was waiting, or another dossier was chosen meanwhile (this one was deleted): nothing to keep.
    if (!outcome || currentRef.current?.id !== outcome.draft.id) return lastError.current;
    const { draft, error } = outcome;
    if (error === null) {
      lastError.current = null;
      if (dirty.current.size === 0) setSave({ state: 'saved' });
      return null;
    }
    if (error instanceof ApiCallError && error.code === 'conflict' && conflicts < MERGE_ATTEMPTS) {
      const onDisk = await client.call('getDossier', { id: draft.id }).catch(() => null);
      if (onDisk) {
        adopt(onDisk);
        return saveWaiting(conflicts + 1);
      }
    }
    const message = (error as Error).message;
    lastError.current = message;
    setSave({ state: 'error', message });
    return message;
  };
  const flush = () => saveWaiting(0);

  const edit: DossierEditor['edit'] = (changes, { typing = false } = {}) => {
    const draft = currentRef.current;
    if (!draft) return;
    setCurrent({ ...draft, ...changes });
    for (const field of Object.keys(changes) as FieldName[]) dirty.current.add(field);
    if (changes.sections && !changes.sections.some((s) => s.id === targetRef.current)) setTarget(changes.sections.at(-1)?.id ?? null);
    cancelTimer();
    if (typing) {
      setSave({ state: 'pending' });
      timer.current = setTimeout(() => void flush(), TYPING_DELAY_MS);
    } else {
      void flush();
    }
  };

  /** Saves the open dossier before another is chosen; refuses to leave it while it cannot be saved. */
  const leave = async () => {
    const error = await flush();
    if (error) throw new Error(said.notLeft(currentRef.current?.name ?? '', error));
  };

  const create = async (name: string) => {
    await leave();
    const dossier = await client.call('createDossier', { name });
    listed(dossier);
    choose(dossier);
    return dossier;
  };

  const addNow = async (annotationId: string): Promise<string> => {
    // What is waiting to be saved goes first: a section made here must be on disk to be added to.
    await flush();
    const draft = currentRef.current ?? (await create(uniqueName(dossiers ?? [], t.picker.defaultName)));
    if (hasItem(draft.sections, annotationId)) return said.alreadyIn(draft.name);
    const sectionId = draft.sections.some((s) => s.id === targetRef.current) ? (targetRef.current ?? undefined) : undefined;
    // Shown at once, as every edit; the store appends it to the dossier as it is on disk then.
    setCurrent({ ...draft, sections: addItem(draft.sections, sectionId ?? null, { annotationId, commentary: '' }) });
    const stillShown = () => (currentRef.current?.id === draft.id ? currentRef.current : null);
    let saved: Dossier;
    try {
      // Taken in within the turn, so a save after it starts from the dossier with this addition.
      saved = await exclusive(() =>
        client.call('addToDossier', { id: draft.id, annotationId, sectionId }).then((stored) => {
          listed(stored);
          // The stored sections, with what other windows added; merged with what the user changed here since.
          adopt(stored);
          return stored;
        }),
      );
    } catch (error) {
      const shown = stillShown();
      if (shown) setCurrent({ ...shown, sections: removeItem(shown.sections, annotationId) });
      throw new Error(said.notAdded(draft.name, (error as Error).message.replace(/\.$/, '')), { cause: error });
    }
    const index = saved.sections.findIndex((s) => s.items.some((i) => i.annotationId === annotationId));
    return said.added(saved.name, sectionName(saved.sections[index], index, t.sections.untitled), numberItems(saved.sections).get(annotationId) ?? 0);
  };
  const tableNow = async (measure: Measure, measureName: string): Promise<string> => {
    await flush();
    const draft = currentRef.current ?? (await create(uniqueName(dossiers ?? [], t.picker.defaultName)));
    const sectionId = draft.sections.some((s) => s.id === targetRef.current) ? (targetRef.current ?? undefined) : undefined;
    let saved: Dossier;
    try {
      saved = await exclusive(() =>
        client.call('addClaimsTable', { id: draft.id, measure, sectionId }).then((stored) => {
          listed(stored);
          adopt(stored);
          return stored;
        }),
      );
    } catch (error) {
      throw new Error(said.notAdded(draft.name, (error as Error).message.replace(/\.$/, '')), { cause: error });
    }
    // Without a target the table goes to the last section, as the store puts it.
    const index = sectionId ? saved.sections.findIndex((s) => s.id === sectionId) : saved.sections.length - 1;
    return said.tableAdded(measureName, saved.name, sectionName(saved.sections[index], index, t.sections.untitled));
  };
  /** One after another, in the order asked, whatever is added. */
  const queued = <T,>(work: () => Promise<T>): Promise<T> => {
    const run = adding.current.then(work);
    adding.current = run.catch(() => undefined);
    return run;
  };
  const add = (annotationId: string): Promise<string> => queued(() => addNow(annotationId));
  const addClaimsTable = (measure: Measure, measureName: string): Promise<string> => queued(() => tableNow(measure, measureName));

  return {
    dossiers,
    loadError,
    current,
    save,
    target,
    setTarget,
    async select(id) {
      if (id === currentRef.current?.id) return;
      await leave();
      choose(await client.call('getDossier', { id }));
    },
    create,
    async rename(name) {
      const draft = currentRef.current;
      if (!draft) return;
      const saved = await client.call('updateDossier', { id: draft.id, name });
      listed(saved);
      if (currentRef.current?.id !== draft.id) return;
      setCurrent({ ...currentRef.current, name: saved.name });
      adopt(saved);
    },
    async remove() {
      const draft = currentRef.current;
      if (!draft) return;
      // Its unsaved changes go with it.
      cancelTimer();
      dirty.current.clear();
      while (inFlight.current) await inFlight.current;
      await client.call('deleteDossier', { id: draft.id });
      const rest = (dossiers ?? []).filter((d) => d.id !== draft.id);
      setDossiers(rest);
      choose(rest[0] ? await client.call('getDossier', { id: rest[0].id }) : null);
    },
    edit,
    flush,
    add,
    addClaimsTable,
    async refresh() {
      const asked = version.current;
      const list = await client.call('listDossiers', {});
      setDossiers(list);
      const draft = currentRef.current;
      // A change made here while the list was on its way is newer than the list.
      if (version.current !== asked || dirty.current.size > 0 || inFlight.current || timer.current !== null) return;
      // None chosen yet (there was none): the one made elsewhere is chosen, as at open.
      if (!draft) {
        if (list[0]) choose(list[0]);
        return;
      }
      const saved = list.find((d) => d.id === draft.id);
      // Deleted elsewhere: the first one left is chosen, as after a delete here.
      if (!saved) choose(list[0] ?? null);
      else if (JSON.stringify(saved) !== JSON.stringify(draft)) {
        synced.current = saved;
        setCurrent(saved);
      }
    },
  };
}

/** "Dossier", or "Dossier 2", "Dossier 3"… when the name is taken (the base is the interface's word for a dossier). */
export function uniqueName(dossiers: readonly Dossier[], base = 'Dossier'): string {
  const taken = new Set(dossiers.map((d) => d.name));
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} ${n}`;
    if (!taken.has(name)) return name;
  }
}
