import type { AnchoredAnnotation, Dossier } from '../../../core/api/types';
import { numberItems, sectionName } from '../dossier/sections';
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
  const catalogue = useT().dossier;
  const t = catalogue.outline;
  const numbers = numberItems(dossier.sections);
  const sources = new Set(dossier.sections.flatMap((s) => s.items.flatMap((i) => annotations?.get(i.annotationId)?.target.docId ?? [])));
  return (
    <nav className="dossier-outline" aria-label={t.label}>
      <p className="outline-title">{dossier.title.trim() || dossier.name}</p>
      <p className="outline-counts muted">
        {t.quotes(numbers.size)} · {t.sections(dossier.sections.length)}
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
                  return (
                    <li key={item.annotationId}>
                      <button type="button" className="outline-quote" onClick={() => onJump(item.annotationId)}>
                        <span className="outline-number">{numbers.get(item.annotationId)}.</span> {quote ? `“${clip(quote, QUOTE_SHOWN)}”` : t.deleted}
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
