// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AnchoredAnnotation, OpenedDocument, WorkstationInfo } from '../../src/core/api/types';
import { App } from '../../src/renderer/src/App';
import type { AnnotationActions } from '../../src/renderer/src/components/AnnotationCard';
import { AnnotationSidebar } from '../../src/renderer/src/components/AnnotationSidebar';
import { annotation, fakeClient, hit, READY, searchResult, type Handlers } from './fake-client';
import { archiveDocument, ReaderWithDefaults, selectInReader, stubLayout } from './reader-fixtures';

beforeAll(stubLayout);
afterEach(cleanup);

const TEXT = 'Tokayev ordered security forces to fire without warning.\nAccording to official data, 8,000 people were arrested.';
const DOCUMENT = archiveDocument('003.txt', 'Kazakhstan unrest', TEXT);
const OPENED: OpenedDocument = { document: DOCUMENT, matches: [], matchKinds: [], terms: [] };
const INFO: WorkstationInfo = { archiveRoot: '/archive', dataDir: '/data', documentCount: 2, skipped: [], storeProblem: null, index: READY };
const { text: _text, paragraphs: _paragraphs, ...SUMMARY } = DOCUMENT;

const ids = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
/** A fuzzy one: "fire" became "shoot" in the source. */
const FUZZY = annotation({
  id: ids(1),
  docId: '003.txt',
  quote: 'ordered security forces to fire without warning',
  start: 8,
  status: 'fuzzy',
  current: { start: 8, end: 56 },
  currentText: 'ordered security forces to shoot without warning',
  score: 0.91,
  note: 'Check the wording',
});
const MOVED = annotation({ id: ids(2), docId: '003.txt', quote: '8,000 people were arrested', start: 85, status: 'moved', tags: ['numbers'], author: 'A. Researcher' });
const ORPHANED = annotation({ id: ids(3), docId: '003.txt', quote: 'a sentence that was deleted', start: 300, status: 'orphaned', current: null, tags: ['numbers'] });
const DETACHED = annotation({ id: ids(4), docId: 'gone.txt', quote: 'a passage of a removed file', status: 'orphaned', current: null, detached: true });

/** The App's shell: everything a first render asks for, answered, with `handlers` on top. */
function appClient(handlers: Handlers = {}) {
  return fakeClient({
    info: () => INFO,
    indexStatus: () => READY,
    listTags: () => [{ tag: 'numbers', count: 2 }],
    listDocuments: () => [SUMMARY],
    listAnnotations: () => [],
    search: ({ query }) => searchResult(query, [hit({ id: DOCUMENT.id, title: DOCUMENT.title })]),
    getDocument: () => OPENED,
    ...handlers,
  });
}

async function openArticle() {
  fireEvent.change(screen.getByLabelText('Search the archive'), { target: { value: 'Tokayev' } });
  fireEvent.click(await screen.findByRole('button', { name: /Kazakhstan unrest/ }));
  await screen.findByRole('heading', { name: 'Kazakhstan unrest' });
}

const callsOf = (client: ReturnType<typeof appClient>, method: string) => client.calls.filter((c) => c.method === method);

