import type { HighlightColor } from '../../../core/api/types';
import type { AnnotationFilters } from '../annotations/filters';
import { useT } from '../i18n';
import { COLORS } from './ColorPicker';
import { Options } from './Options';
import type { TagCounts } from './TagInput';

/** Narrows the sidebar's list by tag, colour and words in the quote or note. */
export function AnnotationFilterBar({
  filters,
  onChange,
  knownTags,
}: {
  filters: AnnotationFilters;
  onChange(filters: AnnotationFilters): void;
  knownTags: TagCounts;
}) {
  const strings = useT().annotations;
  const t = strings.filters;
  // A tag chosen earlier stays choosable while its last annotation is gone (it may come back with Undo).
  const tags = filters.tag && !knownTags.some((t) => t.tag === filters.tag) ? [...knownTags, { tag: filters.tag, count: 0 }] : knownTags;
  return (
    <fieldset className="annotation-filters">
      <legend className="visually-hidden">{t.legend}</legend>
      <label>
        {t.tag}
        <select value={filters.tag} onChange={(e) => onChange({ ...filters, tag: e.target.value })}>
          <Options options={[['', t.anyTag], ...tags.map(({ tag, count }): [string, string] => [tag, `${tag} (${count})`])]} />
        </select>
      </label>
      <label>
        {t.colour}
        <select value={filters.color} onChange={(e) => onChange({ ...filters, color: e.target.value as HighlightColor | '' })}>
          <Options options={[['', t.anyColour], ...COLORS.map((color): [string, string] => [color, strings.colors[color]])]} />
        </select>
      </label>
      <label className="filter-text">
        {t.text}
        <input type="search" value={filters.text} maxLength={1_000} spellCheck={false} onChange={(e) => onChange({ ...filters, text: e.target.value })} />
      </label>
    </fieldset>
  );
}
