import type { IpcMainInvokeEvent } from 'electron';
import { apiMethods, invokeApi, type ApiResult } from '../core/api';
import type { ArchiveSession } from '../core/session';
import { isAppUrl } from './window-security';

export const API_CHANNEL_PREFIX = 'casefile:';

/** What the check needs of an IPC event. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'sender'> & { senderFrame: Pick<NonNullable<IpcMainInvokeEvent['senderFrame']>, 'url'> | null };

/** What the check needs of the app's window. */
export interface AppWindow {
  webContents: { mainFrame: unknown };
}

/**
 * Whether an IPC message comes from the app's own page: the app window's top frame (not a subframe,
 * not another window), showing a page of the app (not something it was navigated to).
 */
export function isTrustedSender(event: SenderEvent, window: AppWindow, appOrigins: readonly string[]): boolean {
  const frame = event.senderFrame;
  return event.sender === window.webContents && frame !== null && frame === window.webContents.mainFrame && isAppUrl(frame.url, appOrigins);
}

/** The part of ipcMain used here. */
export interface IpcRegistrar {
  handle(channel: string, listener: (event: SenderEvent, args: unknown) => Promise<ApiResult<unknown>>): void;
}

/**
 * One IPC handler per API method. A message from anywhere but the app's page is refused, and every
 * payload is parsed with the method's zod schema (by `invokeApi`) before anything runs.
 */
export function registerApiHandlers(ipc: IpcRegistrar, trusted: (event: SenderEvent) => boolean, session: ArchiveSession): void {
  for (const method of Object.keys(apiMethods)) {
    ipc.handle(`${API_CHANNEL_PREFIX}${method}`, async function handleApiCall(event, args) {
      if (!trusted(event)) return { ok: false, error: { code: 'invalid-argument', message: `${method}: refused, the message does not come from Casefile's page` } };
      return invokeApi(session.current, method, args, session, `window-${event.sender.id}`);
    });
  }
}
