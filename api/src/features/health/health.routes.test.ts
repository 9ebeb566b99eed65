import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { openDb } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { getJson, realApp } from '../../testing/real-db.ts';

const { app, db } = realApp();
afterAll(() => db.close());

describe('GET /api/health', () => {
  it('answers ok with the number of places once the data is loaded', async () => {
    const { status, body } = await getJson(app, '/api/health');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', lieux: expect.any(Number) });
    expect(body.lieux).toBeGreaterThan(20000);
  });

  it('answers 503 with an explanation while the database is empty, and so do the data routes', async () => {
    const empty = openDb(':memory:');
    migrate(empty);
    const emptyApp = createApp({ db: empty });
    for (const url of ['/api/health', '/api/lieux', '/api/services']) {
      const { status, body } = await getJson(emptyApp, url);
      expect(status).toBe(503);
      expect(body.code).toBe('indisponible');
    }
    empty.close();
  });

  it('answers 404 in JSON for an unknown API route', async () => {
    const { status, body } = await getJson(app, '/api/nimporte-quoi');
    expect(status).toBe(404);
    expect(body.code).toBe('route_introuvable');
  });
});
