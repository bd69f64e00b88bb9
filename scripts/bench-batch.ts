/**
 * `npm run bench:batch -- [--docs N] [--names N] [--runs R]`: batch search (issue 24, point 2) —
 * a list of 1,000 names over 10,000 articles, as a journalist pastes a sanctions list. The names
 * are taken from the corpus (capitalised words and pairs of them, as names are written, and some
 * misspelt), written one a line with a byte-order mark and CR LF, and searched through the API's
 * `batchSearch` (the CLI's path, each line as a phrase) on an open workstation whose index is built.
 * Prints the time of each run (the first on a cold search cache), and per name.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { invokeApi } from '../src/core/api';
import type { BatchRow } from '../src/core/batch/batch-search';
import { Workstation } from '../src/core/workstation';
import { buildCorpus, seededRandom } from './bench-corpus';
import { stats } from './bench-shared';

const { values } = parseArgs({ options: { docs: { type: 'string' }, names: { type: 'string' }, runs: { type: 'string' } } });
const DOCS = Number(values.docs ?? 10_000);
const NAMES = Number(values.names ?? 1_000);
const RUNS = Number(values.runs ?? 3);

/** Capitalised words not at a sentence's start, alone and in pairs ("Mr. Kennedy", "Rhode Island"), a tenth misspelt. */
function namesFrom(texts: readonly string[], count: number): string[] {
  const rand = seededRandom(24);
  const seen = new Set<string>();
  const found: string[] = [];
  for (const text of texts) {
    for (const match of text.matchAll(/(?<=[a-z,;] )([A-Z][a-z]{3,})(?: ([A-Z][a-z]{3,}))?/gu)) {
      const name = match[2] && rand() < 0.5 ? `${match[1]} ${match[2]}` : match[1];
      if (seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      found.push(name);
    }
    if (found.length >= count * 3) break;
  }
  const names: string[] = [];
  while (names.length < count && found.length > 0) {
    const [name] = found.splice(Math.floor(rand() * found.length), 1);
    // A tenth with two letters swapped in the middle, as a name copied by hand.
    const i = 1 + Math.floor(rand() * (name.length - 3));
    names.push(rand() < 0.1 && !name.includes(' ') ? name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2) : name);
  }
  return names;
}

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'casefile-bench-batch-'));
  try {
    const archiveDir = path.join(work, 'archive');
    const corpus = buildCorpus(DOCS);
    await mkdir(archiveDir);
    for (const doc of corpus) await writeFile(path.join(archiveDir, doc.name), doc.text);
    const names = namesFrom(corpus.map((d) => d.text), NAMES);
    const list = `\ufeff${names.join('\r\n')}\r\n`;
    const openedAt = performance.now();
    const ws = await Workstation.open({ archiveDir, dataDir: path.join(work, 'data') });
    await ws.indexReady();
    const indexMs = performance.now() - openedAt;
    const samples: number[] = [];
    let rows: BatchRow[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const result = await invokeApi(ws, 'batchSearch', { text: list, phrases: true });
      samples.push(performance.now() - started);
      if (!result.ok) throw new Error(result.error.message);
      rows = result.value as BatchRow[];
    }
    await ws.close();
    const found = rows.filter((r) => r.documents > 0).length;
    const report = {
      docs: corpus.length,
      words: corpus.reduce((sum, d) => sum + d.words, 0),
      names: names.length,
      namesWithDocuments: found,
      errors: rows.filter((r) => r.error).length,
      openAndIndexMs: Math.round(indexMs),
      firstRunMs: Math.round(samples[0]),
      ...stats(samples),
      perNameMs: Math.round((stats(samples).medianMs / names.length) * 100) / 100,
      cpus: os.cpus().length,
      node: process.version,
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
