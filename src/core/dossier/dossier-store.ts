import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CasefileError } from '../errors';
import { ClaimsTableRecord } from './claims-table';
import { JsonFile, JsonStore } from '../storage/json-file';

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

export const DossierItem = z.object({
  /**
   * The annotation quoted; for a claims table, the table's own id (every item is known by this
   * field: moved, removed and merged alike).
   */
  annotationId: z.string().uuid(),
  /** Written for this dossier; the annotation's own note is printed too. */
  commentary: z.string().max(100_000).default(''),
  /** Present when the item is a claims table (the figures the sources give for a measure) rather than an annotation. */
  claims: ClaimsTableRecord.optional(),
});
export type DossierItem = z.infer<typeof DossierItem>;

export const DossierSectionRecord = z.object({
  id: z.string().uuid(),
  heading: z.string().trim().max(300),
  items: z.array(DossierItem).max(10_000),
});
export type DossierSectionRecord = z.infer<typeof DossierSectionRecord>;

/** A named selection of annotations in sections, as the user builds it. */
export const Dossier = z.object({
  id: z.string().uuid(),
  name: z.string().trim().min(1).max(200),
  title: z.string().trim().max(300),
  author: z.string().trim().max(300),
  date: IsoDay.nullable(),
  introduction: z.string().max(100_000),
  sections: z.array(DossierSectionRecord).max(1_000),
  created: z.iso.datetime(),
  modified: z.iso.datetime(),
});
export type Dossier = z.infer<typeof Dossier>;

export const DossierChanges = Dossier.pick({ name: true, title: true, author: true, date: true, introduction: true, sections: true }).partial();
export type DossierChanges = z.infer<typeof DossierChanges>;

const FORMAT = 'casefile-dossiers';
const DossiersFile = z.object({ format: z.literal(FORMAT), version: z.literal(1), dossiers: z.array(Dossier) });
type DossiersFile = z.infer<typeof DossiersFile>;

/**
 * The dossiers of one archive, in one JSON file beside its annotations (saved like them: see
 * JsonFile). Each change is made to the dossier as it is on disk at that moment, so dossiers another
 * process created or changed meanwhile are kept.
 */
export class DossierStore extends JsonStore<DossiersFile> {
  private constructor(
    json: JsonFile<DossiersFile>,
    private readonly now: () => Date,
  ) {
    super(json);
  }

  static async open(file: string, now: () => Date): Promise<DossierStore> {
    return new DossierStore(await JsonFile.open(file, 'dossier store', DossiersFile, { format: FORMAT, version: 1, dossiers: [] }), now);
  }

  list(): Dossier[] {
    return sorted(this.json.value.dossiers);
  }

  get(id: string): Dossier {
    return required(this.json.value.dossiers, id);
  }

  /** A dossier by id, or by its name (as the CLI's --dossier gives it). */
  find(idOrName: string): Dossier {
    const byId = this.json.value.dossiers.find((d) => d.id === idOrName);
    if (byId) return byId;
    const byName = this.list().filter((d) => d.name === idOrName);
    if (byName.length === 1) return byName[0];
    const names = this.list().map((d) => JSON.stringify(d.name));
    throw new CasefileError('not-found', `no dossier named ${JSON.stringify(idOrName)}${names.length ? `; dossiers: ${names.join(', ')}` : '; none exist yet'}`);
  }

  async create(name: string, fields: DossierChanges = {}): Promise<Dossier> {
    const stamp = this.now().toISOString();
    const dossier = Dossier.parse({
      id: randomUUID(),
      name,
      title: name,
      author: '',
      date: null,
      introduction: '',
      sections: [{ id: randomUUID(), heading: '', items: [] }],
      created: stamp,
      modified: stamp,
      ...fields,
    });
    assertItemsOnce(dossier);
    await this.json.update((current) => {
      assertUniqueName(current.dossiers, dossier.name);
      return { ...current, dossiers: sorted([...current.dossiers, dossier]) };
    });
    return dossier;
  }

  /**
   * Changes the fields named in `changes` (those not named stay as they are on disk now). `check`
   * sees the dossier as it is then, before the change, and may refuse it by throwing.
   */
  async update(id: string, changes: DossierChanges | ((existing: Dossier) => DossierChanges), check: (existing: Dossier) => void = () => undefined): Promise<Dossier> {
    let saved: Dossier | null = null;
    await this.json.update((current) => {
      const existing = required(current.dossiers, id);
      check(existing);
      const wanted = typeof changes === 'function' ? changes(existing) : changes;
      if (wanted.name !== undefined && wanted.name.trim() !== existing.name) assertUniqueName(current.dossiers, wanted.name);
      const next = Dossier.parse({ ...existing, ...wanted, modified: laterStamp(this.now(), existing.modified) });
      assertItemsOnce(next);
      saved = next;
      return { ...current, dossiers: current.dossiers.map((d) => (d.id === id ? next : d)) };
    });
    return saved ?? this.get(id);
  }

  async remove(id: string): Promise<void> {
    await this.json.update((current) => {
      required(current.dossiers, id);
      return { ...current, dossiers: current.dossiers.filter((d) => d.id !== id) };
    });
  }
}

function sorted(dossiers: Dossier[]): Dossier[] {
  return [...dossiers].sort((a, b) => a.name.localeCompare(b.name));
}

function required(dossiers: Dossier[], id: string): Dossier {
  const dossier = dossiers.find((d) => d.id === id);
  if (!dossier) throw new CasefileError('not-found', `no dossier with id ${JSON.stringify(id)}`);
  return dossier;
}

function assertUniqueName(dossiers: Dossier[], name: string): void {
  if (dossiers.some((d) => d.name === name.trim())) {
    throw new CasefileError('invalid-argument', `a dossier named ${JSON.stringify(name.trim())} already exists`);
  }
}

function assertItemsOnce(dossier: Dossier): void {
  const ids = dossier.sections.flatMap((s) => s.items.map((i) => i.annotationId));
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated) throw new CasefileError('invalid-argument', `annotation ${repeated} is in the dossier twice; an item appears once`);
}

/**
 * The time of a change, always after the one before it: `modified` tells whether a window's copy
 * is the one on disk (updateDossier's `basedOn`), so two saves in one millisecond must differ.
 */
function laterStamp(now: Date, previous: string): string {
  const before = Date.parse(previous);
  return new Date(Math.max(now.getTime(), before + 1)).toISOString();
}
