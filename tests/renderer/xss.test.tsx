// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDocument } from '../../src/core/api/types';
import { App } from '../../src/renderer/src/App';
import { ACTIVE_ELEMENTS, activeAttributes, XSS_VECTORS } from '../helpers/xss-vectors';
import { annotation, fakeClient, hit, READY, searchResult } from './fake-client';
import { archiveDocument, stubLayout } from './reader-fixtures';

beforeAll(stubLayout);
afterEach(cleanup);

const TITLE = XSS_VECTORS[26];
const TEXT = XSS_VECTORS.join('\n');
const DOCUMENT = {
  ...archiveDocument('hostile.html', TITLE, TEXT),
  byline: XSS_VECTORS[1],
  publisher: XSS_VECTORS[6],
  url: 'javascript:window.__xss=99;alert(99)',
  dateline: XSS_VECTORS[2],
};
const { text: _text, paragraphs: _paragraphs, ...SUMMARY } = DOCUMENT;
const OPENED: OpenedDocument = { document: DOCUMENT, matches: [], matchKinds: [], terms: [] };
/** One annotation per vector: the vector as its quote, as its note and as its tag. */
const ANNOTATIONS = XSS_VECTORS.map((vector, i) => {
  const start = TEXT.indexOf(vector);
  return annotation({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    docId: DOCUMENT.id,
    quote: vector,
    start,
    note: `Note: ${vector}`,
    tags: [vector.slice(0, 100)],
  });
});

function hostileClient() {
  return fakeClient({
    info: () => ({ archiveRoot: '/archive', dataDir: '/data', documentCount: 1, skipped: [], storeProblem: null, index: READY }),
    indexStatus: () => READY,
    listTags: () => XSS_VECTORS.map((v) => ({ tag: v.slice(0, 100), count: 1 })),
    listDocuments: () => [SUMMARY],
    listAnnotations: () => ANNOTATIONS,
    search: ({ query }) =>
      searchResult(query, [hit({ id: DOCUMENT.id, title: TITLE, byline: XSS_VECTORS[1], snippets: [{ text: XSS_VECTORS[0], start: 0, matches: [[0, 8]] }] })]),
    getDocument: () => OPENED,
    getDocumentMetadata: () => ({}),
  });
}

/** The page holds every vector as text, and nothing that could run, load or navigate. */
function expectInert(root: HTMLElement) {
  expect(root.querySelectorAll(ACTIVE_ELEMENTS).length, [...root.querySelectorAll(ACTIVE_ELEMENTS)].map((e) => e.outerHTML).join('\n')).toBe(0);
  expect(activeAttributes(root)).toEqual([]);
}

describe('content is data, never code', () => {
  it(`draws ${XSS_VECTORS.length} XSS vectors in a document's title, text, metadata, search results, notes and tags as text`, async () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(30);
    const { container } = render(<App client={hostileClient()} />);
    fireEvent.change(screen.getByLabelText('Search the archive'), { target: { value: 'script' } });
    const title = await screen.findByText(TITLE, { selector: '.result-title' });
    expectInert(container);
    expect(container.textContent).toContain(XSS_VECTORS[0]);
    fireEvent.click(title.closest('button')!);
    const heading = await screen.findByText(TITLE, { selector: 'h1' });
    expect(heading.textContent).toBe(TITLE);
    const article = container.querySelector<HTMLElement>('.doc-text')!;
    for (const vector of XSS_VECTORS) expect(article.textContent).toContain(vector);
    const info = screen.getByLabelText('Document information');
    expect(within(info).getByText(DOCUMENT.url)).toBeTruthy();
    expect(within(info).getByText(XSS_VECTORS[6])).toBeTruthy();
    // The sidebar lists this document's annotations with their notes and tags.
    for (const vector of XSS_VECTORS) expect(await screen.findAllByText(`Note: ${vector}`)).not.toHaveLength(0);
    expectInert(container);
    expect((window as unknown as { __xss?: unknown }).__xss).toBeUndefined();
  });
});
