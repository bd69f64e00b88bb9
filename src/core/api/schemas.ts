import { z } from 'zod';

/** Argument schemas that methods of several domains share. */
export const AnnotationId = z.string().uuid();
export const Note = z.string().max(100_000);
