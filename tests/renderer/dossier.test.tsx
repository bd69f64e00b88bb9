// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Dossier, OpenedDocument, ResultOf, WorkstationInfo } from '../../src/core/api/types';
import { ApiCallError } from '../../src/renderer/src/api/client';
import { App } from '../../src/renderer/src/App';
import { dossier, dossierServer, sections, shape, uuid } from './dossier-fixtures';
import { annotation, fakeClient, hit, READY, searchResult, type Handlers } from './fake-client';
import { stubDownloads } from './downloads';
import { archiveDocument, stubLayout } from './reader-fixtures';

beforeAll(stubLayout);
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  localStorage.clear();
});

const TEXT = 'Tokayev ordered security forces to fire without warning.\nAccording to official data, 8,000 people were arrested.';
const DOCUMENT = archiveDocument('003.txt', 'Kazakhstan unrest', TEXT);
const OPENED: OpenedDocument = { document: DOCUMENT, matches: [], matchKinds: [], terms: [] };
const { text: _text, paragraphs: _paragraphs, ...SUMMARY } = DOCUMENT;
const INFO: WorkstationInfo = { archiveRoot: '/archive', dataDir: '/data', documentCount: 1, skipped: [], storeProblem: null, index: READY };

const A = annotation({ id: uuid(0, 1), docId: '003.txt', quote: 'Tokayev ordered security forces', start: 0 });
const B = annotation({ id: uuid(0, 2), docId: '003.txt', quote: '8,000 people were arrested', start: 86, status: 'moved' });
const C = annotation({ id: uuid(0, 3), docId: 'gone.txt', quote: 'a passage of a removed file', status: 'orphaned', current: null });
const S1 = uuid(8, 1);
const S2 = uuid(8, 2);
const D1 = uuid(7, 1);

/** The App over a fake archive with these dossiers; every answer recorded. */
function setup(dossiers: Dossier[], handlers: Handlers = {}) {
  const server = dossierServer(dossiers);
  const client = fakeClient({
    info: () => INFO,
    indexStatus: () => READY,
    listTags: () => [],
    listDocuments: () => [SUMMARY],
    listAnnotations: ({ docId }) => [A, B, C].filter((a) => !docId || a.target.docId === docId),
    search: ({ query }) => searchResult(query, [hit({ id: DOCUMENT.id, title: DOCUMENT.title })]),
    getDocument: () => OPENED,
    getPreferences: () => ({ author: 'Dana K.', recentArchives: [], language: 'system' as const }),
    ...server.handlers,
    ...handlers,
  });
  render(<App client={client} />);
  const updates = () => client.calls.filter((c) => c.method === 'updateDossier').map((c) => c.args as { id: string; sections?: Dossier['sections'] });
  return { client, server, updates, lastSections: () => shape(updates().at(-1)?.sections ?? []) };
}

