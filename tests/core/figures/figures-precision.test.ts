import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../src/core/figures/claims';

interface Labelled {
  source: string;
  lang: 'en' | 'ru';
  text: string;
  claims: Array<[string, number]>;
}

const SAMPLE = (JSON.parse(readFileSync(new URL('../../fixtures/figures/labelled-sentences.json', import.meta.url), 'utf8')) as { sentences: Labelled[] }).sentences;

interface Score {
  sentences: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/** Compares the claims found with the hand labels, as multisets of measure:value. */
function score(sentences: Labelled[]): Score {
  const total: Score = { sentences: sentences.length, truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const sentence of sentences) {
    const expected = sentence.claims.map(([measure, value]) => `${measure}:${value}`);
    const found = extractClaims(sentence.text, { doc: sentence.source, date: null }).map((c) => `${c.measure}:${c.value}`);
    for (const claim of found) {
      const at = expected.indexOf(claim);
      if (at === -1) total.falsePositives++;
      else {
        total.truePositives++;
        expected.splice(at, 1);
      }
    }
    total.falseNegatives += expected.length;
  }
  return total;
}

const precision = (s: Score) => s.truePositives / (s.truePositives + s.falsePositives);
const recall = (s: Score) => s.truePositives / (s.truePositives + s.falseNegatives);

describe('figures on a hand-labelled sample', () => {
  it('holds at least 60 sentences of the archive and Russian sentences written for it', () => {
    expect(SAMPLE.filter((s) => s.source !== 'written').length).toBeGreaterThanOrEqual(60);
    expect(SAMPLE.filter((s) => s.lang === 'ru').length).toBeGreaterThanOrEqual(20);
  });

  it.each([
    ['archive (English)', (s: Labelled) => s.source !== 'written'],
    ['written, English', (s: Labelled) => s.source === 'written' && s.lang === 'en'],
    ['written, Russian', (s: Labelled) => s.lang === 'ru'],
    ['all', () => true],
  ])('precision and recall: %s', (_name, keep) => {
    const result = score(SAMPLE.filter(keep));
    // Printed so the README's figures can be checked against a run.
    console.log(`${_name}: ${result.sentences} sentences, precision ${precision(result).toFixed(2)}, recall ${recall(result).toFixed(2)}`, result);
    expect(precision(result)).toBeGreaterThanOrEqual(0.8);
    expect(recall(result)).toBeGreaterThanOrEqual(0.7);
  });
});
