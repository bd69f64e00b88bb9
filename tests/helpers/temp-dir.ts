import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A fresh folder under the system's temporary directory. */
export function makeTempDir(prefix = 'casefile-test-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Temporary folders for one test file: `make()` hands out folders, `cleanup()` (for afterEach or
 * afterAll) removes all of them.
 */
export function tempDirs(prefix?: string): { make: () => Promise<string>; cleanup: () => Promise<void> } {
  const made: string[] = [];
  return {
    make: async () => {
      const dir = await makeTempDir(prefix);
      made.push(dir);
      return dir;
    },
    cleanup: async () => {
      await Promise.all(made.splice(0).map(removeDir));
    },
  };
}
