import { useEffect, useState } from 'react';
import type { CasefileClient } from '../api/client';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Modal } from '../components/Modal';
import { useLanguage } from '../i18n';
import { errorMessage } from '../../../shared/error-message';
import type { EntityPageData, EntitySummary, TextPlace } from './types';

interface Props {
  client: CasefileClient;
  id: string;
  onClose(): void;
  /** Shows only the search results that mention the entity. */
  onFilter(entity: { id: string; name: string }): void;
  /** After a merge or a split: the entities changed; `replaced` maps ids merged away to what took them in. */
  onChanged(replaced: ReadonlyMap<string, { id: string; name: string }>): void;
  onOpenAt(place: TextPlace): void;
  onOpenDocument(id: string): void;
}

/** Mentions listed at once: a name common in the archive has hundreds. */
const MENTIONS_SHOWN = 100;
/** Entities offered for a merge at once (the box narrows them down). */
const CANDIDATES_SHOWN = 30;

type Confirming = { kind: 'merge'; others: EntitySummary[] } | { kind: 'split'; variants: string[] };

/**
 * An entity's page: its name, kind and spellings, every mention with its context (each opens its
 * document there), the documents, and the entities that appear with it (each opens its page). The
 * spellings can be split off into an entity of their own, and other entities merged into this one:
 * each asks first, and says what it did.
 */
