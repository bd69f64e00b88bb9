import { z } from 'zod';
import { CITATION_STYLES } from '../dossier/citation';
import { DOSSIER_FORMATS } from '../dossier/dossier-service';
import { DossierChanges } from '../dossier/dossier-store';
import { MEASURES } from '../figures/claims';
import { AnnotationId, Note, transferredFile } from './schemas';
import { method } from './method';

/** The dossier methods of the API: each calls the open archive's DossierService. */
export const dossierMethods = {
  listDossiers: method(z.object({}).strict(), (ws) => ws.dossiers.list()),
  getDossier: method(z.object({ id: z.string().uuid() }).strict(), (ws, { id }) => ws.dossiers.get(id)),
  createDossier: method(
    DossierChanges.omit({ name: true }).extend({ name: z.string().trim().min(1).max(200) }).strict(),
    (ws, { name, ...fields }) => ws.dossiers.create(name, fields),
  ),
  updateDossier: method(DossierChanges.extend({ id: z.string().uuid(), basedOn: z.iso.datetime().optional() }).strict(), (ws, { id, basedOn, ...changes }) =>
    ws.dossiers.update(id, changes, basedOn),
  ),
  deleteDossier: method(z.object({ id: z.string().uuid() }).strict(), async (ws, { id }) => {
    await ws.dossiers.remove(id);
    return { deleted: id };
  }),
  addToDossier: method(
    z.object({ id: z.string().uuid(), annotationId: AnnotationId, sectionId: z.string().uuid().optional(), commentary: Note.optional() }).strict(),
    (ws, { id, annotationId, sectionId, commentary }) => ws.dossiers.add(id, annotationId, sectionId, commentary),
  ),
  /** Appends the figures the sources give for a measure, as a claims table, to a section (the last unless one is named). */
  addClaimsTable: method(
    z.object({ id: z.string().uuid(), measure: z.enum(MEASURES), sectionId: z.string().uuid().optional() }).strict(),
    (ws, { id, measure, sectionId }) => ws.dossiers.addClaimsTable(id, measure, ws.figures(measure), sectionId),
  ),
  exportDossier: method(
    z
      .object({
        dossier: z.string().min(1).max(200).nullable(),
        format: z.enum(DOSSIER_FORMATS),
        title: z.string().trim().min(1).max(300).optional(),
        author: z.string().trim().max(300).optional(),
        /** How citations are printed in a PDF or Markdown (Chicago author-date by default). */
        citationStyle: z.enum(CITATION_STYLES).optional(),
        /** A PDF is signed with the local identity unless 'none', or with a PKCS#12 file (base64) and its passphrase. */
        signature: z
          .union([
            z.enum(['local', 'none']),
            z.object({ pkcs12Base64: z.string().min(1).max(10_000_000), passphrase: z.string().max(1_000), fileName: z.string().max(4_096).optional() }).strict(),
          ])
          .optional(),
      })
      .strict(),
    async (ws, { dossier, format, title, author, citationStyle, signature = 'local' }) => {
      const signing = typeof signature === 'string' ? signature : { ...signature, pkcs12: Buffer.from(signature.pkcs12Base64, 'base64') };
      return transferredFile(await ws.dossiers.export(dossier, format, { title, author, citationStyle }, signing));
    },
  ),
  /** A dossier PDF (checked against the open archive) or an evidence bundle, a zip (checked against itself). */
  verifyDossier: method(z.object({ base64: z.string().min(1).max(200_000_000) }).strict(), (ws, { base64 }) =>
    ws.dossiers.verify(Buffer.from(base64, 'base64')),
  ),
};
