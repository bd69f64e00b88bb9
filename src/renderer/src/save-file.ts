import type { Catalogue } from '../../shared/i18n/catalogue';

/** How handing an exported file to the user went. */
export type SaveOutcome = { saved: true; path: string | null } | { saved: false; error: string | null };

/**
 * Hands an exported file to the user. In Electron the main process asks where to save it (a native
 * dialog) and writes it; in the browser it becomes a download (Blob and a link), which the browser
 * files in its own way, so no path is known.
 */
export async function saveFile(fileName: string, mediaType: string, bytes: Uint8Array<ArrayBuffer>): Promise<SaveOutcome> {
  const bridge = window.casefile?.saveFile;
  if (bridge) {
    const result = (await bridge(fileName, toBase64(bytes))) as { saved?: boolean; path?: string; error?: string } | null;
    return result?.saved ? { saved: true, path: result.path ?? null } : { saved: false, error: result?.error ?? null };
  }
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started by now, but the browser may still be reading the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { saved: true, path: null };
}

/** The sentence a dialog shows afterwards ("Saved dossier.pdf (40 KB)."), and whether it reports a failure. */
export function savedMessage(
  strings: Catalogue['dossier']['saved'],
  fileName: string,
  outcome: SaveOutcome,
  detail = '',
): { message: string; error: boolean } {
  if (outcome.saved) return { message: strings.saved(outcome.path ?? fileName, detail), error: false };
  return outcome.error ? { message: strings.failed(outcome.error), error: true } : { message: strings.notSaved, error: false };
}

/** The bytes of a file the API sent as base64 (an export). */
export function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** Base64 of a file's bytes, as the API takes them (a PDF to verify). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with a whole large file as arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
