import { Hono } from 'hono';
import { DEFAULT_LIMIT, lieuIdParam, lieuxQuery } from '../../contract/params.ts';
import { ApiError } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import type { StoreAccess } from '../../store.ts';
import { resolveFilter } from '../services/vocabulary.ts';
import { WORLD } from './place-index.ts';

export const lieuxRoutes = (stores: StoreAccess) =>
  new Hono()
    .get('/', validate('query', lieuxQuery), (c) => {
      const q = c.req.valid('query');
      const store = stores.get();
      const masks = resolveFilter(store.vocabulary, q.services, q.types);
      const limit = q.limit ?? DEFAULT_LIMIT;
      const offset = q.offset ?? 0;
      const { total, itemsJson } = store.index.search(q.bbox ?? WORLD, masks, limit, offset);
      c.header('Content-Type', 'application/json; charset=UTF-8');
      return c.body(`{"total":${total},"limit":${limit},"offset":${offset},"items":${itemsJson}}`);
    })
    .get('/:id', validate('param', lieuIdParam), (c) => {
      const { id } = c.req.valid('param');
      const lieu = stores.get().lieux.byId(id);
      if (!lieu) throw new ApiError(404, 'lieu_introuvable', { id: id.slice(0, 100) });
      return c.json(lieu);
    });
