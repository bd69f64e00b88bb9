import { useEffect, useState } from 'react';
import type { SearchResult } from '../../../core/search/search-engine';
import type { CasefileClient } from '../api/client';
import { useDebounced } from '../useDebounced';
import { MarkedText } from './MarkedText';

interface Props {
  client: CasefileClient;
  query: string;
  onQueryChange(query: string): void;
  openId: string | null;
  onOpen(id: string): void;
}

export function SearchPanel({ client, query, onQueryChange, openId, onOpen }: Props) {
  const settled = useDebounced(query, 180);
  const [lastResult, setResult] = useState<SearchResult | null>(null);
  const [lastError, setError] = useState<string | null>(null);
  // An emptied search box shows the hint again, whatever the last answer was.
  const hasQuery = settled.trim() !== '';
  const result = hasQuery ? lastResult : null;
  const error = hasQuery ? lastError : null;

  useEffect(() => {
    let current = true;
    if (settled.trim() === '') return;
    client.call('search', { query: settled, limit: 100 }).then(
      (r) => {
        if (!current) return;
        setResult(r);
        setError(null);
      },
      (e: Error) => {
        if (!current) return;
        setError(e.message);
        setResult(null);
      },
    );
    return () => {
      current = false;
    };
  }, [client, settled]);

  return (
    <section className="pane results-pane" aria-label="Search">
      <form className="search-form" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="search-input" className="visually-hidden">
          Search the archive
        </label>
        <input
          id="search-input"
          type="search"
          placeholder="Search the archive…"
          value={query}
          autoFocus
          spellCheck={false}
          onChange={(e) => onQueryChange(e.target.value)}
        />
      </form>
      {error && (
        <p className="query-error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <p className="result-count" aria-live="polite">
          {result.total === 0 ? 'No documents match.' : `${result.total} ${result.total === 1 ? 'document' : 'documents'}`}
        </p>
      )}
      {!result && !error && (
        <div className="empty-hint">
          <p>Type words to search every article in the archive.</p>
          <p className="muted">
            <code>+must</code> <code>-not</code> <code>title:word</code> <code>word~1</code> <code>pre*</code>
          </p>
        </div>
      )}
      <ol className="results">
        {result?.hits.map((hit) => (
          <li key={hit.id}>
            <button
              type="button"
              className={`result${hit.id === openId ? ' selected' : ''}`}
              aria-current={hit.id === openId ? 'true' : undefined}
              onClick={() => onOpen(hit.id)}
            >
              <span className="result-title">{hit.title}</span>
              <span className="result-meta">
                {[hit.byline, hit.date?.text, `${hit.matchCount} ${hit.matchCount === 1 ? 'match' : 'matches'}`]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              {hit.snippets.map((snippet) => (
                <span className="snippet" key={snippet.start}>
                  {snippet.start > 0 && "…"}
                  <MarkedText text={snippet.text} marks={snippet.matches} />…
                </span>
              ))}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
