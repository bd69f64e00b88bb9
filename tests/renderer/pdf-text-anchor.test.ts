import { describe, expect, it } from 'vitest';
import { collapseSpace, placeOnPage, placeSelection, quoteOfCollapsed } from '../../src/renderer/src/pdf/text-anchor';

/** A document's text as the archive read it from a PDF: lines ended by newlines, pages by a blank line. */
const PAGE_1 = 'Briefing of the akimat.\nCasualty figures were given as 164.';
const REPEATED = 'The checkpoint on the ring road was closed again today.';
const PAGE_2 = `The figures were revised on 15 January.\n${REPEATED}\n${REPEATED}\n${REPEATED}\nThe briefing closed at noon.`;
const DOC = `${PAGE_1}\n\n${PAGE_2}`;
const PAGE_2_SPAN = { start: PAGE_1.length + 2, end: DOC.length };

/** A page's text layer as pdf.js lays it out: the same words, lines run together with a break, spaces doubled here and there. */
const LAYER_2 = PAGE_2.replace(/\n/g, ' \n').replace('revised on', 'revised  on');

/** The selection of the `nth` `phrase` in a text layer, placed in the document. */
function select(layer: string, phrase: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = layer.indexOf(phrase, at + 1);
  const collapsed = collapseSpace(layer);
  const quoted = quoteOfCollapsed(collapsed, collapsed.to[at], collapsed.to[at + phrase.length - 1] + 1);
  if (!quoted) throw new Error('empty');
  return placeSelection(collapseSpace(DOC), quoted.quote, PAGE_2_SPAN.start);
}

describe('a passage selected in a PDF page’s text layer, placed in the archived text', () => {
  it('lands at the passage’s offsets in the document, whatever the white space between', () => {
    const place = select(LAYER_2, 'revised  on 15 January');
    const at = DOC.indexOf('revised on 15 January');
    expect(place).toEqual({ placed: { start: at, end: at + 'revised on 15 January'.length } });
  });

  it('places a word that recurs elsewhere by the words around it', () => {
    // "closed" occurs four times; the last line's one has its own neighbours.
    const place = select(LAYER_2, 'closed at noon');
    expect(place).toEqual({ placed: { start: DOC.indexOf('closed at noon'), end: DOC.indexOf('closed at noon') + 'closed at noon'.length } });
  });

  it('refuses a passage whose neighbours recur with it (never a guess), and one the text does not hold', () => {
    expect(select(LAYER_2, 'closed', 0)).toEqual({ refused: 'ambiguous' });
    expect(select(LAYER_2.replace('figures were revised', 'figures were REVISED'), 'REVISED')).toEqual({ refused: 'absent' });
  });

  it('a selection dragged over the space after a word takes the word alone', () => {
    const collapsed = collapseSpace('one  two ');
    expect(quoteOfCollapsed(collapsed, 4, 8)?.quote.exact).toBe('two');
    expect(quoteOfCollapsed(collapsed, 3, 4)).toBeNull();
  });
});

describe('a highlight of the document found on its page', () => {
  it('is found in the page’s text layer at the offsets of its words there', () => {
    const start = DOC.indexOf('revised on 15 January');
    const placed = placeOnPage(DOC, PAGE_2_SPAN, collapseSpace(LAYER_2), start, start + 'revised on 15 January'.length);
    expect(placed && LAYER_2.slice(placed.start, placed.end)).toBe('revised  on 15 January');
  });

  it('a highlight on one of the look-alike lines is found on its own line, not another', () => {
    const second = DOC.indexOf(REPEATED, DOC.indexOf(REPEATED) + 1);
    // The whole middle line: its context (a line before and after it) is unlike the other two lines'.
    const placed = placeOnPage(DOC, PAGE_2_SPAN, collapseSpace(LAYER_2), second, second + REPEATED.length);
    const lineStarts = [...LAYER_2.matchAll(new RegExp(REPEATED.replace('.', '\\.'), 'g'))].map((m) => m.index);
    expect(placed?.start).toBe(lineStarts[1]);
  });

  it('a highlight whose words cannot be told apart on the page is not drawn anywhere', () => {
    const start = DOC.indexOf('closed');
    expect(placeOnPage(DOC, PAGE_2_SPAN, collapseSpace(LAYER_2), start, start + 'closed'.length)).toBeNull();
  });
});
