import type { AnchoredAnnotation, Dossier } from '../../../core/api/types';
import { numberItems, sectionName } from '../dossier/sections';
import { clip, plural } from '../format';

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
  const numbers = numberItems(dossier.sections);
  const sources = new Set(dossier.sections.flatMap((s) => s.items.flatMap((i) => annotations?.get(i.annotationId)?.target.docId ?? [])));
  return (
    <nav className="dossier-outline" aria-label="Dossier outline">
      <p className="outline-title">{dossier.title.trim() || dossier.name}</p>
      <p className="outline-counts muted">
        {plural(numbers.size, 'quote')} · {plural(dossier.sections.length, 'section')}
        {annotations && ` · ${plural(sources.size, 'source')}`}
      </p>
      <ol className="outline-sections">
        {dossier.sections.map((section, index) => (
          <li key={section.id}>
            <span className={section.heading.trim() ? 'outline-heading' : 'outline-heading muted'}>{sectionName(section, index)}</span>
            {section.items.length > 0 && (
              <ol className="outline-quotes">
                {section.items.map((item) => {
                  const quote = annotations?.get(item.annotationId)?.target.quote.exact;
                  return (
                    <li key={item.annotationId}>
                      <button type="button" className="outline-quote" onClick={() => onJump(item.annotationId)}>
                        <span className="outline-number">{numbers.get(item.annotationId)}.</span> {quote ? `“${clip(quote, QUOTE_SHOWN)}”` : '(deleted annotation)'}
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
