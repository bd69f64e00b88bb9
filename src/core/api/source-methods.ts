import { z } from 'zod';
import { SOURCE_FORMATS } from '../dossier/source-export';
import { method } from './method';
import { transferredFile } from './schemas';

/** The sources cited, for a reference manager (Zotero): the open archive's DossierService writes them. */
export const sourceMethods = {
  /** A dossier's cited sources (null: the sources every annotation cites) as CSL-JSON, BibTeX or RIS, returned as exportDossier returns its file. */
  exportSources: method(
    z.object({ dossier: z.string().min(1).max(200).nullable(), format: z.enum(SOURCE_FORMATS) }).strict(),
    async (ws, { dossier, format }) => {
      return transferredFile(await ws.dossiers.exportSources(dossier, format));
    },
  ),
};
