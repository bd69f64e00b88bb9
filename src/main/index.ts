import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, screen, session, shell, type WebContents } from 'electron';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { bundledArchiveDir, defaultDataDir } from '../core/locations';
import { ArchiveSession } from '../core/session';
import type { CommandId } from '../shared/commands';
import { catalogueFor } from '../shared/i18n/catalogue';
import { resolveLanguage, type Language } from '../shared/i18n/language';
import { CONTENT_SECURITY_POLICY } from '../shell/csp';
import { servedFile } from '../shell/ui-files';
import { handleAnnotationLinks, registerLinkCopying, type LinkWindow } from './annotation-links';
import { API_CHANNEL_PREFIX, isTrustedSender, registerApiHandlers, type IpcRegistrar, type SenderEvent } from './ipc';
import { buildMenuTemplate } from './menu';
import { registerOriginalOpening, registerOriginalReading } from './original-file';
import { claimSingleInstance } from './single-instance';
import { guardNavigation, lockDownSession } from './window-security';
import { loadWindowState, MINIMUM_SIZE, restoreBounds, saveWindowState, trackWindowState } from './window-state';

const APP_SCHEME = 'casefile';
const APP_ORIGIN = `${APP_SCHEME}://app`;
const rendererDir = path.join(import.meta.dirname, '../renderer');
/** The dev server (electron-vite dev) in development; nothing else, ever, is loaded or called. */
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const devOrigins = devUrl ? [new URL(devUrl).origin] : [];
const appOrigins = [APP_ORIGIN, ...devOrigins];

// Every renderer of this app is sandboxed, whatever a window's own settings say.
app.enableSandbox();

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function options(): { archive: string; data: string } {
  const { values } = parseArgs({
    args: process.argv.slice(app.isPackaged ? 1 : 2),
    options: { archive: { type: 'string' }, data: { type: 'string' } },
    strict: false,
  });
  return {
    archive: typeof values.archive === 'string' ? values.archive : bundledArchiveDir(),
    data: typeof values.data === 'string' ? values.data : defaultDataDir(),
  };
}

/** Serves the built renderer from the app bundle only, with the same CSP as the web shell. */
function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const { pathname } = new URL(request.url);
    const file = await servedFile(rendererDir, pathname);
    if (file === null) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
}

function registerApi(session: ArchiveSession, window: BrowserWindow, preferencesSet: () => void): void {
  // Only the app's own page, in our window's top frame, may call the API or the shell's dialogs.
  const trusted = (event: SenderEvent) => isTrustedSender(event, window, appOrigins);
  const handlers: IpcRegistrar = {
    handle: (channel, listener) =>
      ipcMain.handle(channel, async (event, args) => {
        const result = await listener(event, args);
        if (channel === `${API_CHANNEL_PREFIX}setPreferences` && result.ok) preferencesSet();
        return result;
      }),
  };
  registerApiHandlers(handlers, trusted, session);
  registerLinkCopying(ipcMain, trusted);
  registerOriginalOpening(ipcMain, trusted, () => session.current, (fileName) => confirmWebOriginal(window, fileName));
  registerOriginalReading(ipcMain, trusted, () => session.current);
  ipcMain.handle('casefile-shell:chooseFolder', async (event) => {
    if (!trusted(event)) return null;
    const choice = await dialog.showOpenDialog(window, { properties: ['openDirectory'], title: said().chooseFolder });
    return choice.canceled ? null : (choice.filePaths[0] ?? null);
  });
  // Exports are saved where the user chooses in a native dialog; the renderer never names a path.
  const SaveRequest = z.object({ fileName: z.string().min(1).max(255), base64: z.string().max(300_000_000) }).strict();
  ipcMain.handle('casefile-shell:saveFile', async (event, args: unknown) => {
    if (!trusted(event)) return { saved: false };
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

/** Asks before a saved web page opens in the system's browser, which may fetch what the page links to. */
async function confirmWebOriginal(window: BrowserWindow, fileName: string): Promise<boolean> {
  const { response } = await dialog.showMessageBox(window, {
    type: 'question',
    buttons: [said().cancel, said().open],
    defaultId: 0,
    cancelId: 0,
    message: said().openWebOriginal(fileName),
    detail: said().webOriginalDetail,
  });
  return response === 1;
}

/** The interface's language (from the preferences), for the menu and the app's own dialogs. */
let shownLanguage: Language = 'en';
const said = () => catalogueFor(shownLanguage).app.shell;

/** The one window, once it exists (a second start of the app brings it forward). */
let mainWindow: BrowserWindow | null = null;
/** `casefile://annotation/…` links, from the start's arguments, a second start, or the system. */
let annotationLinks: { attach(window: LinkWindow): void } | null = null;

async function createWindow(): Promise<void> {
  const { archive, data } = options();
  const session = await ArchiveSession.open({ archiveDir: archive, dataDir: data, watch: true });
  app.once('before-quit', () => void session.close());
  // Where the window was last time, if that place is still on a screen.
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const saved = await loadWindowState(stateFile);
  const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((display) => display.workArea);
  const window = new BrowserWindow({
    ...restoreBounds(saved, workAreas),
    minWidth: MINIMUM_SIZE.width,
    minHeight: MINIMUM_SIZE.height,
    title: 'Casefile',
    show: false,
    // Electron's security checklist, written out here so that electronegativity can read it: the page
    // runs sandboxed, isolated from the preload, without Node, with the same-origin policy, and with
    // nothing that reaches the network or runs code from elsewhere (webviews, insecure content,
    // middle-click windows, the spellchecker's dictionary downloads, navigation by dropping a file).
    webPreferences: {
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  mainWindow = window;
  if (saved?.maximized) window.maximize();
  trackWindowState(window, (state) => saveWindowState(stateFile, state), (error) => console.error('the window position could not be saved:', error));
  // The menu speaks the interface's language; built again when the page changes it in the preferences.
  const showMenu = () => {
    const language = resolveLanguage(session.current.preferences.get().language, app.getPreferredSystemLanguages());
    shownLanguage = language;
    const send = (id: CommandId) => window.webContents.send('casefile-shell:command', id);
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ mac: process.platform === 'darwin', appName: app.name, language, send })));
  };
  registerApi(session, window, showMenu);
  showMenu();
  window.on('ready-to-show', () => window.show());
  app.on('before-quit', () => void session.current.flush());
  await window.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);
  // Links go to the page once it has loaded; one that came before waits until then.
  annotationLinks?.attach(window);
}

/** Asks before an http(s) link leaves for the system browser: opening it tells that site someone is reading. */
async function confirmExternal(contents: WebContents, url: string): Promise<boolean> {
  const owner = BrowserWindow.fromWebContents(contents);
  const options = {
    type: 'question' as const,
    buttons: [said().cancel, said().openInBrowser],
    defaultId: 0,
    cancelId: 0,
    message: said().openAddress,
    detail: said().addressDetail(url),
  };
  const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
  return response === 1;
}

// Every page this app ever creates is held in the app (no navigation, no new windows, no webviews).
app.on('web-contents-created', (_event, contents) => {
  guardNavigation(contents, { confirm: (url) => confirmExternal(contents, url), open: (url) => shell.openExternal(url) });
});

if (claimSingleInstance(app, () => mainWindow)) {
  annotationLinks = handleAnnotationLinks();
  app.whenReady().then(
    async () => {
      lockDownSession(session.defaultSession, devOrigins);
      serveRenderer();
      await createWindow();
    },
    (error: unknown) => {
      console.error('Casefile could not start:', error);
      app.exit(1);
    },
  );
}

app.on('window-all-closed', () => app.quit());
