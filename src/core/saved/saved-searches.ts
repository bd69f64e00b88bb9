import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CasefileError } from '../errors';
import { JsonFile, JsonStore } from '../storage/json-file';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/u);
/** The search's own options as a saved search keeps them (what the search method takes). */
export const SavedOptions = z
  .object({
    variants: z.boolean().optional(),
    sort: z.enum(['relevance', 'newest', 'oldest']).optional(),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u).optional(),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u).optional(),
    includeUndated: z.boolean().optional(),
    source: z.string().max(300).optional(),
    /** Only documents that mention this entity (an id from the entities list)… */
    entity: z.string().min(1).max(300).optional(),
    /** …shown by this name (the filter's label; not searched by). */
    entityName: z.string().max(300).optional(),
    /** Document marks: only starred documents; only those with every one of these tags. */
    starred: z.boolean().optional(),
    documentTags: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
  })
  .strict();
export type SavedOptions = z.infer<typeof SavedOptions>;

const SavedSearch = z.object({
  id: z.string().uuid(),
  name: z.string().trim().min(1).max(200),
  query: z.string().max(10_000),
  options: SavedOptions,
  created: z.iso.datetime(),
  /** The documents that matched when the user last looked, with their content then: what is new or changed since. */
  seen: z.record(z.string(), Sha256),
  seenAt: z.iso.datetime(),
});
export type SavedSearch = z.infer<typeof SavedSearch>;

const FORMAT = 'casefile-saved-searches';
const SavedFile = z.object({ format: z.literal(FORMAT), version: z.literal(1), searches: z.array(SavedSearch).max(10_000) });
type SavedFile = z.infer<typeof SavedFile>;

/** A document as a saved search compares it: its id and its content's hash. */
export interface Matched {
  id: string;
  sha256: string;
}

/**
 * Searches saved by name, in one JSON file beside the annotations (saved like them: see JsonFile).
 * Each remembers which documents matched, in which version, when the user last looked, so that
 * after files are added or changed it can say which matching documents are new or changed.
 */
export class SavedSearchStore extends JsonStore<SavedFile> {
  private constructor(json: JsonFile<SavedFile>) {
    super(json);
  }

  static async open(file: string): Promise<SavedSearchStore> {
    return new SavedSearchStore(await JsonFile.open(file, 'saved searches', SavedFile, { format: FORMAT, version: 1, searches: [] }));
  }

  list(): readonly SavedSearch[] {
    return this.json.value.searches;
  }

  get(id: string): SavedSearch {
    const found = this.json.value.searches.find((s) => s.id === id);
    if (!found) throw new CasefileError('not-found', `no saved search ${id}`);
    return found;
  }

  /** Saves a search under a name (a name used already is replaced), with what matches now as seen. */
  async save(name: string, query: string, options: SavedOptions, matching: readonly Matched[], now: Date): Promise<SavedSearch> {
    this.json.assertWritable();
    const saved: SavedSearch = { id: randomUUID(), name: name.trim(), query, options, created: now.toISOString(), seen: seenOf(matching), seenAt: now.toISOString() };
    await this.json.update((file) => ({ ...file, searches: [...file.searches.filter((s) => s.name.toLocaleLowerCase() !== saved.name.toLocaleLowerCase()), saved] }));
    return saved;
  }

  /** The user has looked: what matches now is what they saw. */
  async seen(id: string, matching: readonly Matched[], now: Date): Promise<SavedSearch> {
    this.json.assertWritable();
    const saved = await this.json.update((file) => {
      if (!file.searches.some((s) => s.id === id)) throw new CasefileError('not-found', `no saved search ${id}`);
      return { ...file, searches: file.searches.map((s) => (s.id === id ? { ...s, seen: seenOf(matching), seenAt: now.toISOString() } : s)) };
    });
    return saved.searches.find((s) => s.id === id) as SavedSearch;
  }

  /** Gives a saved search another name; a name another saved search has is refused (saving under it would replace that one). */
  async rename(id: string, name: string): Promise<SavedSearch> {
    this.json.assertWritable();
    const wanted = name.trim();
    const saved = await this.json.update((file) => {
      if (!file.searches.some((s) => s.id === id)) throw new CasefileError('not-found', `no saved search ${id}`);
      if (file.searches.some((s) => s.id !== id && s.name.toLocaleLowerCase() === wanted.toLocaleLowerCase())) {
        throw new CasefileError('invalid-argument', `a saved search is named ${wanted} already`);
      }
      return { ...file, searches: file.searches.map((s) => (s.id === id ? { ...s, name: wanted } : s)) };
    });
    return saved.searches.find((s) => s.id === id) as SavedSearch;
  }

  async remove(id: string): Promise<void> {
    this.json.assertWritable();
    await this.json.update((file) => {
      if (!file.searches.some((s) => s.id === id)) throw new CasefileError('not-found', `no saved search ${id}`);
      return { ...file, searches: file.searches.filter((s) => s.id !== id) };
    });
  }
}

function seenOf(matching: readonly Matched[]): Record<string, string> {
  return Object.fromEntries(matching.map((m) => [m.id, m.sha256]));
}

/** Which of the documents matching now are new to the saved search (not matched then) or changed (another version). */
export function freshSince(saved: SavedSearch, matching: readonly Matched[]): { added: string[]; changed: string[] } {
  const added: string[] = [];
  const changed: string[] = [];
  for (const m of matching) {
    const then = saved.seen[m.id];
    if (then === undefined) added.push(m.id);
    else if (then !== m.sha256) changed.push(m.id);
  }
  return { added, changed };
}