describe('a fuzzy annotation', () => {
  it('shows the original quote and the proposed text side by side, and Accept and Detach call the API', async () => {
    let listed: AnchoredAnnotation[] = [FUZZY];
    const client = appClient({
      listAnnotations: () => listed,
      acceptAnnotation: () => {
        listed = [{ ...FUZZY, status: 'anchored', currentText: null, score: null, target: { ...FUZZY.target, quote: { exact: FUZZY.currentText!, prefix: '', suffix: '' } } }];
        return listed[0];
      },
      detachAnnotation: () => ({ ...FUZZY, status: 'orphaned', current: null, detached: true }),
    });
    render(<App client={client} />);
    fireEvent.click(screen.getByRole('tab', { name: 'All annotations' }));
    const card = (await screen.findByText('needs review')).closest('li')!;
    expect(within(card).getByText(/The source changed/)).toBeTruthy();
    const [was, now] = within(card).getAllByRole('figure');
    expect(within(was).getByText('Was')).toBeTruthy();
    expect(was.querySelector('blockquote')?.textContent).toBe(FUZZY.target.quote.exact);
    expect(was.querySelector('del')?.textContent).toBe('fire');
    expect(now.querySelector('blockquote')?.textContent).toBe(FUZZY.currentText);
    expect(now.querySelector('ins')?.textContent).toBe('shoot');

    fireEvent.click(within(card).getByRole('button', { name: 'Detach' }));
    await waitFor(() => expect(callsOf(client, 'detachAnnotation').map((c) => c.args)).toEqual([{ id: FUZZY.id }]));
    expect(await screen.findByText(/Detached: kept under Orphaned/)).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { name: 'Accept' }));
    await waitFor(() => expect(callsOf(client, 'acceptAnnotation').map((c) => c.args)).toEqual([{ id: FUZZY.id }]));
    // The list is asked for again and the card is an ordinary one now.
    await waitFor(() => expect(screen.queryByText('needs review')).toBeNull());
    expect(screen.getByRole('button', { name: `“${FUZZY.currentText}”` })).toBeTruthy();
  });

  it('is drawn in the reader with a "needs review" mark, a moved one plainly, an orphaned one not at all', () => {
    const { container } = render(<ReaderWithDefaults opened={OPENED} annotations={[FUZZY, MOVED, { ...ORPHANED, current: { start: 0, end: 7 } }]} />);
    const review = [...container.querySelectorAll<HTMLElement>('.hl-review')];
    expect(review.map((el) => el.textContent).join('')).toBe(TEXT.slice(8, 56));
    expect(review.at(-1)?.dataset.reviewEnd).toBe('true');
    expect(review[0].title).toMatch(/^Needs review/);
    expect(container.querySelector(`[data-annotation~="${MOVED.id}"]`)?.classList.contains('hl-review')).toBe(false);
    // Even with a place given, an orphaned annotation is never drawn on the text.
    expect(container.querySelector(`[data-annotation~="${ORPHANED.id}"]`)).toBeNull();
  });
});

describe('showing an annotation', () => {
  it('from All annotations opens its document, focuses it and marks it briefly in the text', async () => {
    const scrolled: Element[] = [];
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolled.push(this);
    });
    const client = appClient({ listAnnotations: () => [MOVED] });
    const { container } = render(<App client={client} />);
    fireEvent.click(screen.getByRole('tab', { name: 'All annotations' }));
    fireEvent.click(await screen.findByRole('button', { name: `“${MOVED.target.quote.exact}”` }));

    await waitFor(() => expect(callsOf(client, 'getDocument').map((c) => c.args)).toEqual([{ id: '003.txt', query: undefined, variants: true }]));
    await waitFor(() => expect(container.querySelector(`.doc-text .hl.flash.focused[data-annotation~="${MOVED.id}"]`)).toBeTruthy());
    // Scrolled to its mark (a re-render may have replaced the element scrolled to since: its attribute tells).
    await waitFor(() => expect(scrolled.some((el) => el.matches(`[data-annotation~="${MOVED.id}"]`))).toBe(true));
    // The mark goes after a moment; the focus stays.
    await waitFor(() => expect(container.querySelector('.doc-text .hl.flash')).toBeNull(), { timeout: 3_000 });
    expect(container.querySelector('.doc-text .hl.focused')).toBeTruthy();
    scroll.mockRestore();
  });
});

describe('the orphaned section', () => {
  it('lists orphaned annotations apart, with the original quote and why', async () => {
    render(<App client={appClient({ listAnnotations: () => [MOVED, ORPHANED, DETACHED] })} />);
    fireEvent.click(screen.getByRole('tab', { name: 'All annotations' }));
    const section = await screen.findByRole('region', { name: /Orphaned/ });
    const cards = within(section).getAllByRole('listitem');
    expect(cards.map((c) => c.querySelector('.card-quote')?.textContent)).toEqual([`“${ORPHANED.target.quote.exact}”`, `“${DETACHED.target.quote.exact}”`]);
    expect(within(cards[0]).getByText('orphaned')).toBeTruthy();
    expect(within(cards[0]).getByText('Kazakhstan unrest')).toBeTruthy();
    expect(within(cards[1]).getByText(/Detached from the changed source/)).toBeTruthy();
    // The moved one is listed under its document, labelled, with its author.
    const group = screen.getByRole('region', { name: 'Kazakhstan unrest' });
    const moved = within(group).getByRole('listitem');
    expect(within(moved).getByText('moved')).toBeTruthy();
    expect(within(moved).getByText(/found, unchanged, at a new place/)).toBeTruthy();
    expect(within(moved).getByText('by A. Researcher')).toBeTruthy();
  });
});

