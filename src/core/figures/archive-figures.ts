import type { ArchiveDocument } from '../archive/document';
import { extractClaims, groupClaims, type Claim, type Measure, type MeasureFigures } from './claims';

/** Claims per document version: a document object is replaced, never changed, when its file changes. */
const claimsByDocument = new WeakMap<ArchiveDocument, Claim[]>();

function claimsOf(document: ArchiveDocument): Claim[] {
  let claims = claimsByDocument.get(document);
  if (!claims) {
    claims = extractClaims(document.text, { doc: document.id, date: document.date?.iso ?? null, skip: document.boilerplate });
    claimsByDocument.set(document, claims);
  }
  return claims;
}

/** The figures an archive's documents give, by measure (only `measure`'s, if given). */
export function archiveFigures(documents: Iterable<ArchiveDocument>, measure?: Measure): MeasureFigures[] {
  const claims = [...documents].flatMap(claimsOf);
  return groupClaims(measure === undefined ? claims : claims.filter((c) => c.measure === measure));
}
