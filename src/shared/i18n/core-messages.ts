import type { messages as english } from './en/messages';

/** The keys of the core's sentences (see en/messages.ts). */
export type MessageKey = keyof typeof english;
/** The named values a sentence takes (an empty object for one that takes none). */
export type MessageArgs<K extends MessageKey> = Parameters<(typeof english)[K]> extends [infer A] ? A : Record<string, never>;

/**
 * A sentence of the core as it crosses the API beside its English text: a stable key and the values
 * in it, so the interface can word it in its own language. A value may be a sentence of its own (the
 * reason a source is not read). The key is a plain string on the wire: a key the interface does not
 * know (an older or newer core) is shown as the English text.
 */
export interface MessageCode {
  key: string;
  args: { [name: string]: string | number | MessageCode };
}

/** The core's sentence in the language of `table` (a catalogue's `messages`), or `fallback` (its English text) for a key the table lacks. */
export function wordMessage(table: typeof english, code: MessageCode | null | undefined, fallback: string): string {
  return (code && worded(table, code)) ?? fallback;
}

function worded(table: typeof english, code: MessageCode): string | null {
  if (!Object.hasOwn(table, code.key)) return null;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(code.args)) {
    const inner = typeof value === 'object' ? worded(table, value) : value;
    if (inner === null) return null;
    values[name] = inner;
  }
  return (table[code.key as MessageKey] as (values: Record<string, string | number>) => string)(values);
}
