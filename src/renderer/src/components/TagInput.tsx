import { useId, type KeyboardEventHandler, type Ref } from 'react';
import type { ResultOf } from '../../../core/api/types';

export type TagCounts = ResultOf<'listTags'>;

export function parseTags(input: string): string[] {
  return input
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/**
 * Tags as one text field, separated by commas, suggesting the tags already in use. A <datalist>
 * completes the whole value, so each suggestion is the text typed so far up to the last comma
 * followed by a tag not yet given: "timeline, A" offers "timeline, AP" and "timeline, Almaty".
 */
export function TagInput({
  value,
  onChange,
  known,
  label,
  placeholder,
  inputRef,
  onKeyDown,
}: {
  value: string;
  onChange(value: string): void;
  known: TagCounts;
  label: string;
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement>;
  onKeyDown?: KeyboardEventHandler<HTMLInputElement>;
}) {
  const listId = useId();
  const comma = value.lastIndexOf(',');
  const head = comma === -1 ? '' : `${value.slice(0, comma + 1).trimEnd()} `;
  const given = new Set(parseTags(head));
  const suggestions = known.filter(({ tag }) => !given.has(tag));
  return (
    <>
      <input
        ref={inputRef}
        aria-label={label}
        placeholder={placeholder}
        value={value}
        list={listId}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <datalist id={listId}>
        {suggestions.map(({ tag, count }) => (
          <option key={tag} value={`${head}${tag}`} label={`${tag} (${count})`} />
        ))}
      </datalist>
    </>
  );
}
