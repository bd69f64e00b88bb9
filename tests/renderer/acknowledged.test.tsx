// @vitest-environment jsdom
/** Every change to a highlight is said in the status region (the toast), with Undo, or fails visibly. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AnchoredAnnotation, OpenedDocument, WorkstationInfo } from '../../src/core/api/types';
import { ApiCallError } from '../../src/renderer/src/api/client';
import { App } from '../../src/renderer/src/App';
import { annotation, fakeClient, hit, READY, searchResult } from './fake-client';
import { archiveDocument, selectInReader, stubLayout } from './reader-fixtures';

beforeAll(stubLayout);
afterEach(cleanup);

const TEXT = 'Tokayev ordered security forces to fire without warning. According to official data, 8,000 people were arrested.';
const DOCUMENT = archiveDocument('003.txt', 'Kazakhstan unrest', TEXT);
const OPENED: OpenedDocument = { document: DOCUMENT, matches: [], matchKinds: [], terms: [] };
const INFO: WorkstationInfo = { archiveRoot: '/archive', dataDir: '/data', documentCount: 1, skipped: [], storeProblem: null, index: READY };

function setup(refuse = false) {
  let annotations: AnchoredAnnotation[] = [annotation({ id: '00000000-0000-4000-8000-000000000001', docId: '003.txt', quote: 'Tokayev ordered', start: 0 })];
  const client = fakeClient({
    info: () => INFO,
    indexStatus: () => READY,
    listTags: () => [],
    listDocuments: () => [],
    listAnnotations: () => annotations,
    listDossiers: () => [],
    search: ({ query }) => searchResult(query, [hit({ id: DOCUMENT.id, title: DOCUMENT.title })]),
    getDocument: () => OPENED,
    createAnnotation: ({ start, end }) => {
      if (refuse) throw new ApiCallError({ code: 'internal', message: 'the annotation store could not be written' });
      const made = annotation({ id: '00000000-0000-4000-8000-000000000002', docId: '003.txt', quote: TEXT.slice(start, end), start });
      annotations = [...annotations, made];
      return made;
    },
    updateAnnotation: ({ id, note }) => {
      annotations = annotations.map((a) => (a.id === id ? { ...a, note: note ?? a.note } : a));
      return annotations.find((a) => a.id === id)!;
    },
  });
  return render(<App client={client} />);
}

async function openDocument() {
  fireEvent.change(screen.getByLabelText('Search the archive'), { target: { value: 'Tokayev' } });
  fireEvent.click(await screen.findByRole('button', { name: /Kazakhstan unrest/ }));
  await screen.findByRole('heading', { name: 'Kazakhstan unrest' });
}

const toast = () => document.querySelector('.toast-region')!;

describe('acknowledged', () => {
  it('a highlight made with h, and a note saved on a card: each said, with Undo', async () => {
    const { container } = setup();
    await openDocument();
    selectInReader(container, 85, 90);
    fireEvent.keyDown(document.body, { key: 'h', code: 'KeyH' });
    await waitFor(() => expect(toast().textContent).toContain('Highlighted: “8,000” — Undo'));

    const card = (await screen.findByRole('button', { name: '“Tokayev ordered”' })).closest('li')!;
    fireEvent.click(within(card).getByRole('button', { name: 'Edit' }));
    fireEvent.change(within(card).getByLabelText('Edit note'), { target: { value: 'The order.' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(toast().textContent).toContain('Highlight saved — Undo'));
  });

  it('a highlight the store refuses says why', async () => {
    const { container } = setup(true);
    await openDocument();
    selectInReader(container, 85, 90);
    fireEvent.keyDown(document.body, { key: 'h', code: 'KeyH' });
    expect(await screen.findByText(/the annotation store could not be written/)).toBeTruthy();
    expect(toast().textContent).not.toContain('Highlighted');
  });
});