export function EntityPage({ client, id: firstId, onClose, onFilter, onChanged, onOpenAt, onOpenDocument }: Props) {
  const { t: catalogue, language } = useLanguage();
  const t = catalogue.entities;
  /** The pages opened from this one, the last shown; Back returns to the one before. */
  const [trail, setTrail] = useState<string[]>([firstId]);
  const id = trail.at(-1) ?? firstId;
  const [reload, setReload] = useState(0);
  const [page, setPage] = useState<{ id: string; data: EntityPageData } | { id: string; error: string } | null>(null);
  const [splitting, setSplitting] = useState<ReadonlySet<string>>(new Set());
  const [splitProblem, setSplitProblem] = useState(false);
  const [merging, setMerging] = useState<ReadonlySet<string>>(new Set());
  const [candidates, setCandidates] = useState<EntitySummary[] | null>(null);
  const [narrow, setNarrow] = useState('');
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [said, setSaid] = useState('');
  /** The names of the pages seen, for Back. */
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  /** Another entity's page, or this one after a change: nothing stays ticked. */
  const show = (next: string[], again = false) => {
    setSplitting(new Set());
    setMerging(new Set());
    setSplitProblem(false);
    setTrail(next);
    if (again) setReload((n) => n + 1);
  };

  useEffect(() => {
    let current = true;
    client.call('entity', { id }).then(
      (data) => {
        if (!current) return;
        setPage({ id, data });
        setNames((known) => new Map(known).set(id, data.name));
      },
      (error: unknown) => current && setPage({ id, error: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [client, id, reload]);

  const data = page && page.id === id && 'data' in page ? page.data : null;
  const type = data?.type;
  useEffect(() => {
    let current = true;
    if (!type) return;
    client.call('entities', { type }).then(
      (list) => current && setCandidates(list),
      () => current && setCandidates([]),
    );
    return () => {
      current = false;
    };
  }, [client, type, reload]);

  if (confirming && data) {
    const merge = confirming.kind === 'merge';
    const listed = (list: string[]) => new Intl.ListFormat(language, { type: 'conjunction' }).format(list.map(t.quoted));
    return (
      <ConfirmDialog
        title={merge ? t.merge.confirmTitle : t.split.confirmTitle}
        confirmLabel={merge ? t.merge.confirm : t.split.confirm}
        onClose={() => setConfirming(null)}
        onConfirm={async () => {
          if (confirming.kind === 'merge') {
            const kept = await client.call('mergeEntities', { ids: [data.id, ...confirming.others.map((o) => o.id)] });
            setSaid(t.merge.done(kept.name, confirming.others.length));
            onChanged(new Map(confirming.others.map((o) => [o.id, { id: kept.id, name: kept.name }])));
          } else {
            await client.call('splitEntity', { id: data.id, variants: confirming.variants });
            setSaid(t.split.done(listed(confirming.variants)));
            onChanged(new Map());
          }
          show(trail, true);
        }}
      >
        <p>{merge ? t.merge.question(data.name, listed(confirming.others.map((o) => o.name))) : t.split.question(listed(confirming.variants), data.name)}</p>
      </ConfirmDialog>
    );
  }

  const titleOf = new Map(data?.documentList.map((d) => [d.id, d.title]) ?? []);
  const others = (candidates ?? []).filter((c) => c.id !== id);
  const needle = narrow.trim().toLocaleLowerCase(language);
  const offered = others.filter((c) => merging.has(c.id) || needle === '' || [c.name, ...c.variants].some((v) => v.toLocaleLowerCase(language).includes(needle))).slice(0, CANDIDATES_SHOWN);
  const previous = trail.length > 1 ? trail.at(-2) : undefined;
  const toggle = (set: ReadonlySet<string>, value: string) => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };

  return (
    <Modal title={data?.name ?? (page && 'error' in page ? t.page.unreadable(page.error) : t.page.loading)} onClose={onClose} wide className="entity-page">
      <p className="visually-hidden" role="status" aria-live="polite">
        {said}
      </p>
      {said && <p className="entity-said">{said}</p>}
      {data && (
        <div className="entity-page-body">
          <p className="entity-kind muted">
            {t.page.types[data.type]} · {t.page.summary(data.mentions, data.documents)}
          </p>
          <div className="entity-actions">
            {previous !== undefined && (
              <button type="button" onClick={() => show(trail.slice(0, -1))}>
                {t.page.back(names.get(previous) ?? previous)}
              </button>
            )}
            <button type="button" onClick={() => onFilter({ id: data.id, name: data.name })}>
              {t.page.filter}
            </button>
            <button type="button" onClick={onClose}>
              {t.page.close}
            </button>
          </div>

          <fieldset className="entity-variants">
            <legend>{t.page.variants}</legend>
            <p className="field-help muted">{t.split.help}</p>
            <ul>
              {data.variants.map((variant) => (
                <li key={variant}>
                  <label>
                    <input type="checkbox" checked={splitting.has(variant)} onChange={() => setSplitting(toggle(splitting, variant))} /> {variant}
                  </label>
                </li>
              ))}
            </ul>
            {splitProblem && <p className="field-error">{t.split.needOne}</p>}
            <button
              type="button"
              onClick={() => {
                const variants = data.variants.filter((v) => splitting.has(v));
                const fine = variants.length > 0 && variants.length < data.variants.length;
                setSplitProblem(!fine);
                if (fine) setConfirming({ kind: 'split', variants });
              }}
            >
              {t.split.submit}
            </button>
          </fieldset>

          <section aria-labelledby="entity-mentions">
            <h3 id="entity-mentions">{t.page.mentions}</h3>
            {data.mentionList.length > MENTIONS_SHOWN && <p className="muted">{t.page.mentionsShown(MENTIONS_SHOWN, data.mentionList.length)}</p>}
            <ol className="entity-mentions">
              {data.mentionList.slice(0, MENTIONS_SHOWN).map((m) => {
                const title = titleOf.get(m.doc) ?? m.doc;
                return (
                  <li key={`${m.doc}:${m.start}`}>
                    <button type="button" className="entity-mention" title={t.page.openMention(title)} onClick={() => onOpenAt({ doc: m.doc, start: m.start, end: m.end })}>
                      <span className="entity-mention-doc">{title}</span>
                      <span className="entity-mention-context">
                        …{m.before}
                        <mark>{m.text}</mark>
                        {m.after}…
                      </span>
                    </button>
                  </li>
                );
              })}
            </ol>
          </section>

          <section aria-labelledby="entity-documents">
            <h3 id="entity-documents">{t.page.documents}</h3>
            <ul className="entity-documents">
              {data.documentList.map((d) => (
                <li key={d.id}>
                  <button type="button" className="link" aria-label={t.page.openDocument(d.title)} onClick={() => onOpenDocument(d.id)}>
                    {d.title}
                  </button>{' '}
                  <span className="muted">
                    {d.date ? `${d.date} · ` : ''}
                    {t.page.documentMentions(d.mentions)}
                  </span>
                </li>
              ))}
            </ul>
          </section>

          {data.related.length > 0 && (
            <section aria-labelledby="entity-related">
              <h3 id="entity-related">{t.page.related}</h3>
              <ul className="entity-related">
                {data.related.map((r) => (
                  <li key={r.id}>
                    <button type="button" className="link" aria-label={t.page.showRelated(r.name)} onClick={() => show([...trail, r.id])}>
                      {r.name}
                    </button>{' '}
                    <span className="muted">
                      {t.page.types[r.type]} · {t.page.together(r.together)}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <fieldset className="entity-merge">
            <legend>{t.merge.title}</legend>
            <p className="field-help muted">{t.merge.help}</p>
            <label className="entity-merge-find">
              {t.merge.filter}
              <input type="search" value={narrow} onChange={(e) => setNarrow(e.target.value)} />
            </label>
            {candidates !== null && offered.length === 0 && <p className="muted">{t.merge.none}</p>}
            <ul aria-label={t.merge.candidates(data.name)}>
              {offered.map((c) => (
                <li key={c.id}>
                  <label>
                    <input type="checkbox" checked={merging.has(c.id)} onChange={() => setMerging(toggle(merging, c.id))} /> {c.name}{' '}
                    <span className="muted">
                      {c.variants.filter((v) => v !== c.name).join(', ')} {c.variants.some((v) => v !== c.name) ? '·' : ''} {catalogue.entities.facets.documents(c.documents)}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            <button type="button" disabled={merging.size === 0} onClick={() => setConfirming({ kind: 'merge', others: others.filter((c) => merging.has(c.id)) })}>
              {t.merge.submit}
            </button>
          </fieldset>
        </div>
      )}
    </Modal>
  );
}
