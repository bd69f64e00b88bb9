import { z } from 'zod';
import { compareDocuments, copiesOf, copyGroups } from '../duplicates/archive-duplicates';
import { method } from './method';
import { DocId } from './schemas';

/** The near-duplicate methods of the API: copies and light edits of a document, and two documents side by side. */
export const duplicateMethods = {
  /** The documents that are copies or light edits of this one, most similar first. */
  nearDuplicates: method(z.object({ id: DocId }).strict(), (ws, { id }) => {
    const { archive } = ws;
    return copiesOf(archive.require(id), archive.documents.values(), (other) => archive.documents.get(other));
  }),
  /** Every group of copies in the archive, largest first, the earliest dated document first in each. */
  duplicateGroups: method(z.object({}).strict(), (ws) => copyGroups(ws.archive.documents.values())),
  /** Two documents compared word by word. */
  compareDocuments: method(z.object({ a: DocId, b: DocId }).strict(), (ws, { a, b }) => compareDocuments(ws.archive.require(a), ws.archive.require(b))),
};
