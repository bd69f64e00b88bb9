import { CasefileError, errorMessage } from '../errors';

/** What a failed write's system error means, in the user's words. */
const CAUSES: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the folder is on a read-only disk',
  EACCES: 'the folder is read-only (no permission to write there)',
  EPERM: 'the folder is read-only (no permission to write there)',
  ENAMETOOLONG: 'the name is too long for the file system',
  EMFILE: 'too many files are open',
  EIO: 'the disk reported an input/output error',
};

/**
 * A write that failed, as an error naming the cause ("the disk is full") after `what` failed; a
 * CasefileError passes through unchanged. `place` names the folder ("the archive folder") where the
 * cause is about one.
 */
export function writeFailure(error: unknown, what: string, place = ''): CasefileError {
  if (error instanceof CasefileError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const cause = code !== undefined ? CAUSES[code] : undefined;
  if (cause === undefined) return new CasefileError('write-failed', `${what}: ${errorMessage(error)}`);
  const named = place !== '' ? cause.replace(/^the folder/, place) : cause;
  return new CasefileError('write-failed', `${what}: ${named} (${code})`);
}
