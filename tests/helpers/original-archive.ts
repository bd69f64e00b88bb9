import { mkdir, rename, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const NOTES = 'Field notes\n\nThe xenolith collection was catalogued in March.';
export const PAGE =
  '<!doctype html><html><head><title>Saved page</title><script>alert(document.domain)</script></head><body><article><h1>Saved page</h1><p>The saved page’s first paragraph, long enough to be read as the text of an article.</p><p>And its second paragraph.</p></article></body></html>';
export const SECRET = 'secret outside the archive';

/**
 * An archive for the original-file tests: a text, a saved web page, a file in a folder, and beside
 * the archive a folder of secrets that links made after the archive was read lead to.
 */
export async function originalsArchive(base: string): Promise<{ archive: string; outside: string }> {
  const archive = path.join(base, 'archive');
  const outside = path.join(base, 'outside');
  await mkdir(path.join(archive, 'folder'), { recursive: true });
  await mkdir(outside);
  await writeFile(path.join(archive, 'notes.txt'), NOTES);
  await writeFile(path.join(archive, 'Заметки «полевые».txt'), NOTES);
  await writeFile(path.join(archive, 'page.html'), PAGE);
  await writeFile(path.join(archive, 'folder', 'inner.txt'), NOTES);
  await writeFile(path.join(archive, 'swapped.txt'), NOTES);
  await writeFile(path.join(outside, 'inner.txt'), SECRET);
  await writeFile(path.join(outside, 'secret.txt'), SECRET);
  return { archive, outside };
}

/** After the archive was read: its folder and one file become links to the secrets outside. */
export async function swapForLinks(archive: string, outside: string): Promise<void> {
  await rename(path.join(archive, 'folder'), path.join(archive, 'folder-moved'));
  await symlink(outside, path.join(archive, 'folder'));
  await rename(path.join(archive, 'swapped.txt'), path.join(archive, 'swapped-moved.txt'));
  await symlink(path.join(outside, 'secret.txt'), path.join(archive, 'swapped.txt'));
}
