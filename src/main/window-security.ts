import type { Event, HandlerDetails, Session, WebContents } from 'electron';
import { errorMessage } from '../core/errors';

/**
 * The address to offer to the system browser for a link, or null: http(s) only, and never an
 * address with a user name or password in it (`https://bank.example@evil.example` deceives the eye).
 */
export function externalLinkTarget(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}

/** Whether `url` belongs to one of `origins` (`casefile://app`, or the dev server's `http://localhost:5173`). */
export function isAppUrl(url: string, origins: readonly string[]): boolean {
  try {
    const parsed = new URL(url);
    return origins.includes(`${parsed.protocol}//${parsed.host}`);
  } catch {
    return false;
  }
}

export interface ExternalLinks {
  /** Asks the user whether to open `url` in the system browser. */
  confirm(url: string): Promise<boolean>;
  open(url: string): Promise<void>;
}

/** The part of a WebContents the guard uses (so that tests can hand in a stand-in). */
export interface GuardedContents {
  setWindowOpenHandler(handler: (details: Pick<HandlerDetails, 'url'>) => { action: 'deny' }): void;
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: Pick<Event, 'preventDefault'>, url: string) => void): unknown;
}

/**
 * The window never navigates away from the app and never opens another window; the page cannot
 * attach a webview. An http(s) link the user follows is offered to the system browser, and opened
 * there only if the user confirms.
 */
export function guardNavigation(contents: GuardedContents, links: ExternalLinks): void {
  const offer = (url: string): void => {
    const target = externalLinkTarget(url);
    if (target === null) return;
    // A system with no browser for the link rejects: said in the log, not left unhandled.
    void links
      .confirm(target)
      .then((yes) => (yes ? links.open(target) : undefined))
      .catch((error: unknown) => console.error(`${target} not opened in the browser: ${errorMessage(error)}`));
  };
  contents.setWindowOpenHandler(({ url }) => {
    offer(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    offer(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The part of a Session the lock-down uses. */
export type LockableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onBeforeRequest'>;
};

/**
 * Every permission (camera, microphone, notifications, geolocation, …) is refused, asked or merely
 * checked, and no request leaves for the network: the app is offline by design, and a request out
 * could tell someone what is being read. Only `allowedOrigins` (the dev server in development) pass.
 */
export function lockDownSession(session: LockableSession, allowedOrigins: readonly string[] = []): void {
  session.setPermissionRequestHandler((_contents: WebContents | null, _permission: string, callback: (granted: boolean) => void) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (details, callback) =>
    callback({ cancel: !isAppUrl(details.url, allowedOrigins) }),
  );
}
