import { z } from 'zod';
import { summarize } from '../archive/document';
import { CITATION_STYLES, DEFAULT_CITATION_STYLE, formatReference } from '../dossier/citation';
import { SOURCE_FORMATS } from '../dossier/source-export';
import { method } from './method';
import { DocId, transferredFile } from './schemas';

/** The sources: cited for a reference manager (Zotero) by the open archive's DossierService, and one source's reference. */
export const sourceMethods = {
  /** A dossier's cited sources (null: the sources every annotation cites) as CSL-JSON, BibTeX or RIS, returned as exportDossier returns its file. */
  exportSources: method(
    z.object({ dossier: z.string().min(1).max(200).nullable(), format: z.enum(SOURCE_FORMATS) }).strict(),
    async (ws, { dossier, format }) => {
      return transferredFile(await ws.dossiers.exportSources(dossier, format));
    },
  ),
  /** One document's reference in a citation style (Chicago author-date when not given), as a dossier prints it: for the page view. */
  citeSource: method(z.object({ id: DocId, style: z.enum(CITATION_STYLES).optional() }).strict(), (ws, { id, style }) => ({
    reference: formatReference(summarize(ws.archive.require(id)), style ?? DEFAULT_CITATION_STYLE),
  })),
};
