import { Hono } from 'hono';
import { DEFAULT_LIMIT, lieuIdParam, lieuxQuery } from '../../contract/params.ts';
import { ApiError } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import type { StoreAccess } from '../../store.ts';
import { ouvertureAt, weekAt } from '../horaires/opening.ts';
import { territoryOf } from '../horaires/timezones.ts';
import { resolveFilter } from '../services/vocabulary.ts';
import { WORLD } from './place-index.ts';

/** `now` is the server's clock: opening status and the week's hours are computed at that instant. */
export const lieuxRoutes = (stores: StoreAccess, now: () => number = Date.now) =>
  new Hono()
    .get('/', validate('query', lieuxQuery), (c) => {
      const q = c.req.valid('query');
      const store = stores.get();
      const masks = resolveFilter(store.vocabulary, q.services, q.types, q.labels);
      const limit = q.limit ?? DEFAULT_LIMIT;
      const offset = q.offset ?? 0;
      // The first list request starts preparing every place's hours in the background.
      void store.index.warmHours();
      const { total, itemsJson, sansHoraires } = store.index.search(q.bbox ?? WORLD, masks, limit, offset, {
        near: q.near, q: q.q, ouvert: q.ouvert, now: new Date(now()),
      });
      const left = sansHoraires === undefined ? '' : `,"sans_horaires":${sansHoraires}`;
      c.header('Content-Type', 'application/json; charset=UTF-8');
      return c.body(`{"total":${total},"limit":${limit},"offset":${offset}${left},"items":${itemsJson}}`);
    })
    .get('/:id', validate('param', lieuIdParam), (c) => {
      const { id } = c.req.valid('param');
      const lieu = stores.get().lieux.byId(id);
      if (!lieu) throw new ApiError(404, 'lieu_introuvable', { id: id.slice(0, 100) });
      const territory = territoryOf(lieu.departement, lieu.latitude, lieu.longitude);
      const at = new Date(now());
      return c.json({
        ...lieu,
        horaires: { ...lieu.horaires, semaine: weekAt(lieu.horaires.osm, territory, at) },
        ouverture: ouvertureAt(lieu.horaires.osm, territory, at),
      });
    });
