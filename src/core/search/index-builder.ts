import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CasefileError } from '../errors';
import { buildSegment, type BuildProgress, type IndexableDocument, type SerializedSegment } from './segment';

/** Builds a segment from documents, reporting progress; where it runs is the builder's choice. */
export type SegmentBuilder = (
  documents: readonly IndexableDocument[],
  onProgress: (progress: BuildProgress) => void,
) => Promise<SerializedSegment>;

export type WorkerMessage =
  | ({ type: 'progress' } & BuildProgress)
  | { type: 'done'; segment: SerializedSegment }
  | { type: 'failed'; message: string };

/** Below this many documents a worker's start-up costs more than the build itself. */
export const WORKER_THRESHOLD = 50;

/** Builds on the calling thread, yielding once first so callers see the 'indexing' state. */
export const inProcessBuilder: SegmentBuilder = async (documents, onProgress) => {
  await new Promise((resolve) => setImmediate(resolve));
  return buildSegment(documents, onProgress);
};

/**
 * Builds in a worker thread, so a shell's main thread keeps answering while a large archive is
 * indexed. From source (tests, CLI, web shell under tsx) the worker loads TypeScript through tsx;
 * in the Electron build it is the bundled `index-worker.js` beside the main bundle.
 */
export const workerBuilder: SegmentBuilder = (documents, onProgress) => {
  if (documents.length < WORKER_THRESHOLD) return inProcessBuilder(documents, onProgress);
  return new Promise((resolve, reject) => {
    const worker = startIndexWorker({ documents: documents.map(({ id, title, byline, text, sha256, boilerplate }) => ({ id, title, byline, text, sha256, boilerplate })) });
    let settled = false;
    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      action();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress({ done: message.done, total: message.total });
      else if (message.type === 'done') settle(() => resolve(message.segment));
      else settle(() => reject(new CasefileError('internal', `indexing failed: ${message.message}`)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new CasefileError('internal', `the indexing thread stopped (exit code ${code})`))));
  });
};

function startIndexWorker(workerData: unknown): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const workerUrl = new URL('./index-worker.ts', here).href;
    const tsxApi = tsxEsmApiUrl(here);
    const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(workerUrl)}, ${JSON.stringify(here)}));`;
    return new Worker(bootstrap, { eval: true, workerData });
  }
  return new Worker(new URL('./index-worker.js', here), { workerData });
}

/** tsx's ESM API as its own export map names it (require.resolve would give the CommonJS build). */
function tsxEsmApiUrl(from: string): string {
  const manifestPath = createRequire(from).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(path.join(path.dirname(manifestPath), manifest.exports['./esm/api'].import.default)).href;
}