describe('the sidebar filters', () => {
  const actions: AnnotationActions = {
    show: () => undefined,
    focus: () => undefined,
    update: async () => undefined,
    remove: async () => undefined,
    accept: async () => undefined,
    copyLink: () => undefined,
    detach: async () => undefined,
  };

  it('send the tag, colour and text to listAnnotations, for the document or the whole archive', async () => {
    const client = fakeClient({ listAnnotations: () => [MOVED], listDocuments: () => [SUMMARY] });
    render(<AnnotationSidebar client={client} revision={0} docId="003.txt" knownTags={[{ tag: 'numbers', count: 2 }]} focused={null} actions={actions} />);
    const lastList = () => callsOf(client as ReturnType<typeof appClient>, 'listAnnotations').at(-1)?.args;
    await waitFor(() => expect(lastList()).toEqual({ docId: '003.txt' }));

    fireEvent.change(screen.getByLabelText('Tag'), { target: { value: 'numbers' } });
    await waitFor(() => expect(lastList()).toEqual({ docId: '003.txt', tag: 'numbers' }));
    fireEvent.change(screen.getByLabelText('Colour'), { target: { value: 'green' } });
    await waitFor(() => expect(lastList()).toEqual({ docId: '003.txt', tag: 'numbers', color: 'green' }));
    fireEvent.change(screen.getByLabelText('Find in quotes and notes'), { target: { value: '  arrested  ' } });
    await waitFor(() => expect(lastList()).toEqual({ docId: '003.txt', tag: 'numbers', color: 'green', text: 'arrested' }));
    expect(await screen.findByText('1 annotation match these filters')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'All annotations' }));
    await waitFor(() => expect(lastList()).toEqual({ tag: 'numbers', color: 'green', text: 'arrested' }));
    expect(screen.getByRole('tab', { name: 'All annotations' }).getAttribute('aria-selected')).toBe('true');

    fireEvent.change(screen.getByLabelText('Tag'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Colour'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Find in quotes and notes'), { target: { value: '' } });
    await waitFor(() => expect(lastList()).toEqual({}));
  });

  it('asks again when the App says the annotations changed', async () => {
    const client = fakeClient({ listAnnotations: () => [] });
    const props = { client, docId: '003.txt', knownTags: [], focused: null, actions };
    const { rerender } = render(<AnnotationSidebar revision={0} {...props} />);
    await waitFor(() => expect(client.calls).toHaveLength(1));
    rerender(<AnnotationSidebar revision={1} {...props} />);
    await waitFor(() => expect(client.calls).toHaveLength(2));
    expect(await screen.findByText(/No highlights yet/)).toBeTruthy();
  });
});

