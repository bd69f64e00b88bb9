import { describe, expect, it } from 'vitest';
import type { AnchoredAnnotation } from '../../../src/core/annotations/model';
import type { DocumentSummary } from '../../../src/core/archive/document';
import { contentOfAllAnnotations } from '../../../src/core/dossier/dossier-content';
import { elisionOf, withEllipses } from '../../../src/core/dossier/quote-ellipsis';

/** The quote as it would be printed, cut from `text` where `quote` first stands in it. */
function printed(text: string, quote: string): string {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in the text: ${quote}`);
  return withEllipses(quote, elisionOf(text, start, start + quote.length));
}

describe('a quote cut from inside a sentence gets "…" at the cut end', () => {
  const text = 'Protests began on January 2. Tokayev ordered security forces to fire without warning. Hundreds were held.';

  it('no ellipsis for a whole sentence, one at each end cut inside one', () => {
    expect(printed(text, 'Tokayev ordered security forces to fire without warning.')).toBe('Tokayev ordered security forces to fire without warning.');
    expect(printed(text, 'security forces to fire')).toBe('…security forces to fire…');
    expect(printed(text, 'Tokayev ordered security forces')).toBe('Tokayev ordered security forces…');
    expect(printed(text, 'security forces to fire without warning.')).toBe('…security forces to fire without warning.');
  });

  it('a quote that stops just short of its sentence’s full stop is not cut there', () => {
    expect(printed(text, 'Tokayev ordered security forces to fire without warning')).toBe('Tokayev ordered security forces to fire without warning');
  });

  it('a cut inside a word is a cut', () => {
    expect(printed(text, 'kayev ordered')).toBe('…kayev ordered…');
  });

  it('the start and end of a paragraph, and of the text, are sentence boundaries', () => {
    const paragraphs = 'First line of the article without a full stop\nSecond paragraph starts here and runs on\n';
    expect(printed(paragraphs, 'First line of the article without a full stop')).toBe('First line of the article without a full stop');
    expect(printed(paragraphs, 'Second paragraph starts here')).toBe('Second paragraph starts here…');
    expect(printed(paragraphs, 'starts here and runs on')).toBe('…starts here and runs on');
  });

  it('"Mr." and other abbreviations, and initials, do not end a sentence', () => {
    const mr = 'The mayor met Mr. Smith on Monday. He left early, i.e. before noon. J. Doe stayed.';
    expect(printed(mr, 'Smith on Monday.')).toBe('…Smith on Monday.');
    expect(printed(mr, 'The mayor met Mr.')).toBe('The mayor met Mr.…');
    expect(printed(mr, 'before noon.')).toBe('…before noon.');
    expect(printed(mr, 'Doe stayed.')).toBe('…Doe stayed.');
    expect(printed(mr, 'He left early')).toBe('He left early…');
  });

  it('a sentence ended by a quotation mark after its full stop, and a quote that ends in one', () => {
    const said = '“We will win.” Crowds gathered. He called it a “plan” of sorts, and “a crime,” she said.';
    expect(printed(said, '“We will win.”')).toBe('“We will win.”');
    expect(printed(said, 'Crowds gathered.')).toBe('Crowds gathered.');
    expect(printed(said, 'a “plan”')).toBe('…a “plan”…');
    expect(printed(said, '“a crime,”')).toBe('…“a crime,”…');
  });

  it('a quotation opened with a capital letter inside a sentence starts its own sentence', () => {
    const said = 'He told reporters: “We had to deal with armed bandits. So we acted.”';
    expect(printed(said, 'We had to deal with armed bandits.')).toBe('We had to deal with armed bandits.');
    expect(printed(said, '“We had to deal')).toBe('“We had to deal…');
    expect(printed(said, 'had to deal')).toBe('…had to deal…');
  });

  it('Cyrillic text, with guillemets and Russian abbreviations', () => {
    const ru = '«Мы не знали, где наш сын, четыре дня», — рассказала Гүлнұр. Это было в т.е. январе. Он сказал: «Тоқаев ушёл».';
    expect(printed(ru, 'Мы не знали, где наш сын, четыре дня')).toBe('Мы не знали, где наш сын, четыре дня…');
    expect(printed(ru, 'где наш сын')).toBe('…где наш сын…');
    expect(printed(ru, 'рассказала Гүлнұр.')).toBe('…рассказала Гүлнұр.');
    expect(printed(ru, 'январе.')).toBe('…январе.');
    expect(printed(ru, 'Тоқаев ушёл')).toBe('Тоқаев ушёл');
  });

  it('question and exclamation marks and "..." end sentences; a colon does not', () => {
    const text2 = 'Why now? Nobody knows... The answer: silence!';
    expect(printed(text2, 'Nobody knows...')).toBe('Nobody knows...');
    expect(printed(text2, 'The answer')).toBe('The answer…');
    expect(printed(text2, 'silence!')).toBe('…silence!');
  });

  it('keeps the quote exact: the ellipsis only before and after its words, with no space', () => {
    expect(withEllipses('  words here \n', { start: true, end: true })).toBe('  …words here… \n');
    expect(withEllipses('two\nparagraphs', { start: true, end: false })).toBe('…two\nparagraphs');
    expect(withEllipses('   ', { start: true, end: true })).toBe('   ');
    expect(withEllipses('as is', undefined)).toBe('as is');
  });

  it('white space at the quote’s edges is left out of the decision', () => {
    const start = text.indexOf(' Tokayev');
    const end = text.indexOf(' Hundreds');
    expect(elisionOf(text, start, end + 1)).toEqual({ start: false, end: false });
  });
});

describe('a dossier’s quotes are marked where they were cut', () => {
  const text = 'Protests began on January 2. Tokayev ordered security forces to fire without warning. Hundreds were held.';
  const doc = { ...summaryOf(text), text, paragraphs: [{ start: 0, end: text.length }] };
  const annotation = (exact: string, status: AnchoredAnnotation['status'], context: { prefix: string; suffix: string }): AnchoredAnnotation => {
    const start = text.indexOf(exact);
    return {
      id: '00000000-0000-4000-8000-00000000000' + String(exact.length % 10),
      target: { docId: 'a.txt', docSha256: 'a'.repeat(64), quote: { exact, ...context }, position: { start, end: start + exact.length } },
      note: '',
      tags: [],
      color: 'yellow',
      author: '',
      created: '2024-05-01T00:00:00.000Z',
      modified: '2024-05-01T00:00:00.000Z',
      status,
      current: status === 'orphaned' ? null : { start, end: start + exact.length },
      currentText: null,
      score: null,
    };
  };
  const quotesOf = (annotations: AnchoredAnnotation[]) =>
    contentOfAllAnnotations(annotations, { title: 'T', author: '' }, { annotation: () => undefined, document: () => doc, now: new Date(0) }).content.sections[0].quotes;

  it('from the source’s text around a quote with a place', () => {
    const [q] = quotesOf([annotation('security forces', 'anchored', { prefix: '', suffix: '' })]);
    expect(q.elided).toEqual({ start: true, end: true });
  });

  it('from the context recorded with a quote that has none (the source changed)', () => {
    const whole = annotation('Tokayev ordered security forces to fire without warning.', 'orphaned', { prefix: 'n January 2. ', suffix: ' Hundreds were' });
    const cut = annotation('ordered security', 'orphaned', { prefix: 'January 2. Tokayev ', suffix: ' forces to fire' });
    const [a, b] = quotesOf([whole, cut]);
    expect(a.elided).toEqual({ start: false, end: false });
    expect(b.elided).toEqual({ start: true, end: true });
  });
});

function summaryOf(text: string): DocumentSummary {
  return {
    id: 'a.txt', title: 'A', byline: null, date: null, sha256: 'a'.repeat(64), sizeBytes: text.length, encoding: 'UTF-8', format: 'txt',
    pages: null, publisher: null, url: null, retrieved: null, language: null, dateline: null, boilerplate: [],
  };
}
