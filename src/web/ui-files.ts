import path from 'node:path';

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
  return file.startsWith(path.resolve(root) + path.sep) ? file : null;
}
