import path from 'node:path';
import { app, clipboard } from 'electron';
import { annotationIdFromLink, annotationLink, isAnnotationId, LINK_SCHEME } from '../shared/annotation-link';
import type { SenderEvent } from './ipc';

/** Main → page: open the annotation with this id (the preload holds it until the page listens). */
export const OPEN_ANNOTATION_CHANNEL = 'casefile-shell:openAnnotation';
/** Page → main: put the link to this annotation on the clipboard. */
export const COPY_LINK_CHANNEL = 'casefile-shell:copyAnnotationLink';

/** The part of the app's window a link is delivered to. */
export interface LinkWindow {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  webContents: {
    isLoading(): boolean;
    once(event: 'did-finish-load', listener: () => void): unknown;
    send(channel: string, id: string): void;
  };
}

/** The first `casefile://annotation/…` link among a process's arguments (how Windows and Linux hand one over). */
export function annotationIdInArguments(argv: readonly string[]): string | null {
  for (const argument of argv) {
    const id = annotationIdFromLink(argument);
    if (id !== null) return id;
  }
  return null;
}

/**
 * Makes Casefile the system's handler of `casefile://` links and routes each link to the page:
 * given at start (the arguments), to a second start (Windows, Linux: it quits and the first one
 * receives its arguments) or by the system (macOS's open-url, possibly before the window exists).
 * A link that comes before the window is kept and delivered once the page has loaded.
 * `attach` names the window once it exists.
 */
export function handleAnnotationLinks(): { attach(window: LinkWindow): void } {
  // Started by `electron .` in development, the system must run Electron with the app's folder.
  const registered = process.defaultApp
    ? app.setAsDefaultProtocolClient(LINK_SCHEME, process.execPath, [path.resolve(process.argv[1] ?? '.')])
    : app.setAsDefaultProtocolClient(LINK_SCHEME);
  if (!registered) console.error(`Casefile could not register itself for ${LINK_SCHEME}:// links; they will not open it.`);

  let pending = annotationIdInArguments(process.argv);
  let window: LinkWindow | null = null;

  const deliver = (target: LinkWindow, id: string) => {
    if (target.isMinimized()) target.restore();
    target.show();
    target.focus();
    if (target.webContents.isLoading()) target.webContents.once('did-finish-load', () => target.webContents.send(OPEN_ANNOTATION_CHANNEL, id));
    else target.webContents.send(OPEN_ANNOTATION_CHANNEL, id);
  };
  const receive = (id: string | null) => {
    if (id === null) return;
    if (window) deliver(window, id);
    else pending = id;
  };

  app.on('open-url', (event, url) => {
    event.preventDefault();
    receive(annotationIdFromLink(url));
  });
  app.on('second-instance', (_event, argv) => receive(annotationIdInArguments(argv)));

  return {
    attach(target) {
      window = target;
      if (pending !== null) deliver(target, pending);
      pending = null;
    },
  };
}

/** The part of ipcMain the link's copy uses. */
export interface LinkIpc {
  handle(channel: string, listener: (event: SenderEvent, id: unknown) => string | null): void;
}

/**
 * "Copy link" from the app's page: the main process writes the clipboard (the page has no clipboard
 * permission). Only an annotation id is taken, so the page cannot fill the clipboard with anything else.
 */
export function registerLinkCopying(ipc: LinkIpc, trusted: (event: SenderEvent) => boolean): void {
  ipc.handle(COPY_LINK_CHANNEL, (event, id) => {
    if (!trusted(event) || typeof id !== 'string' || !isAnnotationId(id)) return null;
    const link = annotationLink(id);
    clipboard.writeText(link);
    return link;
  });
}
