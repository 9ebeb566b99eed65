import { Hono } from 'hono';
import { communesQuery } from '../../contract/params.ts';
import type { Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import { type CommunesQueries, createCommunesQueries } from './communes.queries.ts';

const DEFAULT_LIMIT = 10;

/**
 * Communes by name or postcode, for "find help near me". A search too short or made only of
 * punctuation or emoji answers an empty list (200): the suggestions simply stay empty while typing.
 */
export const communesRoutes = (db: Db) => {
  let queries: CommunesQueries | undefined;
  const ready = (): CommunesQueries => {
    try {
      queries ??= createCommunesQueries(db);
      return queries;
    } catch {
      // No communes table yet: the import has not run with this schema.
      throw new ApiError(503, 'indisponible');
    }
  };

  return new Hono().get('/', validate('query', communesQuery), (c) => {
    const { q, limit } = c.req.valid('query');
    return c.json({ items: ready().search(q, limit ?? DEFAULT_LIMIT) });
  });
};
