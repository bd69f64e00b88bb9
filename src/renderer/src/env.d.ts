import type { ApiResult } from '../../core/api';

declare global {
  interface Window {
    /** Present only in Electron: the preload's bridge to the main process. */
    casefile?: {
      invoke(method: string, args: unknown): Promise<ApiResult<unknown>>;
      /** Asks where to save (a native dialog) and writes the file there; the renderer never names a path. */
      saveFile?(fileName: string, base64: string): Promise<unknown>;
      /** A native folder dialog; the chosen path, or null if cancelled. */
      chooseFolder?(): Promise<unknown>;
      /** Calls `listener` with the id of each command chosen in the application menu; returns how to stop listening. */
      onCommand?(listener: (id: string) => void): () => void;
    };
  }
}
