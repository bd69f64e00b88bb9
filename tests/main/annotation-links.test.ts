import { EventEmitter } from 'node:events';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { annotationIdFromLink, annotationIdFromRoute, annotationLink, annotationRoute } from '../../src/shared/annotation-link';
import type { SenderEvent } from '../../src/main/ipc';

/** Electron as the link handling sees it: the app's events and protocol registration, and the clipboard. */
const electron = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- vi.hoisted runs before imports
  const { EventEmitter: Emitter } = require('node:events') as typeof import('node:events');
  const app = Object.assign(new Emitter(), { setAsDefaultProtocolClient: vi.fn((..._args: unknown[]) => true) });
  const clipboard = { text: '', writeText: vi.fn((text: string) => void (clipboard.text = text)) };
  return { app, clipboard };
});
vi.mock('electron', () => electron);

const { annotationIdInArguments, COPY_LINK_CHANNEL, handleAnnotationLinks, OPEN_ANNOTATION_CHANNEL, registerLinkCopying } = await import('../../src/main/annotation-links');

const ID = '3f2b8c1e-5a4d-4e6f-9b7a-0c1d2e3f4a5b';
const OTHER = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

/** The app's window: what was sent to its page, and how it was brought forward. */
function fakeWindow({ loading = false, minimized = false } = {}) {
  const calls: string[] = [];
  const sent: Array<[string, string]> = [];
  const contents = new EventEmitter();
  const window = {
    isMinimized: () => minimized,
    restore: () => void calls.push('restore'),
    show: () => void calls.push('show'),
    focus: () => void calls.push('focus'),
    webContents: {
      isLoading: () => loading,
      once: (event: 'did-finish-load', listener: () => void) => contents.once(event, listener),
      send: (channel: string, id: string) => void sent.push([channel, id]),
    },
  };
  return { window, calls, sent, finishLoading: () => contents.emit('did-finish-load') };
}

const savedArgv = process.argv;
beforeEach(() => {
  electron.app.removeAllListeners();
  electron.app.setAsDefaultProtocolClient.mockClear();
  process.argv = ['/opt/Casefile/casefile'];
});
afterEach(() => {
  process.argv = savedArgv;
  Reflect.deleteProperty(process, 'defaultApp');
});

describe('the link to an annotation', () => {
  it('is casefile://annotation/<id>, and reads back to the same id', () => {
    expect(annotationLink(ID)).toBe(`casefile://annotation/${ID}`);
    expect(annotationIdFromLink(annotationLink(ID))).toBe(ID);
    expect(annotationIdFromLink(`  casefile://annotation/${ID.toUpperCase()}/ `)).toBe(ID);
    expect(annotationIdFromRoute(annotationRoute(ID))).toBe(ID);
    expect(annotationRoute(ID)).toBe(`#/annotation/${ID}`);
  });

  it.each([
    `https://annotation/${ID}`,
    `casefile://app/${ID}`,
    `casefile://annotation/${ID}/../x`,
    `casefile://user:pw@annotation/${ID}`,
    'casefile://annotation/not-a-uuid',
    'casefile://annotation/',
    'casefile://annotation/%2e%2e%2fetc',
    '--archive=/tmp',
    'not a link at all',
  ])('refuses %s', (text) => {
    expect(annotationIdFromLink(text)).toBeNull();
  });

  it('refuses routes that are not one annotation', () => {
    expect(annotationIdFromRoute(`#/annotation/${ID}/x`)).toBeNull();
    expect(annotationIdFromRoute('#/annotation/../../etc')).toBeNull();
    expect(annotationIdFromRoute(`#annotation/${ID}`)).toBeNull();
    expect(() => annotationLink('../../etc')).toThrow();
  });

  it('is found among a start’s arguments, whatever comes before it', () => {
    expect(annotationIdInArguments(['/opt/casefile', '--archive', '/data', `casefile://annotation/${ID}`])).toBe(ID);
    expect(annotationIdInArguments(['/opt/casefile', '--archive', '/data'])).toBeNull();
  });
});

