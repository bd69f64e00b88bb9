import type { Dossier } from '../../../core/api/types';
import { claimValue } from '../figures/claim-value';
import { useLanguage } from '../i18n';
import { FileName } from './FileName';

type ClaimsTable = NonNullable<Dossier['sections'][number]['items'][number]['claims']>;

/**
 * A claims table item as the editor shows it: the measure, how many claims from how many sources,
 * and its rows read-only (the value, the source with its date, and the sentence quoted), numbered as the
 * export numbers them.
 */
export function DossierClaimsTable({ table, first }: { table: ClaimsTable; first: number }) {
  const { t, language } = useLanguage();
  const c = t.dossier.claims;
  const measure = t.figures.measures[table.measure];
  const sources = new Set(table.rows.map((row) => row.target.docId)).size;
  return (
    <div className="claims-table-item">
      <p className="claims-summary muted">{c.summary(table.rows.length, sources)}</p>
      {/* Scrolls sideways in a narrow pane: focusable, so the keyboard scrolls it too. */}
      <div className="claims-table-scroll" tabIndex={0} role="region" aria-label={c.caption(measure)}>
        <table className="claims-table">
          <caption className="visually-hidden">{c.caption(measure)}</caption>
          <thead>
            <tr>
              <th scope="col">{c.heads.number}</th>
              <th scope="col">{c.heads.value}</th>
              <th scope="col">{c.heads.source}</th>
              <th scope="col">{c.heads.claim}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={row.id}>
                <td className="claims-number">{first + i}</td>
                <th scope="row" className="claims-value">
                  {claimValue(row, t.figures, language)}
                </th>
                {/* The date under the title: the pane is narrow, the sentence needs the room. */}
                <td className="claims-source">
                  {row.title || <FileName name={row.target.docId} />}
                  <span className="claims-date">{row.date ?? t.figures.undated}</span>
                </td>
                <td className="claims-sentence">“{row.target.quote.exact}”</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="field-help muted">{c.readOnly}</p>
    </div>
  );
}
