import { parentPort, workerData } from 'node:worker_threads';
import { buildSegment, type IndexableDocument } from './segment';
import type { WorkerMessage } from './index-builder';
import { errorMessage } from '../errors';

// Entry of the indexing thread: builds one segment and posts progress, then the result.
const documents = (workerData as { documents: IndexableDocument[] }).documents;
const post = (message: WorkerMessage): void => parentPort?.postMessage(message);
try {
  const segment = buildSegment(documents, (progress) => post({ type: 'progress', ...progress }));
  // The index's bytes move to the main thread rather than being copied.
  const { postingOffsets, postings } = segment.compact;
  parentPort?.postMessage({ type: 'done', segment } satisfies WorkerMessage, [postingOffsets.buffer, postings.buffer]);
} catch (error) {
  post({ type: 'failed', message: errorMessage(error) });
}
