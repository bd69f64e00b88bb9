import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { errorMessage } from './errors';

const PREFERENCES_FORMAT = 'casefile-preferences';

export const Preferences = z.object({
  /** Written into every new annotation (W3C `creator`) and the dossier. */
  author: z.string().trim().max(300),
  /** Archive folders opened, most recent first. */
  recentArchives: z.array(z.string().max(4_096)).max(50).default([]),
});
export type Preferences = z.infer<typeof Preferences>;

const PreferencesFile = z.object({ format: z.literal(PREFERENCES_FORMAT), version: z.literal(1), preferences: Preferences });

const DEFAULTS: Preferences = { author: '', recentArchives: [] };

/** The user's preferences, one small JSON file in the data dir (shared by every archive). */
export class PreferencesStore {
  private constructor(
    private readonly file: string,
    private current: Preferences,
    /** Why the file on disk was not used (defaults apply; it is replaced on the next change). */
    readonly problem: string | null,
  ) {}

  static async open(dataDir: string): Promise<PreferencesStore> {
    const file = path.join(dataDir, 'preferences.json');
    let raw: string;
    try {
      raw = await readFile(file, 'utf8');
    } catch {
      return new PreferencesStore(file, DEFAULTS, null);
    }
    try {
      return new PreferencesStore(file, PreferencesFile.parse(JSON.parse(raw)).preferences, null);
    } catch (error) {
      return new PreferencesStore(file, DEFAULTS, `preferences at ${file} could not be read (${errorMessage(error)}); defaults apply`);
    }
  }

  get(): Preferences {
    return { ...this.current };
  }

  async set(changes: Partial<Preferences>): Promise<Preferences> {
    const next = Preferences.parse({ ...this.current, ...changes });
    await mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, `${JSON.stringify({ format: PREFERENCES_FORMAT, version: 1, preferences: next }, null, 2)}\n`);
    this.current = next;
    return this.get();
  }
}
