/**
 * Every command of the app, with its key. One list feeds the command palette, the shortcuts sheet,
 * the key handling in the page and Electron's application menu (src/main/menu.ts), so a command
 * and its key are written once; its title and explanation are in each language's catalogue
 * (src/shared/i18n/<language>/commands.ts). Plain TypeScript without DOM: the main process imports it too.
 */

/** A key press that runs a command. */
export interface KeyBinding {
  /**
   * A letter `a`–`z` (matched by its place on the keyboard too, so it works with a Cyrillic layout),
   * or one of the named keys: `/ ? + - [ ] Delete Escape F1 F6 ,`.
   */
  key: string;
  /** Ctrl on Windows and Linux, ⌘ on macOS. */
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

/** Where a command sits in the application menu and in the shortcuts sheet. */
export type CommandGroup = 'File' | 'Edit' | 'View' | 'Reader' | 'Annotate' | 'Help';

export const COMMAND_GROUPS: readonly CommandGroup[] = ['File', 'Edit', 'Annotate', 'Reader', 'View', 'Help'];

export interface CommandSpec<Id extends string = string> {
  id: Id;
  group: CommandGroup;
  keys: KeyBinding;
  /** A second key for the same command (Ctrl+Y for redo, as on Windows). */
  alternative?: KeyBinding;
}

const COMMAND_LIST = [
  { id: 'palette', group: 'Help', keys: { key: 'k', mod: true } },
  { id: 'shortcuts', group: 'Help', keys: { key: '?' } },
  { id: 'query-syntax', group: 'Help', keys: { key: 'F1' } },

  { id: 'open-archive', group: 'File', keys: { key: 'o', mod: true } },
  { id: 'add-files', group: 'File', keys: { key: 'o', mod: true, shift: true } },
  { id: 'ingest-report', group: 'File', keys: { key: 'i', mod: true } },
  { id: 'export-dossier', group: 'File', keys: { key: 'e', mod: true } },
  { id: 'export-all', group: 'File', keys: { key: 'p', mod: true, shift: true } },
  { id: 'annotation-files', group: 'File', keys: { key: 'e', mod: true, shift: true } },
  { id: 'open-original', group: 'File', keys: { key: 'o' } },
  { id: 'page-view', group: 'File', keys: { key: 'p' } },
  { id: 'preferences', group: 'File', keys: { key: ',', mod: true } },

  { id: 'undo', group: 'Edit', keys: { key: 'z', mod: true } },
  { id: 'redo', group: 'Edit', keys: { key: 'z', mod: true, shift: true }, alternative: { key: 'y', mod: true } },
  { id: 'focus-search', group: 'Edit', keys: { key: '/' } },
  { id: 'batch-search', group: 'Edit', keys: { key: 'b', shift: true } },

  { id: 'highlight', group: 'Annotate', keys: { key: 'h' } },
  { id: 'note', group: 'Annotate', keys: { key: 'n' } },
  { id: 'tags', group: 'Annotate', keys: { key: 't' } },
  { id: 'add-to-dossier', group: 'Annotate', keys: { key: 'd' } },
  { id: 'delete-annotation', group: 'Annotate', keys: { key: 'Delete' } },
  { id: 'copy-link', group: 'Annotate', keys: { key: 'l' } },

  { id: 'next-hit', group: 'Reader', keys: { key: 'j' } },
  { id: 'previous-hit', group: 'Reader', keys: { key: 'k' } },
  { id: 'text-larger', group: 'Reader', keys: { key: '+' } },
  { id: 'text-smaller', group: 'Reader', keys: { key: '-' } },
  { id: 'lines-wider', group: 'Reader', keys: { key: ']' } },
  { id: 'lines-narrower', group: 'Reader', keys: { key: '[' } },

  { id: 'reading-mode', group: 'View', keys: { key: 'r' } },
  { id: 'show-annotations', group: 'View', keys: { key: 'a' } },
  { id: 'show-dossier', group: 'View', keys: { key: 'd', shift: true } },
  { id: 'show-figures', group: 'View', keys: { key: 'f', shift: true } },
  { id: 'show-timeline', group: 'View', keys: { key: 't', shift: true } },
  { id: 'next-pane', group: 'View', keys: { key: 'F6' } },
  { id: 'previous-pane', group: 'View', keys: { key: 'F6', shift: true } },
  { id: 'theme', group: 'View', keys: { key: 'l', mod: true, shift: true } },
] as const satisfies ReadonlyArray<CommandSpec>;

export type CommandId = (typeof COMMAND_LIST)[number]['id'];
export const COMMANDS: ReadonlyArray<CommandSpec<CommandId>> = COMMAND_LIST;

/** Keys whose character already needs Shift on most layouts: Shift is not part of their match. */
const SHIFTED_CHARACTERS = new Set(['?', '+']);

/** The key as a person reads it: `Ctrl+Shift+O` (`⇧⌘O` on a Mac), `?`, `J`. */
export function keyLabel(binding: KeyBinding, mac: boolean): string {
  const key = binding.key.length === 1 ? binding.key.toUpperCase() : binding.key;
  if (mac) return `${binding.alt ? '⌥' : ''}${binding.shift ? '⇧' : ''}${binding.mod ? '⌘' : ''}${key === 'Delete' ? '⌫' : key}`;
  return [binding.mod && 'Ctrl', binding.alt && 'Alt', binding.shift && 'Shift', key].filter(Boolean).join('+');
}

/** The same key as an Electron accelerator (`CmdOrCtrl+Shift+O`), for the application menu. */
export function accelerator(binding: KeyBinding): string {
  const key = { '+': 'Plus', '?': '?' }[binding.key] ?? (binding.key.length === 1 ? binding.key.toUpperCase() : binding.key);
  const shift = binding.shift && !SHIFTED_CHARACTERS.has(binding.key);
  return [binding.mod && 'CmdOrCtrl', binding.alt && 'Alt', shift && 'Shift', key].filter(Boolean).join('+');
}

/** What a key press carries (a DOM KeyboardEvent has all of it). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * The letter a key press means, for shortcuts: the key as typed when it is a Latin letter, else the
 * letter at that place on a US keyboard (`KeyH` → 'h'), so H, N and Ctrl+Z also work with a Russian
 * or Kazakh layout active, as many of our users type.
 */
export function letterOf(press: KeyPress): string | null {
  if (/^[a-z]$/i.test(press.key)) return press.key.toLowerCase();
  const code = /^Key([A-Z])$/.exec(press.code);
  return code ? code[1].toLowerCase() : null;
}

/** Punctuation keys by what they type, or by their place when another layout types something else there. */
const NAMED_KEYS: Record<string, (press: KeyPress) => boolean> = {
  '/': (p) => p.key === '/' || (p.code === 'Slash' && !p.shiftKey && p.key !== '?'),
  '?': (p) => p.key === '?' || (p.code === 'Slash' && p.shiftKey),
  '+': (p) => p.key === '+' || p.key === '=' || p.code === 'Equal' || p.code === 'NumpadAdd',
  '-': (p) => p.key === '-' || p.code === 'Minus' || p.code === 'NumpadSubtract',
  '[': (p) => p.code === 'BracketLeft' || p.key === '[',
  ']': (p) => p.code === 'BracketRight' || p.key === ']',
  ',': (p) => p.code === 'Comma' || p.key === ',',
  Delete: (p) => p.key === 'Delete' || p.key === 'Backspace', // Backspace: the key Mac keyboards label "delete"
};

export function matchesBinding(press: KeyPress, binding: KeyBinding): boolean {
  if ((press.ctrlKey || press.metaKey) !== Boolean(binding.mod) || press.altKey !== Boolean(binding.alt)) return false;
  if (!SHIFTED_CHARACTERS.has(binding.key) && press.shiftKey !== Boolean(binding.shift)) return false;
  if (/^[a-z]$/.test(binding.key)) return letterOf(press) === binding.key;
  return (NAMED_KEYS[binding.key] ?? ((p: KeyPress) => p.key === binding.key))(press);
}

/**
 * Whether the command's key works while the cursor is in a text field: only keys with Ctrl/⌘ or a
 * function key, since plain letters are typed; and never Ctrl+Z, which undoes the typing there.
 */
export function worksWhileTyping(command: CommandSpec): boolean {
  return (Boolean(command.keys.mod) || /^F\d+$/.test(command.keys.key)) && command.id !== 'undo' && command.id !== 'redo';
}

/** The command a key press runs, if any. */
export function commandForKey(press: KeyPress): CommandId | null {
  const bound = (command: CommandSpec) => matchesBinding(press, command.keys) || (command.alternative !== undefined && matchesBinding(press, command.alternative));
  return COMMANDS.find(bound)?.id ?? null;
}
