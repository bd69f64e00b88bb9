/**
 * Child process for the crash test of the annotation store: saves annotations one after another
 * into the store at argv[2] and prints each annotation's id only after its put() has resolved.
 * The parent kills it with SIGKILL at an arbitrary moment. It stops by itself after a while so a
 * forgotten child never runs on.
 */
import { AnnotationStore } from '../../src/core/annotations/store';
import { sampleAnnotation } from './annotations';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: store-crash-child.ts STORE_FILE\n');
  process.exit(2);
}

const store = await AnnotationStore.open(file);
if (store.problem) {
  process.stderr.write(`${store.problem.message}\n`);
  process.exit(1);
}
const deadline = Date.now() + 20_000;
for (let i = 0; i < 100_000 && Date.now() < deadline; i++) {
  const annotation = sampleAnnotation({}, i);
  await store.put(annotation);
  process.stdout.write(`${annotation.id}\n`);
}
