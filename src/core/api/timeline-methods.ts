import { z } from 'zod';
import { method } from './method';

/** The timeline methods of the API: the dates of the documents and those written in them, in order. */
export const timelineMethods = {
  timeline: method(z.object({}).strict(), (ws) => ws.timeline()),
};
