import { randomUUID } from 'node:crypto';
import { parseDocument } from '../../src/core/archive/archive';
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

/** A document parsed from a text written in a test, as the archive would read it. */
export function documentOf(text: string, id = 'doc.txt'): ArchiveDocument {
  return parseDocument(id, new TextEncoder().encode(text));
}

/** Levenshtein distance (insertions, deletions, substitutions of UTF-16 units), computed independently of the code under test. */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/** Whether [aStart, aEnd) and [bStart, bEnd) share at least `fraction` of the shorter one. */
export function overlapsMostly(a: { start: number; end: number }, b: { start: number; end: number }, fraction = 0.5): boolean {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return shared > 0 && shared >= fraction * Math.min(a.end - a.start, b.end - b.start);
}

/** The text of an archive article: its title line, then one paragraph a line, ending with a line break. */
export function article(title: string, ...paragraphs: string[]): string {
  return [title, ...paragraphs, ''].join('\n');
}
