import { ORIGINAL_FILE_PATH } from '../../../shared/original-file-path';
import { takeAccessToken } from '../access/access-token';
import { saveFile } from '../save-file';

/** How handing over the original went: opened by the system, downloaded by the browser, or why not. */
export type OriginalOutcome = { done: 'opened' | 'downloaded' } | { done: false; error: string | null };

/**
 * A document's original file, as the archive holds it. In Electron it opens in the system's viewer;
 * in the browser the web shell sends it as a download (never shown in this page's origin), which
 * the browser then opens or files as it does downloads.
 */
export async function openOriginal(docId: string): Promise<OriginalOutcome> {
  const bridge = window.casefile;
  if (bridge) {
    const result = (await bridge.openOriginal(docId)) as { opened?: boolean; error?: string | null } | null;
    return result?.opened ? { done: 'opened' } : { done: false, error: result?.error ?? null };
  }
  const fetched = await fetchOriginal(docId);
  if ('error' in fetched) return { done: false, error: fetched.error };
  const fileName = docId.split('/').at(-1) ?? docId;
  const saved = await saveFile(fileName, fetched.mediaType, fetched.bytes);
  return saved.saved ? { done: 'downloaded' } : { done: false, error: saved.error };
}

/**
 * A document's original bytes: from the web shell (with this tab's token), or in Electron from the
 * main process, which reads them the one confined way (src/core/original-file.ts).
 */
export async function fetchOriginal(docId: string): Promise<{ bytes: Uint8Array<ArrayBuffer>; mediaType: string } | { error: string }> {
  const bridge = window.casefile;
  if (bridge) {
    const result = (await bridge.readOriginal(docId)) as { bytes?: Uint8Array<ArrayBuffer>; mediaType?: string; error?: string } | null;
    return result?.bytes ? { bytes: result.bytes, mediaType: result.mediaType ?? 'application/octet-stream' } : { error: result?.error ?? 'the original cannot be read' };
  }
  const token = takeAccessToken();
  if (token === null) return { error: 'this tab has no access token: open the URL the web shell printed' };
  let response: Response;
  try {
    response = await fetch(`${ORIGINAL_FILE_PATH}?id=${encodeURIComponent(docId)}`, { headers: { 'X-Casefile-Token': token }, credentials: 'omit' });
  } catch {
    return { error: 'Casefile is not reachable: is the web shell still running?' };
  }
  if (!response.ok) return { error: (await response.text()).trim() || `the web shell answered ${response.status}` };
  return { bytes: new Uint8Array(await response.arrayBuffer()), mediaType: response.headers.get('Content-Type') ?? 'application/octet-stream' };
}

/** Opens (or downloads) the original and says how it went. */
export async function openOriginalAndSay(docId: string, notify: (text: string) => void): Promise<void> {
  const name = docId.split('/').at(-1) ?? docId;
  const outcome = await openOriginal(docId);
  if (outcome.done === 'opened') notify(`Opened ${name} in the program your system uses for it.`);
  else if (outcome.done === 'downloaded') notify(`Downloaded ${name}: open it from your browser’s downloads.`);
  else if (outcome.done === false && outcome.error !== null) notify(`The original file could not be opened: ${outcome.error}`);
}
