import path from 'node:path';
import { CasefileError } from '../errors';

/** What ext4, APFS, Btrfs and NTFS allow for one name, in bytes of UTF-8 (or UTF-16 units, never fewer). */
const MAX_NAME_BYTES = 255;
/** Room kept for the " (9999)" that makes a taken name free. */
const COPY_NUMBER_BYTES = ' (9999)'.length;
/** Characters Windows refuses in a name; replaced so an archive can be copied there. */
const FORBIDDEN = '<>:"|?*';

/**
 * What is left of `name` as a plain file name: folders dropped, no leading dot, control characters,
 * characters Windows refuses and percent escapes of `.` `/` `\` NUL replaced by `_` (a document id
 * may hold none of them). Empty when nothing usable is left.
 */
export function plainFileName(name: string): string {
  return [...(name.split(/[\\/]/).pop() ?? '')]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f || FORBIDDEN.includes(ch) ? '_' : ch))
    .join('')
    .replace(/%(?=2e|2f|5c|00)/gi, '_')
    .replace(/^\.+/, '')
    .trim();
}

/** The name a file added to the archive is written under: its plain file name, cut to fit the file system's limit. */
export function addedFileName(name: string): string {
  const base = plainFileName(name);
  if (base === '') throw new CasefileError('invalid-argument', `${JSON.stringify(name)} is not a usable file name`);
  return cutToBytes(base, MAX_NAME_BYTES - COPY_NUMBER_BYTES);
}

/**
 * `name` in at most `maxBytes` bytes of UTF-8: the end of the stem goes, the extension stays, and the
 * cut falls between whole characters as a reader sees them (never inside a UTF-8 sequence, a
 * surrogate pair, or a letter and its accents).
 */
export function cutToBytes(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name) <= maxBytes) return name;
  const extension = path.extname(name);
  // A long "extension" is part of the name (a dot in a sentence), not a file type to keep.
  const kept = extension.length > 1 && Buffer.byteLength(extension) <= 16 ? extension : '';
  const room = maxBytes - Buffer.byteLength(kept);
  let stem = '';
  let used = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(name.slice(0, name.length - kept.length))) {
    const size = Buffer.byteLength(segment);
    if (used + size > room) break;
    stem += segment;
    used += size;
  }
  return `${stem.trimEnd()}${kept}`;
}
