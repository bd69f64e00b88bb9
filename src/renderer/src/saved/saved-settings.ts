import type { ArgsOf, ResultOf, SearchHit } from '../../../core/api/types';
import { INITIAL_SEARCH, searchArgs, type SearchSettings } from '../search/settings';

/** A saved search as the list shows it: its name, what it asks, and what is new or changed in it. */
export type SavedSummary = ResultOf<'savedSearches'>[number];

/** What is saved of the search pane's settings: the query and every option that changes what matches. */
export function savedArgs(settings: SearchSettings): Omit<ArgsOf<'saveSearch'>, 'name'> {
  // The shape of the results (how many, the facets, copies folded) is the pane's, not the search's.
  const { limit: _limit, histogram: _histogram, entityFacets: _facets, groupDuplicates: _copies, ...searched } = searchArgs(settings);
  return { ...searched, ...(settings.entity ? { entityName: settings.entity.name } : {}) };
}

/** The search pane's settings that run a saved search again. */
export function settingsOf(saved: SavedSummary): SearchSettings {
  const o = saved.options;
  return {
    ...INITIAL_SEARCH,
    query: saved.query,
    variants: o.variants ?? true,
    sort: o.sort ?? 'relevance',
    source: o.source ?? '',
    from: o.from ?? '',
    to: o.to ?? '',
    ...(o.includeUndated ? { includeUndated: true } : {}),
    ...(o.entity ? { entity: { id: o.entity, name: o.entityName ?? o.entity } } : {}),
    ...(o.starred ? { starred: true } : {}),
    ...(o.documentTags?.length ? { documentTags: o.documentTags.join(', ') } : {}),
  };
}

/** Whether two settings search for the same thing (however the tags were typed). */
export function sameSearch(a: SearchSettings, b: SearchSettings): boolean {
  return JSON.stringify(savedArgs(a)) === JSON.stringify(savedArgs(b));
}

export type Freshness = 'added' | 'changed';

/** The results with the documents new or changed since last seen first, each group in the search's order. */
export function freshFirst<Hit extends Pick<SearchHit, 'id'>>(hits: readonly Hit[], fresh: ReadonlyMap<string, Freshness>): Hit[] {
  return [...hits.filter((h) => fresh.has(h.id)), ...hits.filter((h) => !fresh.has(h.id))];
}
