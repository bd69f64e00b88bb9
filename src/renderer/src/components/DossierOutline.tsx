import type { AnchoredAnnotation, Dossier } from '../../../core/api/types';
import { numberItems, quotesOf, sectionName } from '../dossier/sections';
import { clip } from '../format';
import { useT } from '../i18n';

const QUOTE_SHOWN = 70;

/** The dossier at a glance, as the export will number it; a quote's entry takes the focus to it. */
export function DossierOutline({
  dossier,
  annotations,
  onJump,
}: {
  dossier: Dossier;
  annotations: ReadonlyMap<string, AnchoredAnnotation> | null;
  onJump(annotationId: string): void;
}) {
  const all = useT();
  const catalogue = all.dossier;
  const t = catalogue.outline;
  const numbers = numberItems(dossier.sections);
  const items = dossier.sections.flatMap((s) => s.items);
  const quoteCount = items.reduce((n, item) => n + quotesOf(item), 0);
  const sources = new Set(
    items.flatMap((i) => (i.claims ? i.claims.rows.map((row) => row.target.docId) : (annotations?.get(i.annotationId)?.target.docId ?? []))),
  );
  return (
    <nav className="dossier-outline" aria-label={t.label}>
      <p className="outline-title">{dossier.title.trim() || dossier.name}</p>
      <p className="outline-counts muted">
        {t.quotes(quoteCount)} · {t.sections(dossier.sections.length)}
        {annotations && ` · ${t.sources(sources.size)}`}
      </p>
      <ol className="outline-sections">
        {dossier.sections.map((section, index) => (
          <li key={section.id}>
            <span className={section.heading.trim() ? 'outline-heading' : 'outline-heading muted'}>{sectionName(section, index, catalogue.sections.untitled)}</span>
            {section.items.length > 0 && (
              <ol className="outline-quotes">
                {section.items.map((item) => {
                  const quote = annotations?.get(item.annotationId)?.target.quote.exact;
                  const first = numbers.get(item.annotationId) ?? 0;
                  const shown = item.claims
                    ? catalogue.claims.outline(all.figures.measures[item.claims.measure], item.claims.rows.length)
                    : quote
                      ? `“${clip(quote, QUOTE_SHOWN)}”`
                      : t.deleted;
                  return (
                    <li key={item.annotationId}>
                      <button type="button" className="outline-quote" onClick={() => onJump(item.annotationId)}>
                        <span className="outline-number">{item.claims ? catalogue.claims.numbers(first, first + quotesOf(item) - 1) : first}.</span> {shown}
                      </button>
                    </li>
                  );
                })}
              </ol>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
