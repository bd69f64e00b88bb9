import { shell } from 'electron';
import { DocId } from '../core/api/schemas';
import { errorMessage } from '../core/errors';
import { opensTheWeb, originalFilePath, readOriginalFile } from '../core/original-file';
import type { Workstation } from '../core/workstation';
import type { SenderEvent } from './ipc';

/** Page → main: open this document's original file in the system's viewer. */
export const OPEN_ORIGINAL_CHANNEL = 'casefile-shell:openOriginal';

/** How opening went; `error` null when the user chose not to. */
export type OpenOutcome = { opened: true } | { opened: false; error: string | null };

/** The part of ipcMain used here. */
export interface OriginalIpc {
  handle(channel: string, listener: (event: SenderEvent, id: unknown) => Promise<OpenOutcome | ReadOutcome>): void;
}

/**
 * "Open the original": the file behind a document, in the program the system opens it with. Only a
 * document of the open archive, at its confined place in the archive folder (never a path the page
 * names); a saved web page first asks (`confirmWeb`), since a browser showing it may fetch its
 * images and scripts from the web, which tells their sites someone is reading.
 */
export function registerOriginalOpening(
  ipc: OriginalIpc,
  trusted: (event: SenderEvent) => boolean,
  workstation: () => Workstation,
  confirmWeb: (fileName: string) => Promise<boolean>,
): void {
  ipc.handle(OPEN_ORIGINAL_CHANNEL, async (event, id) => {
    if (!trusted(event)) return { opened: false, error: 'refused: the message does not come from Casefile’s page' };
    const parsed = DocId.safeParse(id);
    if (!parsed.success) return { opened: false, error: 'not a document id' };
    let original: { path: string; format: string };
    try {
      original = await originalFilePath(workstation(), parsed.data);
    } catch (error) {
      return { opened: false, error: errorMessage(error) };
    }
    if (opensTheWeb(original.format) && !(await confirmWeb(parsed.data))) return { opened: false, error: null };
    // The system's answer is an empty string on success, else what went wrong.
    const failure = await shell.openPath(original.path);
    return failure ? { opened: false, error: failure } : { opened: true };
  });
}

/** Page → main: a PDF original's bytes, for drawing its pages in the page view. */
export const READ_ORIGINAL_CHANNEL = 'casefile-shell:readOriginal';

export type ReadOutcome = { bytes: Uint8Array; mediaType: string } | { error: string };

/**
 * The page view's "Pages": a document's original bytes, read the one confined way, for pdf.js in
 * the page. Only a PDF: nothing else is drawn there, and no saved web page ever reaches the page.
 */
export function registerOriginalReading(ipc: OriginalIpc, trusted: (event: SenderEvent) => boolean, workstation: () => Workstation): void {
  ipc.handle(READ_ORIGINAL_CHANNEL, async (event, id) => {
    if (!trusted(event)) return { error: 'refused: the message does not come from Casefile’s page' };
    const parsed = DocId.safeParse(id);
    if (!parsed.success) return { error: 'not a document id' };
    try {
      const original = await readOriginalFile(workstation(), parsed.data);
      if (original.mediaType !== 'application/pdf') return { error: 'only a PDF is shown as its pages' };
      return { bytes: new Uint8Array(original.bytes), mediaType: original.mediaType };
    } catch (error) {
      return { error: errorMessage(error) };
    }
  });
}