/** Opens the Dossier tab; resolves once the dossiers have been read (with the outline, if one is chosen). */
async function openDossierTab() {
  fireEvent.click(screen.getByRole('tab', { name: /^Dossier/ }));
  await waitFor(() => expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Dossier' }).textContent).not.toBe('Loading…'));
  return screen.queryByRole('navigation', { name: 'Dossier outline' });
}

const item = (n: number) => screen.getByRole('listitem', { name: new RegExp(`^Quote ${n}:`) });
const outlineText = (outline: HTMLElement) => [...outline.querySelectorAll('.outline-heading, .outline-quote')].map((el) => el.textContent);

describe('adding to a dossier', () => {
  it('from an annotation card puts it at the end of the chosen section, and says so', async () => {
    const { server } = setup([dossier({ sections: sections([S1, 'Background', [A.id]], [S2, 'Crackdown', []]) })]);
    await openDossierTab();
    // New quotes go to the last section unless another is chosen.
    expect((within(screen.getByRole('region', { name: 'Crackdown' })).getByLabelText('New quotes go here') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(screen.getByRole('region', { name: 'Background' })).getByLabelText('New quotes go here'));

    fireEvent.click(screen.getByRole('tab', { name: 'Annotations' }));
    fireEvent.click(screen.getByRole('tab', { name: 'All annotations' }));
    const card = (await screen.findByRole('button', { name: `“${B.target.quote.exact}”` })).closest('li')!;
    const add = within(card).getByRole('button', { name: 'Add to dossier' });
    expect(add.title).toBe('Add to “January” › Background (key: d)');
    // One already in it says so instead.
    const inIt = screen.getByRole('button', { name: `“${A.target.quote.exact}”` }).closest('li')!;
    expect(within(inIt).getByText('✓ In dossier')).toBeTruthy();

    fireEvent.click(add);
    await waitFor(() => expect(shape(server.stored().sections)).toEqual([['Background', [A.id, B.id]], ['Crackdown', []]]));
    expect(await screen.findByText('Added to “January” › Background as quote 2.')).toBeTruthy();
    expect(within(card).getByText('✓ In dossier')).toBeTruthy();
    expect(screen.getByRole('tab', { name: /^Dossier/ }).textContent).toBe('Dossier 2');
  });

  it('from the reader: d adds the focused highlight', async () => {
    const { client, server } = setup([dossier({ sections: sections([S1, 'Background', []]) })]);
    fireEvent.change(screen.getByLabelText('Search the archive'), { target: { value: 'Tokayev' } });
    fireEvent.click(await screen.findByRole('button', { name: /Kazakhstan unrest/ }));
    await screen.findByRole('heading', { name: 'Kazakhstan unrest' });
    // No annotation focused: d does nothing.
    fireEvent.keyDown(window, { key: 'd', code: 'KeyD' });
    const highlight = await waitFor(() => {
      const found = document.querySelector<HTMLElement>(`.doc-text [data-annotation~="${A.id}"]`);
      expect(found).toBeTruthy();
      return found!;
    });
    fireEvent.click(highlight);
    fireEvent.keyDown(window, { key: 'd', code: 'KeyD' });
    await waitFor(() => expect(shape(server.stored().sections)).toEqual([['Background', [A.id]]]));
    expect(await screen.findByText('Added to “January” › Background as quote 1.')).toBeTruthy();
    // Twice is refused here, before the store would refuse it.
    fireEvent.keyDown(window, { key: 'д', code: 'KeyD' });
    expect(await screen.findByText('Already in “January”.')).toBeTruthy();
    expect(client.calls.filter((c) => c.method === 'addToDossier')).toHaveLength(1);
  });

  it('with no dossier yet, makes one for it', async () => {
    const { client, server } = setup([]);
    fireEvent.click(screen.getByRole('tab', { name: 'All annotations' }));
    const card = (await screen.findByRole('button', { name: `“${A.target.quote.exact}”` })).closest('li')!;
    expect(within(card).getByRole('button', { name: 'Add to dossier' }).title).toBe('Add to a new dossier (key: d)');
    fireEvent.click(within(card).getByRole('button', { name: 'Add to dossier' }));
    // The store's first new dossier gets uuid(7, 100).
    await waitFor(() => expect(shape(server.stored(uuid(7, 100)).sections)).toEqual([['', [A.id]]]));
    expect(client.calls.find((c) => c.method === 'createDossier')?.args).toEqual({ name: 'Dossier' });
    expect(await screen.findByText('Added to “Dossier” › Section 1 (untitled) as quote 1.')).toBeTruthy();
  });
});

describe('reordering', () => {
  const THREE = () => [dossier({ sections: sections([S1, 'Background', [A.id, B.id, C.id]], [S2, 'Crackdown', []]) })];

  it('by keyboard: Alt+ArrowUp/Down moves a quote within its section, sends the new order, and keeps the focus on it', async () => {
    const { lastSections, updates } = setup(THREE());
    await openDossierTab();
    fireEvent.keyDown(item(2), { key: 'ArrowUp', altKey: true });
    await waitFor(() => expect(lastSections()).toEqual([['Background', [B.id, A.id, C.id]], ['Crackdown', []]]));
    expect(updates()[0]).toEqual({ id: D1, sections: expect.any(Array), basedOn: '2024-05-01T10:00:00.000Z' });
    expect(document.activeElement).toBe(item(1));
    expect(item(1).dataset.item).toBe(B.id);
    expect(screen.getByText('Now quote 1, in Background.')).toBeTruthy();

    // At the top, nothing moves and nothing is sent.
    fireEvent.keyDown(item(1), { key: 'ArrowUp', altKey: true });
    expect(screen.getByText('Already first in its section.')).toBeTruthy();
    fireEvent.keyDown(item(1), { key: 'ArrowDown', altKey: true });
    fireEvent.keyDown(item(2), { key: 'ArrowDown', altKey: true });
    await waitFor(() => expect(lastSections()).toEqual([['Background', [A.id, C.id, B.id]], ['Crackdown', []]]));
    // Each move was saved, in order.
    expect(updates().map((u) => shape(u.sections!)[0][1])).toEqual([
      [B.id, A.id, C.id],
      [A.id, B.id, C.id],
      [A.id, C.id, B.id],
    ]);
    // Without Alt, or inside the commentary, the arrows are left alone.
    fireEvent.keyDown(item(3), { key: 'ArrowUp' });
    fireEvent.keyDown(within(item(3)).getByLabelText('Commentary for this dossier'), { key: 'ArrowUp', altKey: true });
    expect(updates()).toHaveLength(3);
  });

  it('between sections: Alt+Shift+arrows, the Move to select, and drag and drop', async () => {
    const { lastSections } = setup(THREE());
    await openDossierTab();
    fireEvent.keyDown(item(3), { key: 'ArrowDown', altKey: true, shiftKey: true });
    await waitFor(() => expect(lastSections()).toEqual([['Background', [A.id, B.id]], ['Crackdown', [C.id]]]));
    expect(document.activeElement).toBe(item(3));
    expect(within(screen.getByRole('region', { name: 'Crackdown' })).getByRole('listitem').dataset.item).toBe(C.id);

    // Into the start of the next section; back to the end of the previous one.
    fireEvent.keyDown(item(2), { key: 'ArrowDown', altKey: true, shiftKey: true });
    await waitFor(() => expect(lastSections()).toEqual([['Background', [A.id]], ['Crackdown', [B.id, C.id]]]));
    fireEvent.keyDown(item(2), { key: 'ArrowUp', altKey: true, shiftKey: true });
    await waitFor(() => expect(lastSections()).toEqual([['Background', [A.id, B.id]], ['Crackdown', [C.id]]]));
    fireEvent.keyDown(item(1), { key: 'ArrowUp', altKey: true, shiftKey: true });
    expect(screen.getByText('There is no section before this one.')).toBeTruthy();

    fireEvent.change(within(item(1)).getByLabelText('Move to'), { target: { value: S2 } });
    await waitFor(() => expect(lastSections()).toEqual([['Background', [B.id]], ['Crackdown', [C.id, A.id]]]));

    // Drag quote 1 (B) by its handle onto quote 2 (C): it lands before it.
    fireEvent.dragStart(item(1).querySelector('.drag-handle')!);
    fireEvent.dragOver(item(2));
    expect(item(2).classList.contains('drop-before')).toBe(true);
    fireEvent.drop(item(2));
    await waitFor(() => expect(lastSections()).toEqual([['Background', []], ['Crackdown', [B.id, C.id, A.id]]]));
    // An emptied section offers itself as a place to drop.
    fireEvent.dragStart(item(3).querySelector('.drag-handle')!);
    const empty = within(screen.getByRole('region', { name: 'Background' })).getByRole('list');
    fireEvent.dragOver(empty);
    fireEvent.drop(empty);
    await waitFor(() => expect(lastSections()).toEqual([['Background', [A.id]], ['Crackdown', [B.id, C.id]]]));
  });

  it('when a save fails: says so, keeps the order on screen, and Retry sends it again', async () => {
    let fail = true;
    const server = dossierServer(THREE());
    const { lastSections } = setup([], {
      ...server.handlers,
      updateDossier: (args) => {
        if (fail) throw new ApiCallError({ code: 'internal', message: 'the disk is full' });
        return server.handlers.updateDossier!(args);
      },
    });
    await openDossierTab();
    fireEvent.keyDown(item(3), { key: 'ArrowUp', altKey: true });
    expect((await screen.findByRole('alert')).textContent).toBe('Not saved: the disk is full. Your changes are kept here. Retry');
    expect(item(2).dataset.item).toBe(C.id);
    expect(shape(server.stored().sections)[0][1]).toEqual([A.id, B.id, C.id]);

    // Another change while it fails: still kept, still on screen.
    fireEvent.keyDown(item(2), { key: 'ArrowUp', altKey: true });
    await waitFor(() => expect(lastSections()[0][1]).toEqual([C.id, A.id, B.id]));
    expect(item(1).dataset.item).toBe(C.id);

    fail = false;
    await screen.findByRole('alert');
    fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('All changes saved')).toBeTruthy();
    expect(shape(server.stored().sections)[0][1]).toEqual([C.id, A.id, B.id]);
  });
});

describe('the outline', () => {
  it('follows every edit: headings as typed, quotes numbered across sections, additions and removals', async () => {
    const { updates } = setup([dossier({ title: 'The record', sections: sections([S1, 'Background', [A.id, B.id]], [S2, '', [C.id]]) })]);
    const outline = (await openDossierTab())!;
    await waitFor(() => expect(within(outline).getByText('3 quotes · 2 sections · 2 sources')).toBeTruthy());
    expect(outlineText(outline)).toEqual([
      'Background',
      `1. “${A.target.quote.exact}”`,
      `2. “${B.target.quote.exact}”`,
      'Section 2 (untitled)',
      `3. “${C.target.quote.exact}”`,
    ]);
    expect(within(outline).getByText('The record')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Heading of section 2'), { target: { value: 'Crackdown' } });
    fireEvent.change(screen.getByLabelText('Title', { selector: 'input' }), { target: { value: 'The full record' } });
    // At once, before anything is saved (typing is saved after a pause).
    expect(outlineText(outline)[3]).toBe('Crackdown');
    expect(within(outline).getByText('The full record')).toBeTruthy();
    expect(updates()).toHaveLength(0);
    await waitFor(() => expect(updates()).toHaveLength(1));
    expect(updates()[0]).toMatchObject({ title: 'The full record', sections: [{ heading: 'Background' }, { heading: 'Crackdown' }] });

    fireEvent.click(within(item(1)).getByRole('button', { name: 'Remove from dossier' }));
    expect(outlineText(outline)).toEqual(['Background', `1. “${B.target.quote.exact}”`, 'Crackdown', `2. “${C.target.quote.exact}”`]);
    fireEvent.click(screen.getByRole('button', { name: 'Add section' }));
    expect(outlineText(outline).at(-1)).toBe('Section 3 (untitled)');
    expect(within(outline).getByText('2 quotes · 3 sections · 2 sources')).toBeTruthy();

    // An entry takes the focus to its quote.
    fireEvent.click(within(outline).getByRole('button', { name: /^2\./ }));
    expect(document.activeElement).toBe(item(2));
  });

  it('shows each quote’s document and status in words, and a deleted annotation as such', async () => {
    const GONE = uuid(0, 9);
    setup([dossier({ sections: sections([S1, 'Background', [A.id, B.id, C.id, GONE]]) })]);
    await openDossierTab();
    await waitFor(() => expect(within(item(2)).getByText('moved')).toBeTruthy());
    expect(within(item(1)).getByText('Kazakhstan unrest')).toBeTruthy();
    expect(within(item(1)).queryByText(/moved|needs review|orphaned/)).toBeNull();
    expect(within(item(3)).getByText('orphaned')).toBeTruthy();
    expect(within(item(3)).getByText(/exported with its recorded words/)).toBeTruthy();
    expect(within(item(4)).getByText('This annotation was deleted.')).toBeTruthy();
    expect(within(item(4)).getByText('deleted')).toBeTruthy();
  });
});

describe('sections and dossiers', () => {
  it('removing a section with quotes asks first; an empty one goes at once; deleting a dossier asks first', async () => {
    const other = dossier({ id: uuid(7, 2), name: 'Zhanaozen', sections: sections([uuid(8, 9), 'Only', []]) });
    const { client, lastSections } = setup([dossier({ sections: sections([S1, 'Background', [A.id]], [S2, 'Crackdown', []]) }), other]);
    await openDossierTab();
    fireEvent.click(within(screen.getByRole('region', { name: 'Background' })).getByRole('button', { name: 'Remove section' }));
    const confirm = screen.getByRole('dialog', { name: 'Remove section' });
    expect(confirm.textContent).toContain('Remove “Background” and the 1 quote in it');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(within(screen.getByRole('region', { name: 'Crackdown' })).getByRole('button', { name: 'Remove section' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(lastSections()).toEqual([['Background', [A.id]]]));
    // The last section stays.
    expect((within(screen.getByRole('region', { name: 'Background' })).getByRole('button', { name: 'Remove section' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    const deleting = screen.getByRole('dialog', { name: 'Delete dossier' });
    expect(deleting.textContent).toContain('Delete “January” and its 1 section (1 quote)?');
    fireEvent.click(within(deleting).getByRole('button', { name: 'Delete dossier' }));
    await waitFor(() => expect(client.calls.some((c) => c.method === 'deleteDossier')).toBe(true));
    // The next one is chosen.
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Dossier' }) as HTMLSelectElement).value).toBe(other.id));
    expect(screen.getByRole('region', { name: 'Only' })).toBeTruthy();
  });

  it('new and rename: a name in use is refused in the dialog; the author comes from the preferences', async () => {
    const { client } = setup([dossier()]);
    await openDossierTab();
    fireEvent.click(screen.getByRole('button', { name: 'New…' }));
    let dialog = screen.getByRole('dialog', { name: 'New dossier' });
    expect((within(dialog).getByLabelText('Name') as HTMLInputElement).value).toBe('Dossier');
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'January' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByRole('alert')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'February' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((screen.getByLabelText('Author') as HTMLInputElement).value).toBe('Dana K.');
    expect([...screen.getByRole<HTMLSelectElement>('combobox', { name: 'Dossier' }).options].map((o) => o.text)).toEqual(['February', 'January']);

    fireEvent.click(screen.getByRole('button', { name: 'Rename…' }));
    dialog = screen.getByRole('dialog', { name: 'Rename dossier' });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'March' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rename' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.calls.filter((c) => c.method === 'updateDossier').at(-1)?.args).toEqual({ id: expect.any(String), name: 'March' });
    expect([...screen.getByRole<HTMLSelectElement>('combobox', { name: 'Dossier' }).options].map((o) => o.text)).toEqual(['January', 'March']);
  });
});

describe('export', () => {
  it('shows its progress, saves what is typed first, hands the file over, and lists what was left out', async () => {
    const { blobs, click } = stubDownloads();
    let finish: (value: ResultOf<'exportDossier'>) => void = () => undefined;
    const { client } = setup([dossier({ sections: sections([S1, 'Background', [A.id]]) })], {
      exportDossier: () => new Promise((resolve) => (finish = resolve)),
    });
    await openDossierTab();
    const group = screen.getByRole('group', { name: 'Export' });
    fireEvent.change(screen.getByLabelText('Title', { selector: 'input' }), { target: { value: 'The record' } });
    fireEvent.click(within(group).getByRole('button', { name: 'Export PDF' }));

    const busy = await within(group).findByRole('button', { name: 'Exporting…' });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    expect(group.getAttribute('aria-busy')).toBe('true');
    expect(within(group).getByRole('status').textContent).toContain('Writing “The record” as PDF…');
    expect(within(group).getByLabelText('Exporting').tagName).toBe('PROGRESS');
    // The title typed a moment ago was saved before the export was asked for.
    const methods = client.calls.map((c) => c.method);
    expect(methods.lastIndexOf('updateDossier')).toBeLessThan(methods.indexOf('exportDossier'));
    expect(client.calls.find((c) => c.method === 'exportDossier')?.args).toEqual({ dossier: D1, format: 'pdf' });

    await act(async () =>
      finish({
        fileName: 'The-record.pdf',
        mediaType: 'application/pdf',
        byteLength: 4,
        base64: btoa('%PDF'),
        warnings: ['an item of section “Background” refers to an annotation that was deleted; it is left out'],
      }),
    );
    expect(await within(group).findByText('Saved The-record.pdf (1 KB).')).toBeTruthy();
    expect(group.getAttribute('aria-busy')).toBe('false');
    expect(within(group).getByRole('button', { name: 'Export PDF' })).toBeTruthy();
    expect(click).toHaveBeenCalledTimes(1);
    expect([blobs[0].size, blobs[0].type]).toEqual([4, 'application/pdf']);
    const warnings = within(group).getByRole('alert');
    expect(warnings.textContent).toContain('1 item left out:');
    expect(warnings.textContent).toContain('refers to an annotation that was deleted');

    fireEvent.change(within(group).getByLabelText('Format'), { target: { value: 'md' } });
    fireEvent.click(within(group).getByRole('button', { name: 'Export Markdown' }));
    await waitFor(() => expect(client.calls.filter((c) => c.method === 'exportDossier').at(-1)?.args).toEqual({ dossier: D1, format: 'md' }));
  });

  it('Cancel drops an export under way: the file is not saved when it arrives', async () => {
    const { click } = stubDownloads();
    let finish: (value: ResultOf<'exportDossier'>) => void = () => undefined;
    setup([dossier({ sections: sections([S1, 'Background', [A.id]]) })], { exportDossier: () => new Promise((resolve) => (finish = resolve)) });
    await openDossierTab();
    const group = screen.getByRole('group', { name: 'Export' });
    fireEvent.click(within(group).getByRole('button', { name: 'Export PDF' }));
    fireEvent.click(await within(group).findByRole('button', { name: 'Cancel' }));
    expect(within(group).getByText('Cancelled: nothing was saved.')).toBeTruthy();
    expect(group.getAttribute('aria-busy')).toBe('false');
    await act(async () => finish({ fileName: 'late.pdf', mediaType: 'application/pdf', byteLength: 4, base64: btoa('%PDF'), warnings: [] }));
    expect(click).not.toHaveBeenCalled();
    expect(within(group).queryByText(/Saved/)).toBeNull();
  });

  it('says why an export failed', async () => {
    setup([dossier()], { exportDossier: () => Promise.reject(new ApiCallError({ code: 'internal', message: 'exportDossier failed unexpectedly' })) });
    await openDossierTab();
    const group = screen.getByRole('group', { name: 'Export' });
    fireEvent.click(within(group).getByRole('button', { name: 'Export PDF' }));
    expect((await within(group).findByRole('alert')).textContent).toBe('exportDossier failed unexpectedly');
    expect((within(group).getByRole('button', { name: 'Export PDF' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('verify', () => {
  function choosePdf(content: string) {
    const file = new File([content], 'record.pdf', { type: 'application/pdf' });
    // jsdom's File has no arrayBuffer(); browsers' has.
    Object.defineProperty(file, 'arrayBuffer', { value: async () => new TextEncoder().encode(content).buffer });
    fireEvent.change(screen.getByLabelText('Dossier PDF'), { target: { files: [file] } });
  }
  const REPORT = {
    title: 'The record',
    created: '2024-05-02T09:30:00.000Z',
    archiveRoot: '/archive',
    pages: 9,
    signature: { state: 'valid', subject: 'CN=Aigerim Saparova', fingerprint: 'AB:CD' },
    ledger: { state: 'ok', problem: null },
  } as const;
  const PRINTED = {
    printed: 'ok',
    printedDetail: 'printed as [n] on p. 4, word for word, with its citation',
    page: 4,
    custody: 'unchanged since first seen at 2024-05-01T08:00:00.000Z',
  } as const;

  it('sends the chosen PDF and shows one line per quote, failing ones first, with a verdict', async () => {
    let report: ResultOf<'verifyDossier'> = {
      ...REPORT,
      ok: false,
      quotes: [
        { number: 1, id: 'a1', docId: '003.txt', source: 'ok', status: 'ok', detail: 'SHA-256 0123456789abcdef…, characters 0–31 hold the quote', ...PRINTED },
        { number: 2, id: 'a2', docId: '003.txt', source: 'changed', status: 'failed', detail: 'the text at 86–112 reads “8,000 people were detained”, not the quote', ...PRINTED },
        { number: 3, id: 'a3', docId: 'gone.txt', source: 'missing', status: 'failed', detail: 'the source file is not in the archive', ...PRINTED },
      ],
    };
    const { client } = setup([], { verifyDossier: () => report });
    await openDossierTab();
    choosePdf('%PDF-1.7 fake');
    const shown = await screen.findByRole('region', { name: 'Verification report' });
    expect(client.calls.find((c) => c.method === 'verifyDossier')?.args).toEqual({ base64: btoa('%PDF-1.7 fake') });
    expect(within(shown).getByRole('alert').textContent).toBe('Not verified: 1 of 3 quotes ok; 1 changed, 1 missing.');
    const lines = within(shown).getAllByRole('listitem');
    expect(lines.map((line) => line.querySelector('.verify-status')?.textContent)).toEqual(['changed', 'missing', 'valid', 'ok', 'ok']);
    expect(lines[4].textContent).toContain('Quote 1 · Kazakhstan unrest');
    expect(lines[4].textContent).toContain('unchanged since first seen at 2024-05-01T08:00:00.000Z');
    expect(lines[0].textContent).toContain('reads “8,000 people were detained”, not the quote');
    expect(lines[1].textContent).toContain('Quote 3 · gone.txt');
    expect(lines[1].textContent).toContain('the source file is not in the archive');
    expect(lines[2].textContent).toContain('Signed by CN=Aigerim Saparova (certificate SHA-256 AB:CD)');
    expect(shown.textContent).toContain('“The record”, exported');
    expect(shown.textContent).toContain('(record.pdf), checked against /archive and on its 9 printed pages');

    report = { ...REPORT, ok: true, quotes: report.quotes.slice(0, 1) };
    choosePdf('%PDF-1.7 fake');
    await waitFor(() => expect(screen.getByRole('region', { name: 'Verification report' }).textContent).toContain('Verified: the quote matches the archive.'));
  });

  it('names quotes not printed, altered in print, or printed but not listed, before the rest', async () => {
    const source = { source: 'ok', detail: 'SHA-256 0123456789abcdef…, characters 0–31 hold the quote', custody: 'unchanged since first seen at 2024-05-01T08:00:00.000Z' } as const;
    setup([], {
      verifyDossier: () => ({
        ...REPORT,
        ok: false,
        quotes: [
          { number: 1, id: 'a1', docId: '003.txt', status: 'ok', ...source, ...PRINTED },
          { number: 2, id: 'a2', docId: '003.txt', status: 'failed', ...source, printed: 'not-printed', printedDetail: 'no quote block [2] with these words is on the pages', page: null },
          { number: 3, id: 'a3', docId: '003.txt', status: 'failed', ...source, printed: 'altered', printedDetail: '[3] on p. 5: printed “shoot” where the source reads “fire”', page: 5 },
          { printed: 'unlisted', status: 'failed', number: 4, page: 6, text: 'Words nobody quoted.' },
        ],
      }),
    });
    await openDossierTab();
    choosePdf('%PDF-1.7 fake');
    const shown = await screen.findByRole('region', { name: 'Verification report' });
    expect(within(shown).getByRole('alert').textContent).toBe(
      'Not verified: 1 of 3 quotes ok; 0 changed, 0 missing; 1 not printed, 1 altered in print; 1 printed but not in the manifest.',
    );
    const lines = within(shown).getAllByRole('listitem');
    expect(lines.map((line) => line.querySelector('.verify-status')?.textContent)).toEqual(['unlisted', 'not-printed', 'altered', 'valid', 'ok', 'ok']);
    expect(lines[0].textContent).toContain('Printed [4] · p. 6');
    expect(lines[0].textContent).toContain('not in the manifest attached to the PDF: “Words nobody quoted.”');
    expect(lines[2].textContent).toContain('Print: [3] on p. 5: printed “shoot” where the source reads “fire”');
  });

  it('puts a broken signature and a broken custody ledger before everything else', async () => {
    setup([], {
      verifyDossier: () => ({
        ...REPORT,
        ok: false,
        signature: { state: 'broken', subject: 'CN=Aigerim Saparova', fingerprint: 'AB:CD' },
        ledger: { state: 'broken', problem: 'entry 3 of the ledger (003.txt) was changed after it was written' },
        quotes: [{ number: 1, id: 'a1', docId: '003.txt', source: 'ok', status: 'ok', detail: 'SHA-256 0123456789abcdef…, characters 0–31 hold the quote', ...PRINTED }],
      }),
    });
    await openDossierTab();
    choosePdf('%PDF-1.7 fake');
    const shown = await screen.findByRole('region', { name: 'Verification report' });
    expect(within(shown).getByRole('alert').textContent).toBe('Not verified: 1 of 1 quote ok; 0 changed, 0 missing; the signature is broken; the custody ledger is broken.');
    const lines = within(shown).getAllByRole('listitem');
    expect(lines.map((line) => line.querySelector('.verify-status')?.textContent)).toEqual(['broken', 'broken', 'ok']);
    expect(lines[0].textContent).toContain('the file changed after signing');
    expect(lines[1].textContent).toContain('entry 3 of the ledger (003.txt) was changed after it was written');
  });

  it('says first what of an evidence bundle does not hold', async () => {
    setup([], {
      verifyDossier: () => ({
        ...REPORT,
        ok: false,
        quotes: [{ number: 1, id: 'a1', docId: '003.txt', source: 'ok', status: 'ok', detail: 'SHA-256 0123456789abcdef…, characters 0–31 hold the quote', ...PRINTED }],
        bundle: { pdf: 'The record.pdf', manifest: 'different', sources: [], problems: ['the bundled casefile-manifest.json is not the one attached to the PDF'] },
      }),
    });
    await openDossierTab();
    choosePdf('PK fake');
    const shown = await screen.findByRole('region', { name: 'Verification report' });
    expect(within(shown).getByRole('alert').textContent).toContain('the bundle is not whole (1)');
    const lines = within(shown).getAllByRole('listitem');
    expect(lines[0].textContent).toContain('the bundled casefile-manifest.json is not the one attached to the PDF');
    expect(lines.map((line) => line.querySelector('.verify-status')?.textContent)).toEqual(['bundle', 'valid', 'ok', 'ok']);
  });

  it('says why a file could not be checked', async () => {
    setup([], { verifyDossier: () => Promise.reject(new ApiCallError({ code: 'invalid-argument', message: 'the PDF carries no casefile-manifest.json' })) });
    await openDossierTab();
    choosePdf('not a pdf');
    expect((await screen.findByText(/could not be checked/)).textContent).toBe('record.pdf could not be checked: the PDF carries no casefile-manifest.json');
  });
});

describe('a reorder while another window adds to the same dossier', () => {
  it('keeps the other window’s quote: the refused save is merged with the dossier on disk and saved again', async () => {
    const { server, lastSections, updates } = setup([dossier({ sections: sections([S1, 'Background', [A.id, B.id]]) })]);
    await openDossierTab();
    // Another window adds C; this one has not seen it yet and moves B up.
    server.handlers.addToDossier!({ id: D1, annotationId: C.id });
    fireEvent.keyDown(item(2), { key: 'ArrowUp', altKey: true });
    await waitFor(() => expect(shape(server.stored().sections)).toEqual([['Background', [B.id, A.id, C.id]]]));
    expect(lastSections()).toEqual([['Background', [B.id, A.id, C.id]]]);
    expect(updates()).toHaveLength(2);
    // What is shown is what is stored, and nothing says the save failed.
    await waitFor(() => expect(screen.getAllByRole('listitem', { name: /^Quote \d:/ })).toHaveLength(3));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
