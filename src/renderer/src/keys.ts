import { useEffect, useEffectEvent } from 'react';

/**
 * The letter a key press means, for shortcuts: the key as typed when it is a Latin letter, else the
 * letter at that place on a US keyboard (`KeyH` → 'h'), so H, N and Ctrl+Z also work with a Russian
 * or Kazakh layout active, as many of our users type.
 */
export function letterOf(event: KeyboardEvent): string | null {
  if (/^[a-z]$/i.test(event.key)) return event.key.toLowerCase();
  const code = /^Key([A-Z])$/.exec(event.code);
  return code ? code[1].toLowerCase() : null;
}

/**
 * Whether a shortcut may act on this key press: never while the user types in a field (there the
 * keys, and Ctrl+Z, belong to the text), nor inside a dialog or the highlight toolbar.
 */
export function shortcutAllowed(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.isComposing) return false;
  const target = event.target;
  if (!(target instanceof Element)) return true;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return false;
  return target.closest('[role="dialog"]') === null;
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
