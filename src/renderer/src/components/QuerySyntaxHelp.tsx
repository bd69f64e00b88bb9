/**
 * The query language in brief, one click away. Kept in step with src/core/search/query-parser.ts
 * (what it accepts) and src/core/search/variants.ts (what "name variants" covers).
 */
const SYNTAX: ReadonlyArray<{ example: string[]; meaning: string }> = [
  { example: ['Almaty police'], meaning: 'any of the words; articles with more and rarer matches rank higher' },
  { example: ['"shoot without warning"'], meaning: 'an exact phrase: the words next to each other, in this order' },
  { example: ['+Almaty', '-Astana'], meaning: 'the word must be in the article / must not be' },
  { example: ['AND', 'OR', 'NOT'], meaning: 'in capitals: a AND b needs both, a OR b either (the default), NOT b excludes b; no parentheses' },
  { example: ['title:', 'body:', 'byline:'], meaning: 'look in one field only: title:Kazakhstan, byline:"Aigerim"' },
  { example: ['Tokayev^2'], meaning: 'weigh a term more than the others' },
  { example: ['liquefied~1'], meaning: 'near spellings: up to 1 (or ~2) letters different' },
  { example: ['protest*'], meaning: 'wildcard: any letters in place of *' },
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
  return (
    <details className="fold syntax-help" id={FOLD_ID}>
      <summary>Query syntax</summary>
      <dl>
        {SYNTAX.map(({ example, meaning }) => (
          <div key={example.join(' ')}>
            <dt>
              {example.map((e, i) => (
                <code key={i}>{e}</code>
              ))}
            </dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
      <p>
        Case does not matter, and <code>Tokayev’s</code> finds <code>Tokayev</code>. Name variants (Tokayev, Tokajev, Токаев;
        Kassym-Jomart, Kasym-Zhomart) and near spellings of words of 7 or more letters (liquified) are found too, ranked
        below exact matches, unless <strong>Name variants</strong> is turned off.
      </p>
    </details>
  );
}
