import { SORT_ORDERS, type SortOrder } from '../core/search/search-engine';
import { UsageError } from '../shell/args';

/** The options every command that searches takes (search, batch, saved searches), declared once. */
export const SEARCH_OPTIONS = {
  limit: { type: 'string' },
  exact: { type: 'boolean' },
  sort: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'include-undated': { type: 'boolean' },
  source: { type: 'string' },
} as const;

/** What the command line gave for SEARCH_OPTIONS (parseArgs' values). */
export interface SearchOptionValues {
  exact?: boolean;
  sort?: string;
  from?: string;
  to?: string;
  'include-undated'?: boolean;
  source?: string;
}

/** The options as the API's search methods take them (the limit aside: each command reads it its own way). */
export function searchFilters(values: SearchOptionValues): {
  variants: boolean;
  sort: SortOrder;
  from?: string;
  to?: string;
  includeUndated?: boolean;
  source?: string;
} {
  const sort = values.sort ?? 'relevance';
  if (!(SORT_ORDERS as readonly string[]).includes(sort)) throw new UsageError(`--sort must be one of ${SORT_ORDERS.join(', ')}`);
  return {
    variants: !values.exact,
    sort: sort as SortOrder,
    from: values.from,
    to: values.to,
    includeUndated: values['include-undated'],
    source: values.source,
  };
}
