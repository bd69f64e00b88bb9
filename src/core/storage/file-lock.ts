import lockfile from 'proper-lockfile';
import { CasefileError } from '../errors';
import { writeFailure } from './write-failure';

/**
 * A lock held while another process may still count as alive. The holder renews it every half of
 * this; one not renewed for this long was left by a process that died (kill -9, power loss) and is
 * taken over.
 */
export const STALE_LOCK_MS = 10_000;
/** How long a change waits for a lock held by another process: longer than a stale lock lives. */
const WAIT_FOR_LOCK_MS = STALE_LOCK_MS * 1.5;
/** Pauses between tries: short at first (locks are held for milliseconds), then longer. */
const FIRST_PAUSE_MS = 5;
const LONGEST_PAUSE_MS = 150;

/**
 * Runs `work` while holding the lock of `file` (a folder `<file>.lock` beside it, as proper-lockfile
 * makes it: mkdir is atomic on every file system, network ones included). Every Casefile process on
 * the same data folder takes this lock before it reads a stored file to change it, so changes are
 * serialised across processes. Locks are held for one read-change-write, a few milliseconds.
 */
export async function withFileLock<R>(file: string, work: () => Promise<R>): Promise<R> {
  const release = await acquire(file);
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}

/** Takes the lock, waiting while another process holds it; any other failure (a read-only disk) is final at once. */
async function acquire(file: string): Promise<() => Promise<void>> {
  const deadline = Date.now() + WAIT_FOR_LOCK_MS;
  for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(LONGEST_PAUSE_MS, pause * 1.5)) {
    try {
      return await lockfile.lock(file, {
        realpath: false,
        lockfilePath: `${file}.lock`,
        stale: STALE_LOCK_MS,
        retries: 0,
        // A lock taken over while held (this process stalled past STALE_LOCK_MS) is reported, not thrown
        // from a timer: the write it guards is atomic either way, at worst one process's change is later.
        onCompromised: (error) => console.error(`the lock on ${file} was taken over by another process:`, error.message),
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw writeFailure(error, `${file} could not be locked for a change`);
      if (Date.now() > deadline) {
        throw new CasefileError('write-failed', `${file} is locked by another Casefile process that has not let go for ${Math.round(WAIT_FOR_LOCK_MS / 1000)} s; try again`);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random())));
  }
}
