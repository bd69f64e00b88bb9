import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../core/contained-path';

/**
 * The file under `root` that a URL path names, or null when the path is malformed, carries a NUL
 * byte or resolves outside `root` (`..`, encoded `%2e%2e`, absolute paths). `/` names index.html.
 * Both shells serve the built UI through this one check.
 */
export function uiFilePath(root: string, pathname: string): string | null {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  const file = path.resolve(root, `.${relative}`);
  return file !== path.resolve(root) && isInside(path.resolve(root), file) ? file : null;
}

/**
 * The regular file to serve for a URL path, or null: as `uiFilePath`, and then also refused when a
 * symbolic link leads out of `root`, or when it names a folder (folders are never listed).
 */
export async function servedFile(root: string, pathname: string): Promise<string | null> {
  const file = uiFilePath(root, pathname);
  if (file === null) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    if (!isInside(realRoot, realFile) || realFile === realRoot) return null;
    return (await stat(realFile)).isFile() ? realFile : null;
  } catch {
    return null;
  }
}
