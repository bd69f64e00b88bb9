import { createHash } from 'node:crypto';
import type { ArchiveDocument } from '../archive/document';
import { CodePointIndex, withoutSplitPairs } from './code-points';
import type { AnchoredAnnotation, HighlightColor } from './model';

/**
 * W3C Web Annotation JSON-LD out of Casefile, valid against every MUST assertion of the W3C
 * annotation-model test suite (tests/core/annotations/w3c-conformance.test.ts runs them):
 * - the source is `urn:sha256:<hex>` of the file the annotation was made on, so it still names the
 *   document after the archive moves or is copied; the archive path rides along as `casefile:docId`;
 * - TextPositionSelector offsets count code points, as the model does (Casefile's own count UTF-16
 *   units); they are written only when the archive still holds that very file, since offsets into a
 *   text nobody has would mislead;
 * - note and tags are TextualBody with purpose commenting / tagging, and a highlight with neither has
 *   no body at all;
 * - the colour is the target's styleClass, defined by a CssStylesheet embedded in the annotation.
 */
export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our own terms (the archive path, the anchoring status, the detached flag, …) live under this prefix. */
export const CASEFILE_CONTEXT = { casefile: 'urn:casefile:vocabulary#' };
export const SHA256_IRI_PREFIX = 'urn:sha256:';

/** Background of each highlight colour, as the reader draws it (src/renderer/src/styles/base.css). */
const HIGHLIGHT_BACKGROUND: Record<HighlightColor, string> = {
  yellow: '#fbe38a',
  green: '#bfe6b9',
  blue: '#bcd6f7',
  pink: '#f6c2da',
  orange: '#fbd0a6',
};

/** What the export needs of a document: its text, to count offsets in code points, and which file it is. */
export type ExportedDocument = Pick<ArchiveDocument, 'text' | 'sha256'>;

/**
 * An AnnotationCollection with one embedded page. Without `documents` no TextPositionSelector is
 * written (its offsets cannot be counted in code points without the text); the quote still anchors.
 */
export function toJsonLd(annotations: readonly AnchoredAnnotation[], label: string, documents?: ReadonlyMap<string, ExportedDocument>): object {
  const indexes = new Map<string, CodePointIndex>();
  const codePoints = (doc: ExportedDocument) => {
    let index = indexes.get(doc.sha256);
    if (!index) indexes.set(doc.sha256, (index = new CodePointIndex(doc.text)));
    return index;
  };
  const items = annotations.map((a) => {
    const doc = documents?.get(a.target.docId);
    const position = doc && doc.sha256 === a.target.docSha256 ? codePoints(doc) : null;
    return annotationItem(a, position);
  });
  // Ids derived from what is exported: the same annotations give the same ids, so an export (and a
  // dossier's evidence bundle that holds one) is reproducible, and any change gives new ones.
  const collectionId = `urn:uuid:${nameBasedUuid(`casefile-collection:${label}:${JSON.stringify(items)}`)}`;
  return {
    '@context': [W3C_CONTEXT, CASEFILE_CONTEXT],
    id: collectionId,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: {
      id: `urn:uuid:${nameBasedUuid(`casefile-page:${collectionId}:0`)}`,
      type: 'AnnotationPage',
      partOf: collectionId,
      startIndex: 0,
      items,
    },
  };
}

function annotationItem(a: AnchoredAnnotation, codePoints: CodePointIndex | null): object {
  const bodies = [
    ...(a.note.trim() === '' ? [] : [{ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/markdown' }]),
    ...a.tags.map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag })),
  ];
  const { quote, position } = a.target;
  return {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: a.note.trim() === '' ? 'highlighting' : 'commenting',
    created: a.created,
    modified: a.modified,
    ...(a.author ? { creator: { type: 'Person', name: a.author } } : {}),
    stylesheet: { type: 'CssStylesheet', value: `.${a.color} { background-color: ${HIGHLIGHT_BACKGROUND[a.color]}; }` },
    ...(bodies.length > 0 ? { body: bodies } : {}),
    target: {
      type: 'SpecificResource',
      source: `${SHA256_IRI_PREFIX}${a.target.docSha256}`,
      styleClass: a.color,
      'casefile:docId': a.target.docId,
      'casefile:status': a.status,
      ...(a.detached ? { 'casefile:detached': true } : {}),
      // Offsets into a file the archive no longer holds cannot be counted in code points: Casefile's
      // own count is kept for Casefile, as a hint to re-anchoring, and no TextPositionSelector written.
      ...(codePoints ? {} : { 'casefile:utf16Offsets': { start: position.start, end: position.end } }),
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: withoutSplitPairs(quote.prefix), suffix: withoutSplitPairs(quote.suffix) },
        ...(codePoints
          ? [{ type: 'TextPositionSelector', start: codePoints.toCodePoint(position.start), end: codePoints.toCodePoint(position.end) }]
          : []),
      ],
    },
  };
}

/** A name-based UUID (version 5 layout over SHA-256): the same name always gives the same UUID. */
export function nameBasedUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
