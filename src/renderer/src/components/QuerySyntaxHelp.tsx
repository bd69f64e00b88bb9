import type { Catalogue } from '../../../shared/i18n/catalogue';
import { useT } from '../i18n';

/**
 * The query language in brief, one click away. Kept in step with src/core/search/query-parser.ts
 * (what it accepts) and src/core/search/variants.ts (what "name variants" covers).
 */
const SYNTAX: ReadonlyArray<{ example: string[]; meaning: keyof Catalogue['search']['syntax']['meanings'] }> = [
  { example: ['Almaty police'], meaning: 'anyWords' },
  { example: ['"shoot without warning"'], meaning: 'phrase' },
  { example: ['"security forces"~5'], meaning: 'proximity' },
  { example: ['+Almaty', '-Astana'], meaning: 'mustNot' },
  { example: ['AND', 'OR', 'NOT'], meaning: 'operators' },
  { example: ['(Tokayev OR Nazarbayev) AND NOT Moscow'], meaning: 'groups' },
  { example: ['title:', 'body:', 'byline:'], meaning: 'fields' },
  { example: ['Tokayev^2'], meaning: 'boost' },
  { example: ['liquefied~1'], meaning: 'fuzzy' },
  { example: ['protest*'], meaning: 'wildcard' },
];

const FOLD_ID = 'query-syntax';

/** Unfolds the query syntax under the search box and puts the focus on it (from a button or F1). */
export function showQuerySyntax(): void {
  const fold = document.getElementById(FOLD_ID);
  if (!(fold instanceof HTMLDetailsElement)) return;
  fold.open = true;
  fold.querySelector('summary')?.focus();
  fold.scrollIntoView({ block: 'nearest' });
}

export function QuerySyntaxHelp() {
  const { syntax: t, options } = useT().search;
  return (
    <details className="fold syntax-help" id={FOLD_ID}>
      <summary>{t.title}</summary>
      <dl>
        {SYNTAX.map(({ example, meaning }) => (
          <div key={example.join(' ')}>
            <dt>
              {example.map((e, i) => (
                <code key={i}>{e}</code>
              ))}
            </dt>
            <dd>{t.meanings[meaning]}</dd>
          </div>
        ))}
      </dl>
      <p>
        {t.note({
          possessive: <code key="possessive">Tokayev’s</code>,
          base: <code key="base">Tokayev</code>,
          option: <strong key="option">{options.variants}</strong>,
        })}
      </p>
    </details>
  );
}
