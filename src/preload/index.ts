import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResult } from '../core/api';
import type { CasefileBridge } from '../shared/bridge';

// The renderer gets one function and nothing else of Electron. Method names are checked here and
// again in the main process, which parses every payload with the API's schemas.
const METHOD_NAME = /^[a-zA-Z]{1,64}$/;
const COMMAND_ID = /^[a-z-]{1,64}$/;
const ANNOTATION_ID = /^[0-9a-f-]{36}$/;

// A link may come (casefile://annotation/…) before the page listens: the first is kept until it does.
let linkListener: ((id: string) => void) | null = null;
let waitingLink: string | null = null;
ipcRenderer.on('casefile-shell:openAnnotation', (_event, id: unknown) => {
  if (typeof id !== 'string' || !ANNOTATION_ID.test(id)) return;
  if (linkListener) linkListener(id);
  else waitingLink = id;
});

const bridge = {
  invoke(method: string, args: unknown): Promise<ApiResult<unknown>> {
    if (typeof method !== 'string' || !METHOD_NAME.test(method)) {
      return Promise.resolve({ ok: false, error: { code: 'invalid-argument', message: 'invalid method name' } });
    }
    // The main process answers with the API's result shape (src/main/ipc.ts).
    return ipcRenderer.invoke(`casefile:${method}`, args) as Promise<ApiResult<unknown>>;
  },
  /** Electron only: asks for a folder to open as an archive (a native dialog); null if cancelled. */
  chooseFolder(): Promise<unknown> {
    return ipcRenderer.invoke('casefile-shell:chooseFolder');
  },
  /** Electron only: asks where to save an export (a save dialog), then writes it there. */
  saveFile(fileName: string, base64: string): Promise<unknown> {
    return ipcRenderer.invoke('casefile-shell:saveFile', { fileName, base64 });
  },
  /** Electron only: the application menu's commands, by id (checked again by the renderer against its list). */
  onCommand(listener: (id: string) => void): () => void {
    const relay = (_event: unknown, id: unknown) => {
      if (typeof id === 'string' && COMMAND_ID.test(id)) listener(id);
    };
    ipcRenderer.on('casefile-shell:command', relay);
    return () => ipcRenderer.off('casefile-shell:command', relay);
  },
  /** Electron only: puts the link to an annotation on the clipboard; the link, or null if refused. */
  copyAnnotationLink(id: string): Promise<unknown> {
    return ipcRenderer.invoke('casefile-shell:copyAnnotationLink', id);
  },
  /** Electron only: opens a document's original file in the system's viewer. */
  openOriginal(id: string): Promise<unknown> {
    return ipcRenderer.invoke('casefile-shell:openOriginal', id);
  },
  /** Electron only: a PDF original's bytes, for the page view's pages. */
  readOriginal(id: string): Promise<unknown> {
    return ipcRenderer.invoke('casefile-shell:readOriginal', id);
  },
  /** Electron only: the annotations that casefile:// links ask to open, one that came early first. */
  onOpenAnnotation(listener: (id: string) => void): () => void {
    linkListener = listener;
    if (waitingLink !== null) listener(waitingLink);
    waitingLink = null;
    return () => {
      if (linkListener === listener) linkListener = null;
    };
  },
} satisfies CasefileBridge;

contextBridge.exposeInMainWorld('casefile', bridge);
