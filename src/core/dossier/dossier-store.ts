import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CasefileError } from '../errors';
import { JsonFile, type StoreProblem } from '../storage/json-file';

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

export const DossierItem = z.object({
  annotationId: z.string().uuid(),
  /** Written for this dossier; the annotation's own note is printed too. */
  commentary: z.string().max(100_000).default(''),
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

/** The dossiers of one archive, in one JSON file beside its annotations (saved like them: see JsonFile). */
export class DossierStore {
  private constructor(
    private readonly json: JsonFile<DossiersFile>,
    private readonly dossiers: Map<string, Dossier>,
    private readonly now: () => Date,
  ) {}

  static async open(file: string, now: () => Date): Promise<DossierStore> {
    const { store, value } = await JsonFile.open(file, 'dossier store', DossiersFile, { format: FORMAT, version: 1, dossiers: [] });
    return new DossierStore(store, new Map(value.dossiers.map((d) => [d.id, d])), now);
  }

  get problem(): StoreProblem | null {
    return this.json.problem;
  }

  list(): Dossier[] {
    return [...this.dossiers.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  get(id: string): Dossier {
    const dossier = this.dossiers.get(id);
    if (!dossier) throw new CasefileError('not-found', `no dossier with id ${JSON.stringify(id)}`);
    return dossier;
  }

  /** A dossier by id, or by its name (as the CLI's --dossier gives it). */
  find(idOrName: string): Dossier {
    const byId = this.dossiers.get(idOrName);
    if (byId) return byId;
    const byName = this.list().filter((d) => d.name === idOrName);
    if (byName.length === 1) return byName[0];
    const names = this.list().map((d) => JSON.stringify(d.name));
    throw new CasefileError('not-found', `no dossier named ${JSON.stringify(idOrName)}${names.length ? `; dossiers: ${names.join(', ')}` : '; none exist yet'}`);
  }

  async create(name: string, fields: DossierChanges = {}): Promise<Dossier> {
    this.assertUniqueName(name);
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
    return this.put(dossier);
  }

  async update(id: string, changes: DossierChanges): Promise<Dossier> {
    const existing = this.get(id);
    if (changes.name !== undefined && changes.name !== existing.name) this.assertUniqueName(changes.name);
    return this.put(Dossier.parse({ ...existing, ...changes, modified: this.now().toISOString() }));
  }

  async remove(id: string): Promise<void> {
    this.get(id);
    this.json.assertWritable();
    this.dossiers.delete(id);
    await this.save();
  }

  flush(): Promise<void> {
    return this.json.flush();
  }

  private async put(dossier: Dossier): Promise<Dossier> {
    this.json.assertWritable();
    const ids = dossier.sections.flatMap((s) => s.items.map((i) => i.annotationId));
    const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
    if (repeated) throw new CasefileError('invalid-argument', `annotation ${repeated} is in the dossier twice; an item appears once`);
    this.dossiers.set(dossier.id, dossier);
    await this.save();
    return dossier;
  }

  private assertUniqueName(name: string): void {
    if (this.list().some((d) => d.name === name.trim())) {
      throw new CasefileError('invalid-argument', `a dossier named ${JSON.stringify(name.trim())} already exists`);
    }
  }

  private save(): Promise<void> {
    return this.json.save(() => JSON.stringify({ format: FORMAT, version: 1, dossiers: this.list() } satisfies DossiersFile, null, 2));
  }
}
