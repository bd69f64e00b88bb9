import type { ArgsOf, SortOrder } from '../../../core/api/types';
import { parseTags } from '../components/TagInput';

/** What the search pane asks for: the query and the options beside it, as the inputs hold them. */
export interface SearchSettings {
  query: string;
  /** Name variants and near spellings of long words (the core's default is on). */
  variants: boolean;
  sort: SortOrder;
  /** Byline or folder text; '' for any source. */
  source: string;
  /** Days as date inputs give them: YYYY-MM-DD, or '' for no bound. */
  from: string;
  to: string;
  /** With a date range: keep the undated documents it would leave out. */
  includeUndated?: boolean;
  /** Only the documents that mention this entity (its name is shown on the filter). */
  entity?: { id: string; name: string };
  /** Document marks: only starred documents; only those with these tags (comma-separated, as typed). */
  starred?: boolean;
  documentTags?: string;
}

export const INITIAL_SEARCH: SearchSettings = { query: '', variants: true, sort: 'relevance', source: '', from: '', to: '' };

/** The result list shows this many documents; the count above it says how many matched in all. */
export const RESULT_LIMIT = 100;

/** The `search` call for these settings: empty filters are left out rather than sent as ''. */
export function searchArgs(settings: SearchSettings): ArgsOf<'search'> {
  const source = settings.source.trim();
  return {
    query: settings.query,
    limit: RESULT_LIMIT,
    variants: settings.variants,
    sort: settings.sort,
    ...(source ? { source } : {}),
    ...(settings.from ? { from: settings.from } : {}),
    ...(settings.to ? { to: settings.to } : {}),
    ...(settings.includeUndated && (settings.from || settings.to) ? { includeUndated: true } : {}),
    // The date facet's bars: the matches by month, whatever the range.
    histogram: true,
    ...(settings.entity ? { entity: settings.entity.id } : {}),
    // The entity facets: people, organisations and places of every matching document.
    entityFacets: true,
    // A story reprinted by several outlets fills one place, its copies listed under it.
    groupDuplicates: true,
    ...(settings.starred ? { starred: true } : {}),
    ...(markTags(settings).length > 0 ? { documentTags: markTags(settings) } : {}),
  };
}

/** The document tags the search is narrowed to. */
export function markTags(settings: SearchSettings): string[] {
  return parseTags(settings.documentTags ?? '');
}

/** Whether any filter narrows the results (so an empty list can say why). */
export function isFiltered(settings: SearchSettings): boolean {
  return settings.source.trim() !== '' || settings.from !== '' || settings.to !== '' || settings.entity !== undefined || settings.starred === true || markTags(settings).length > 0;
}
