import { randomUUID } from 'node:crypto';
import type { ArchiveDocument } from '../../src/core/archive/document';
import { quoteAt } from '../../src/core/annotations/anchoring';
import type { Annotation } from '../../src/core/annotations/model';

const SOME_SHA256 = 'a'.repeat(64);

/** A valid annotation with made-up content, for store tests that do not care what it says. */
export function sampleAnnotation(overrides: Partial<Annotation> = {}, index = 0): Annotation {
  const stamp = new Date(Date.UTC(2024, 0, 1, 0, 0, 0, index)).toISOString();
  return {
    id: randomUUID(),
    target: {
      docId: 'doc.txt',
      docSha256: SOME_SHA256,
      quote: { exact: `passage ${index}`, prefix: 'before ', suffix: ' after' },
      position: { start: 7, end: 7 + `passage ${index}`.length },
    },
    note: `note ${index}`,
    tags: ['sample'],
    color: 'yellow',
    author: '',
    created: stamp,
    modified: stamp,
    ...overrides,
  };
}

/** An annotation made on `doc` at [start, end), as the workstation would make it. */
export function annotationOn(doc: ArchiveDocument, start: number, end: number): Annotation {
  const stamp = new Date(Date.UTC(2024, 0, 1)).toISOString();
  return {
    id: randomUUID(),
    target: { docId: doc.id, docSha256: doc.sha256, quote: quoteAt(doc.text, start, end), position: { start, end } },
    note: '',
    tags: [],
    color: 'yellow',
    author: '',
    created: stamp,
    modified: stamp,
  };
}
