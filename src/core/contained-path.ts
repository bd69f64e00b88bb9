import { constants, type Stats } from 'node:fs';
import { lstat, open, readlink, realpath, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CasefileError, errorMessage } from './errors';
import { said, type Said } from './said';

/** NUL and other control characters: never in a document id, and NUL cuts a path short in C. */
function hasControlCharacter(value: string): boolean {
  return [...value].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
}
/** Percent escapes of `.`, `/`, `\` and NUL: a path carrying them was encoded to slip past a check. */
const ENCODED_PATH_CHARACTER = /%(?:2e|2f|5c|00)/i;

/**
 * Why `value` is not a plain relative path inside the archive (`folder/file.txt`), or null if it is.
 * Document ids and folders from any client pass through this before they name a file.
 */
export function relativePathProblem(value: string): string | null {
  if (hasControlCharacter(value)) return 'must not contain NUL or control characters';
  if (value.includes('\\')) return 'must separate folders with /';
  if (value.startsWith('/') || /^[a-zA-Z]:/.test(value)) return 'must be relative to the archive folder';
  if (ENCODED_PATH_CHARACTER.test(value)) return 'must not carry percent-encoded dots, slashes or NUL';
  if (value.split('/').some((part) => part === '..' || part === '.')) return 'must not contain . or .. segments';
  return null;
}

/** A relative path inside the archive, checked as `relativePathProblem` says. */
export const ArchivePath = z
  .string()
  .max(1_000)
  .superRefine((value, context) => {
    const problem = relativePathProblem(value);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  });

/** Whether `candidate` (absolute, resolved) is `root` itself or lies under it. */
export function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/**
 * The real location of `relative` under `root`, refused when a symbolic link on the way (or the
 * file itself) leads outside the archive. Parts that do not exist yet are resolved from the deepest
 * existing folder, so a folder about to be created is checked too.
 */
export async function confineToArchive(root: string, relative: string): Promise<string> {
  const realRoot = await realpath(root);
  const target = path.resolve(realRoot, ...relative.split('/').filter((part) => part !== ''));
  let existing = target;
  let rest = '';
  for (;;) {
    try {
      const real = path.join(await realpath(existing), rest);
      if (!isInside(realRoot, real)) break;
      return real;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || existing === realRoot) break;
      // There but unresolvable: a dangling link, which may point anywhere once its target appears.
      if (await lstat(existing).then(() => true, () => false)) break;
      rest = path.join(path.basename(existing), rest);
      existing = path.dirname(existing);
    }
  }
  throw new CasefileError('invalid-argument', `${JSON.stringify(relative)} leads outside the archive folder`);
}

/** Why a file of the archive was not read; callers word the outcome from it (skipped, failed, missing). */
export type ArchiveFileRefusal = 'name' | 'outside' | 'link' | 'not-a-file' | 'too-large' | 'missing' | 'denied' | 'changing' | 'unreadable';

/** A file of the archive that was not read, and why. Its message is the reason in the user's words. */
export class ArchiveFileRefused extends CasefileError {
  constructor(
    readonly refusal: ArchiveFileRefusal,
    reason: string | Said,
  ) {
    super(refusal === 'missing' ? 'not-found' : 'invalid-argument', reason);
    this.name = 'ArchiveFileRefused';
  }
}

export interface ArchiveFileContent {
  bytes: Buffer;
  /** The file as opened (before reading); `bytes` are exactly its `size`. */
  stats: Stats;
}

/** Opens without following a link at the end of the path, and without waiting on a pipe's writer. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * The one way to read a file of the archive, used by everything that does: ingest, the watcher,
 * verify. `relative` must be a plain relative path (`relativePathProblem`); it must be a regular file
 * of at most `maxBytes`, checked before it is opened (opening a pipe would wait for a writer, a
 * device may act on being opened), and the file opened must be the one checked and lie at the same
 * path under the archive's real root: no symbolic link anywhere on the way, as ingest never follows
 * one, so a folder swapped for a link is caught even between the check and the open. The path must
 * still name the same, unchanged file after the read; otherwise the refusal is `changing` (a caller
 * may try again).
 */
