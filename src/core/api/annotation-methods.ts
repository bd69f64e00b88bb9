import { z } from 'zod';
import { EXPORT_FORMATS, GROUPINGS } from '../annotations/interchange';
import { HighlightColor, Tag } from '../annotations/model';
import { CasefileError, errorMessage } from '../errors';
import { method } from './method';
import { AnnotationId, DocId, Note, Tags } from './schemas';

/** The annotation methods of the API: each calls the open archive's AnnotationService. */
export const annotationMethods = {
  listAnnotations: method(
    z
      .object({
        docId: DocId.optional(),
        tag: Tag.optional(),
        color: HighlightColor.optional(),
        status: z.enum(['anchored', 'moved', 'fuzzy', 'orphaned']).optional(),
        text: z.string().max(1_000).optional(),
      })
      .strict(),
    (ws, filter) => ws.annotations.list(filter),
  ),
  listTags: method(z.object({}).strict(), (ws) => ws.annotations.tags()),
  createAnnotation: method(
    z
      .object({
        docId: DocId,
        start: z.number().int().nonnegative(),
        end: z.number().int().positive(),
        note: Note.optional(),
        tags: Tags.optional(),
        color: HighlightColor.optional(),
      })
      .strict()
      .refine((a) => a.end > a.start, { message: 'end must be greater than start', path: ['end'] }),
    (ws, args) => ws.annotations.create(args),
  ),
  annotateQuote: method(
    z
      .object({
        docId: DocId,
        quote: z.string().min(1).max(100_000),
        occurrence: z.number().int().positive().optional(),
        note: Note.optional(),
        tags: Tags.optional(),
        color: HighlightColor.optional(),
      })
      .strict(),
    (ws, args) => ws.annotations.annotateQuote(args),
  ),
  updateAnnotation: method(
    z.object({ id: AnnotationId, note: Note.optional(), tags: Tags.optional(), color: HighlightColor.optional() }).strict(),
    (ws, args) => ws.annotations.update(args),
  ),
  deleteAnnotation: method(z.object({ id: AnnotationId }).strict(), async (ws, { id }) => {
    await ws.annotations.delete(id);
    return { deleted: id };
  }),
  acceptAnnotation: method(z.object({ id: AnnotationId }).strict(), (ws, { id }) => ws.annotations.accept(id)),
  detachAnnotation: method(z.object({ id: AnnotationId }).strict(), (ws, { id }) => ws.annotations.detach(id)),
  undo: method(z.object({}).strict(), (ws) => ws.annotations.undo()),
  redo: method(z.object({}).strict(), (ws) => ws.annotations.redo()),
  exportAnnotations: method(
    z.object({ format: z.enum(EXPORT_FORMATS), groupBy: z.enum(GROUPINGS).optional() }).strict(),
    (ws, { format, groupBy }) => ws.exportAnnotations(format, groupBy),
  ),
  importAnnotations: method(z.object({ content: z.string().min(1).max(50_000_000) }).strict(), (ws, { content }) => {
    let json: unknown;
    try {
      json = JSON.parse(content);
    } catch (error) {
      throw new CasefileError('invalid-argument', `the file is not JSON (${errorMessage(error)}); expected W3C Web Annotation JSON-LD`);
    }
    return ws.annotations.importJsonLd(json);
  }),
  restoreAnnotationBackup: method(z.object({}).strict(), async (ws) => {
    await ws.annotations.restoreBackup();
    return ws.info();
  }),
};
