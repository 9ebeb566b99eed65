import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, coordinationTestApp, login, type Session } from '../auth/testing.ts';

const t = coordinationTestApp();
const { app, db } = t;
afterAll(() => t.close());

const MONTH_MS = 30 * 24 * 60 * 60 * 1000;
const ids93 = db.prepare("SELECT id FROM lieux WHERE departement = '93' ORDER BY num LIMIT 3").pluck().all() as string[];
const total93 = db.prepare("SELECT count(*) FROM lieux WHERE departement = '93'").pluck().get() as number;

let coord93: Session;
let admin: Session;
beforeAll(async () => {
  admin = await t.account('admin@reperes.test', 'administrateur');
  coord93 = await t.account('coord93@reperes.test', 'coordinateur', { territoires: ['93'] });
}, 30_000);

describe('freshness of my places', () => {
  it('sorts places into never checked, over 12 months, over 6 months and recent', async () => {
    const [old, middle, recent] = ids93 as [string, string, string];
    await call(app, 'POST', `/api/lieux/${old}/verification`, coord93, {});
    t.advance(6 * MONTH_MS);
    // Sessions last 12 hours: months later, the coordinator signs in again.
    coord93 = await login(app, 'coord93@reperes.test');
    await call(app, 'POST', `/api/lieux/${middle}/verification`, coord93, {});
    t.advance(7 * MONTH_MS);
    coord93 = await login(app, 'coord93@reperes.test');
    admin = await login(app, 'admin@reperes.test');
    await call(app, 'POST', `/api/lieux/${recent}/verification`, coord93, { commentaire: 'Appel' });

    const res = await call(app, 'GET', '/api/coordination/fraicheur?tranche=plus-6-mois', coord93);
    expect(res.status).toBe(200);
    expect(res.body.totaux).toEqual({ jamais: total93 - 3, plus_12_mois: 1, plus_6_mois: 1, recent: 1 });
    expect(res.body.par_departement).toEqual([{ departement: '93', jamais: total93 - 3, plus_12_mois: 1, plus_6_mois: 1, recent: 1 }]);
    expect(res.body.items).toMatchObject([{ id: middle }]);
    const never = await call(app, 'GET', '/api/coordination/fraicheur?limit=10&offset=10', coord93);
    expect(never.body).toMatchObject({ tranche: 'jamais', total: total93 - 3, limit: 10, offset: 10 });
    expect(never.body.items).toHaveLength(10);
  });

  it('counts every territory for an administrator', async () => {
    const res = await call(app, 'GET', '/api/coordination/fraicheur?departement=974&limit=1', admin);
    expect(res.body.par_departement.length).toBeGreaterThan(90);
    expect(res.body.items[0].departement).toBe('974');
  });

  it('answers 400 for an unknown bracket and 401 without a session', async () => {
    const bad = await call(app, 'GET', '/api/coordination/fraicheur?tranche=hier', coord93);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('tranche_invalide');
    expect((await call(app, 'GET', '/api/coordination/fraicheur')).status).toBe(401);
  });
});

describe('finding my places', () => {
  it('searches my scope by name, archived places apart', async () => {
    const [id] = ids93 as [string];
    const nom = db.prepare('SELECT nom FROM lieux WHERE id = ?').pluck().get(id) as string;
    const found = await call(app, 'GET', `/api/coordination/lieux?q=${encodeURIComponent(nom.slice(0, 12))}`, coord93);
    expect(found.body.items.map((p: { id: string }) => p.id)).toContain(id);
    expect(found.body.items.every((p: { departement: string }) => p.departement === '93')).toBe(true);
    const version = db.prepare('SELECT version FROM lieux WHERE id = ?').pluck().get(id) as number;
    await call(app, 'POST', `/api/lieux/${id}/archiver`, coord93, { version });
    const archived = await call(app, 'GET', '/api/coordination/lieux?archive=1', coord93);
    expect(archived.body).toMatchObject({ total: 1, items: [{ id, archive: true }] });
  });
});
