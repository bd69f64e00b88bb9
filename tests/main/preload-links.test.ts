import { describe, expect, it, vi } from 'vitest';
import type { CasefileBridge } from '../../src/shared/bridge';

/** Electron's renderer side as the preload sees it: what it exposes, and the IPC it listens to and invokes. */
const electron = vi.hoisted(() => {
  const listeners = new Map<string, (event: unknown, value: unknown) => void>();
  const invoked: Array<[string, unknown]> = [];
  const exposed: { bridge: unknown } = { bridge: null };
  return {
    listeners,
    invoked,
    exposed,
    contextBridge: { exposeInMainWorld: (_name: string, api: unknown) => void (exposed.bridge = api) },
    ipcRenderer: {
      on: (channel: string, listener: (event: unknown, value: unknown) => void) => void listeners.set(channel, listener),
      off: () => undefined,
      invoke: async (channel: string, value: unknown) => (invoked.push([channel, value]), null),
    },
  };
});
vi.mock('electron', () => electron);
await import('../../src/preload/index');
const bridge = electron.exposed.bridge as CasefileBridge;
const fromMain = (id: unknown) => electron.listeners.get('casefile-shell:openAnnotation')!({}, id);

const ID = '3f2b8c1e-5a4d-4e6f-9b7a-0c1d2e3f4a5b';
const LATER = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

describe('the preload’s annotation links', () => {
  it('keeps a link that came before the page listened, hands it over, then passes links on as they come', () => {
    fromMain(ID);
    const received: string[] = [];
    const stop = bridge.onOpenAnnotation((id) => received.push(id));
    expect(received).toEqual([ID]);
    fromMain(LATER);
    fromMain('../../not-an-id');
    fromMain({ id: ID });
    expect(received).toEqual([ID, LATER]);
    stop();
    fromMain(ID);
    expect(received).toEqual([ID, LATER]);
  });

  it('asks the main process to copy a link and to open an original, on their own channels', async () => {
    await bridge.copyAnnotationLink(ID);
    await bridge.openOriginal('folder/notes.txt');
    expect(electron.invoked).toEqual([
      ['casefile-shell:copyAnnotationLink', ID],
      ['casefile-shell:openOriginal', 'folder/notes.txt'],
    ]);
  });
});
