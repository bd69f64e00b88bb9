import { describe, expect, it } from 'vitest';
import { segmentParagraphs } from '../../src/renderer/src/reader/segments';

const text = 'Alpha beta gamma.\nDelta epsilon.';
const paragraphs = [
  { start: 0, end: 17 },
  { start: 18, end: 32 },
];

describe('segmentParagraphs', () => {
  it('cuts paragraphs at every hit and highlight edge, and the runs tile each paragraph exactly', () => {
    const segments = segmentParagraphs(paragraphs, [[6, 10]], [{ id: 'a', start: 0, end: 24, color: 'green', review: false }]);
    for (const [i, runs] of segments.entries()) {
      expect(runs[0].start).toBe(paragraphs[i].start);
      expect(runs.at(-1)!.end).toBe(paragraphs[i].end);
      runs.slice(1).forEach((run, j) => expect(run.start).toBe(runs[j].end));
    }
    expect(segments[0].map((s) => text.slice(s.start, s.end))).toEqual(['Alpha ', 'beta', ' gamma.']);
    expect(segments[0][1].hit).toBe(0);
    expect(segments[1].map((s) => [text.slice(s.start, s.end), s.highlights.map((h) => h.id)])).toEqual([
      ['Delta ', ['a']],
      ['epsilon.', []],
    ]);
  });

  it('lists overlapping highlights with the shortest (innermost) last', () => {
    const [[, inner]] = segmentParagraphs(
      [paragraphs[0]],
      [],
      [
        { id: 'short', start: 6, end: 10, color: 'pink', review: false },
        { id: 'long', start: 0, end: 17, color: 'blue', review: false },
      ],
    );
    expect(inner.highlights.map((h) => h.id)).toEqual(['long', 'short']);
  });
});
