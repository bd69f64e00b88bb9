import { paragraphNumberAt, summarize, type ArchiveDocument } from '../archive/document';
import { pagesOfSpan } from '../archive/page-numbers';
import type { AnchoredAnnotation } from '../annotations/model';
import type { CitationStyle } from './citation';
import { anchoredRow, type ClaimCell, type ClaimsTableRecord } from './claims-table';
import type { Dossier } from './dossier-store';
import type { CitedSource, DossierContent, DossierQuote, DossierSection } from './model';
import { elisionOf, type Elision } from './quote-ellipsis';

export interface BuiltContent {
  content: DossierContent;
  /** Items left out, in words (an annotation deleted since it was added). */
  warnings: string[];
}

interface Lookups {
  annotation(id: string): AnchoredAnnotation | undefined;
  document(id: string): ArchiveDocument | undefined;
  now: Date;
}

/** The content of a stored dossier: its sections and items resolved against annotations and sources. */
export function contentOfDossier(dossier: Dossier, lookups: Lookups): BuiltContent {
  const warnings: string[] = [];
  const sections = dossier.sections.map((section) => ({
    heading: section.heading,
    items: section.items.flatMap((item): AssembledItem[] => {
      if (item.claims) return claimItems(item.annotationId, item.claims, lookups);
      const annotation = lookups.annotation(item.annotationId);
      if (!annotation) {
        warnings.push(`an item of section “${section.heading || 'untitled'}” refers to an annotation that was deleted (${item.annotationId}); it is left out`);
        return [];
      }
      return [{ annotation, commentary: item.commentary }];
    }),
  }));
  return {
    content: assemble(
      { title: dossier.title || dossier.name, author: dossier.author, date: dossier.date, introduction: dossier.introduction },
      sections,
      lookups,
    ),
    warnings,
  };
}

/** The first version's dossier: every annotation, one section per source in archive order. */
export function contentOfAllAnnotations(
  annotations: readonly AnchoredAnnotation[],
  fields: { title: string; author: string; citationStyle?: CitationStyle },
  lookups: Lookups,
): BuiltContent {
  const byDoc = new Map<string, AnchoredAnnotation[]>();
  for (const a of annotations) byDoc.set(a.target.docId, [...(byDoc.get(a.target.docId) ?? []), a]);
  const sections = [...byDoc.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([docId, list]) => ({
      heading: lookups.document(docId)?.title ?? docId,
      items: list
        .sort((a, b) => (a.current?.start ?? Infinity) - (b.current?.start ?? Infinity))
        .map((annotation) => ({ annotation, commentary: '' })),
    }));
  return { content: assemble({ ...fields, date: null, introduction: '' }, sections, lookups), warnings: [] };
}

/** What the dossier prints for one quote: the annotation (or a claims table's row) as it anchors now. */
interface AssembledItem {
  annotation: AnchoredAnnotation;
  commentary: string;
  claim?: ClaimCell;
}

/** A claims table's rows, each sentence anchored in the current text like an annotation's quote. */
function claimItems(table: string, claims: ClaimsTableRecord, lookups: Lookups): AssembledItem[] {
  const created = lookups.now.toISOString();
  return claims.rows.map((row) => ({
    annotation: anchoredRow(row, lookups.document(row.target.docId), created),
    commentary: '',
    claim: { table, measure: claims.measure, value: row.value, high: row.high, qualifier: row.qualifier, title: row.title, date: row.date },
  }));
}

function assemble(
  fields: { title: string; author: string; date: string | null; introduction: string; citationStyle?: CitationStyle },
  sections: Array<{ heading: string; items: AssembledItem[] }>,
  lookups: Lookups,
): DossierContent {
  let number = 0;
  const cited: string[] = [];
  const resolved: DossierSection[] = sections.map((section) => ({
    heading: section.heading,
    quotes: section.items.map(({ annotation: a, commentary, claim }): DossierQuote => {
      const doc = lookups.document(a.target.docId);
      if (!cited.includes(a.target.docId)) cited.push(a.target.docId);
      // A fuzzy place is unreviewed: no offsets are cited for it, only the recorded quote.
      const place = a.status === 'fuzzy' ? null : a.current;
      return {
        number: ++number,
        annotationId: a.id,
        docId: a.target.docId,
        quote: a.target.quote.exact,
        note: a.note,
        commentary,
        tags: a.tags,
        color: a.color,
        author: a.author,
        status: a.status,
        start: place?.start ?? null,
        end: place?.end ?? null,
        paragraph: doc && place ? paragraphNumberAt(doc, place.start) : null,
        pages: doc && place ? pagesOfSpan(doc.pages, place.start, place.end) : null,
        elided: elisionAround(a, doc && place ? { text: doc.text, ...place } : null),
        ...(claim ? { claim } : {}),
      };
    }),
  }));
  const sources: CitedSource[] = cited.map((id) => {
    const doc = lookups.document(id);
    return doc ? { doc: summarize(doc), text: doc.text, paragraphs: doc.paragraphs } : { doc: { id }, text: null, paragraphs: null };
  });
  return { ...fields, created: lookups.now, sections: resolved, sources };
}

/**
 * Which ends of a quote are cut from inside a sentence: judged from the source's text around its
 * place, or, with no place to cite, from the context recorded with the annotation.
 */
function elisionAround(a: AnchoredAnnotation, place: { text: string; start: number; end: number } | null): Elision {
  if (place) return elisionOf(place.text, place.start, place.end);
  const { prefix, exact, suffix } = a.target.quote;
  return elisionOf(`${prefix}${exact}${suffix}`, prefix.length, prefix.length + exact.length);
}
