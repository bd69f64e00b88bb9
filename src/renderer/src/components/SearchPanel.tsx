import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ArchiveIndexStatus, WorkstationSearchResult } from '../../../core/api/types';
import { ApiCallError, type CasefileClient } from '../api/client';
import { useT } from '../i18n';
import { isFiltered, searchArgs, type SearchSettings } from '../search/settings';
import { useDebounced } from '../useDebounced';
import { IndexProgress } from './IndexProgress';
import { QueryError, QueryHint, type SearchProblem } from './QueryError';
import { QuerySyntaxHelp, showQuerySyntax } from './QuerySyntaxHelp';
import { ResultItem } from './ResultItem';
import { SearchOptions } from './SearchOptions';
import { TermList } from './TermList';
import { DateHistogram } from '../timeline/DateHistogram';
import { DidYouMean } from '../search/DidYouMean';
import { EntityFacets } from '../entities/EntityFacets';
import { CompareDialog } from '../duplicates/CompareDialog';
import type { TextPlace } from '../entities/types';
import { errorMessage } from '../../../shared/error-message';
import type { DocumentMarksState } from '../marks/use-document-marks';
import './search-hints.css';
import { FreshBadge, SavedSearches } from '../saved/SavedSearches';
import { useSavedSearches } from '../saved/use-saved-searches';

interface Props {
  client: CasefileClient;
  settings: SearchSettings;
  onSettingsChange(settings: SearchSettings): void;
  openId: string | null;
  onOpen(id: string): void;
  /** Bumped when documents were added or their metadata corrected: the search runs again (after indexing). */
  archiveRevision: number;
  /** Bumped when another window or process saved data (a saved search among it): the saved searches are listed again. */
  dataRevision?: number;
  /** Opens batch search (a list of names searched at once). */
  onBatchSearch?(): void;
  /** Opens a document at a passage (an entity's mention). */
  onOpenAt?(place: TextPlace): void;
  /** The documents' stars and tags, shown on the results, and the way to star one. */
  marks?: DocumentMarksState;
}

/** The answer to one request: results or a problem, never both. */
interface Answer {
  request: SearchSettings;
  result: WorkstationSearchResult | null;
  problem: SearchProblem | null;
}

const DEBOUNCE_MS = 180;
const INDEX_POLL_MS = 500;
const FACETS_RETRY_MS = 700;
/**
 * How long the query must stay as it is before a problem with it is said plainly. Keystrokes come
 * well under a second apart, so a pause this long means the user stopped typing (or is stuck);
 * Enter says it at once.
 */
const PAUSE_MS = 1500;

