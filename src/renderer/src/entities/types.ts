import type { ResultOf, WorkstationSearchResult } from '../../../core/api/types';

/** The entity shapes as the API gives them (see the core's entities/types.ts). */
export type EntitySummary = ResultOf<'entities'>[number];
export type EntityType = EntitySummary['type'];
export type EntityPageData = ResultOf<'entity'>;
export type EntityFacetGroups = NonNullable<WorkstationSearchResult['entityFacets']>;

/** The order the facets and the merge list show the kinds in. */
export const ENTITY_TYPES_SHOWN: readonly EntityType[] = ['person', 'organization', 'place'];

/** A passage of a document: where a mention stands. */
export interface TextPlace {
  doc: string;
  start: number;
  end: number;
}
