import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The seed archive of the repository (read only: tests never write to it). */
export const ARCHIVE_DIR = fileURLToPath(new URL('../../archive/', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ArchiveFile {
  /** File name relative to the archive (the archive is flat). */
  name: string;
  bytes: Buffer;
  /** The file decoded as UTF-8, with nothing else changed. */
  raw: string;
}

/** Reads the archive's `.txt` files directly with fs, independently of the code under test. */
export function readArchiveFiles(): ArchiveFile[] {
  return readdirSync(ARCHIVE_DIR)
    .filter((name) => name.endsWith('.txt') && !name.startsWith('.'))
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(ARCHIVE_DIR, name));
      return { name, bytes, raw: bytes.toString('utf8') };
    });
}

export function archiveFile(prefix: string): ArchiveFile {
  const file = readArchiveFiles().find((f) => f.name.startsWith(prefix));
  if (!file) throw new Error(`no archive file starts with ${prefix}`);
  return file;
}

/** The non-empty lines of a text, trimmed. */
export function nonEmptyLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Start offsets of `word` as a whole word (not inside a longer word), case-insensitively. */
export function wordOccurrences(text: string, word: string): number[] {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${escapeRegExp(word)}(?![\\p{L}\\p{N}\\p{M}])`, 'giu');
  return [...text.matchAll(pattern)].map((m) => m.index);
}

/** Start offsets of every (possibly overlapping) exact occurrence of `needle`. */
export function exactOccurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}