describe('opening Casefile at an annotation (Electron)', () => {
  it('registers the app for casefile:// links (with the app folder when run by `electron .`)', () => {
    handleAnnotationLinks();
    expect(electron.app.setAsDefaultProtocolClient).toHaveBeenLastCalledWith('casefile');
    Object.assign(process, { defaultApp: true });
    process.argv = ['/usr/bin/electron', 'out/main/index.js'];
    handleAnnotationLinks();
    expect(electron.app.setAsDefaultProtocolClient).toHaveBeenLastCalledWith('casefile', process.execPath, [path.resolve('out/main/index.js')]);
  });

  it('a link the app was started with goes to the page once it has loaded', () => {
    process.argv = ['/opt/Casefile/casefile', `casefile://annotation/${ID}`];
    const links = handleAnnotationLinks();
    const { window, sent } = fakeWindow();
    links.attach(window);
    expect(sent).toEqual([[OPEN_ANNOTATION_CHANNEL, ID]]);
  });

  it('a link given to a second start (Windows, Linux) brings the window forward and opens the annotation', () => {
    const links = handleAnnotationLinks();
    const { window, calls, sent } = fakeWindow({ minimized: true });
    links.attach(window);
    expect(sent).toEqual([]);
    electron.app.emit('second-instance', {}, ['/opt/Casefile/casefile', `casefile://annotation/${ID}`], '/home');
    expect(calls).toEqual(['restore', 'show', 'focus']);
    expect(sent).toEqual([[OPEN_ANNOTATION_CHANNEL, ID]]);
    // A plain second start (no link) sends nothing.
    electron.app.emit('second-instance', {}, ['/opt/Casefile/casefile'], '/home');
    expect(sent).toHaveLength(1);
  });

  it('macOS’s open-url: handled (not left to the system), kept until the window exists, sent after the page loads', () => {
    const links = handleAnnotationLinks();
    const prevented = vi.fn();
    electron.app.emit('open-url', { preventDefault: prevented }, `casefile://annotation/${OTHER}`);
    expect(prevented).toHaveBeenCalled();
    const { window, sent, finishLoading } = fakeWindow({ loading: true });
    links.attach(window);
    expect(sent).toEqual([]);
    finishLoading();
    expect(sent).toEqual([[OPEN_ANNOTATION_CHANNEL, OTHER]]);
  });

  it('ignores a casefile:// address that is not a link to an annotation', () => {
    const links = handleAnnotationLinks();
    const { window, sent } = fakeWindow();
    links.attach(window);
    electron.app.emit('open-url', { preventDefault: () => undefined }, 'casefile://app/index.html');
    electron.app.emit('open-url', { preventDefault: () => undefined }, 'casefile://annotation/../../etc/passwd');
    expect(sent).toEqual([]);
  });
});

describe('Copy link (Electron: the main process writes the clipboard)', () => {
  const handlers = new Map<string, (event: SenderEvent, id: unknown) => string | null>();
  const event = {} as SenderEvent;
  const register = (trusted: boolean) => registerLinkCopying({ handle: (channel, listener) => void handlers.set(channel, listener) }, () => trusted);

  it('puts the annotation’s link on the clipboard', () => {
    register(true);
    expect(handlers.get(COPY_LINK_CHANNEL)!(event, ID)).toBe(`casefile://annotation/${ID}`);
    expect(electron.clipboard.text).toBe(`casefile://annotation/${ID}`);
  });

  it.each([['text', 'anything the page likes'], ['a number', 5], ['nothing', undefined]])('writes nothing for %s', (_name, value) => {
    register(true);
    electron.clipboard.writeText.mockClear();
    expect(handlers.get(COPY_LINK_CHANNEL)!(event, value)).toBeNull();
    expect(electron.clipboard.writeText).not.toHaveBeenCalled();
  });

  it('refuses a sender that is not the app’s page', () => {
    register(false);
    electron.clipboard.writeText.mockClear();
    expect(handlers.get(COPY_LINK_CHANNEL)!(event, ID)).toBeNull();
    expect(electron.clipboard.writeText).not.toHaveBeenCalled();
  });
});

describe('the menu', () => {
  it('has “Copy link to the highlight” under Annotate, which sends the command to the page', async () => {
    const { buildMenuTemplate } = await import('../../src/main/menu');
    const sent: string[] = [];
    const annotate = buildMenuTemplate({ mac: false, appName: 'Casefile', send: (id) => sent.push(id) }).find((menu) => menu.label === '&Annotate');
    const item = (annotate?.submenu as Array<{ id?: string; label?: string; accelerator?: string; click?: () => void }>).find((i) => i.id === 'command:copy-link');
    expect([item?.label, item?.accelerator]).toEqual(['Copy link to the highlight', 'L']);
    item?.click?.();
    expect(sent).toEqual(['copy-link']);
  });
});
