import { z } from 'zod';
import { documentMarks, marksByDocument } from '../marks/workstation-marks';
import { method } from './method';
import { DocId, Tags } from './schemas';

/** Document marks: a star and tags on whole documents, to come back to them and to filter searches by. */
export const markMethods = {
  documentMarks: method(z.object({}).strict(), async (ws) => [...(await marksByDocument(ws)).values()]),
  markDocument: method(z.object({ id: DocId, starred: z.boolean().optional(), tags: Tags.optional() }).strict(), async (ws, { id, starred, tags }) => {
    const doc = ws.archive.require(id);
    return (await documentMarks(ws)).set(doc, { starred, tags }, ws.archive.documents, new Date());
  }),
};
