import { z } from 'zod';
import { ENTITY_TYPES } from '../entities/types';
import { method } from './method';

const EntityId = z.string().min(1).max(300);

/** The entity methods of the API: people, organisations and places of the documents, grouped, and changed by hand. */
export const entityMethods = {
  entities: method(z.object({ type: z.enum(ENTITY_TYPES).optional() }).strict(), (ws, { type }) => ws.entities.list(type)),
  entity: method(z.object({ id: EntityId }).strict(), (ws, { id }) => ws.entities.page(id)),
  mergeEntities: method(z.object({ ids: z.array(EntityId).min(2).max(100), name: z.string().trim().min(1).max(300).optional() }).strict(), (ws, { ids, name }) =>
    ws.entities.merge(ids, name),
  ),
  splitEntity: method(z.object({ id: EntityId, variants: z.array(z.string().min(1).max(300)).min(1).max(1_000) }).strict(), (ws, { id, variants }) =>
    ws.entities.split(id, variants),
  ),
  entityEdits: method(z.object({}).strict(), (ws) => ws.entities.edits()),
  removeEntityEdit: method(z.object({ index: z.number().int().min(0) }).strict(), (ws, { index }) => ws.entities.removeEdit(index)),
};
