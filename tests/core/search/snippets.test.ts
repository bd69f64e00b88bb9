import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSnippets, type Snippet } from '../../../src/core/search/snippets';

/** Document offsets of a snippet's matches. */
function documentRanges(snippet: Snippet): Array<[number, number]> {
  return snippet.matches.map(([s, e]) => [snippet.start + s, snippet.start + e]);
}

function rangesOf(text: string, word: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) ranges.push([at, at + word.length]);
  return ranges;
}

const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('buildSnippets', () => {
  it('gives no snippets for no matches', () => {
    expect(buildSnippets('some text', [])).toEqual([]);
  });

  it('gives a match offsets relative to the snippet text, which map back to the document by adding start', () => {
    const text = `${filler(40)} TARGET ${filler(40)}`;
    const [range] = rangesOf(text, 'TARGET');
    const snippets = buildSnippets(text, [range]);
    expect(snippets).toHaveLength(1);
    const [snippet] = snippets;
    const [[s, e]] = snippet.matches;
    expect(snippet.text.slice(s, e)).toBe('TARGET');
    expect(documentRanges(snippet)).toEqual([range]);
    expect(text.slice(snippet.start, snippet.start + snippet.text.length)).toBe(snippet.text);
  });

  it('keeps about `context` characters on each side, widened to whole words', () => {
    const text = `${filler(40)} TARGET ${filler(40)}`;
    const [range] = rangesOf(text, 'TARGET');
    const [snippet] = buildSnippets(text, [range], { context: 20 });
    const end = snippet.start + snippet.text.length;
    expect(range[0] - snippet.start).toBeGreaterThanOrEqual(20);
    expect(end - range[1]).toBeGreaterThanOrEqual(20);
    expect(range[0] - snippet.start).toBeLessThan(20 + 'word39 '.length);
    expect(end - range[1]).toBeLessThan(20 + ' word39'.length);
    expect(snippet.start === 0 || /\s/.test(text[snippet.start - 1])).toBe(true);
    expect(end === text.length || /\s/.test(text[end])).toBe(true);
  });

  it('merges matches close enough to share context into one snippet', () => {
    const text = `${filler(30)} ALPHA near BETA ${filler(30)}`;
    const ranges = [...rangesOf(text, 'ALPHA'), ...rangesOf(text, 'BETA')];
    const snippets = buildSnippets(text, ranges, { context: 30 });
    expect(snippets).toHaveLength(1);
    expect(snippets[0].matches.map(([s, e]) => snippets[0].text.slice(s, e))).toEqual(['ALPHA', 'BETA']);
    expect(documentRanges(snippets[0])).toEqual(ranges);
  });

  it('keeps matches far apart in separate snippets, in document order', () => {
    const text = `ALPHA ${filler(50)} BETA ${filler(50)} GAMMA`;
    const ranges = [...rangesOf(text, 'GAMMA'), ...rangesOf(text, 'ALPHA'), ...rangesOf(text, 'BETA')];
    const snippets = buildSnippets(text, ranges, { context: 20 });
    expect(snippets.map((s) => s.matches.map(([a, b]) => s.text.slice(a, b)))).toEqual([['ALPHA'], ['BETA'], ['GAMMA']]);
    for (let i = 1; i < snippets.length; i++) {
      expect(snippets[i].start).toBeGreaterThanOrEqual(snippets[i - 1].start + snippets[i - 1].text.length);
    }
  });

  it('gives at most maxSnippets snippets (3 by default), the first ones in the document', () => {
    const text = Array.from({ length: 6 }, (_, i) => `HIT${i} ${filler(40)}`).join(' ');
    const ranges = Array.from({ length: 6 }, (_, i) => rangesOf(text, `HIT${i}`)[0]);
    expect(buildSnippets(text, ranges, { context: 10 }).map((s) => s.text.slice(...s.matches[0]))).toEqual(['HIT0', 'HIT1', 'HIT2']);
    expect(buildSnippets(text, ranges, { context: 10, maxSnippets: 5 })).toHaveLength(5);
  });

  it('turns line breaks into spaces without moving any offset', () => {
    const text = 'first line\nsecond MATCH line\nthird line';
    const [range] = rangesOf(text, 'MATCH');
    const [snippet] = buildSnippets(text, [range], { context: 30 });
    expect(snippet.text).not.toMatch(/\n/);
    expect(snippet.text).toBe(text.slice(snippet.start, snippet.start + snippet.text.length).replace(/\n/g, ' '));
    expect(snippet.text).toBe('first line second MATCH line third line');
    expect(snippet.text.slice(...snippet.matches[0])).toBe('MATCH');
  });

  it('handles matches at the very start and end of the text', () => {
    const text = 'START middle END';
    const ranges = [...rangesOf(text, 'START'), ...rangesOf(text, 'END')];
    const snippets = buildSnippets(text, ranges, { context: 2 });
    expect(snippets.flatMap(documentRanges)).toEqual(ranges);
    expect(snippets[0].start).toBe(0);
    const last = snippets[snippets.length - 1];
    expect(last.start + last.text.length).toBe(text.length);
  });
});

describe('buildSnippets: properties', () => {
  const wordsArb = fc.array(fc.constantFrom('alpha', 'beta', 'Zhanaozen', 'Токаев', 'it’s', '—', '“quote”', '2022'), {
    minLength: 1,
    maxLength: 80,
  });
  const separatorArb = fc.constantFrom(' ', '\n', '  ', '\n\n');
  const caseArb = fc
    .tuple(wordsArb, fc.array(separatorArb, { minLength: 80, maxLength: 80 }), fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }))
    .map(([words, seps, picked]) => {
      let text = '';
      const ranges: Array<[number, number]> = [];
      words.forEach((word, i) => {
        if (i > 0) text += seps[i];
        if (picked[i]) ranges.push([text.length, text.length + word.length]);
        text += word;
      });
      return { text, ranges };
    });

  it('accounts for every match exactly once, at its document offset, with snippet text taken from the document', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 60 }), ({ text, ranges }, context) => {
        const snippets = buildSnippets(text, [...ranges].reverse(), { context, maxSnippets: Number.POSITIVE_INFINITY });
        expect(snippets.flatMap(documentRanges)).toEqual(ranges);
        for (const snippet of snippets) {
          expect(snippet.text).toBe(text.slice(snippet.start, snippet.start + snippet.text.length).replace(/\n/g, ' '));
          for (const [s, e] of snippet.matches) {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(e).toBeLessThanOrEqual(snippet.text.length);
          }
        }
        for (let i = 1; i < snippets.length; i++) {
          expect(snippets[i].start).toBeGreaterThan(snippets[i - 1].start + snippets[i - 1].text.length - 1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
