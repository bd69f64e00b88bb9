import path from 'node:path';
import { watch } from 'chokidar';
import { isArchiveFile, sidecarTarget, toDocumentId } from './archive';

export interface ArchiveWatcher {
  close(): Promise<void>;
}

/** How long to gather events before acting: an editor's save is often several writes and a rename. */
const SETTLE_MS = 150;

/**
 * Calls `onChange` with the ids of archive files added, changed or removed under `root`, batched.
 * Hidden entries and symbolic links are ignored, as when the archive is loaded.
 */
export async function watchArchive(root: string, onChange: (ids: string[]) => Promise<void>): Promise<ArchiveWatcher> {
  const watcher = watch(root, {
    ignoreInitial: true,
    followSymlinks: false,
    ignored: (file) => path.relative(root, file).split(path.sep).some((part) => part.startsWith('.')),
    awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 25 },
  });
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let chain = Promise.resolve();
  const flush = (): void => {
    timer = null;
    const ids = [...pending];
    pending.clear();
    chain = chain.then(() => onChange(ids)).catch((error: unknown) => console.error('archive change not applied:', error));
  };
  watcher.on('all', (_event, file) => {
    const id = toDocumentId(root, file);
    if (!isArchiveFile(id) && sidecarTarget(id) === null) return;
    pending.add(id);
    timer ??= setTimeout(flush, SETTLE_MS);
  });
  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', () => resolve());
    watcher.once('error', reject);
  });
  return {
    close: async () => {
      if (timer) clearTimeout(timer);
      await watcher.close();
      await chain;
    },
  };
}
