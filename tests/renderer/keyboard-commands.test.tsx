// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDocument, WorkstationInfo } from '../../src/core/api/types';
import { App } from '../../src/renderer/src/App';
import { addFilesToArchive, CANCELLED } from '../../src/renderer/src/ingest/add-files';
import { annotation, fakeClient, hit, READY, searchResult, type Handlers } from './fake-client';
import { archiveDocument, stubLayout } from './reader-fixtures';

beforeAll(stubLayout);
afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

const TEXT = 'Tokayev ordered security forces to fire without warning.\nAccording to official data, 8,000 people were arrested.';
const DOCUMENT = archiveDocument('003.txt', 'Kazakhstan unrest', TEXT);
const OPENED: OpenedDocument = { document: DOCUMENT, matches: [[35, 55]], matchKinds: ['exact'], terms: [] };
const INFO: WorkstationInfo = { archiveRoot: '/archive', dataDir: '/data', documentCount: 1, skipped: [], storeProblem: null, index: READY };
const HIGHLIGHT = annotation({ docId: '003.txt', quote: 'fire without warning', start: 35, note: 'The order' });

function appClient(handlers: Handlers = {}) {
  return fakeClient({
    info: () => INFO,
    indexStatus: () => READY,
    listTags: () => [],
    listDocuments: () => [],
    listDossiers: () => [],
    listAnnotations: () => [HIGHLIGHT],
    search: ({ query }) => searchResult(query, [hit({ id: DOCUMENT.id, title: DOCUMENT.title })]),
    getDocument: () => OPENED,
    ...handlers,
  });
}

const key = (k: string, code: string, more: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(document.body, { key: k, code, ...more });

/** The highlight drawn in the reader, once the annotations have arrived. */
function drawnHighlight(container: HTMLElement): Promise<HTMLElement> {
  return waitFor(() => {
    const found = container.querySelector<HTMLElement>(`.doc-text [data-annotation~="${HIGHLIGHT.id}"]`);
    expect(found).toBeTruthy();
    return found!;
  });
}

async function openArticle() {
  fireEvent.change(screen.getByLabelText('Search the archive'), { target: { value: 'fire' } });
  fireEvent.click(await screen.findByRole('button', { name: /Kazakhstan unrest/ }));
  await screen.findByRole('heading', { name: 'Kazakhstan unrest', level: 1 });
}

describe('keys in the app', () => {
  it('n and t on a focused highlight open its card at the note or the tags; Escape closes it; without one they say what to do', async () => {
    const { container } = render(<App client={appClient()} />);
    await openArticle();
    key('n', 'KeyN');
    expect(await screen.findByText('Select a passage first (J selects the next hit), or focus a highlight.')).toBeTruthy();

    fireEvent.click(await drawnHighlight(container));
    // On a Russian layout the N key types "т".
    key('т', 'KeyN');
    const card = container.querySelector<HTMLElement>(`[data-annotation-card="${HIGHLIGHT.id}"]`)!;
    await waitFor(() => expect(document.activeElement).toBe(within(card).getByLabelText('Edit note')));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape', code: 'Escape' });
    await waitFor(() => expect(within(card).queryByLabelText('Edit note')).toBeNull());

    key('t', 'KeyT');
    await waitFor(() => expect(document.activeElement).toBe(within(card).getByLabelText('Edit tags')));
  });

  it('Ctrl+Enter in the card editor saves the note', async () => {
    const client = appClient({ updateAnnotation: (changes) => ({ ...HIGHLIGHT, ...changes }) });
    const { container } = render(<App client={client} />);
    await openArticle();
    fireEvent.click(await drawnHighlight(container));
    key('n', 'KeyN');
    const note = await waitFor(() => {
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Edit note');
      return document.activeElement as HTMLTextAreaElement;
    });
    fireEvent.change(note, { target: { value: 'The order to shoot' } });
    fireEvent.keyDown(note, { key: 'Enter', code: 'Enter', ctrlKey: true });
    await waitFor(() => expect(client.calls.filter((c) => c.method === 'updateAnnotation').map((c) => c.args)).toEqual([
      { id: HIGHLIGHT.id, note: 'The order to shoot', tags: [], color: 'yellow' },
    ]));
  });

  it('r hides the side panes and remembers it; the theme button switches system → light → dark', async () => {
    const { container } = render(<App client={appClient()} />);
    key('r', 'KeyR');
    expect(container.querySelector('.panes')?.classList.contains('reading')).toBe(true);
    expect(JSON.parse(window.localStorage.getItem('casefile.layout.v1') ?? '{}')).toMatchObject({ reading: true });
    fireEvent.click(screen.getByRole('button', { name: 'Theme: System' }));
    expect(document.documentElement.dataset.theme).toBe('light');
    fireEvent.click(screen.getByRole('button', { name: 'Theme: Light' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('the first-run steps run an example query and unfold the query syntax', async () => {
    const client = appClient();
    render(<App client={client} />);
    fireEvent.click(await screen.findByRole('button', { name: '"shoot without warning"' }));
    expect((screen.getByLabelText('Search the archive') as HTMLInputElement).value).toBe('"shoot without warning"');
    await waitFor(() => expect(client.calls.some((c) => c.method === 'search')).toBe(true));
    const reader = screen.getByRole('region', { name: 'Reader' });
    fireEvent.click(within(reader).getByRole('button', { name: 'Query syntax' }));
    await waitFor(() => expect((document.getElementById('query-syntax') as HTMLDetailsElement).open).toBe(true));
  });
});

describe('adding files', () => {
  it('stops sending batches once cancelled; the files not sent are marked so', async () => {
    let sent = 0;
    const client = fakeClient({
      addFiles: ({ files }) => {
        sent += files.length;
        return files.map((f) => ({ file: f.name, status: 'indexed' as const, reason: null, format: 'txt', encoding: 'UTF-8', sha256: 'a'.repeat(64) }));
      },
    });
    // Files over 32 MB of batch each go alone; three of them make three batches.
    const big = (name: string) => new File([new Uint8Array(20 * 1024 * 1024)], name);
    let cancelled = false;
    const results = await addFilesToArchive(client, [big('a.txt'), big('b.txt'), big('c.txt')], (done) => (cancelled = done >= 1), () => cancelled);
    expect(sent).toBe(1);
    expect(results.map((r) => r.problem)).toEqual([null, CANCELLED, CANCELLED]);
  });
});
