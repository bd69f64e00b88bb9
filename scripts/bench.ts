/**
 * `npm run bench -- [--json] [--runs N]`: Casefile's performance, measured, never asserted.
 * This first part measures the annotation and dossier paths on the seed archive; the search and
 * ingest figures against lunr's peers on a large corpus (issue 8) join it.
 * Figures are medians and p95 over the runs; everything is written to a temporary folder.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from '../src/core/archive/archive';
import { anchor, quoteAt } from '../src/core/annotations/anchoring';
import type { Annotation } from '../src/core/annotations/model';
import { inProcessBuilder } from '../src/core/search/index-builder';
import { Workstation } from '../src/core/workstation';

const { values } = parseArgs({ options: { json: { type: 'boolean' }, runs: { type: 'string' } } });
const RUNS = Math.max(3, Number(values.runs ?? 5));
const ARCHIVE = path.resolve(import.meta.dirname, '..', 'archive');

/** A seeded generator: the same corpus and quotes on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

function stats(samples: number[]): { medianMs: number; p95Ms: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { medianMs: Math.round(at(0.5) * 10) / 10, p95Ms: Math.round(at(0.95) * 10) / 10 };
}

async function time<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

/** 500 quotes in 10 sections over the seed archive, exported as a PDF. */
async function dossierExport(work: string) {
  const ws = await Workstation.open({ archiveDir: ARCHIVE, dataDir: path.join(work, 'dossier-data'), indexBuilder: inProcessBuilder });
  const rand = random(7);
  const docs = ws.listDocuments();
  const colors = ['yellow', 'green', 'blue', 'pink', 'orange'] as const;
  const ids: string[] = [];
  while (ids.length < 500) {
    const { document: doc } = await ws.getDocument(docs[ids.length % docs.length].id);
    const p = doc.paragraphs[Math.floor(rand() * doc.paragraphs.length)];
    const start = p.start + Math.floor(rand() * (p.end - p.start) * 0.5);
    const end = Math.min(p.end, start + 20 + Math.floor(rand() * 300));
    if (end - start < 5) continue;
    const note = `Note ${ids.length}: why this passage matters, in the researcher’s words.`;
    ids.push((await ws.createAnnotation({ docId: doc.id, start, end, note, tags: ['bench'], color: colors[ids.length % 5] })).id);
  }
  const dossier = await ws.createDossier('bench', { title: 'Five hundred quotes', author: 'Bench', date: '2024-05-01' });
  const sections = Array.from({ length: 10 }, (_, s) => ({
    id: randomUUID(),
    heading: `Section ${s + 1}`,
    items: ids.slice(s * 50, s * 50 + 50).map((annotationId) => ({ annotationId, commentary: '' })),
  }));
  await ws.updateDossier(dossier.id, { sections });
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const { ms, value } = await time(() => ws.exportDossier('bench', 'pdf'));
    samples.push(ms);
    bytes = value.bytes.byteLength;
  }
  await ws.close();
  return { quotes: 500, ...stats(samples), firstMs: Math.round(samples[0]), bytes };
}

/** 200 annotations on a 10,000-word document, re-anchored after an insertion, 20 rewordings and 20 deletions. */
function reanchoring() {
  const rand = random(11);
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
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const results = annotations.map((a) => anchor(a, changed));
    samples.push(performance.now() - started);
    if (i === 0) for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  }
  return { words: changed.text.split(/\s+/).length, annotations: 200, ...stats(samples), statuses };
}

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'casefile-bench-'));
  try {
    const dossier = await dossierExport(work);
    const anchoring = reanchoring();
    const report = {
      machine: { cores: os.cpus().length, memoryBytes: os.totalmem(), node: process.version },
      runs: RUNS,
      casefile: {
        dossierMs: dossier.medianMs,
        dossierP95Ms: dossier.p95Ms,
        dossierFirstMs: dossier.firstMs,
        dossierBytes: dossier.bytes,
        reanchorMs: anchoring.medianMs,
        reanchorP95Ms: anchoring.p95Ms,
        reanchorStatuses: anchoring.statuses,
      },
    };
    if (values.json) {
      const dir = path.resolve(import.meta.dirname, '..', 'bench', 'results');
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
      await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      process.stderr.write(`written to ${file}\n`);
      return;
    }
    const rows: Array<[string, string]> = [
      ['dossier export, 500 quotes (median / p95)', `${dossier.medianMs} / ${dossier.p95Ms} ms (first ${dossier.firstMs} ms)`],
      ['dossier PDF size', `${(dossier.bytes / 1024 / 1024).toFixed(2)} MB`],
      [`re-anchoring ${anchoring.annotations} annotations, ${anchoring.words} words (median / p95)`, `${anchoring.medianMs} / ${anchoring.p95Ms} ms`],
      ['re-anchoring outcome', Object.entries(anchoring.statuses).map(([s, n]) => `${n} ${s}`).join(', ')],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    process.stdout.write(`Casefile bench — ${report.machine.cores} cores, ${(report.machine.memoryBytes / 2 ** 30).toFixed(0)} GiB, Node ${report.machine.node}, ${RUNS} runs\n`);
    for (const [k, v] of rows) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
