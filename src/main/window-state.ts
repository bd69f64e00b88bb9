import { readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the window was when it last closed: its normal (not maximised) bounds, and whether it was maximised. */
export const WindowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

/** The window's size the first time, and the smallest that still shows three panes. */
export const DEFAULT_SIZE = { width: 1440, height: 900 };
export const MINIMUM_SIZE = { width: 900, height: 560 };
/** How much of the window must lie on a screen to put it back where it was (the title bar, to drag it). */
const VISIBLE = { width: 200, height: 60 };

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The bounds to open the window with. The saved bounds if enough of them is still on one of the
 * screens (`workAreas`, the primary first), no larger than that screen; otherwise — no saved state,
 * or a screen since unplugged — the saved (or default) size, fitted to the primary screen and centred.
 */
export function restoreBounds(saved: WindowState | null, workAreas: readonly Rectangle[]): Rectangle {
  const [primary] = workAreas;
  const fit = (size: { width: number; height: number }, area: Rectangle) => ({
    width: Math.max(Math.min(size.width, area.width), Math.min(MINIMUM_SIZE.width, area.width)),
    height: Math.max(Math.min(size.height, area.height), Math.min(MINIMUM_SIZE.height, area.height)),
  });
  if (saved) {
    const area = workAreas.find((a) => {
      const { width, height } = overlap(saved, a);
      return width >= VISIBLE.width && height >= VISIBLE.height;
    });
    if (area) {
      const size = fit(saved, area);
      // Pulled back inside the screen if it hung over its edge.
      const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - size.width);
      const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - size.height);
      return { x, y, ...size };
    }
  }
  const size = fit(saved ?? DEFAULT_SIZE, primary);
  return {
    x: primary.x + Math.round((primary.width - size.width) / 2),
    y: primary.y + Math.round((primary.height - size.height) / 2),
    ...size,
  };
}

/** The saved state, or null when there is none or it cannot be read (the window then opens at its default place). */
export async function loadWindowState(file: string): Promise<WindowState | null> {
  try {
    const parsed = WindowState.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written atomically (temporary file and rename): a crash leaves the old state or the new one, never half of one. */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(WindowState.parse(state))}\n`);
}

/** The part of a BrowserWindow the tracker uses (so that tests can hand in a stand-in). */
export interface TrackedWindow {
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
}

const SAVE_DELAY_MS = 500;

/**
 * Saves the window's state a moment after it is moved or resized (not at every pixel of a drag),
 * and at once when it closes. Failures to save are reported, never thrown: a lost position is no
 * reason to stop the app.
 */
export function trackWindowState(window: TrackedWindow, save: (state: WindowState) => Promise<void>, report: (error: unknown) => void): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const saveNow = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const { x, y, width, height } = window.getNormalBounds();
    save({ x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height), maximized: window.isMaximized() }).catch(report);
  };
  const saveSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(saveNow, SAVE_DELAY_MS);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, saveSoon);
  window.on('close', saveNow);
}
