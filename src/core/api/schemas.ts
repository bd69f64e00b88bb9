import { z } from 'zod';
import { Tag } from '../annotations/model';
import { ArchivePath } from '../contained-path';

/** Argument schemas that methods of several domains share. */
export const AnnotationId = z.string().uuid();
export const Note = z.string().max(100_000);
/** A document id is its path in the archive: relative, no `..`, no NUL, no encoded tricks. */
export const DocId = ArchivePath.pipe(z.string().min(1));
export const Tags = z.array(Tag).max(100);
