import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SIZE,
  loadWindowState,
  MINIMUM_SIZE,
  restoreBounds,
  saveWindowState,
  trackWindowState,
  type Rectangle,
  type TrackedWindow,
  type WindowState,
} from '../../src/main/window-state';
import { claimSingleInstance, type ForwardWindow, type InstanceApp } from '../../src/main/single-instance';

const LAPTOP: Rectangle = { x: 0, y: 0, width: 1920, height: 1050 };
const MONITOR_RIGHT: Rectangle = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('restoring the window', () => {
  it('opens at the default size, centred on the primary screen, the first time', () => {
    expect(restoreBounds(null, [LAPTOP])).toEqual({ x: 240, y: 75, ...DEFAULT_SIZE });
  });

  it('goes back where it was, on whichever screen that was', () => {
    const saved: WindowState = { x: 2100, y: 80, width: 1600, height: 1000, maximized: false };
    expect(restoreBounds(saved, [LAPTOP, MONITOR_RIGHT])).toEqual({ x: 2100, y: 80, width: 1600, height: 1000 });
  });

  it('comes back to the primary screen, keeping its size, when its screen is gone', () => {
    const saved: WindowState = { x: 2100, y: 80, width: 1600, height: 1000, maximized: false };
    expect(restoreBounds(saved, [LAPTOP])).toEqual({ x: 160, y: 25, width: 1600, height: 1000 });
  });

  it('is pulled inside the screen when it hung over an edge, and made no larger than the screen', () => {
    const saved: WindowState = { x: 1500, y: -30, width: 2400, height: 1300, maximized: false };
    expect(restoreBounds(saved, [LAPTOP])).toEqual({ x: 0, y: 0, width: 1920, height: 1050 });
    const hanging: WindowState = { x: 1400, y: 500, width: 1000, height: 700, maximized: false };
    expect(restoreBounds(hanging, [LAPTOP])).toEqual({ x: 920, y: 350, width: 1000, height: 700 });
  });

  it('never opens smaller than three panes need, unless the screen itself is smaller', () => {
    const tiny: WindowState = { x: 10, y: 10, width: 300, height: 200, maximized: false };
    expect(restoreBounds(tiny, [LAPTOP])).toMatchObject({ x: 10, y: 10, ...MINIMUM_SIZE });
    expect(restoreBounds(null, [{ x: 0, y: 0, width: 800, height: 500 }])).toEqual({ x: 0, y: 0, width: 800, height: 500 });
  });
});

describe('the saved window state', () => {
  let dir: string | null = null;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = null;
    vi.useRealTimers();
  });

  it('is written and read back; a missing or damaged file reads as none', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-window-'));
    const file = path.join(dir, 'window-state.json');
    expect(await loadWindowState(file)).toBeNull();
    const state: WindowState = { x: 12, y: 34, width: 1200, height: 800, maximized: true };
    await saveWindowState(file, state);
    expect(await loadWindowState(file)).toEqual(state);
    await writeFile(file, '{"x": 1, "y": ');
    expect(await loadWindowState(file)).toBeNull();
    await writeFile(file, JSON.stringify({ ...state, width: -5 }));
    expect(await loadWindowState(file)).toBeNull();
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ width: -5 });
  });

  it('is saved once after a drag settles and at once on close, with the normal bounds and whether it was maximised', () => {
    vi.useFakeTimers();
    const listeners = new Map<string, () => void>();
    let bounds: Rectangle = { x: 0, y: 0, width: 1000, height: 700 };
    let maximized = false;
    const window: TrackedWindow = {
      getNormalBounds: () => bounds,
      isMaximized: () => maximized,
      on: (event, listener) => listeners.set(event, listener),
    };
    const saved: WindowState[] = [];
    trackWindowState(window, async (state) => void saved.push(state), () => undefined);

    for (let x = 1; x <= 30; x++) {
      bounds = { ...bounds, x: x * 10.4 };
      listeners.get('move')!();
    }
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(600);
    expect(saved).toEqual([{ x: 312, y: 0, width: 1000, height: 700, maximized: false }]);

    maximized = true;
    listeners.get('maximize')!();
    listeners.get('close')!();
    expect(saved.at(-1)).toEqual({ x: 312, y: 0, width: 1000, height: 700, maximized: true });
    vi.advanceTimersByTime(600);
    expect(saved).toHaveLength(2);
  });
});

describe('a single instance', () => {
  function fakeApp(locked: boolean) {
    let secondInstance: (() => void) | null = null;
    const app: InstanceApp & { quitted: boolean } = {
      quitted: false,
      requestSingleInstanceLock: () => locked,
      quit() {
        this.quitted = true;
      },
      on: (_event, listener) => (secondInstance = listener),
    };
    return { app, startAgain: () => secondInstance?.() };
  }

  it('a second start quits at once', () => {
    const { app } = fakeApp(false);
    expect(claimSingleInstance(app, () => null)).toBe(false);
    expect(app.quitted).toBe(true);
  });

  it('the first brings its window forward, restored if minimised, when started again', () => {
    const { app, startAgain } = fakeApp(true);
    const calls: string[] = [];
    const window: ForwardWindow = {
      isMinimized: () => true,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    };
    expect(claimSingleInstance(app, () => window)).toBe(true);
    expect(app.quitted).toBe(false);
    startAgain();
    expect(calls).toEqual(['restore', 'show', 'focus']);
  });
});
