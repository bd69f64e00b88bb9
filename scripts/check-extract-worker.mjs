// CI check: the Electron build's reading thread (out/main/extract-worker.js) is where the code that
// starts it looks for it, and reads an HTML page and a PDF.
import { readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const outMain = new URL('../out/main/', import.meta.url);
const timer = setTimeout(() => fail('no answer within 60 s'), 60_000);

function fail(message) {
  console.error(`extract worker: ${message}`);
  process.exit(1);
}

// The thread is found beside the module that starts it (core/worker-thread.ts), which must then be in out/main itself.
const starters = readdirSync(outMain).filter((name) => name.endsWith('.js') && readFileSync(new URL(name, outMain), 'utf8').includes('startWorker("extract-worker"'));
if (starters.length === 0) fail('no bundle in out/main starts the reading thread');
if (!readdirSync(outMain).includes('extract-worker.js')) fail('out/main/extract-worker.js is missing');

const pdf = await PDFDocument.create();
pdf.addPage().drawText('Tokayev spoke in Almaty', { x: 50, y: 750, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) });
const files = [
  { id: 'page.html', bytes: new TextEncoder().encode('<html><body><article><h1>Headline</h1><p>The protests in Zhanaozen.</p></article></body></html>'), expected: 'The protests in Zhanaozen.' },
  { id: 'report.pdf', bytes: await pdf.save(), expected: 'Tokayev spoke in Almaty' },
];

const worker = new Worker(new URL('extract-worker.js', outMain));
worker.on('error', (error) => fail(error.message));
worker.on('message', (reply) => {
  if (reply.type === 'ready' || reply.type === 'started') {
    if (reply.type === 'ready') worker.postMessage({ id: files[0].id, bytes: files[0].bytes, sidecar: {} });
    return;
  }
  if (reply.type === 'failed') fail(`${files[0].id}: ${reply.message}`);
  const file = files.shift();
  if (!reply.parsed.document.text.includes(file.expected)) fail(`${file.id}: expected "${file.expected}" in ${JSON.stringify(reply.parsed.document.text)}`);
  console.log(`extract worker: read ${file.id}`);
  if (files.length > 0) {
    worker.postMessage({ id: files[0].id, bytes: files[0].bytes, sidecar: {} });
    return;
  }
  clearTimeout(timer);
  void worker.terminate();
});
