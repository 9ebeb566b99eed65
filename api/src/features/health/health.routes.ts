import { Hono } from 'hono';
import type { StoreAccess } from '../../store.ts';

export const healthRoutes = (stores: StoreAccess) =>
  new Hono().get('/', (c) => {
    const store = stores.get();
    const lieux = store.db.prepare('SELECT count(*) FROM lieux').pluck().get() as number;
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' as const, lieux });
  });
