import { Hono } from 'hono';
import { clustersQuery } from '../../contract/params.ts';
import { validate } from '../../http/validate.ts';
import type { StoreAccess } from '../../store.ts';
import { WORLD } from '../lieux/place-index.ts';
import { resolveFilter } from '../services/vocabulary.ts';

/**
 * Grid cell, in degrees, for a zoom level: about 60 screen pixels of a 256-pixel tile. From zoom
 * 12 on, cells shrink to about a metre so that only places at the very same spot group together.
 */
export const cellForZoom = (zoom: number) => (zoom >= 12 ? 1e-5 : (360 / 2 ** zoom / 256) * 60);

export const clustersRoutes = (stores: StoreAccess) =>
  new Hono().get('/', validate('query', clustersQuery), (c) => {
    const q = c.req.valid('query');
    const store = stores.get();
    const masks = resolveFilter(store.vocabulary, q.services, q.types, q.labels);
    const clusters = store.index.clusters(q.bbox ?? WORLD, masks, cellForZoom(q.zoom));
    const total = clusters.reduce((sum, cl) => sum + cl.count, 0);
    return c.json({ total, clusters });
  });
