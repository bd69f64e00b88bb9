// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveDocument } from '../../src/core/api/types';
import { selectionToOffsets } from '../../src/renderer/src/reader/selection';
import { pageStarts } from '../../src/renderer/src/reader/segments';
import { archiveDocument, ReaderWithDefaults, stubLayout } from './reader-fixtures';

beforeAll(stubLayout);
afterEach(cleanup);

/** Pages joined by a blank line, as the PDF reader joins them; page 3 has no text. */
const PAGE_TEXTS = ['Hearing of the commission.\nThe chair opened the session.', 'The witness said the square was cleared.', '', 'The session closed at six.', ''];
const TEXT = PAGE_TEXTS.join('\n\n');

function pdfDocument(): ArchiveDocument {
  const doc = archiveDocument('hearing.pdf', 'Hearing', TEXT);
  let start = 0;
  const pages = PAGE_TEXTS.map((page) => {
    const span = { start, end: start + page.length };
    start = span.end + 2;
    return span;
  });
  // Blank lines are no paragraphs (as the archive splits them).
  return { ...doc, format: 'pdf', pages, paragraphs: doc.paragraphs.filter((p) => p.end > p.start) };
}

describe('page markers in the reader', () => {
  it('marks where each page of a PDF begins, named for screen readers, a blank page included', () => {
    const { container } = render(<ReaderWithDefaults opened={{ document: pdfDocument(), matches: [], matchKinds: [], terms: [] }} />);
    const markers = screen.getAllByRole('separator');
    expect(markers.map((m) => m.getAttribute('aria-label'))).toEqual(['Page 1 of 5', 'Page 2 of 5', 'Page 3 of 5', 'Page 4 of 5', 'Page 5 of 5']);
    expect(markers.map((m) => m.textContent)).toEqual(['p. 1', 'p. 2', 'p. 3', 'p. 4', 'p. 5']);
    // Each marker stands right before the first paragraph of its page (a blank page's before the next page's).
    const article = container.querySelector('.doc-text')!;
    expect([...article.children].map((child) => (child.matches('.page-marker') ? `[${child.textContent}]` : child.textContent))).toEqual([
      '[p. 1]',
      'Hearing of the commission.',
      'The chair opened the session.',
      '[p. 2]',
      'The witness said the square was cleared.',
      '[p. 3]',
      '[p. 4]',
      'The session closed at six.',
      '[p. 5]',
    ]);
  });

  it('keeps the markers out of the text: a selection across a page boundary has the offsets of the document', () => {
    const doc = pdfDocument();
    const { container } = render(<ReaderWithDefaults opened={{ document: doc, matches: [], matchKinds: [], terms: [] }} />);
    const article = container.querySelector<HTMLElement>('.doc-text')!;
    expect(article.querySelectorAll('.page-marker [data-start], .page-marker[data-start]')).toHaveLength(0);
    const from = TEXT.indexOf('session.');
    const to = TEXT.indexOf(' said');
    const runs = [...article.querySelectorAll<HTMLElement>('[data-start]')];
    const runAt = (offset: number) => runs.find((run) => Number(run.dataset.start) <= offset && offset < Number(run.dataset.start) + run.textContent!.length)!;
    const range = document.createRange();
    range.setStart(runAt(from).firstChild!, from - Number(runAt(from).dataset.start));
    range.setEnd(runAt(to).firstChild!, to - Number(runAt(to).dataset.start));
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    expect(selectionToOffsets(article, window.getSelection())).toEqual({ start: from, end: to });
    expect(TEXT.slice(from, to)).toBe('session.\n\nThe witness');
  });

  it('draws no marker for a source without pages', () => {
    render(<ReaderWithDefaults opened={{ document: archiveDocument('a.txt', 'A', 'One.\nTwo.'), matches: [], matchKinds: [], terms: [] }} />);
    expect(screen.queryAllByRole('separator')).toHaveLength(0);
  });

  it('places a page that begins inside the gap before the next paragraph', () => {
    const paragraphs = [
      { start: 0, end: 5 },
      { start: 7, end: 12 },
    ];
    expect(pageStarts(paragraphs, [{ start: 0, end: 5 }, { start: 7, end: 12 }])).toEqual([[1], [2], []]);
    expect(pageStarts(paragraphs, [{ start: 0, end: 12 }])).toEqual([[1], [], []]);
    expect(pageStarts(paragraphs, null)).toEqual([[], [], []]);
  });
});
