import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchor, type AnchorResult } from '../../../src/core/annotations/anchoring';
import type { Annotation } from '../../../src/core/annotations/model';
import { annotationOn, documentOf, editDistance } from '../../helpers/annotations';
import { exactOccurrences } from '../../helpers/archive-files';

// Cases found by running other projects' re-anchoring test suites against Casefile (issue 16).

/** Annotates the `occurrence`-th (1-based) place of `quote` in `text`. */
function annotate(text: string, quote: string, occurrence = 1): Annotation {
  const doc = documentOf(text);
  const at = exactOccurrences(doc.text, quote)[occurrence - 1];
  if (at === undefined) throw new Error(`the test text has no occurrence ${occurrence} of ${JSON.stringify(quote)}`);
  return annotationOn(doc, at, at + quote.length);
}

/** What a result covers in `text` ('' when orphaned). */
function covered(result: AnchorResult, text: string): string {
  return result.status === 'orphaned' ? '' : text.slice(result.start, result.end);
}

/** The statuses from best to worst: placed without review, proposed for review, lost. */
function rank(result: AnchorResult): number {
  return { anchored: 2, moved: 2, fuzzy: 1, orphaned: 0 }[result.status];
}

/** Edits between the recorded context and the text now on each side of [start, end), by an independent Levenshtein. */
function contextDifferences(annotation: Annotation, text: string, start: number, end: number): number {
  const { prefix, suffix } = annotation.target.quote;
  return editDistance(prefix, text.slice(Math.max(0, start - prefix.length), start)) + editDistance(suffix, text.slice(end, end + suffix.length));
}

describe('a fuzzy proposal does not cut a word', () => {
  // Caught a bug: of the spans "commodo vit", "commodo vita" and "commodo vitae" (each 3 edits from
  // the quote) the shortest was kept before the context was scored, and proposed at 0.814, while
  // the whole word scores 0.862 by the same measure.
  it('proposes the whole reworded word, the best-scored of equally close spans (the issue\'s example)', () => {
    const before = 'condimentum sed, commodo cites, ornare sit amet';
    const annotation = annotate(before, 'commodo cites');
    expect(annotation.target.quote).toMatchObject({ prefix: 'condimentum sed, ', suffix: ', ornare sit amet' });
    const after = documentOf(before.replace('commodo cites', 'commodo vitae'));
    const result = anchor(annotation, after);
    expect(result.status).toBe('fuzzy');
    expect(covered(result, after.text)).toBe('commodo vitae');
    expect(result).toMatchObject({ score: 0.862 });
  });

  it.each([
    ['the last word', 'Lorem ipsum dolor, commodo cites, ornare sit amet, lectus vel.', 'commodo cites', 'commodo vitae'],
    ['the first word', 'Lorem ipsum dolor, sited commodo, ornare sit amet, lectus vel.', 'sited commodo', 'vitae commodo'],
    ['a longer quote', 'Nulla facilisi. Integer condimentum sed commodo cites ornare. Sit amet lectus.', 'condimentum sed commodo cites', 'condimentum sed commodo vitae'],
  ])('proposes whole words when %s is reworded', (_what, before, quote, reworded) => {
    const after = documentOf(before.replace(quote, reworded));
    const result = anchor(annotate(before, quote), after);
    expect(result.status).toBe('fuzzy');
    expect(covered(result, after.text)).toBe(reworded);
  });
});

