import { describe, expect, it, vi } from 'vitest';
import {
  externalLinkTarget,
  guardNavigation,
  isAppUrl,
  lockDownSession,
  type GuardedContents,
  type LockableSession,
} from '../../src/main/window-security';

type Listener = (event: { preventDefault(): void }, url: string) => void;

/** A stand-in for a WebContents that records the guard's handlers, to fire them as Electron would. */
function fakeContents() {
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const listeners = new Map<string, Listener>();
  const contents: GuardedContents = {
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
    on: (event, listener) => listeners.set(event, listener),
  };
  return {
    contents,
    openWindow: (url: string) => openHandler!({ url }),
    /** Fires `event` and says whether the guard prevented it. */
    fire(event: string, url: string): boolean {
      let prevented = false;
      listeners.get(event)!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    },
  };
}

function fakeLinks(answer: boolean) {
  const asked: string[] = [];
  const opened: string[] = [];
  return {
    asked,
    opened,
    links: {
      confirm: async (url: string) => {
        asked.push(url);
        return answer;
      },
      open: async (url: string) => {
        opened.push(url);
      },
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('external links', () => {
  it.each([
    ['https://example.org/story?id=1', 'https://example.org/story?id=1'],
    ['http://example.org', 'http://example.org/'],
    ['HTTPS://EXAMPLE.ORG/a', 'https://example.org/a'],
  ])('%s may be offered to the browser as %s', (url, expected) => {
    expect(externalLinkTarget(url)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'casefile://app/index.html',
    'vbscript:msgbox(1)',
    'mailto:someone@example.org',
    'smb://server/share',
    'https://bank.example@evil.example/',
    'https://user:pass@example.org/',
    'not a url',
    '',
  ])('%s is never offered', (url) => {
    expect(externalLinkTarget(url)).toBeNull();
  });
});

describe('navigation guard', () => {
  it('denies every new window; an http(s) one is offered to the browser and opened only once the user confirms', async () => {
    const fake = fakeContents();
    const { links, asked, opened } = fakeLinks(true);
    guardNavigation(fake.contents, links);
    expect(fake.openWindow('https://example.org/a')).toEqual({ action: 'deny' });
    await settle();
    expect(asked).toEqual(['https://example.org/a']);
    expect(opened).toEqual(['https://example.org/a']);
  });

  it('opens nothing when the user declines', async () => {
    const fake = fakeContents();
    const { links, asked, opened } = fakeLinks(false);
    guardNavigation(fake.contents, links);
    expect(fake.openWindow('https://example.org/a')).toEqual({ action: 'deny' });
    expect(fake.fire('will-navigate', 'https://example.org/b')).toBe(true);
    await settle();
    expect(asked).toEqual(['https://example.org/a', 'https://example.org/b']);
    expect(opened).toEqual([]);
  });

  it('says so when the system cannot open the link, instead of leaving the failure unhandled', async () => {
    const fake = fakeContents();
    const links = { confirm: async () => true, open: () => Promise.reject(new Error('no application handles https')) };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      guardNavigation(fake.contents, links);
      fake.openWindow('https://example.org/a');
      await settle();
      await settle();
      expect(logged.mock.calls.map((call) => call.join(' ')).join('\n')).toMatch(/https:\/\/example\.org\/a.*no application handles https/);
    } finally {
      logged.mockRestore();
    }
  });

  it('never asks about, nor opens, javascript:, data:, file: or app addresses, and never navigates the window', async () => {
    const fake = fakeContents();
    const { links, asked, opened } = fakeLinks(true);
    guardNavigation(fake.contents, links);
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'casefile://app/other.html']) {
      expect(fake.openWindow(url)).toEqual({ action: 'deny' });
      expect(fake.fire('will-navigate', url)).toBe(true);
    }
    await settle();
    expect(asked).toEqual([]);
    expect(opened).toEqual([]);
  });

  it('prevents redirects and webviews', () => {
    const fake = fakeContents();
    guardNavigation(fake.contents, fakeLinks(true).links);
    expect(fake.fire('will-redirect', 'https://example.org/')).toBe(true);
    expect(fake.fire('will-attach-webview', '')).toBe(true);
  });
});

describe('session lock-down', () => {
  function fakeSession() {
    const recorded: {
      request?: (contents: null, permission: string, callback: (granted: boolean) => void) => void;
      check?: () => boolean;
      beforeRequest?: { filter: { urls: string[] }; listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void };
    } = {};
    const session = {
      setPermissionRequestHandler: (handler: typeof recorded.request) => (recorded.request = handler),
      setPermissionCheckHandler: (handler: typeof recorded.check) => (recorded.check = handler),
      webRequest: { onBeforeRequest: (filter: { urls: string[] }, listener: NonNullable<typeof recorded.beforeRequest>['listener']) => (recorded.beforeRequest = { filter, listener }) },
    } as unknown as LockableSession;
    return { session, recorded };
  }

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])('refuses a request for %s', (permission) => {
    const { session, recorded } = fakeSession();
    lockDownSession(session);
    let granted: boolean | undefined;
    recorded.request!(null, permission, (answer) => (granted = answer));
    expect(granted).toBe(false);
    expect(recorded.check!()).toBe(false);
  });

  it('cancels every request to the network except to the dev server', () => {
    const { session, recorded } = fakeSession();
    lockDownSession(session, ['http://localhost:5173']);
    expect(recorded.beforeRequest!.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    const cancelled = (url: string) => {
      let answer: boolean | undefined;
      recorded.beforeRequest!.listener({ url }, ({ cancel }) => (answer = cancel));
      return answer;
    };
    expect(cancelled('https://tracker.example/pixel.gif')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(cancelled('ws://localhost:5174/')).toBe(true);
    expect(cancelled('http://localhost:5173/src/main.tsx')).toBe(false);
  });

  it('tells app addresses from others by scheme, host and port', () => {
    expect(isAppUrl('casefile://app/index.html', ['casefile://app'])).toBe(true);
    expect(isAppUrl('casefile://evil/index.html', ['casefile://app'])).toBe(false);
    expect(isAppUrl('https://app/index.html', ['casefile://app'])).toBe(false);
    expect(isAppUrl('::', ['casefile://app'])).toBe(false);
  });
});
