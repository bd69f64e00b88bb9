/**
 * The annotation and dossier figures (the benchmark's first part, unchanged in substance): a
 * 500-quote dossier exported as PDF from the seed archive, and 200 annotations re-anchored on a
 * 10,000-word document after edits. Run in a child process of `npm run bench`.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseDocument } from '../src/core/archive/archive';
import { anchor, quoteAt } from '../src/core/annotations/anchoring';
import type { Annotation } from '../src/core/annotations/model';
import { inProcessBuilder } from '../src/core/search/index-builder';
import { Workstation } from '../src/core/workstation';
import { seededRandom } from './bench-corpus';
import { stats, time } from './bench-shared';

/** 500 quotes in 10 sections over the seed archive, exported as a PDF `runs` times. */
export async function dossierExport(archiveDir: string, work: string, runs: number) {
  const ws = await Workstation.open({ archiveDir, dataDir: path.join(work, 'dossier-data'), indexBuilder: inProcessBuilder });
  const rand = seededRandom(7);
  const docs = ws.archive.listDocuments();
  const colors = ['yellow', 'green', 'blue', 'pink', 'orange'] as const;
  const ids: string[] = [];
  while (ids.length < 500) {
    const { document: doc } = await ws.getDocument(docs[ids.length % docs.length].id);
    const p = doc.paragraphs[Math.floor(rand() * doc.paragraphs.length)];
    const start = p.start + Math.floor(rand() * (p.end - p.start) * 0.5);
    const end = Math.min(p.end, start + 20 + Math.floor(rand() * 300));
    if (end - start < 5) continue;
    const note = `Note ${ids.length}: why this passage matters, in the researcher’s words.`;
    ids.push((await ws.annotations.create({ docId: doc.id, start, end, note, tags: ['bench'], color: colors[ids.length % 5] })).id);
  }
  const dossier = await ws.dossiers.create('bench', { title: 'Five hundred quotes', author: 'Bench', date: '2024-05-01' });
  const sections = Array.from({ length: 10 }, (_, s) => ({
    id: randomUUID(),
    heading: `Section ${s + 1}`,
    items: ids.slice(s * 50, s * 50 + 50).map((annotationId) => ({ annotationId, commentary: '' })),
  }));
  await ws.dossiers.update(dossier.id, { sections });
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const { ms, value } = await time(() => ws.dossiers.export('bench', 'pdf'));
    samples.push(ms);
    bytes = value.bytes.byteLength;
  }
  await ws.close();
  return { quotes: 500, ...stats(samples), firstMs: Math.round(samples[0]), bytes };
}

/** 200 annotations on a 10,000-word document, re-anchored after an insertion, 20 rewordings and 20 deletions. */
export function reanchoring(runs: number) {
  const rand = seededRandom(11);
  const words = ['protest', 'Almaty', 'government', 'Tokayev', 'fuel', 'prices', 'police', 'detained', 'the', 'of', 'and', 'crowd', 'square', 'witness', 'report', 'January', 'said', 'troops', 'city', 'night'];
  const paragraphs = Array.from({ length: 250 }, () => Array.from({ length: 40 }, () => words[Math.floor(rand() * words.length)]).join(' ') + '.');
  const doc = parseDocument('bench.txt', new TextEncoder().encode(paragraphs.join('\n\n')));
  const annotations: Annotation[] = Array.from({ length: 200 }, (_, k) => {
    const start = doc.text.indexOf(' ', Math.floor(rand() * (doc.text.length - 400))) + 1;
    const end = doc.text.indexOf(' ', start + 30 + Math.floor(rand() * 150));
    const stamp = new Date(0).toISOString();
    return { id: randomUUID(), target: { docId: doc.id, docSha256: doc.sha256, quote: quoteAt(doc.text, start, end), position: { start, end } }, note: `${k}`, tags: [], color: 'yellow', author: '', created: stamp, modified: stamp };
  });
  let edited = `An editor's note was added at the top of the article.\n\n${doc.text}`;
  annotations.slice(0, 20).forEach((a) => (edited = edited.replace(a.target.quote.exact, a.target.quote.exact.replace(/\b(\w+)\b/, 'changed'))));
  annotations.slice(20, 40).forEach((a) => (edited = edited.replace(a.target.quote.exact, '')));
  const changed = parseDocument('bench.txt', new TextEncoder().encode(edited));
  const samples: number[] = [];
  const statuses: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const results = annotations.map((a) => anchor(a, changed));
    samples.push(performance.now() - started);
    if (i === 0) for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  }
  return { words: changed.text.split(/\s+/).length, annotations: 200, ...stats(samples), statuses };
}
