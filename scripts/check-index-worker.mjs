// CI check: the Electron build's indexing thread (out/main/index-worker.js) runs and builds a segment.
import { Worker } from 'node:worker_threads';

const documents = [{ id: 'a.txt', title: 'A', byline: null, text: 'Tokayev spoke in Almaty.', sha256: 'x' }];
const worker = new Worker(new URL('../out/main/index-worker.js', import.meta.url), { workerData: { documents } });
const timer = setTimeout(() => fail('no answer within 30 s'), 30_000);

function fail(message) {
  console.error(`index worker: ${message}`);
  process.exit(1);
}

worker.on('error', (error) => fail(error.message));
worker.on('message', (message) => {
  if (message.type === 'failed') fail(message.message);
  if (message.type !== 'done') return;
  const docs = message.segment.header.docs;
  if (docs.length !== 1) fail(`expected 1 document, got ${docs.length}`);
  if (!(message.segment.compact.postings instanceof Uint8Array) || message.segment.compact.postings.length === 0) fail("no compact index came back");
  console.log('index worker: built a segment of 1 document');
  clearTimeout(timer);
  void worker.terminate();
});
