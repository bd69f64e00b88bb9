import type { ApiResult } from '../core/api';

/**
 * What Electron's preload exposes to the renderer as `window.casefile`: the one typed API as a
 * single `invoke`, and the few things only a desktop shell can do. The preload's object is checked
 * against this type (`satisfies`), and the renderer sees it through this type, so the two cannot
 * drift apart.
 */
export interface CasefileBridge {
  invoke(method: string, args: unknown): Promise<ApiResult<unknown>>;
  /** Asks where to save (a native dialog) and writes the file there; the renderer never names a path. */
  saveFile(fileName: string, base64: string): Promise<unknown>;
  /** A native folder dialog; the chosen path, or null if cancelled. */
  chooseFolder(): Promise<unknown>;
  /** Calls `listener` with the id of each command chosen in the application menu; returns how to stop listening. */
  onCommand(listener: (id: string) => void): () => void;
  /** Puts `casefile://annotation/<id>` on the clipboard (the page itself may not write it); the link, or null if refused. */
  copyAnnotationLink(id: string): Promise<unknown>;
  /** Opens a document's original file in the system's viewer: `{ opened: true }`, or `{ opened: false, error }`. */
  openOriginal(id: string): Promise<unknown>;
  /** A PDF original's bytes, for drawing its pages in the page view: `{ bytes, mediaType }`, or `{ error }`. */
  readOriginal(id: string): Promise<unknown>;
  /** Calls `listener` with each annotation a `casefile://` link asks to open (one received before listening, too). */
  onOpenAnnotation(listener: (id: string) => void): () => void;
}
