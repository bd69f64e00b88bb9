import { rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { LANGUAGE_CHOICES } from '../shared/i18n/language';
import { JsonFile } from './storage/json-file';

const PREFERENCES_FORMAT = 'casefile-preferences';

export const Preferences = z.object({
  /** Written into every new annotation (W3C `creator`) and the dossier. */
  author: z.string().trim().max(300),
  /** Archive folders opened, most recent first. */
  recentArchives: z.array(z.string().max(4_096)).max(50).default([]),
  /** The interface's language: English, Russian, or the system's (see src/shared/i18n). */
  language: z.enum(LANGUAGE_CHOICES).default('system'),
});
export type Preferences = z.infer<typeof Preferences>;

const PreferencesFile = z.object({ format: z.literal(PREFERENCES_FORMAT), version: z.literal(1), preferences: Preferences });
type PreferencesFile = z.infer<typeof PreferencesFile>;

const DEFAULTS: PreferencesFile = { format: PREFERENCES_FORMAT, version: 1, preferences: { author: '', recentArchives: [], language: 'system' } };

/**
 * The user's preferences, one small JSON file in the data dir shared by every archive. One store
 * per process owns it (the session's, handed to each archive it opens); each change names only the
 * fields it changes and is merged into the file as it is on disk (see JsonFile), so setting the
 * author never drops the recent archives another change added.
 */
export class PreferencesStore {
  private constructor(
    private readonly json: JsonFile<PreferencesFile>,
    /** Why the file on disk was not used (it is kept aside; defaults apply). */
    readonly problem: string | null,
  ) {}

  static async open(dataDir: string, now: () => Date = () => new Date()): Promise<PreferencesStore> {
    const file = path.join(dataDir, 'preferences.json');
    const json = await JsonFile.open(file, 'preferences', PreferencesFile, DEFAULTS);
    if (!json.problem) return new PreferencesStore(json, null);
    // Preferences are not the user's work: a damaged file is kept aside and defaults apply.
    const kept = `${file}.damaged-${now().toISOString().replace(/[:.]/g, '-')}`;
    await rename(file, kept);
    return new PreferencesStore(await JsonFile.open(file, 'preferences', PreferencesFile, DEFAULTS), `${json.problem.message} It was moved to ${kept}; defaults apply.`);
  }

  get(): Preferences {
    return { ...this.json.value.preferences };
  }

  set(changes: Partial<Preferences>): Promise<Preferences> {
    return this.change(() => changes);
  }

  /** Changes the preferences as they are on disk now, e.g. to put an archive first in the recent list. */
  async change(edit: (current: Preferences) => Partial<Preferences>): Promise<Preferences> {
    await this.json.update((current) => ({ ...current, preferences: Preferences.parse({ ...current.preferences, ...edit(current.preferences) }) }));
    return this.get();
  }

  /** Reads the file again if another process changed it. */
  reload(): Promise<boolean> {
    return this.json.reload();
  }

  /** Follows changes other processes make to the preferences. */
  watch(listener: () => void): () => void {
    return this.json.watch(listener);
  }

  close(): void {
    this.json.close();
  }
}
