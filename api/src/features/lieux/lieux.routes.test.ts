import { afterAll, describe, expect, it } from 'vitest';
import { getJson, realApp } from '../../testing/real-db.ts';

const { app, db } = realApp();
afterAll(() => db.close());

// Bobigny (93) and a box around it, roughly a town.
const BOBIGNY = '2.40,48.89,2.47,48.93';
const FRANCE = '-5.5,41.2,9.8,51.3';

describe('GET /api/lieux', () => {
  it('counts every matching place in total and returns at most the default 50 items', async () => {
    const { status, body } = await getJson(app, `/api/lieux?bbox=${FRANCE}`);
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(20000);
    expect(body.items).toHaveLength(50);
    expect(body.limit).toBe(50);
    expect(body.offset).toBe(0);
  });

  it('returns only places inside the box, nearest to its centre first', async () => {
    const { body } = await getJson(app, `/api/lieux?bbox=${BOBIGNY}&limit=500`);
    expect(body.total).toBeGreaterThan(5);
    expect(body.items.length).toBe(body.total);
    for (const p of body.items) {
      expect(p.longitude).toBeGreaterThanOrEqual(2.4);
      expect(p.longitude).toBeLessThanOrEqual(2.47);
      expect(p.latitude).toBeGreaterThanOrEqual(48.89);
      expect(p.latitude).toBeLessThanOrEqual(48.93);
    }
    const d = (p: { longitude: number; latitude: number }) =>
      ((p.longitude - 2.435) * 0.658) ** 2 + (p.latitude - 48.91) ** 2;
    const distances = body.items.map(d);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('keeps only places offering a ticked service, and narrows across axes', async () => {
    const all = await getJson(app, `/api/lieux?bbox=${FRANCE}&limit=500`);
    const caf = await getJson(app, `/api/lieux?bbox=${FRANCE}&services=famille-allocations&limit=500`);
    const cafFs = await getJson(app, `/api/lieux?bbox=${FRANCE}&services=famille-allocations&types=france-services&limit=500`);
    expect(caf.body.total).toBeLessThan(all.body.total);
    expect(cafFs.body.total).toBeLessThanOrEqual(caf.body.total);
    expect(cafFs.body.total).toBeGreaterThan(2000);
    for (const p of caf.body.items) expect(p.services).toContain('famille-allocations');
    for (const p of cafFs.body.items) {
      expect(p.services).toContain('famille-allocations');
      expect(p.types).toContain('france-services');
    }
  });

  it('adds up the choices within one axis', async () => {
    const a = await getJson(app, `/api/lieux?types=mission-locale`);
    const b = await getJson(app, `/api/lieux?types=cio`);
    const both = await getJson(app, `/api/lieux?types=mission-locale,cio`);
    expect(both.body.total).toBeGreaterThanOrEqual(Math.max(a.body.total, b.body.total));
    expect(both.body.total).toBeLessThanOrEqual(a.body.total + b.body.total);
  });

  it('pages with offset without repeating places', async () => {
    const p1 = await getJson(app, `/api/lieux?bbox=${FRANCE}&limit=20`);
    const p2 = await getJson(app, `/api/lieux?bbox=${FRANCE}&limit=20&offset=20`);
    const ids = new Set([...p1.body.items, ...p2.body.items].map((p: { id: string }) => p.id));
    expect(ids.size).toBe(40);
  });

  it.each([
    ['bbox=1,2,3', 'bbox_invalide'],
    ['bbox=a,b,c,d', 'bbox_invalide'],
    ['bbox=2.5,48,2.4,49', 'bbox_hors_limites'],
    ['bbox=-200,40,3,50', 'bbox_hors_limites'],
    ['services=famille-allocations,voyance', 'service_inconnu'],
    ['types=licorne', 'type_inconnu'],
    ['limit=501', 'limit_invalide'],
    ['limit=0', 'limit_invalide'],
    ['limit=-3', 'limit_invalide'],
    ['limit=1e3', 'limit_invalide'],
    ['offset=-1', 'offset_invalide'],
    ['foo=bar', 'parametre_inconnu'],
    ['bbox=1,2,3,4&bbox=1,2,3,4', 'requete_invalide'],
  ])('answers 400 with a French message for %s', async (query, code) => {
    const { status, body } = await getJson(app, `/api/lieux?${query}`);
    expect(status).toBe(400);
    expect(body.code).toBe(code);
    expect(body.message).toMatch(/[a-zé]{3,}/);
    expect(body.message).not.toMatch(/undefined|\{|\}/);
  });

  it('names the unknown service in the message', async () => {
    const { body } = await getJson(app, `/api/lieux?services=voyance`);
    expect(body.message).toContain('voyance');
  });

  it('answers in English when asked', async () => {
    const viaQuery = await getJson(app, `/api/lieux?limit=9999&lang=en`);
    const viaHeader = await getJson(app, `/api/lieux?limit=9999`, { 'Accept-Language': 'en-GB,en;q=0.9' });
    expect(viaQuery.body.message).toMatch(/^The limit parameter/);
    expect(viaHeader.body.message).toBe(viaQuery.body.message);
  });
});

describe('GET /api/lieux/:id', () => {
  it('returns the full record with its sources and their dates', async () => {
    const list = await getJson(app, `/api/lieux?types=france-services&limit=1`);
    const id = list.body.items[0].id;
    const { status, body } = await getJson(app, `/api/lieux/${id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id, nom: expect.any(String), precision: 'adresse' });
    expect(body.types).toContain('france-services');
    expect(body.horaires).toHaveProperty('texte');
    expect(body.sources.length).toBeGreaterThan(0);
    expect(body.sources[0]).toMatchObject({ nom: expect.any(String), licence: expect.any(String), date: expect.stringMatching(/^\d{4}/) });
  });

  it.each(['inconnu-123', '%F0%9F%98%80', "1' OR '1'='1", 'a'.repeat(99)])('answers 404 for the unknown id %s', async (id) => {
    const { status, body } = await getJson(app, `/api/lieux/${id}`);
    expect(status).toBe(404);
    expect(body.code).toBe('lieu_introuvable');
  });

  it('answers 400 for an absurdly long id', async () => {
    const { status } = await getJson(app, `/api/lieux/${'x'.repeat(500)}`);
    expect(status).toBe(400);
  });
});
