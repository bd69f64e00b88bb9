// @vitest-environment jsdom
/**
 * "Add to dossier" clicked several times in quick succession, while answers are still on their way:
 * every click lands, in order, or says why it did not; nothing another window added is lost.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier, ResultOf, WorkstationInfo } from '../../src/core/api/types';
import { ApiCallError } from '../../src/renderer/src/api/client';
import { App } from '../../src/renderer/src/App';
import { dossier, dossierServer, shape, uuid } from './dossier-fixtures';
import { annotation, fakeClient, READY, type Handlers } from './fake-client';
import { stubLayout } from './reader-fixtures';

beforeAll(stubLayout);
afterEach(() => {
  cleanup();
  localStorage.clear();
});

const INFO: WorkstationInfo = { archiveRoot: '/archive', dataDir: '/data', documentCount: 1, skipped: [], storeProblem: null, index: READY };
const QUOTES = ['first quoted passage', 'second quoted passage', 'third quoted passage', 'fourth quoted passage'];
const ANNOTATIONS = QUOTES.map((quote, i) => annotation({ id: uuid(0, i + 1), docId: '003.txt', quote, start: i * 100 }));
const ids = ANNOTATIONS.map((a) => a.id);

/** A promise resolved from outside: an answer held back until the test lets it go. */
function later<T>() {
  let release!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (release = resolve));
  return { promise, release };
}

/** The App over these dossiers; `handlers` may stand in for the store's own (which they can call). */
function setup(dossiers: Dossier[], handlers: (store: Handlers) => Handlers = () => ({})) {
  const server = dossierServer(dossiers);
  const client = fakeClient({
    info: () => INFO,
    indexStatus: () => READY,
    listTags: () => [],
    listDocuments: () => [],
    listAnnotations: () => ANNOTATIONS,
    getPreferences: () => ({ author: '', recentArchives: [], language: 'system' as const }),
    ...server.handlers,
    ...handlers(server.handlers),
  });
  render(<App client={client} />);
  return { client, server };
}

async function cards(): Promise<HTMLElement[]> {
  fireEvent.click(screen.getByRole('tab', { name: 'All annotations' }));
  return Promise.all(QUOTES.map(async (quote) => (await screen.findByRole('button', { name: `“${quote}”` })).closest('li')!));
}

const clickAdd = (card: HTMLElement) => fireEvent.click(within(card).getByRole('button', { name: 'Add to dossier' }));
const dossierCount = () => screen.getByRole('tab', { name: /^Dossier/ }).textContent;

describe('quick "Add to dossier" clicks', () => {
  it('with no dossier yet: one is made, and all four land in it in the order clicked', async () => {
    const made = later<void>();
    // The new dossier is still on its way while the other three clicks come.
    const { client, server } = setup([], (store) => ({ createDossier: (args) => made.promise.then(() => store.createDossier!(args)) }));
    const [a, b, c, d] = await cards();
    for (const card of [a, b, c, d]) clickAdd(card);
    made.release();

    await waitFor(() => expect(dossierCount()).toBe('Dossier 4'));
    expect(shape(server.stored(uuid(7, 100)).sections)).toEqual([['', ids]]);
    expect(client.calls.filter((call) => call.method === 'addToDossier').map((call) => (call.args as { annotationId: string }).annotationId)).toEqual(ids);
    expect(await screen.findByText('Added to “Dossier” › Section 1 (untitled) as quote 4.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps what another window added to the dossier meanwhile, and numbers the quote after it', async () => {
    const { server } = setup([dossier()]);
    const [a, b] = await cards();
    // Another window adds the first annotation; this one has not seen it.
    server.handlers.addToDossier!({ id: uuid(7, 1), annotationId: ids[0] });
    expect(within(a).getByRole('button', { name: 'Add to dossier' })).toBeTruthy();
    clickAdd(b);

    expect(await screen.findByText('Added to “January” › Section 1 (untitled) as quote 2.')).toBeTruthy();
    expect(shape(server.stored().sections)).toEqual([['', [ids[0], ids[1]]]]);
    // What the store answered is shown: the other window's quote too.
    expect(within(a).getByText('✓ In dossier')).toBeTruthy();
    expect(dossierCount()).toBe('Dossier 2');
  });

  it('one the store refuses says so and leaves the dossier; the ones after it still land', async () => {
    // Deleted by another window before this one adds it.
    const { server } = setup([dossier()], (store) => ({
      addToDossier: (args) => {
        if (args.annotationId === ids[1]) throw new ApiCallError({ code: 'not-found', message: `no annotation with id "${ids[1]}"` });
        return store.addToDossier!(args);
      },
    }));
    const [a, b, c] = await cards();
    for (const card of [a, b, c]) clickAdd(card);

    await waitFor(() => expect(shape(server.stored().sections)).toEqual([['', [ids[0], ids[2]]]]));
    expect(await screen.findByText(`Not added to “January”: no annotation with id "${ids[1]}".`)).toBeTruthy();
    expect(within(b).getByRole('button', { name: 'Add to dossier' })).toBeTruthy();
    await waitFor(() => expect(dossierCount()).toBe('Dossier 2'));
  });
});

describe('a dossier read again after another process changed it', () => {
  it('does not take back an addition made here while the list was on its way', async () => {
    let revision = 0;
    let asked = 0;
    const held = later<void>();
    setup([dossier()], (store) => ({
      dataRevision: () => ({ data: revision, archive: 0 }),
      listDossiers: async (args) => {
        asked++;
        // The first answer at once; the one after the change as the store was then, but late.
        const then = (await store.listDossiers!(args)) as ResultOf<'listDossiers'>;
        if (asked > 1) await held.promise;
        return then;
      },
    }));
    const [a, b] = await cards();
    revision = 1; // another process changed something: the app asks for the dossiers again
    await waitFor(() => expect(asked).toBe(2), { timeout: 8_000 });
    clickAdd(a);
    expect(await screen.findByText('Added to “January” › Section 1 (untitled) as quote 1.')).toBeTruthy();
    held.release();
    // One more add: by its answer the late list has long been taken in.
    clickAdd(b);
    expect(await screen.findByText('Added to “January” › Section 1 (untitled) as quote 2.')).toBeTruthy();
    expect(within(a).getByText('✓ In dossier')).toBeTruthy();
    expect(dossierCount()).toBe('Dossier 2');
  });
});
