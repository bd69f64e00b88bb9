import { useEffect, useState } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

/** How the workstation is laid out, remembered between sessions on this computer. */
export interface Layout {
  /** Width of the results pane, in CSS pixels. */
  resultsWidth: number;
  /**
   * Width of the right-hand pane, one for both of its tabs: switching between the annotations and
   * the dossier must not move the reader's text.
   */
  sideWidth: number;
  /** Only the reader is shown. */
  reading: boolean;
  /** The reader's text size, in pixels. */
  textSize: number;
  /** The reader's line length, in `ch` (characters of the text font). */
  lineWidth: number;
  theme: ThemeChoice;
}

export const DEFAULT_LAYOUT: Layout = {
  resultsWidth: 360,
  sideWidth: 440,
  reading: false,
  textSize: 17,
  lineWidth: 66,
  theme: 'system',
};

/** What each number may be: outside these a pane is unusable or the text unreadable. */
export const LIMITS = {
  resultsWidth: { min: 240, max: 720 },
  sideWidth: { min: 300, max: 900 },
  textSize: { min: 13, max: 28 },
  lineWidth: { min: 40, max: 110 },
} as const satisfies Record<string, { min: number; max: number }>;

export type SizeName = keyof typeof LIMITS;

/** Steps of the reader's keys and buttons. */
export const TEXT_SIZE_STEP = 1;
export const LINE_WIDTH_STEP = 6;

const STORAGE_KEY = 'casefile.layout.v1';
const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

export function clampSize(name: SizeName, value: number): number {
  const { min, max } = LIMITS[name];
  return Math.round(Math.min(max, Math.max(min, value)));
}

/**
 * The layout stored earlier, each field checked: anything missing, of the wrong type or out of range
 * (a hand-edited or older entry) falls back to its default, never breaking the window.
 */
export function parseLayout(stored: string | null): Layout {
  let raw: unknown;
  try {
    raw = stored === null ? null : JSON.parse(stored);
  } catch {
    raw = null;
  }
  const given = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const layout: Layout = { ...DEFAULT_LAYOUT };
  // Before one width served both tabs, the annotations' was the one set by hand most often.
  const sizes: Record<string, unknown> = { sideWidth: given.annotationsWidth, ...given };
  for (const name of Object.keys(LIMITS) as SizeName[]) {
    const value = sizes[name];
    if (typeof value === 'number' && Number.isFinite(value)) layout[name] = clampSize(name, value);
  }
  if (typeof given.reading === 'boolean') layout.reading = given.reading;
  if (THEMES.includes(given.theme as ThemeChoice)) layout.theme = given.theme as ThemeChoice;
  return layout;
}

/** A change to the layout: the fields to set, or a function of the current layout giving them. */
export type LayoutChange = Partial<Layout> | ((layout: Layout) => Partial<Layout>);

/** The theme after `choice`: system → light → dark → system. */
export function nextTheme(choice: ThemeChoice): ThemeChoice {
  return THEMES[(THEMES.indexOf(choice) + 1) % THEMES.length];
}

function readStored(): Layout {
  try {
    return parseLayout(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return DEFAULT_LAYOUT; // storage refused (a locked-down profile): the defaults, not remembered
  }
}

/**
 * The layout, kept in the page's local storage: per user and computer, like a window's size, and
 * not in the archive's data (it is not research data and would differ between machines).
 */
export function useLayout(): [Layout, (change: LayoutChange) => void] {
  const [layout, setLayout] = useState<Layout>(readStored);
  useEffect(() => {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(layout));
    } catch {
      // Not remembered; the layout still applies to this session.
    }
  }, [layout]);
  const change = (update: LayoutChange) =>
    setLayout((current) => ({ ...current, ...(typeof update === 'function' ? update(current) : update) }));
  return [layout, change];
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The theme shown: the one chosen, or the system's (followed as it changes) for `system`. */
export function useTheme(choice: ThemeChoice): Theme {
  const [systemDark, setSystemDark] = useState(() => window.matchMedia?.(DARK_QUERY).matches ?? false);
  useEffect(() => {
    const query = window.matchMedia?.(DARK_QUERY);
    if (!query) return;
    const follow = () => setSystemDark(query.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  const theme: Theme = choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return theme;
}