describe('context scoring is monotone', () => {
  // Caught a bug: only the unbroken run of context next to the quote counted, so one changed
  // character right after a quote at the start of a text sent it to review, while a suffix changed
  // everywhere but in its first 8 characters left it anchored.
  const QUOTE = 'Kassym-Jomart Tokayev';
  const SUFFIX = ' said on Wednesday that order had been restored.';
  const BEFORE = `${QUOTE}${SUFFIX}`;
  const variants: Array<[string, string]> = [
    ['unchanged', SUFFIX],
    ['one character off next to the quote', SUFFIX.replace(' said', '-said')],
    ['one word changed next to the quote', SUFFIX.replace(' said', ' told')],
    ['all but its first 8 characters changed', SUFFIX.slice(0, 8) + 'xq zv wk jy fb pl mr gt hd nc'.padEnd(SUFFIX.length - 8, 'z')],
    ['changed entirely', ' — xq zv wk jy fb pl mr gt hd nc vx bq zk wj yp fm.'],
  ];

  const annotation = annotate(BEFORE, QUOTE);
  const outcomes = variants.map(([what, suffix]) => {
    const after = documentOf(`${QUOTE}${suffix}`);
    const result = anchor(annotation, after);
    return { what, differences: contextDifferences(annotation, after.text, 0, QUOTE.length), result };
  });

  it('a suffix one character off keeps the quote anchored', () => {
    expect(outcomes[1].differences).toBe(1);
    expect(outcomes[1].result).toEqual({ status: 'anchored', start: 0, end: QUOTE.length });
  });

  it('a suffix changed all but next to the quote asks for review or orphans, never anchors', () => {
    expect(outcomes[3].differences).toBeGreaterThan(outcomes[2].differences);
    expect(['fuzzy', 'orphaned']).toContain(outcomes[3].result.status);
  });

  it('fewer differences never give a worse status, over the table', () => {
    for (const a of outcomes) {
      for (const b of outcomes) {
        if (a.differences < b.differences) expect(rank(a.result), `${a.what} vs ${b.what}`).toBeGreaterThanOrEqual(rank(b.result));
      }
    }
  });

  // The quote is of capitals and its context of small letters, so no other place of the text is
  // like the quote: only the context can change the outcome.
  const capitals = fc.constantFrom(...'ABCDEFGHKLMNPRSTVWXZ');
  const small = fc.constantFrom(...'abcdefghklmnprstvwxz ');
  const smallText = (maxLength: number) => fc.array(small, { maxLength }).map((c) => c.join(''));
  type Edit = { side: 'prefix' | 'suffix'; kind: 'replace' | 'insert' | 'delete'; at: number; char: string };
  const edit: fc.Arbitrary<Edit> = fc.record({
    side: fc.constantFrom('prefix', 'suffix'),
    kind: fc.constantFrom('replace', 'replace', 'insert', 'delete'),
    at: fc.nat(),
    char: small,
  });
  // Edits near the quote are where a run-based score differs most from the number of differences.
  const edits = fc.array(edit, { maxLength: 40 });

  function applyEdits(prefix: string, suffix: string, list: Edit[]): { prefix: string; suffix: string } {
    const sides = { prefix, suffix };
    for (const e of list) {
      const s = sides[e.side];
      const at = s.length === 0 ? 0 : e.at % (s.length + (e.kind === 'insert' ? 1 : 0));
      if (e.kind === 'insert') sides[e.side] = s.slice(0, at) + e.char + s.slice(at);
      else if (s.length > 0) sides[e.side] = s.slice(0, at) + (e.kind === 'replace' ? e.char : '') + s.slice(at + 1);
    }
    return sides;
  }

  it('for the same quote, a context with fewer differences never gets a worse status (property)', () => {
    fc.assert(
      fc.property(
        fc.array(capitals, { minLength: 1, maxLength: 40 }).map((c) => c.join('')),
        smallText(40),
        smallText(40),
        smallText(40),
        smallText(40),
        edits,
        edits,
        (quote, outerBefore, prefix, suffix, outerAfter, editsA, editsB) => {
          const annotation = annotate(`${outerBefore}${prefix}${quote}${suffix}${outerAfter}`, quote);
          const outcome = (list: Edit[]) => {
            const changed = applyEdits(prefix, suffix, list);
            const after = documentOf(`${outerBefore}${changed.prefix}${quote}${changed.suffix}${outerAfter}`);
            const [at] = exactOccurrences(after.text, quote);
            const result = anchor(annotation, after);
            // Wherever it is placed or proposed, it is on the quote itself.
            if (result.status !== 'orphaned') expect(result).toMatchObject({ start: at, end: at + quote.length });
            return { differences: contextDifferences(annotation, after.text, at, at + quote.length), result };
          };
          const [a, b] = [outcome(editsA), outcome(editsB)];
          const context = `differences ${a.differences} → ${a.result.status}, ${b.differences} → ${b.result.status}`;
          if (a.differences < b.differences) expect(rank(a.result), context).toBeGreaterThanOrEqual(rank(b.result));
          if (a.differences > b.differences) expect(rank(a.result), context).toBeLessThanOrEqual(rank(b.result));
          if (a.differences === b.differences) expect(rank(a.result), context).toBe(rank(b.result));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('two equal look-alikes, one at the annotation\'s own offsets', () => {
  const LEAD = 'Council minutes\nIn the first session of the regional council, members argued for hours. ';
  const QUOTE = 'The committee approved the budget on Tuesday after a long debate.';
  const TAIL = ' Opposition deputies walked out in protest, and the session closed late.';

  // Caught a bug: the two places scored the same, so the annotation was orphaned although its own
  // offsets pointed at one of them; it is now proposed there, for review, never placed silently.
  it('proposes the one at the offsets for review when the quote was reworded and its paragraph copied', () => {
    const paragraph = `${LEAD}${QUOTE}${TAIL}`;
    const annotation = annotate(`${paragraph}\n`, QUOTE);
    const reworded = paragraph.replace('Tuesday', 'Thursday');
    const after = documentOf(`${reworded}\n${reworded.replace('Council minutes\n', '')}\n`);
    const places = exactOccurrences(after.text, QUOTE.replace('Tuesday', 'Thursday'));
    expect(places).toHaveLength(2);
    expect(places[0]).toBe(annotation.target.position.start);
    const contextOf = (at: number) => after.text.slice(at - 32, at + QUOTE.length + 1 + 32);
    expect(contextOf(places[0])).toBe(contextOf(places[1]));

    const result = anchor(annotation, after);
    expect(result).toMatchObject({ status: 'fuzzy', start: places[0], end: places[0] + QUOTE.length + 1 });
  });

  it('proposes the exact quote at the offsets for review when both copies lost the same context', () => {
    const paragraph = `${LEAD}${QUOTE}${TAIL}`;
    const annotation = annotate(`${paragraph}\n`, QUOTE);
    const edited = paragraph.replace('members argued for hours', 'members bickered all day').replace('walked out in', 'staged a walkout in');
    const after = documentOf(`${edited}\n${edited.replace('Council minutes\n', '')}\n`);
    const places = exactOccurrences(after.text, QUOTE);
    expect(places).toHaveLength(2);
    expect(places[0]).toBe(annotation.target.position.start);

    const result = anchor(annotation, after);
    expect(result).toMatchObject({ status: 'fuzzy', start: places[0], end: places[0] + QUOTE.length });
  });

  it('still orphans it when neither copy stands at its offsets', () => {
    const paragraph = `${LEAD}${QUOTE}${TAIL}`;
    const annotation = annotate(`${paragraph}\n`, QUOTE);
    const reworded = paragraph.replace('Tuesday', 'Thursday');
    const after = documentOf(`Preface.\n${reworded}\n${reworded.replace('Council minutes\n', '')}\n`);
    const places = exactOccurrences(after.text, QUOTE.replace('Tuesday', 'Thursday'));
    expect(places).not.toContain(annotation.target.position.start);
    expect(anchor(annotation, after)).toEqual({ status: 'orphaned' });
  });
});

