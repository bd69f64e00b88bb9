import type { SortOrder } from '../../../core/api/types';
import type { SearchSettings } from '../search/settings';
import { Options } from './Options';

/** A label for every order the API sorts by (a Record, so an order added in the core without one does not compile), in menu order. */
const SORT_LABELS: Record<SortOrder, string> = { relevance: 'Relevance', newest: 'Newest first', oldest: 'Oldest first' };
const SORT_OPTIONS = Object.entries(SORT_LABELS) as Array<[SortOrder, string]>;

interface Props {
  settings: SearchSettings;
  onChange(changes: Partial<SearchSettings>): void;
}

/** The options beside the query: name variants, order, and filters by source and date. */
export function SearchOptions({ settings, onChange }: Props) {
  const source = settings.source.trim();
  const active = [
    source && `source “${source}”`,
    settings.from && `from ${settings.from}`,
    settings.to && `to ${settings.to}`,
  ].filter((text): text is string => Boolean(text));
  return (
    <div className="search-options">
      <div className="option-row">
        <label className="variants-toggle">
          <input type="checkbox" checked={settings.variants} onChange={(e) => onChange({ variants: e.target.checked })} aria-describedby="variants-help" />
          Name variants
        </label>
        <label className="sort-select">
          Sort
          <select value={settings.sort} onChange={(e) => onChange({ sort: e.target.value as SortOrder })}>
            <Options options={SORT_OPTIONS} />
          </select>
        </label>
      </div>
      <p id="variants-help" className="option-help">
        Also finds other spellings of a name, like Tokayev / Tokajev / Токаев, and near spellings of long words.
      </p>
      {/* Folded away to keep the results high in the pane; the summary says when a filter is on. */}
      <details className="fold filters-box">
        <summary>
          Filter by source or date{active.length > 0 && <span className="filters-active"> · {active.join(', ')}</span>}
        </summary>
        <fieldset className="filters">
          <legend className="visually-hidden">Filters</legend>
          <label className="filter-source">
            Source
            <input
              type="search"
              value={settings.source}
              maxLength={300}
              placeholder="byline or folder"
              spellCheck={false}
              onChange={(e) => onChange({ source: e.target.value })}
            />
          </label>
          <label>
            From
            <input type="date" value={settings.from} max={settings.to || undefined} onChange={(e) => onChange({ from: e.target.value })} />
          </label>
          <label>
            To
            <input type="date" value={settings.to} min={settings.from || undefined} onChange={(e) => onChange({ to: e.target.value })} />
          </label>
        </fieldset>
      </details>
    </div>
  );
}
