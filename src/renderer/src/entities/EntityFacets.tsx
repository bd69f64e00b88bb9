import { useState } from 'react';
import type { WorkstationSearchResult } from '../../../core/api/types';
import type { CasefileClient } from '../api/client';
import { useT } from '../i18n';
import type { SearchSettings } from '../search/settings';
import { EntityPage } from './EntityPage';
import { ENTITY_TYPES_SHOWN, type EntityType, type TextPlace } from './types';
import './entities.css';

interface Props {
  client: CasefileClient;
  result: WorkstationSearchResult;
  settings: SearchSettings;
  onChange(changes: Partial<SearchSettings>): void;
  /** Opens a document at a passage (a mention); without it, the document is opened at its top. */
  onOpenAt?(place: TextPlace): void;
  onOpenDocument(id: string): void;
}

/** Facets of each kind shown before "more": the results stay in view below them. */
const FACETS_SHOWN = 5;

function toggled<T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

/**
 * The search's entity facets: the people, organisations and places of every matching document, with
 * how many documents mention each; choosing one shows only the results that mention it (the filter
 * stands above them, with its page and a way to remove it), choosing it again removes the filter.
 */
export function EntityFacets({ client, result, settings, onChange, onOpenAt, onOpenDocument }: Props) {
  const t = useT().entities.facets;
  const [page, setPage] = useState<string | null>(null);
  /** The kinds shown in full (the others show their first few). */
  const [open, setOpen] = useState<ReadonlySet<EntityType>>(new Set());
  const facets = result.entityFacets;
  const chosen = settings.entity;
  const groups = facets ? ENTITY_TYPES_SHOWN.filter((type) => facets[type].length > 0) : [];
  // Facets are asked for with every search; an answer without them (an older shell) shows nothing.
  if (!facets) return null;
  const filterBy = (entity: { id: string; name: string } | undefined) => onChange({ entity });
  return (
    <section className="entity-facets" aria-label={t.label}>
      {chosen && (
        <p className="entity-filter">
          <span className="entity-filter-name">{t.shown(chosen.name)}</span>
          <button type="button" className="link" aria-label={t.open(chosen.name)} onClick={() => setPage(chosen.id)}>
            {t.openShort}
          </button>
          <button type="button" className="entity-filter-remove" aria-label={t.remove(chosen.name)} title={t.remove(chosen.name)} onClick={() => filterBy(undefined)}>
            ×
          </button>
        </p>
      )}
      {groups.length === 0 && result.total > 0 && <p className="muted entity-none">{t.none}</p>}
      {groups.map((type) => (
        <div key={type} className="entity-group" role="group" aria-labelledby={`entity-group-${type}`}>
          <h3 id={`entity-group-${type}`}>{t.groups[type]}</h3>
          <ul>
            {facets[type].slice(0, open.has(type) ? undefined : FACETS_SHOWN).map((facet) => {
              const pressed = chosen?.id === facet.id;
              return (
                <li key={facet.id}>
                  {/* Named by what it shows (the count said in words to a screen reader); the title says what a click does. */}
                  <button
                    type="button"
                    className="entity-facet"
                    aria-pressed={pressed}
                    title={t.filterBy(facet.name, facet.documents)}
                    onClick={() => filterBy(pressed ? undefined : { id: facet.id, name: facet.name })}
                  >
                    <span className="entity-facet-name">{facet.name}</span>{' '}
                    <span className="count" aria-hidden="true">
                      {facet.documents}
                    </span>
                    <span className="visually-hidden">({t.documents(facet.documents)})</span>
                  </button>
                </li>
              );
            })}
          </ul>
          {facets[type].length > FACETS_SHOWN && (
            <button type="button" className="link entity-more" aria-expanded={open.has(type)} onClick={() => setOpen(toggled(open, type))}>
              {open.has(type) ? t.fewer : t.more(facets[type].length - FACETS_SHOWN)}
            </button>
          )}
        </div>
      ))}
      {page !== null && (
        <EntityPage
          client={client}
          id={page}
          onClose={() => setPage(null)}
          onFilter={(entity) => {
            setPage(null);
            filterBy(entity);
          }}
          onChanged={(replaced) => {
            // A merge or split changes the entities: the facets are asked for again, and a filter on an entity merged away follows it.
            const entity = chosen && replaced.has(chosen.id) ? replaced.get(chosen.id) : chosen;
            onChange({ entity: entity ? { ...entity } : undefined });
          }}
          onOpenAt={(place) => {
            setPage(null);
            if (onOpenAt) onOpenAt(place);
            else onOpenDocument(place.doc);
          }}
          onOpenDocument={(id) => {
            setPage(null);
            onOpenDocument(id);
          }}
        />
      )}
    </section>
  );
}