describe('keyboard', () => {
  it('Ctrl+Z calls undo and names what was undone; Ctrl+Shift+Z and Ctrl+Y redo; never while typing', async () => {
    const client = appClient({
      undo: () => ({ action: 'delete highlight', ids: [ids(2)] }),
      redo: () => ({ action: 'delete highlight', ids: [ids(2)] }),
    });
    render(<App client={client} />);
    await waitFor(() => expect(callsOf(client, 'listTags')).toHaveLength(1));

    fireEvent.keyDown(document.body, { key: 'z', code: 'KeyZ', ctrlKey: true });
    expect(await screen.findByText('Undone: delete highlight')).toBeTruthy();
    expect(callsOf(client, 'undo')).toHaveLength(1);
    // The views are refreshed after it.
    await waitFor(() => expect(callsOf(client, 'listTags')).toHaveLength(2));

    fireEvent.keyDown(document.body, { key: 'Z', code: 'KeyZ', ctrlKey: true, shiftKey: true });
    expect(await screen.findByText('Redone: delete highlight')).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'y', code: 'KeyY', metaKey: false, ctrlKey: true });
    await waitFor(() => expect(callsOf(client, 'redo')).toHaveLength(2));

    // In the search box Ctrl+Z is the text's own undo.
    fireEvent.keyDown(screen.getByLabelText('Search the archive'), { key: 'z', code: 'KeyZ', ctrlKey: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(callsOf(client, 'undo')).toHaveLength(1);
  });

  it('says when there is nothing to undo', async () => {
    render(<App client={appClient({ undo: () => null })} />);
    fireEvent.keyDown(document.body, { key: 'z', code: 'KeyZ', metaKey: true });
    expect(await screen.findByText('Nothing to undo')).toBeTruthy();
  });

  it('Delete removes the focused annotation and offers Undo in the message', async () => {
    let listed: AnchoredAnnotation[] = [MOVED];
    const client = appClient({
      listAnnotations: () => listed,
      deleteAnnotation: ({ id }) => {
        listed = [];
        return { deleted: id };
      },
      undo: () => {
        listed = [MOVED];
        return { action: 'delete highlight', ids: [MOVED.id] };
      },
    });
    const { container } = render(<App client={client} />);
    await openArticle();
    const drawn = await waitFor(() => {
      const found = container.querySelector<HTMLElement>(`.doc-text [data-annotation~="${MOVED.id}"]`);
      expect(found).toBeTruthy();
      return found!;
    });
    // A click on plain text unfocuses it: then Delete removes nothing.
    fireEvent.click(drawn);
    fireEvent.click(container.querySelector('.doc-text [data-start="0"]')!);
    fireEvent.keyDown(document.body, { key: 'Delete', code: 'Delete' });
    expect(callsOf(client, 'deleteAnnotation')).toHaveLength(0);

    fireEvent.click(drawn);
    expect(drawn.classList.contains('focused')).toBe(true);
    fireEvent.keyDown(document.body, { key: 'Delete', code: 'Delete' });

    await waitFor(() => expect(callsOf(client, 'deleteAnnotation').map((c) => c.args)).toEqual([{ id: MOVED.id }]));
    const toast = (await screen.findByText('Highlight deleted')).closest('.toast')!;
    expect(toast.textContent).toContain('Highlight deleted — Undo');
    await waitFor(() => expect(container.querySelector('.doc-text .hl')).toBeNull());

    fireEvent.click(within(toast as HTMLElement).getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Undone: delete highlight')).toBeTruthy();
    await waitFor(() => expect(container.querySelector(`.doc-text [data-annotation~="${MOVED.id}"]`)).toBeTruthy());
  });

  function renderReader(onCreate: (draft: unknown) => Promise<void>) {
    return render(
      <>
        <input aria-label="Elsewhere" />
        <ReaderWithDefaults opened={OPENED} knownTags={[{ tag: 'numbers', count: 2 }]} onCreate={onCreate} />
      </>,
    );
  }

  it('h highlights the selected passage at once in the default colour, whatever the keyboard layout', async () => {
    const onCreate = vi.fn(async () => undefined);
    const { container } = renderReader(onCreate);
    selectInReader(container, 8, 36);
    fireEvent.keyDown(screen.getByLabelText('Elsewhere'), { key: 'h', code: 'KeyH' });
    expect(onCreate).not.toHaveBeenCalled();

    fireEvent.keyDown(document.body, { key: 'h', code: 'KeyH' });
    await waitFor(() => expect(onCreate).toHaveBeenCalledWith({ start: 8, end: 36, note: '', tags: [], color: 'yellow' }));
    await waitFor(() => expect(window.getSelection()?.isCollapsed ?? true).toBe(true));

    // A Russian layout types "р" on the H key.
    selectInReader(container, 57, 66);
    fireEvent.keyDown(document.body, { key: 'р', code: 'KeyH' });
    await waitFor(() => expect(onCreate).toHaveBeenLastCalledWith({ start: 57, end: 66, note: '', tags: [], color: 'yellow' }));
    // Without a selection, h does nothing.
    fireEvent.keyDown(document.body, { key: 'h', code: 'KeyH' });
    expect(onCreate).toHaveBeenCalledTimes(2);
  });

  it('n opens the highlight toolbar with the cursor in the note, and tags are suggested', async () => {
    const { container } = renderReader(async () => undefined);
    selectInReader(container, 8, 36);
    fireEvent.keyDown(document.body, { key: 'n', code: 'KeyN' });
    const toolbar = await screen.findByRole('dialog', { name: 'New highlight' });
    expect(document.activeElement).toBe(within(toolbar).getByLabelText('Note'));

    const tags = within(toolbar).getByLabelText('Tags, separated by commas') as HTMLInputElement;
    fireEvent.change(tags, { target: { value: 'timeline, nu' } });
    const options = [...document.getElementById(tags.getAttribute('list')!)!.querySelectorAll('option')].map((o) => o.value);
    expect(options).toEqual(['timeline, numbers']);
  });
});
