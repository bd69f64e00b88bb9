import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CasefileError } from './errors';

/**
 * `~` and `~/…` (or `~\…` on Windows) as the user's home folder, as a shell would expand them; a path
 * typed in the app or passed as `--archive=~/…` reaches Casefile unexpanded. `~user` is left alone.
 */
export function expandHome(folder: string): string {
  if (folder === '~') return os.homedir();
  if (/^~[/\\]/.test(folder)) return path.join(os.homedir(), folder.slice(2));
  return folder;
}

/** The real path of a folder the user named (`~` expanded), refused in words if it is missing or not a folder. */
export async function resolveFolder(folder: string): Promise<string> {
  const expanded = expandHome(folder);
  const named = expanded === folder ? JSON.stringify(folder) : `${JSON.stringify(folder)} (${expanded})`;
  let real: string;
  try {
    real = await realpath(expanded);
  } catch {
    throw new CasefileError('not-found', `no folder ${named}`);
  }
  if (!(await stat(real)).isDirectory()) throw new CasefileError('invalid-argument', `${named} is a file, not a folder`);
  return real;
}

export interface FolderListing {
  /** The folder listed, as its real path. */
  path: string;
  /** The folder above it; null at the root of a drive. */
  parent: string | null;
  /** Its sub-folders (links to folders included), sorted by name. */
  folders: Array<{ name: string; path: string }>;
}

/**
 * The sub-folders of a folder (the home folder when none is given): what the web shell's Open archive
 * dialog browses, since a page cannot open the system's folder dialog. Names starting with a dot are
 * left out unless `hidden`.
 */
export async function listFolders({ path: folder, hidden = false }: { path?: string; hidden?: boolean }): Promise<FolderListing> {
  const real = await resolveFolder(folder ?? os.homedir());
  let entries: Dirent[];
  try {
    entries = await readdir(real, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
    throw new CasefileError('invalid-argument', `cannot list ${real}: ${why}`);
  }
  const shown = entries.filter((entry) => hidden || !entry.name.startsWith('.'));
  const folders = await Promise.all(shown.map(async (entry) => ((await isFolder(real, entry)) ? entry.name : null)));
  const parent = path.dirname(real);
  return {
    path: real,
    parent: parent === real ? null : parent,
    folders: folders
      .filter((name): name is string => name !== null)
      .sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true }))
      .map((name) => ({ name, path: path.join(real, name) })),
  };
}

/** A folder, or a link that leads to one (a broken link is not). */
async function isFolder(parent: string, entry: Dirent): Promise<boolean> {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  return stat(path.join(parent, entry.name)).then(
    (target) => target.isDirectory(),
    () => false,
  );
}
