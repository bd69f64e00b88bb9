import { useState, type ReactNode } from 'react';
import type { Catalogue } from '../../../shared/i18n/catalogue';
import { errorMessage } from '../../../shared/error-message';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormModal } from '../components/Modal';
import { useT } from '../i18n';
import type { SearchSettings } from '../search/settings';
import { settingsOf, type Freshness, type SavedSummary } from './saved-settings';
import type { SavedSearchesState } from './use-saved-searches';
import './saved.css';

interface Props {
  saved: SavedSearchesState;
  settings: SearchSettings;
}

type Editing = { kind: 'save' } | { kind: 'rename'; search: SavedSummary } | { kind: 'delete'; search: SavedSummary };

/**
 * The saved searches, folded under the search box: each says how many of its documents are new or
 * changed since it was last opened; opening one runs it with those first. Save names the current
 * search (its query and every filter); rename and delete ask first.
 */
export function SavedSearches({ saved, settings }: Props) {
  const t = useT().saved;
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const list = saved.list ?? [];
  const added = list.reduce((n, s) => n + s.added, 0);
  const changed = list.reduce((n, s) => n + s.changed, 0);
  const canSave = settings.query.trim() !== '';
  return (
    <>
      <details className="fold saved-box" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          {t.title}
          {/* Said while folded, so what is new shows without opening the list. */}
          {added + changed > 0 && <span className="saved-fresh"> · {t.fresh(added, changed)}</span>}
        </summary>
        <div className="saved-body">
          <button type="button" className="link saved-save" disabled={!canSave} aria-describedby={canSave ? undefined : 'saved-save-hint'} onClick={() => setEditing({ kind: 'save' })}>
            {t.save}
          </button>
          {!canSave && (
            <p id="saved-save-hint" className="option-help">
              {t.saveHint}
            </p>
          )}
          {saved.error && (
            <p className="query-error" role="alert">
              {t.failed(saved.error)}
            </p>
          )}
          {saved.list && list.length === 0 && <p className="option-help">{t.empty}</p>}
          {list.length > 0 && (
            <ul className="saved-list" aria-label={t.listLabel}>
              {list.map((search) => (
                <li key={search.id} className={saved.opened?.id === search.id ? 'current' : undefined}>
                  {/* Named by its visible name; its count and what it asks describe it. */}
                  <span className="saved-head">
                    <button type="button" className="link saved-open" aria-describedby={`saved-${search.id}-count saved-${search.id}-what`} onClick={() => void saved.open(search).catch(() => undefined)}>
                      {search.name}
                    </button>
                    <span id={`saved-${search.id}-count`} className={`saved-count${search.added + search.changed > 0 ? ' saved-fresh' : ''}`}>
                      {t.fresh(search.added, search.changed)}
                    </span>
                  </span>
                  <span id={`saved-${search.id}-what`} className="saved-what">
                    {describe(settingsOf(search), t.options, true)}
                  </span>
                  <span className="saved-actions">
                    <button type="button" className="link" aria-label={t.renameLabel(search.name)} onClick={() => setEditing({ kind: 'rename', search })}>
                      {t.rename}
                    </button>
                    <button type="button" className="link danger" aria-label={t.deleteLabel(search.name)} onClick={() => setEditing({ kind: 'delete', search })}>
                      {t.delete}
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </details>
      {saved.opened && (
        <p className="saved-opened" role="status">
          {t.opened(saved.opened.name, saved.opened.added, saved.opened.changed)}
        </p>
      )}
      {editing?.kind === 'save' && (
        <NameDialog
          title={t.saveDialog.title}
          label={t.saveDialog.name}
          submitLabel={t.saveDialog.submit}
          initial={settings.query.trim().slice(0, 200)}
          note={(name) => (list.some((s) => same(s.name, name)) ? t.saveDialog.replaces(name.trim()) : null)}
          what={
            <p className="option-help">
              {t.saveDialog.what} {describe({ ...settings, query: settings.query.trim() }, t.options, true)}
            </p>
          }
          onSubmit={(name) => saved.save(name, settings)}
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'rename' && (
        <NameDialog
          title={t.renameDialog.title}
          label={t.renameDialog.name}
          submitLabel={t.renameDialog.submit}
          initial={editing.search.name}
          refuse={(name) => (list.some((s) => s.id !== editing.search.id && same(s.name, name)) ? t.renameDialog.taken(name.trim()) : null)}
          onSubmit={(name) => saved.rename(editing.search.id, name)}
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'delete' && (
        <ConfirmDialog title={t.deleteDialog.title} confirmLabel={t.deleteDialog.confirm} onConfirm={() => saved.remove(editing.search.id)} onClose={() => setEditing(null)}>
          <p>{t.deleteDialog.body(editing.search.name)}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

/** How a result is new to the saved search open: a badge before its details. */
export function FreshBadge({ freshness }: { freshness: Freshness | undefined }) {
  const t = useT().saved;
  if (!freshness) return null;
  return <span className={`badge badge-fresh badge-${freshness}`}>{freshness === 'added' ? t.badgeNew : t.badgeChanged}</span>;
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** "“Tokayev” · newest first · from 2022-01-01 · starred": what a search asks, its query first unless left out. */
function describe(s: SearchSettings, t: Catalogue['saved']['options'], withQuery: boolean): string {
  const tags = (s.documentTags ?? '').trim();
  return [
    withQuery ? t.query(s.query) : null,
    s.sort === 'newest' ? t.newest : s.sort === 'oldest' ? t.oldest : null,
    s.variants ? null : t.exact,
    s.source.trim() ? t.source(s.source.trim()) : null,
    s.from ? t.from(s.from) : null,
    s.to ? t.to(s.to) : null,
    s.entity ? t.entity(s.entity.name) : null,
    s.starred ? t.starred : null,
    tags ? t.tags(tags) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** A dialog that asks for a name: to save the current search under, or to rename one. */
function NameDialog({
  title,
  label,
  submitLabel,
  initial,
  what,
  note,
  refuse,
  onSubmit,
  onClose,
}: {
  title: string;
  label: string;
  submitLabel: string;
  initial: string;
  what?: ReactNode;
  /** Said under the field for a name (a name that replaces another). */
  note?(name: string): string | null;
  /** Why a name cannot be taken, or null. */
  refuse?(name: string): string | null;
  onSubmit(name: string): Promise<void>;
  onClose(): void;
}) {
  const [name, setName] = useState(initial);
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const submit = async () => {
    const refused = refuse?.(name) ?? null;
    if (refused || name.trim() === '') {
      setState({ busy: false, error: refused });
      return;
    }
    setState({ busy: true, error: null });
    try {
      await onSubmit(name.trim());
      onClose();
    } catch (failure) {
      setState({ busy: false, error: errorMessage(failure) });
    }
  };
  const said = note?.(name) ?? null;
  return (
    <FormModal title={title} submitLabel={submitLabel} error={state.error} busy={state.busy || name.trim() === ''} onSubmit={() => void submit()} onClose={onClose} className="saved-name-form">
      {what}
      <label>
        {label}
        <input type="text" value={name} maxLength={200} autoFocus required aria-describedby={said ? 'saved-name-note' : undefined} onChange={(e) => setName(e.target.value)} />
      </label>
      {said && (
        <p id="saved-name-note" className="option-help">
          {said}
        </p>
      )}
    </FormModal>
  );
}
