import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CasefileError } from './errors';

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
