import { Hono } from 'hono';
import { z } from 'zod';
import { lieuIdParam } from '../../contract/params.ts';
import { ApiError } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import type { AuthEnv } from '../auth/session.ts';
import type { Coordination } from '../edition/edition.ts';
import { TRANCHES } from '../../contract/coordination.ts';
import { createCoordinationQueries } from './coordination.queries.ts';

const page = {
  limit: z.string().regex(/^\d{1,3}$/, { message: 'limit_invalide' }).transform(Number).pipe(z.number().min(1, { message: 'limit_invalide' }).max(200, { message: 'limit_invalide' })).optional(),
  offset: z.string().regex(/^\d{1,7}$/, { message: 'offset_invalide' }).transform(Number).optional(),
  lang: z.enum(['fr', 'en']).optional(),
};

const freshnessQuery = z.strictObject({
  ...page,
  tranche: z.enum(TRANCHES, { message: 'tranche_invalide' }).optional(),
  departement: z.string().regex(/^(\d{2,3}|2[AB])$/, { message: 'territoire_invalide' }).optional(),
});

const searchQuery = z.strictObject({
  ...page,
  q: z.string().trim().max(200).optional(),
  archive: z.enum(['0', '1']).optional(),
});

/** What coordinators read: their places, archived ones included, and how fresh they are. */
export function coordinationRoutes(co: Coordination) {
  const queries = createCoordinationQueries(co.places.db);
  return new Hono<AuthEnv>()
    .use('*', co.auth.required)
    .use('*', async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
    })
    .get('/fraicheur', validate('query', freshnessQuery), (c) => {
      const q = c.req.valid('query');
      return c.json(
        queries.freshness(c.get('account'), co.auth.now(), {
          tranche: q.tranche ?? 'jamais', departement: q.departement, limit: q.limit ?? 50, offset: q.offset ?? 0,
        }),
      );
    })
    .get('/lieux', validate('query', searchQuery), (c) => {
      const q = c.req.valid('query');
      return c.json(queries.search(c.get('account'), { q: q.q || undefined, archive: q.archive === '1', limit: q.limit ?? 50, offset: q.offset ?? 0 }));
    })
    .get('/lieux/:id', validate('param', lieuIdParam), (c) => {
      const { id } = c.req.valid('param');
      const row = co.places.row(id);
      if (!row) throw new ApiError(404, 'lieu_introuvable', { id: id.slice(0, 100) });
      return c.json(co.places.view(row, c.get('account')));
    });
}
