import type { SortOrder } from '../../../core/api/types';
import { markTags, type SearchSettings } from '../search/settings';
import { useT } from '../i18n';
import { Options } from './Options';

/** Every order the API sorts by, in menu order (a Record, so an order added in the core without a label does not compile). */
const sortOptions = (labels: Record<SortOrder, string>) => Object.entries(labels) as Array<[SortOrder, string]>;

interface Props {
  settings: SearchSettings;
  onChange(changes: Partial<SearchSettings>): void;
}

/** The options beside the query: name variants, order, and filters by source and date. */
export function SearchOptions({ settings, onChange }: Props) {
  const t = useT().search.options;
  const marksT = useT().marks;
  const tags = markTags(settings);
  const source = settings.source.trim();
  const active = [
    source && t.activeSource(source),
    settings.from && t.activeFrom(settings.from),
    settings.to && t.activeTo(settings.to),
    settings.starred && marksT.activeStarred,
    tags.length > 0 && marksT.activeTags(tags.join(', ')),
  ].filter((text): text is string => Boolean(text));
  return (
    <div className="search-options">
      <div className="option-row">
        <label className="variants-toggle">
          <input type="checkbox" checked={settings.variants} onChange={(e) => onChange({ variants: e.target.checked })} aria-describedby="variants-help" />
          {t.variants}
        </label>
        <label className="sort-select">
          {t.sort}
          <select value={settings.sort} onChange={(e) => onChange({ sort: e.target.value as SortOrder })}>
            <Options options={sortOptions(t.sortOrders)} />
          </select>
        </label>
      </div>
      <p id="variants-help" className="option-help">
        {t.variantsHelp}
      </p>
      {/* Folded away to keep the results high in the pane; the summary says when a filter is on. */}
      <details className="fold filters-box">
        <summary>
          {t.filterSummary}
          {active.length > 0 && <span className="filters-active"> · {active.join(', ')}</span>}
        </summary>
        <fieldset className="filters">
          <legend className="visually-hidden">{t.filters}</legend>
          <label className="filter-source">
            {t.source}
            <input
              type="search"
              value={settings.source}
              maxLength={300}
              placeholder={t.sourcePlaceholder}
              spellCheck={false}
              onChange={(e) => onChange({ source: e.target.value })}
            />
          </label>
          <label>
            {t.from}
            <input type="date" value={settings.from} max={settings.to || undefined} onChange={(e) => onChange({ from: e.target.value })} />
          </label>
          <label>
            {t.to}
            <input type="date" value={settings.to} min={settings.from || undefined} onChange={(e) => onChange({ to: e.target.value })} />
          </label>
          <label className="filter-starred">
            <input type="checkbox" checked={settings.starred ?? false} onChange={(e) => onChange({ starred: e.target.checked })} />
            {marksT.filterStarred}
          </label>
          <label className="filter-tags">
            {marksT.filterTags}
            <input type="search" value={settings.documentTags ?? ''} maxLength={1000} spellCheck={false} placeholder={marksT.tagsPlaceholder} onChange={(e) => onChange({ documentTags: e.target.value })} />
          </label>
        </fieldset>
      </details>
    </div>
  );
}
