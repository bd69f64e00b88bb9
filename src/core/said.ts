import { messages as english } from '../shared/i18n/en/messages';
import type { MessageArgs, MessageCode, MessageKey } from '../shared/i18n/core-messages';

/** A sentence of the core: its English text (what the CLI prints) and its code (what an interface words in its language). */
export interface Said {
  text: string;
  code: MessageCode;
}

/** A sentence's values as the core gives them: a value that is text may be a sentence of its own. */
type Values<K extends MessageKey> = { [P in keyof MessageArgs<K>]: MessageArgs<K>[P] extends string ? string | Said : MessageArgs<K>[P] };

/**
 * The sentence `key` with its values, worded in English from the one table of the core's sentences
 * (src/shared/i18n/en/messages.ts), so the English an interface shows is the core's own.
 */
export function said<K extends MessageKey>(key: K, ...args: Record<string, never> extends Values<K> ? [values?: Values<K>] : [values: Values<K>]): Said {
  const given = (args[0] ?? {}) as Record<string, string | number | Said>;
  const text: Record<string, string | number> = {};
  const code: MessageCode['args'] = {};
  for (const [name, value] of Object.entries(given)) {
    text[name] = typeof value === 'object' ? value.text : value;
    code[name] = typeof value === 'object' ? value.code : value;
  }
  return { text: (english[key] as (values: Record<string, string | number>) => string)(text), code: { key, args: code } };
}

/** A text that may have come with its code (an ingest reason read from the catalog of an older version has none). */
export function saidOrText(text: string, code: MessageCode | undefined): Said | string {
  return code ? { text, code } : text;
}
