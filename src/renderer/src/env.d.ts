import type { CasefileBridge } from '../../shared/bridge';

declare global {
  interface Window {
    /** Present only in Electron: the preload's bridge to the main process (src/preload/index.ts). */
    casefile?: CasefileBridge;
  }
}
