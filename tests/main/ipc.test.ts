import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiMethods, type ApiResult } from '../../src/core/api';
import { inProcessBuilder } from '../../src/core/search/index-builder';
import { ArchiveSession } from '../../src/core/session';
import { API_CHANNEL_PREFIX, isTrustedSender, registerApiHandlers, type IpcRegistrar, type SenderEvent } from '../../src/main/ipc';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-ipc-');
const APP = ['casefile://app'];
const TEXT = 'Field notes\n\nThe xenolith collection was catalogued in March.';

/** The app window as the check sees it: its contents and their top frame. */
const mainFrame = { url: 'casefile://app/index.html' };
const window = { webContents: { mainFrame } };
const fromApp: SenderEvent = { sender: window.webContents as SenderEvent['sender'], senderFrame: mainFrame };

let session: ArchiveSession;
let handlers: Map<string, (event: SenderEvent, args: unknown) => Promise<ApiResult<unknown>>>;

beforeEach(async () => {
  const archive = await temp.make();
  await writeFile(path.join(archive, 'notes.txt'), TEXT);
  session = await ArchiveSession.open({ archiveDir: archive, dataDir: await temp.make(), indexBuilder: inProcessBuilder });
  handlers = new Map();
  const ipc: IpcRegistrar = { handle: (channel, listener) => void handlers.set(channel, listener) };
  registerApiHandlers(ipc, (event) => isTrustedSender(event, window, APP), session);
});

afterEach(async () => {
  await session.close();
  await temp.cleanup();
});

function call(method: string, args: unknown, event: SenderEvent = fromApp): Promise<ApiResult<unknown>> {
  return handlers.get(`${API_CHANNEL_PREFIX}${method}`)!(event, args);
}

describe('IPC: one handler per API method', () => {
  it('registers exactly one channel for each method of the API, and no other', () => {
    expect([...handlers.keys()].sort()).toEqual(Object.keys(apiMethods).map((m) => `${API_CHANNEL_PREFIX}${m}`).sort());
  });

  it('answers the app page', async () => {
    expect(await call('listDocuments', {})).toMatchObject({ ok: true, value: [{ id: 'notes.txt' }] });
  });
});

describe('IPC: the sender is checked', () => {
  const senders: Array<[string, SenderEvent]> = [
    ['another window', { sender: { mainFrame } as unknown as SenderEvent['sender'], senderFrame: mainFrame }],
    ['a subframe of the app window', { sender: fromApp.sender, senderFrame: { url: 'casefile://app/index.html' } }],
    ['a destroyed frame', { sender: fromApp.sender, senderFrame: null }],
  ];
  it.each(senders)('refuses %s, and nothing is written', async (_name, event) => {
    const result = await call('createAnnotation', { docId: 'notes.txt', start: 0, end: 5, note: 'from elsewhere' }, event);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(session.current.annotations.list()).toEqual([]);
  });

  it('refuses the app window’s top frame once it shows a page that is not the app’s', async () => {
    const navigated = { url: 'https://evil.example/' };
    const elsewhere = { webContents: { mainFrame: navigated } };
    const event: SenderEvent = { sender: elsewhere.webContents as SenderEvent['sender'], senderFrame: navigated };
    expect(isTrustedSender(event, elsewhere, APP)).toBe(false);
    expect(isTrustedSender(fromApp, window, APP)).toBe(true);
  });
});

describe('IPC: every payload is parsed with the method’s schema', () => {
  it.each([
    ['createAnnotation', { docId: 'notes.txt', start: 5, end: 2 }],
    ['createAnnotation', { docId: 'notes.txt', start: 0, end: 5, extra: 'field' }],
    ['createAnnotation', { docId: '../notes.txt', start: 0, end: 5 }],
    ['createAnnotation', { docId: 'notes.txt', start: '0', end: 5 }],
    ['createAnnotation', 'not an object'],
    ['createAnnotation', [1, 2, 3]],
    ['updateAnnotation', { id: 'not-a-uuid', note: 'x' }],
    ['setPreferences', { author: 5 }],
    ['search', { query: 5 }],
    ['getDocument', { id: 'notes.txt\u0000.pdf' }],
  ])('%s(%j) is refused with invalid-argument, and nothing changes', async (method, args) => {
    const before = JSON.stringify(session.current.annotations.list());
    const result = await call(method, args);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(JSON.stringify(session.current.annotations.list())).toBe(before);
    expect(session.current.preferences.get().author).not.toBe(5);
  });

  it('a prototype-polluting payload is refused and pollutes nothing', async () => {
    const payload: unknown = JSON.parse('{"docId":"notes.txt","start":0,"end":5,"__proto__":{"polluted":true}}');
    const result = await call('createAnnotation', payload);
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(session.current.annotations.list()).toEqual([]);
  });
});
