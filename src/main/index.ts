import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, shell } from 'electron';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { apiMethods, invokeApi } from '../core/api';
import { defaultDataDir } from '../core/locations';
import { ArchiveSession } from '../core/session';
import { CONTENT_SECURITY_POLICY } from '../web/csp';
import { uiFilePath } from '../web/ui-files';

const APP_SCHEME = 'casefile';
const APP_ORIGIN = `${APP_SCHEME}://app`;
const rendererDir = path.join(import.meta.dirname, '../renderer');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function options(): { archive: string; data: string } {
  const { values } = parseArgs({
    args: process.argv.slice(app.isPackaged ? 1 : 2),
    options: { archive: { type: 'string' }, data: { type: 'string' } },
    strict: false,
  });
  return {
    archive: typeof values.archive === 'string' ? values.archive : path.join(app.getAppPath(), 'archive'),
    data: typeof values.data === 'string' ? values.data : defaultDataDir(),
  };
}

/** Serves the built renderer from the app bundle only, with the same CSP as the web shell. */
function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const { pathname } = new URL(request.url);
    const file = uiFilePath(rendererDir, pathname);
    if (file === null) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
}

function registerApi(session: ArchiveSession, window: BrowserWindow): void {
  for (const method of Object.keys(apiMethods)) {
    ipcMain.handle(`${APP_SCHEME}:${method}`, async function handleApiCall(event, args: unknown) {
      // Only our own window's top frame may call the API.
      if (event.sender !== window.webContents || event.senderFrame !== window.webContents.mainFrame) {
        return { ok: false, error: { code: 'invalid-argument', message: `${method}: refused, unknown sender` } };
      }
      return invokeApi(session.current, method, args, session);
    });
  }
  ipcMain.handle('casefile-shell:chooseFolder', async (event) => {
    if (event.sender !== window.webContents || event.senderFrame !== window.webContents.mainFrame) return null;
    const choice = await dialog.showOpenDialog(window, { properties: ['openDirectory'], title: 'Open a folder as an archive' });
    return choice.canceled ? null : (choice.filePaths[0] ?? null);
  });
  // Exports are saved where the user chooses in a native dialog; the renderer never names a path.
  const SaveRequest = z.object({ fileName: z.string().min(1).max(255), base64: z.string().max(300_000_000) }).strict();
  ipcMain.handle('casefile-shell:saveFile', async (event, args: unknown) => {
    if (event.sender !== window.webContents || event.senderFrame !== window.webContents.mainFrame) return { saved: false };
    const request = SaveRequest.safeParse(args);
    if (!request.success) return { saved: false, error: 'invalid save request' };
    const choice = await dialog.showSaveDialog(window, {
      defaultPath: path.join(app.getPath('downloads'), path.basename(request.data.fileName)),
    });
    if (choice.canceled || !choice.filePath) return { saved: false };
    await writeFile(choice.filePath, Buffer.from(request.data.base64, 'base64'));
    return { saved: true, path: choice.filePath };
  });
}

async function createWindow(): Promise<void> {
  const { archive, data } = options();
  const session = await ArchiveSession.open({ archiveDir: archive, dataDir: data, watch: true });
  app.once('before-quit', () => void session.close());
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'Casefile',
    show: false,
    webPreferences: {
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  registerApi(session, window);
  window.on('ready-to-show', () => window.show());
  // Content never navigates the window or opens new ones; links open in the system browser.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  app.on('before-quit', () => void session.current.flush());
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  await window.loadURL(!app.isPackaged && devUrl ? devUrl : `${APP_ORIGIN}/index.html`);
}

app.whenReady().then(
  async () => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    serveRenderer();
    await createWindow();
  },
  (error: unknown) => {
    console.error('Casefile could not start:', error);
    app.exit(1);
  },
);

app.on('window-all-closed', () => app.quit());
