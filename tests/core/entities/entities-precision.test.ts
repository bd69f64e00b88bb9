import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ArchiveDocument } from '../../../src/core/archive/document';
import { EntityIndex } from '../../../src/core/entities/archive-entities';
import { readArchiveFiles } from '../../helpers/archive-files';
import { documentsOf } from '../../helpers/search';

interface Labelled {
  source: string;
  lang: 'en' | 'ru';
  text: string;
  entities: Array<[string, string]>;
}

const SAMPLE = (JSON.parse(readFileSync(new URL('../../fixtures/entities/labelled-sentences.json', import.meta.url), 'utf8')) as { sentences: Labelled[] }).sentences;

const WRITTEN = 'written.txt';

/**
 * The archive's documents and one more made of the written sentences, a line each: entities are
 * found in whole documents and grouped over all of them, as the app does.
 */
function documents(): ArchiveDocument[] {
  const archive = readArchiveFiles().map((f) => [f.name, f.raw] as const);
  const written = `Written for the test\n\n${SAMPLE.filter((s) => s.source === 'written').map((s) => s.text).join('\n')}\n`;
  return documentsOf(Object.fromEntries([...archive, [WRITTEN, written]]));
}

interface Score {
  sentences: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/** Compares the mentions found in each sentence with the hand labels, as multisets of type:text. */
function score(sentences: Labelled[], found: Map<string, Array<{ start: number; end: number; label: string }>>, texts: Map<string, string>): Score {
  const total: Score = { sentences: sentences.length, truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const sentence of sentences) {
    const doc = sentence.source === 'written' ? WRITTEN : sentence.source;
    const at = texts.get(doc)?.indexOf(sentence.text) ?? -1;
    expect(at, sentence.text).toBeGreaterThanOrEqual(0);
    const expected = sentence.entities.map(([type, text]) => `${type}:${text}`);
    const inSentence = (found.get(doc) ?? []).filter((m) => m.start >= at && m.end <= at + sentence.text.length).map((m) => m.label);
    for (const label of inSentence) {
      const k = expected.indexOf(label);
      if (k === -1) total.falsePositives++;
      else {
        total.truePositives++;
        expected.splice(k, 1);
      }
    }
    total.falseNegatives += expected.length;
  }
  return total;
}

const precision = (s: Score) => s.truePositives / (s.truePositives + s.falsePositives);
const recall = (s: Score) => s.truePositives / (s.truePositives + s.falseNegatives);

describe('entities on a hand-labelled sample', () => {
  const docs = documents();
  const index = new EntityIndex(new Map(docs.map((d) => [d.id, d])), []);
  const found = new Map<string, Array<{ start: number; end: number; label: string }>>();
  for (const entity of index.list()) {
    for (const m of index.page(entity.id).mentionList) {
      const list = found.get(m.doc) ?? [];
      list.push({ start: m.start, end: m.end, label: `${entity.type}:${m.text}` });
      found.set(m.doc, list);
    }
  }
  const texts = new Map(docs.map((d) => [d.id, d.text]));

  it('holds at least 60 sentences of the archive and Russian sentences written for it', () => {
    expect(SAMPLE.filter((s) => s.source !== 'written').length).toBeGreaterThanOrEqual(60);
    expect(SAMPLE.filter((s) => s.lang === 'ru').length).toBeGreaterThanOrEqual(20);
  });

  it.each([
    ['archive (English)', (s: Labelled) => s.source !== 'written'],
    ['written, Russian', (s: Labelled) => s.lang === 'ru'],
    ['written, English (held out)', (s: Labelled) => s.source === 'written' && s.lang === 'en'],
    ['all', () => true],
  ])('precision and recall: %s', (name, keep) => {
    const result = score(SAMPLE.filter(keep), found, texts);
    // Printed so the figures in the guide can be checked against a run.
    console.log(`entities, ${name}: ${result.sentences} sentences, precision ${precision(result).toFixed(2)}, recall ${recall(result).toFixed(2)}`, result);
    expect(precision(result)).toBeGreaterThanOrEqual(0.8);
    expect(recall(result)).toBeGreaterThanOrEqual(0.7);
  });
});
