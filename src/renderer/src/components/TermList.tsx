import type { TermSummary } from '../../../core/api/types';
import { useT } from '../i18n';

/**
 * The query's terms, each with how often it matched and which other spellings it matched as. In
 * the search pane the counts cover all results ("39 in 4 docs"); in the reader, the one article.
 */
export function TermList({ terms, scope }: { terms: readonly TermSummary[]; scope: 'results' | 'document' }) {
  const t = useT().search.terms;
  if (terms.length === 0) return null;
  const presenceText = { optional: null, required: t.required, prohibited: t.excluded };
  return (
    <ul className={`term-list term-list-${scope}`} aria-label={scope === 'results' ? t.inResults : t.inDocument}>
      {terms.map((term, i) => {
        const presence = presenceText[term.presence];
        return (
          // Terms may repeat (`tokayev tokayev`), so the position is part of the key.
          <li key={`${i}:${term.term}`}>
            <span className="term-name">
              {term.field && `${term.field}:`}
              {term.term}
            </span>
            {presence && <span className="term-presence"> {presence}</span>}{' '}
            <span className="term-count">
              {scope === 'results' ? t.inDocuments(term.occurrences, term.documents) : String(term.occurrences)}
            </span>
            {term.variants.length > 0 && (
              <span className="term-variants">
                {' '}
                — {t.alsoMatched}{' '}
                {term.variants.map((variant, j) => (
                  <span key={variant.text} className="term-variant">
                    {j > 0 && ', '}
                    {variant.text} <span className="term-count">{variant.occurrences}</span>
                  </span>
                ))}
              </span>
            )}
            {term.note && <span className="term-note"> {term.note}</span>}
          </li>
        );
      })}
    </ul>
  );
}
