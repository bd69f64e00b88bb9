import { z } from 'zod';
import { MEASURES } from '../figures/claims';
import { method } from './method';

/** The figures methods of the API: numbers the sources give for the same measure, side by side. */
export const figureMethods = {
  figures: method(z.object({ measure: z.enum(MEASURES).optional() }).strict(), (ws, { measure }) => ws.figures(measure)),
};
