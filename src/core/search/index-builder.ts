import { availableParallelism } from 'node:os';
import { CasefileError } from '../errors';
import { startWorker } from '../worker-thread';
import { buildSegment, type BuildProgress, type IndexableDocument, type SerializedSegment } from './segment';

/**
 * Builds the index of documents as one or more segments (shards), reporting progress over all of
 * them; where it runs is the builder's choice.
 */
export type SegmentBuilder = (
  documents: readonly IndexableDocument[],
  onProgress: (progress: BuildProgress) => void,
  /** Aborted: the build stops and the promise rejects with the signal's reason; nothing is returned. */
  signal?: AbortSignal,
) => Promise<SerializedSegment[]>;

export type WorkerMessage =
  | ({ type: 'progress' } & BuildProgress)
  | { type: 'done'; segment: SerializedSegment }
  | { type: 'failed'; message: string };

/** Below this many documents a worker's start-up costs more than the build itself... */
export const WORKER_THRESHOLD = 50;
/** ...unless they hold this much text: a 30 MB text took 12 s to index, all that time holding the main thread. */
export const WORKER_TEXT_THRESHOLD = 4_000_000;
/**
 * From this many documents a build is split into shards built side by side, one thread per core.
 * Each shard weighs its words by its own statistics; over thousands of articles a shard's are close
 * to the whole archive's, and below this size one index keeps them exact.
 */
export const SHARD_THRESHOLD = 2_000;

/** Builds on the calling thread, yielding once first so callers see the 'indexing' state. */
export const inProcessBuilder: SegmentBuilder = async (documents, onProgress, signal) => {
  await new Promise((resolve) => setImmediate(resolve));
  return [buildSegment(documents, onProgress, signal)];
};

/**
 * Builds in worker threads, so a shell's main thread keeps answering while a large archive is
 * indexed, and a large archive is indexed on every core. From source (tests, CLI, web shell under
 * tsx) a worker loads TypeScript through tsx; in the Electron build it is the bundled
 * `index-worker.js` beside the main bundle.
 */
export const workerBuilder: SegmentBuilder = async (documents, onProgress, signal) => {
  signal?.throwIfAborted();
  const small = documents.length < WORKER_THRESHOLD && documents.reduce((sum, doc) => sum + doc.text.length, 0) < WORKER_TEXT_THRESHOLD;
  if (small) return inProcessBuilder(documents, onProgress, signal);
  const shards = documents.length < SHARD_THRESHOLD ? 1 : Math.max(1, Math.min(availableParallelism(), 8));
  const size = Math.ceil(documents.length / shards);
  const parts = Array.from({ length: shards }, (_, i) => documents.slice(i * size, (i + 1) * size)).filter((p) => p.length > 0);
  const done = parts.map(() => 0);
  return Promise.all(
    parts.map((part, i) =>
      buildInWorker(part, (progress) => {
        done[i] = progress.done;
        onProgress({ done: done.reduce((a, b) => a + b, 0), total: documents.length });
      }, signal),
    ),
  );
};

function buildInWorker(
  documents: readonly IndexableDocument[],
  onProgress: (progress: BuildProgress) => void,
  signal: AbortSignal | undefined,
): Promise<SerializedSegment> {
  return new Promise((resolve, reject) => {
    const worker = startWorker('index-worker', import.meta.url, { workerData: { documents: documents.map(({ id, title, byline, text, sha256, boilerplate }) => ({ id, title, byline, text, sha256, boilerplate })) } });
    let settled = false;
    const settle = (action: () => void): Promise<number> | undefined => {
      if (settled) return undefined;
      settled = true;
      signal?.removeEventListener('abort', stop);
      action();
      return worker.terminate();
    };
    // Rejected once the thread has stopped, so a closed workstation leaves no thread indexing behind.
    function stop(): void {
      void settle(() => undefined)?.finally(() => reject(signal?.reason));
    }
    signal?.addEventListener('abort', stop, { once: true });
    worker.on('message', (message: WorkerMessage) => {
      if (settled) return;
      if (message.type === 'progress') onProgress({ done: message.done, total: message.total });
      else if (message.type === 'done') settle(() => resolve(message.segment));
      else settle(() => reject(new CasefileError('internal', `indexing failed: ${message.message}`)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new CasefileError('internal', `the indexing thread stopped (exit code ${code})`))));
  });
}