export async function readArchiveFile(root: string, relative: string, { maxBytes }: { maxBytes: number }): Promise<ArchiveFileContent> {
  const problem = relative === '' ? 'must not be empty' : relativePathProblem(relative);
  if (problem !== null) throw new ArchiveFileRefused('name', `the file name ${problem}`);
  const parts = relative.split('/');
  // First what is there (an absent file, the common case for sidecars, costs one call).
  const before = await lstat(path.join(root, ...parts)).catch((error: unknown) => {
    throw refusalOf(error, 'the file');
  });
  requireRegularFile(before, maxBytes);
  const realRoot = await realpath(root).catch((error: unknown) => {
    throw refusalOf(error, 'the archive folder');
  });
  const file = path.join(realRoot, ...parts);
  let handle: FileHandle;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch (error) {
    throw refusalOf(error, 'the file');
  }
  try {
    const opened = await handle.stat();
    requireRegularFile(opened, maxBytes);
    await requireOpenedAt(handle, opened, realRoot, file);
    if (!sameFile(opened, before)) throw new ArchiveFileRefused('changing', 'the file kept changing while being read');
    const bytes = await readUpTo(handle, opened.size + 1);
    const after = await handle.stat();
    const now = await lstat(file).catch(() => null);
    if (!now) throw new ArchiveFileRefused('missing', 'the file disappeared while being read');
    if (bytes.byteLength !== opened.size || after.size !== opened.size || after.mtimeMs !== opened.mtimeMs || !sameFile(now, opened)) {
      throw new ArchiveFileRefused('changing', 'the file kept changing while being read');
    }
    return { bytes, stats: opened };
  } catch (error) {
    throw error instanceof ArchiveFileRefused ? error : refusalOf(error, 'the file');
  } finally {
    await handle.close();
  }
}

/** The folder holding `file` is, resolved, exactly where its path says: inside the root, through no link. */
async function requireNoLinkOnTheWay(realRoot: string, file: string): Promise<void> {
  const folder = path.dirname(file);
  const realFolder = await realpath(folder).catch((error: unknown) => {
    throw refusalOf(error, 'the folder');
  });
  if (realFolder === folder) return;
  if (!isInside(realRoot, realFolder)) throw new ArchiveFileRefused('outside', said('read.outsideLink'));
  throw new ArchiveFileRefused('link', said('read.folderLink'));
}

/**
 * The opened file is the one at `file`, reached through no link. Where the system names an open
 * file's path (Linux's /proc), that name must be `file`; elsewhere the folder is resolved again and
 * the path must lead to the same file.
 */
async function requireOpenedAt(handle: FileHandle, opened: Stats, realRoot: string, file: string): Promise<void> {
  const named = await readlink(`/proc/self/fd/${handle.fd}`).catch(() => null);
  if (named !== null) {
    if (named === file) return;
    if (!isInside(realRoot, named)) throw new ArchiveFileRefused('outside', said('read.outsideLink'));
    // Inside, yet elsewhere: a folder on the way is a link within the archive, or the file was moved.
    await requireNoLinkOnTheWay(realRoot, file);
    throw new ArchiveFileRefused('changing', 'the file kept changing while being read');
  }
  await requireNoLinkOnTheWay(realRoot, file);
  const now = await lstat(file).catch(() => null);
  if (!now || !sameFile(now, opened)) throw new ArchiveFileRefused('changing', 'the file kept changing while being read');
}

function requireRegularFile(stats: Stats, maxBytes: number): void {
  if (stats.isSymbolicLink()) throw new ArchiveFileRefused('link', said('ingest.symbolicLink'));
  if (stats.isDirectory()) throw new ArchiveFileRefused('not-a-file', said('read.folder'));
  if (!stats.isFile()) throw new ArchiveFileRefused('not-a-file', said('read.notRegular'));
  if (stats.size > maxBytes) throw new ArchiveFileRefused('too-large', `larger than ${inMegabytes(maxBytes)} (${inMegabytes(stats.size)})`);
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

function inMegabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** At most `limit` bytes from the start of the file (one more than expected shows that it grew). */
async function readUpTo(handle: FileHandle, limit: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(limit);
  let filled = 0;
  while (filled < limit) {
    const { bytesRead } = await handle.read(buffer, filled, limit - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

function refusalOf(error: unknown, what: string): ArchiveFileRefused {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new ArchiveFileRefused('missing', what === 'the archive folder' ? 'the archive folder is gone' : said('read.disappeared'));
  if (code === 'EACCES' || code === 'EPERM') return new ArchiveFileRefused('denied', 'permission denied');
  if (code === 'ELOOP') return new ArchiveFileRefused('link', said('ingest.symbolicLink'));
  if (code === 'EISDIR') return new ArchiveFileRefused('not-a-file', said('read.folder'));
  return new ArchiveFileRefused('unreadable', `${what} cannot be read (${errorMessage(error)})`);
}
