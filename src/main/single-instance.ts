/** The part of Electron's `app` the single-instance rule uses. */
export interface InstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

/** The part of a BrowserWindow that is brought forward. */
export interface ForwardWindow {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/**
 * One Casefile at a time: two would share the data folder and write the same annotation and
 * dossier files. A second start quits at once (false: do not go on starting); the first one then
 * brings its window forward, restored if it was minimised.
 */
export function claimSingleInstance(app: InstanceApp, currentWindow: () => ForwardWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = currentWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