export function SearchPanel({ client, settings, onSettingsChange, openId, onOpen, archiveRevision, dataRevision = 0, onBatchSearch, onOpenAt, marks }: Props) {
  const { panel: t, syntax: { title: syntaxTitle } } = useT().search;
  const batchOpen = useT().batch.open;
  // Every input (query, toggle, sort, filters) settles before it is searched, so typing a source
  // or flipping options quickly sends one request.
  const settled = useDebounced(settings, DEBOUNCE_MS);
  const [answer, setAnswer] = useState<Answer | null>(null);
  /** The last answer that had results: kept in view, marked as the previous query's, while the query typed now cannot be read. */
  const [lastResults, setLastResults] = useState<Answer | null>(null);
  /** The query as it was when Enter was pressed in the search box. */
  const [submitted, setSubmitted] = useState<string | null>(null);
  const paused = useDebounced(settings.query, PAUSE_MS) === settings.query;
  const [index, setIndex] = useState<ArchiveIndexStatus | null>(null);
  /** Bumped when the index becomes ready and the files checked, so the current search runs again on the complete index. */
  const [indexGeneration, setIndexGeneration] = useState(0);
  /** Bumped to ask again while the entity facets are still being read (the results stay as they are). */
  const [facetsGeneration, setFacetsGeneration] = useState(0);
  /** Whether the dates and names of the results (histogram, entity facets) are unfolded; kept across searches. */
  const [refineOpen, setRefineOpen] = useState(false);
  // Saved searches: listed again (their new and changed counts) as the archive and its index change.
  const saved = useSavedSearches(client, settings, onSettingsChange, `${archiveRevision}.${indexGeneration}.${dataRevision}.${marks?.changes ?? 0}`);
  const savedAnswer = saved.answer;
  /** Two documents shown side by side (a result and one of its copies), or none. */
  const [comparing, setComparing] = useState<{ a: string; b: string } | null>(null);
  const indexBusy = index !== null && (index.state === 'indexing' || index.checking);

  // An emptied search box shows the hint again at once, whatever the last answer was.
  const typed = settings.query.trim() !== '';
  const shown = typed && settled.query.trim() !== '' ? answer : null;
  // Inputs changed since this answer: it stays in view (dimmed) until the new one arrives.
  const outdated = shown !== null && shown.request !== settings;

  useEffect(() => {
    let current = true;
    client.call('indexStatus', {}).then(
      (status) => current && setIndex(status),
      () => undefined, // a search will report an unreachable shell
    );
    return () => {
      current = false;
    };
  }, [client, archiveRevision]);

  // A paused index is not polled: it stays so until resumed here, or by a change to the archive (which a later search's status shows).
  const indexAnswered = (status: ArchiveIndexStatus) => {
    setIndex(status);
    if (status.state === 'ready' && !status.checking) setIndexGeneration((n) => n + 1);
  };
  const indexUnreachable = () => setIndex(null); // stop polling a shell that does not answer

  useEffect(() => {
    if (!indexBusy) return;
    const timer = setInterval(() => {
      client.call('indexStatus', {}).then(indexAnswered, indexUnreachable);
    }, INDEX_POLL_MS);
    return () => clearInterval(timer);
  }, [client, indexBusy]);

  const changeIndexing = (method: 'cancelIndexing' | 'resumeIndexing') => client.call(method, {}).then(indexAnswered, indexUnreachable);

  useEffect(() => {
    let current = true;
    if (settled.query.trim() === '') return;
    (savedAnswer(settled) ?? client.call('search', searchArgs(settled))).then(
      (result) => {
        if (!current) return;
        const answered = { request: settled, result, problem: null };
        setAnswer(answered);
        setLastResults(answered);
        setIndex(result.index);
      },
      (error: unknown) => {
        if (!current) return;
        // The last results stay in view, marked as the previous query's (see `kept` below).
        setAnswer({ request: settled, result: null, problem: problemOf(error, settled.query) });
      },
    );
    return () => {
      current = false;
    };
  }, [client, settled, indexGeneration, archiveRevision, facetsGeneration, savedAnswer]);

  // The app answers before every document's names are read; the facets come with a later answer.
  const facetsPending = answer?.result?.entityFacetsPending === true;
  useEffect(() => {
    if (!facetsPending) return;
    const timer = setTimeout(() => setFacetsGeneration((n) => n + 1), FACETS_RETRY_MS);
    return () => clearTimeout(timer);
  }, [facetsPending, answer]);

  const listRef = useRef<HTMLOListElement>(null);
  /** ↓ from the search box to the first result; ↓ ↑ Home End between results, ↑ from the first back to the box. */
  const moveThroughResults = (event: KeyboardEvent, from: 'box' | 'list') => {
    const results = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button.result') ?? [])];
    if (results.length === 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const at = results.findIndex((button) => button === document.activeElement);
    const targets: Record<string, HTMLButtonElement | 'box' | undefined> =
      from === 'box'
        ? { ArrowDown: results[0] }
        : { ArrowDown: results[at + 1], ArrowUp: at <= 0 ? 'box' : results[at - 1], Home: results[0], End: results.at(-1) };
    const target = targets[event.key];
    if (!target) return;
    event.preventDefault();
    (target === 'box' ? document.getElementById('search-input') : target)?.focus();
  };

  const problem = shown?.problem ?? null;
  // A query being typed is often unreadable for a while (a phrase whose quote is not closed yet): the
  // previous results stay, marked as such, and the problem is a quiet hint until the user presses
  // Enter or stops typing. A problem that is not the query's (the shell unreachable) is said at once.
  const plainly = problem !== null && (problem.span === null || submitted === settings.query || paused);
  const kept = problem !== null && lastResults !== null ? lastResults : null;
  const listed = kept ?? shown;
  const result = listed?.result ?? null;
  const filtered = listed !== null && isFiltered(listed.request);
  // Copies folded into a result are shown too (under it), so they count as shown.
  const shownCount = result ? result.hits.reduce((n, hit) => n + 1 + (hit.alsoIn?.length ?? 0), 0) : 0;
  const count =
    result &&
    (result.total === 0
      ? filtered
        ? t.noMatchFiltered
        : t.noMatch
      : result.total > shownCount
        ? t.firstShown(result.total, shownCount)
        : t.documents(result.total));

  return (
    <section className="pane results-pane" id="results-pane" aria-label={t.label}>
      {/* Always mounted, so a screen reader hears each new count (a live region mounted with its text is often not read). */}
      <p className="visually-hidden" aria-live="polite">
        {listed && count && t.announced(listed.request.query.trim(), count)}
      </p>
      <form
        className="search-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSubmitted(settings.query);
        }}
      >
        <label htmlFor="search-input" className="visually-hidden">
          {t.inputLabel}
        </label>
        <input
          id="search-input"
          type="search"
          placeholder={t.placeholder}
          value={settings.query}
          autoFocus
          spellCheck={false}
          aria-invalid={plainly && problem?.span ? true : undefined}
          aria-describedby={problem ? 'search-problem' : undefined}
          onChange={(e) => onSettingsChange({ ...settings, query: e.target.value })}
          onKeyDown={(e) => moveThroughResults(e, 'box')}
        />
        <div id="search-problem">
          {/* Always there, so that assistive technology announces the hint politely as it appears. */}
          <div aria-live="polite">{problem && !plainly && <QueryHint problem={problem} />}</div>
          {problem && plainly && <QueryError problem={problem} />}
        </div>
        <SearchOptions settings={settings} onChange={(changes) => onSettingsChange({ ...settings, ...changes })} />
        <QuerySyntaxHelp />
        {onBatchSearch && (
          <button type="button" className="link batch-open" onClick={onBatchSearch}>
            {batchOpen}
          </button>
        )}
      </form>
      <SavedSearches saved={saved} settings={settings} />
      {index && (indexBusy || index.state === 'paused') && (
        <IndexProgress status={index} onStop={() => void changeIndexing('cancelIndexing')} onResume={() => void changeIndexing('resumeIndexing')} />
      )}
      {result && kept && (
        <p className="kept-results">
          {t.keptResults(<q key="query">{kept.request.query}</q>)}
        </p>
      )}
      {result && (
        <div className={`result-summary${outdated ? ' outdated' : ''}`}>
          <p className="result-count">{count}</p>
          <DidYouMean suggestions={result.suggestions} onRun={(query) => onSettingsChange({ ...settings, query })} />
          <TermList terms={result.terms} scope="results" />
        </div>
      )}
      {result && (
        // Folded away like the filters, so the results stay high in the pane; the summary names the entity filter when one is on.
        <details className="fold refine-box" open={refineOpen} onToggle={(e) => setRefineOpen(e.currentTarget.open)}>
          <summary>
            {t.refineSummary}
            {settings.entity && <span className="filters-active"> · {settings.entity.name}</span>}
          </summary>
          <DateHistogram result={result} settings={settings} onChange={(changes) => onSettingsChange({ ...settings, ...changes })} />
          <EntityFacets client={client} result={result} settings={settings} onChange={(changes) => onSettingsChange({ ...settings, ...changes })} onOpenAt={onOpenAt} onOpenDocument={onOpen} />
        </details>
      )}
      {typed && !shown && (
        <p className="result-count">{t.searching}</p>
      )}
      {!typed && (
        <div className="empty-hint">
          <p>
            {t.emptyHint({
              slash: <kbd key="slash">/</kbd>,
              must: <code key="must">+must</code>,
              not: <code key="not">-not</code>,
              syntax: (
                <button key="syntax" type="button" className="link" onClick={showQuerySyntax}>
                  {syntaxTitle}
                </button>
              ),
            })}
          </p>
        </div>
      )}
      <ol
        ref={listRef}
        className={`results${outdated ? ' outdated' : ''}`}
        aria-busy={outdated || undefined}
        aria-label={t.results}
        onKeyDown={(e) => moveThroughResults(e, 'list')}
      >
        {result?.hits.map((hit) => (
          <ResultItem
            key={hit.id}
            hit={hit}
            selected={hit.id === openId}
            onOpen={() => onOpen(hit.id)}
            onOpenCopy={onOpen}
            onCompare={(copy) => setComparing({ a: hit.id, b: copy })}
            mark={marks?.marks.get(hit.id)}
            onStar={marks ? (starred) => void marks.mark(hit.id, { starred }) : undefined}
            badge={<FreshBadge freshness={saved.freshness(hit.id)} />}
          />
        ))}
      </ol>
      {comparing && (
        <CompareDialog
          client={client}
          a={comparing.a}
          b={comparing.b}
          onOpen={(id) => {
            setComparing(null);
            onOpen(id);
          }}
          onClose={() => setComparing(null)}
        />
      )}
    </section>
  );
}

function problemOf(error: unknown, query: string): SearchProblem {
  if (error instanceof ApiCallError) {
    return { message: error.message, messageCode: error.messageCode, query, span: error.code === 'invalid-query' ? error.span : null };
  }
  return { message: errorMessage(error), query, span: null };
}
