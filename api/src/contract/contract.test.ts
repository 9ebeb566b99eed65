import { afterAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { call, coordinationTestApp } from '../features/auth/testing.ts';
import * as co from './coordination.ts';
import * as pub from './responses.ts';

/**
 * The web's types and the OpenAPI document come from the contract's schemas: real answers of the
 * real app must match them exactly. Parsing strips keys a schema does not declare, so an answer
 * equal to its parse has no field the contract forgot, and none of the wrong type.
 */
const t = coordinationTestApp();
afterAll(() => t.close());

function expectShape<S extends z.ZodType>(schema: S, body: unknown) {
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  expect(parsed.data).toEqual(body);
}

const get = async (url: string) => {
  const res = await t.app.request(url);
  return { status: res.status, body: (await res.json()) as unknown };
};

const BOBIGNY = '2.40,48.89,2.47,48.93';

describe('the public answers match the contract', () => {
  it.each([
    ['a town', `/api/lieux?bbox=${BOBIGNY}`],
    ['around a point', '/api/lieux?near=2.44,48.91&limit=5'],
    ['open now', `/api/lieux?bbox=${BOBIGNY}&ouvert=maintenant`],
    ['by name', '/api/lieux?q=mediatheque&limit=5'],
  ])('GET /api/lieux, %s', async (_, url) => {
    const { status, body } = await get(url);
    expect(status).toBe(200);
    expect((body as pub.PlacePage).items.length).toBeGreaterThan(0);
    expectShape(pub.lieuxPage, body);
  });

  it('GET /api/lieux/:id, with hours and without', async () => {
    const withHours = t.db.prepare('SELECT id FROM lieux WHERE horaires_osm IS NOT NULL LIMIT 1').pluck().get() as string;
    const withoutHours = t.db.prepare('SELECT id FROM lieux WHERE horaires_osm IS NULL LIMIT 1').pluck().get() as string;
    for (const id of [withHours, withoutHours]) {
      const { status, body } = await get(`/api/lieux/${encodeURIComponent(id)}`);
      expect(status).toBe(200);
      expectShape(pub.lieuDetail, body);
    }
  });

  it.each([
    ['services', `/api/services?bbox=${BOBIGNY}`, pub.servicesBody],
    ['clusters', '/api/clusters?bbox=-5.5,41.2,9.8,51.3&zoom=5', pub.clustersBody],
    ['communes', '/api/communes?q=saint-denis', pub.communesBody],
    ['health', '/api/health', pub.healthBody],
  ] as const)('GET /api/%s', async (_, url, schema) => {
    const { status, body } = await get(url);
    expect(status).toBe(200);
    expectShape(schema, body);
  });

  it('a refusal', async () => {
    const { status, body } = await get('/api/lieux?bbox=1,2,3');
    expect(status).toBe(400);
    expectShape(pub.errorBody, body);
  });
});

describe('the coordinators’ answers match the contract', () => {
  it('session, places, freshness, history, a conflict, reports, accounts', async () => {
    const admin = await t.account('admin@reperes.test', 'administrateur');
    const me = await call(t.app, 'GET', '/api/auth/me', admin);
    expectShape(co.session, me.body);

    const list = await call(t.app, 'GET', '/api/coordination/lieux?q=bobigny&limit=5', admin);
    expectShape(co.coordinationList, list.body);
    const id = (list.body as co.CoordinationList).items[0]!.id;

    const place = await call(t.app, 'GET', `/api/coordination/lieux/${id}`, admin);
    expectShape(co.coordinatedPlace, place.body);
    expectShape(co.freshness, (await call(t.app, 'GET', '/api/coordination/fraicheur?limit=5', admin)).body);

    const saved = await call(t.app, 'PATCH', `/api/lieux/${id}`, admin, { version: place.body.version, telephone: '01 41 60 00 00' });
    expect(saved.status).toBe(200);
    expectShape(co.coordinatedPlace, saved.body);
    const stale = await call(t.app, 'PATCH', `/api/lieux/${id}`, admin, { version: place.body.version, telephone: '01 41 60 00 01' });
    expect(stale.status).toBe(409);
    expectShape(pub.errorBody, stale.body);
    expectShape(co.staleVersion, stale.body.current);
    expectShape(co.history, (await call(t.app, 'GET', `/api/lieux/${id}/historique`, admin)).body);

    const refused = await call(t.app, 'PATCH', `/api/lieux/${id}`, admin, { version: saved.body.version, code_postal: 'abc' });
    expect(refused.status).toBe(400);
    expectShape(pub.errorBody, refused.body);
    expect(refused.body.fields.length).toBeGreaterThan(0);

    expect((await call(t.app, 'POST', `/api/lieux/${id}/signalements`, undefined, { motif: 'horaires' })).status).toBe(201);
    const reports = await call(t.app, 'GET', '/api/signalements', admin);
    expect(reports.body.items.length).toBe(1);
    expectShape(co.reportList, reports.body);

    await call(t.app, 'POST', '/api/admin/invitations', admin, { courriel: 'coord@reperes.test', role: 'coordinateur', territoires: ['93'] });
    const accounts = await call(t.app, 'GET', '/api/admin/comptes', admin);
    expect(accounts.body.invitations.length).toBe(1);
    expectShape(co.accounts, accounts.body);
  });
});
