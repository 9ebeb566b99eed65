import { Hono } from 'hono';
import { servicesQuery } from '../../contract/params.ts';
import { validate } from '../../http/validate.ts';
import type { StoreAccess } from '../../store.ts';
import { WORLD } from '../lieux/place-index.ts';
import { countFacets } from './facets.ts';
import { resolveFilter } from './vocabulary.ts';

export const servicesRoutes = (stores: StoreAccess) =>
  new Hono().get('/', validate('query', servicesQuery), (c) => {
    const q = c.req.valid('query');
    const store = stores.get();
    const masks = resolveFilter(store.vocabulary, q.services, q.types, q.labels);
    const combos = store.index.facets(q.bbox ?? WORLD);
    return c.json(countFacets(store.vocabulary, combos, masks));
  });
