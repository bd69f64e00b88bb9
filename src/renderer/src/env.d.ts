import type { ApiResult } from '../../core/api';

declare global {
  interface Window {
    /** Present only in Electron: the preload's bridge to the main process. */
    casefile?: {
      invoke(method: string, args: unknown): Promise<ApiResult<unknown>>;
    };
  }
}
