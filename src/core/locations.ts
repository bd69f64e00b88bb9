import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where Casefile keeps annotations and caches when no `--data` is given: the platform's place for
 * application data (Linux: $XDG_DATA_HOME/casefile or ~/.local/share/casefile; macOS:
 * ~/Library/Application Support/Casefile; Windows: %APPDATA%\Casefile). CASEFILE_DATA overrides it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CASEFILE_DATA) return path.resolve(env.CASEFILE_DATA);
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Casefile');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Casefile');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'casefile');
}

/** Each archive keeps its own annotations: a folder per archive, named by a digest of its real path. */
export function archiveDataDir(dataDir: string, archiveRealPath: string): string {
  const key = createHash('sha256').update(archiveRealPath).digest('hex').slice(0, 16);
  return path.join(dataDir, 'archives', key);
}

/** The archive that ships with Casefile (the repository's `archive/` folder). */
export function bundledArchiveDir(): string {
  // Two levels up from this module: src/core/ in source runs, out/main/ in the Electron build.
  return fileURLToPath(new URL('../../archive', import.meta.url));
}
