import type { WorkstationSearchResult } from '../../../core/api/types';
import { useT } from '../i18n';
import './did-you-mean.css';

interface Props {
  /** The result's suggestions (every one carries the same corrected query); none: nothing shown. */
  suggestions: WorkstationSearchResult['suggestions'];
  /** Runs the corrected query (it replaces the query in the search box). */
  onRun(query: string): void;
}

/**
 * "Did you mean Tokayev?" under the result count, the corrected query a button that runs it. The
 * live region stays mounted while results are shown, so a suggestion that appears is announced.
 */
export function DidYouMean({ suggestions, onRun }: Props) {
  const t = useT().suggestions;
  const query = suggestions?.[0]?.query;
  return (
    <div className="did-you-mean" aria-live="polite">
      {query && (
        <p>
          {t.didYouMean(
            <button
              key="query"
              type="button"
              className="link"
              aria-label={t.runCorrected(query)}
              onClick={() => {
                onRun(query);
                // The button goes with the results it belonged to: the search box keeps the focus.
                document.getElementById('search-input')?.focus();
              }}
            >
              {query}
            </button>,
          )}
        </p>
      )}
    </div>
  );
}
