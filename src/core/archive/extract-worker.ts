import { parentPort } from 'node:worker_threads';
import { CasefileError, errorMessage } from '../errors';
import { parseFileNoted } from './archive';
import type { ExtractionReply, ExtractionRequest } from './extract-pool';
import { loadReader, ReadLimitError } from './formats';

// Entry of a reading thread (extract-pool.ts): reads the files it is sent, one at a time.
const post = (reply: ExtractionReply): void => parentPort?.postMessage(reply);
parentPort?.on('message', (request: ExtractionRequest) => {
  // The file's clock starts once its format's reader is loaded (pdf.js takes seconds under tsx).
  loadReader(request.format)
    .then(() => post({ type: 'started' }))
    .then(() => parseFileNoted(request.id, request.bytes, request.sidecar, request.format, request.capture))
    .then(
      (parsed) => post({ type: 'done', parsed }),
      (error: unknown) => post({ type: 'failed', message: errorMessage(error), unreadable: error instanceof CasefileError, overBudget: error instanceof ReadLimitError }),
    );
});
// The modules are loaded: the thread takes files from here.
post({ type: 'ready' });
