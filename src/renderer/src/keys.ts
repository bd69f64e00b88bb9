import { useEffect, useEffectEvent } from 'react';

import { commandForKey, COMMANDS, keyLabel, worksWhileTyping, type CommandId, type KeyBinding } from '../../shared/commands';

export { letterOf } from '../../shared/commands';

/** Inputs that take no typed text: on them a letter is a shortcut, as anywhere else. */
const NOT_TYPED_IN = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color']);

/** Where a key press happened, as far as shortcuts care. */
export type KeyContext = 'free' | 'typing' | 'dialog' | 'ignored';

export function keyContext(event: KeyboardEvent): KeyContext {
  if (event.defaultPrevented || event.isComposing) return 'ignored';
  const target = event.target;
  if (!(target instanceof Element)) return 'free';
  if (target.closest('[role="dialog"]') !== null) return 'dialog';
  if (target instanceof HTMLInputElement) return NOT_TYPED_IN.has(target.type) ? 'free' : 'typing';
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return 'typing';
  if (target instanceof HTMLElement && target.isContentEditable) return 'typing';
  return 'free';
}

/**
 * Whether a shortcut may act on this key press: never while the user types in a field (there the
 * keys, and Ctrl+Z, belong to the text), nor inside a dialog or the highlight toolbar.
 */
export function shortcutAllowed(event: KeyboardEvent): boolean {
  return keyContext(event) === 'free';
}

/** Listens to key presses on the whole window while mounted; the handler always sees the latest state. */
export function useWindowKeyDown(handler: (event: KeyboardEvent) => void): void {
  const onKeyDown = useEffectEvent(handler);
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}

/** On a Mac the keys are shown as ⌘ ⇧ ⌥ (and ⌘ is what `mod` means there). */
const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** A command's key as this computer's keyboard labels it. */
export function shownKey(binding: KeyBinding): string {
  return keyLabel(binding, IS_MAC);
}

/** The key of a command, as shown: `commandKey('palette')` is `Ctrl+K` (`⌘K` on a Mac). */
export function commandKey(id: CommandId): string {
  const command = COMMANDS.find((c) => c.id === id);
  return command ? shownKey(command.keys) : '';
}

/**
 * Runs the command of each key press while `active`: anywhere but in a dialog, and in a text field
 * only the commands whose key cannot be typed (see `worksWhileTyping`).
 */
export function useCommandKeys(run: (id: CommandId) => void, active: boolean): void {
  useWindowKeyDown((event) => {
    const context = keyContext(event);
    const id = active && (context === 'free' || context === 'typing') ? commandForKey(event) : null;
    const command = COMMANDS.find((c) => c.id === id);
    if (!command || (context === 'typing' && !worksWhileTyping(command))) return;
    // Otherwise the letter would also be typed into the field that a command puts the focus in.
    event.preventDefault();
    run(command.id);
  });
}
