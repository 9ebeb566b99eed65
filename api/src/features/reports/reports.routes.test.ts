import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, coordinationTestApp, type Session } from '../auth/testing.ts';

const t = coordinationTestApp();
const { app, db } = t;
afterAll(() => t.close());

const pick = (where: string, offset = 0) =>
  db.prepare(`SELECT id FROM lieux WHERE ${where} ORDER BY num LIMIT 1 OFFSET ?`).pluck().get(offset) as string;
const P93 = pick(`departement = '93'`);
const P93b = pick(`departement = '93'`, 1);
const P13 = pick(`departement = '13'`);

let admin: Session;
let coord93: Session;
let coord13: Session;
beforeAll(async () => {
  admin = await t.account('admin@reperes.test', 'administrateur');
  coord93 = await t.account('coord93@reperes.test', 'coordinateur', { territoires: ['93'] });
  coord13 = await t.account('coord13@reperes.test', 'coordinateur', { territoires: ['13'] });
}, 60_000);

let address = 0;
/** Each report from its own address, unless the test is about one address. */
const report = async (id: string, body: unknown, from = `198.51.100.${++address % 250}`) => {
  const res = await app.request(
    `/api/lieux/${id}/signalements`,
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
    { incoming: { socket: { remoteAddress: from } } },
  );
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
};

const count = () => db.prepare('SELECT count(*) FROM signalements').pluck().get() as number;

describe('reporting a mistake, without an account', () => {
  it('thanks the person and puts the report in the queue', async () => {
    const res = await report(P93, { motif: 'horaires', commentaire: 'Fermé le samedi maintenant.' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ message: 'Merci, votre signalement a été transmis.' });
    const queue = await call(app, 'GET', '/api/signalements?statut=ouvert', coord93);
    expect(queue.body.items[0]).toMatchObject({ motif: 'horaires', commentaire: 'Fermé le samedi maintenant.', lieu: { id: P93 } });
  });

  it('thanks a robot that filled the hidden field, and keeps nothing', async () => {
    const before = count();
    const res = await report(P93, { motif: 'autre', commentaire: 'Achetez…', site_web_confirmation: 'https://spam.example' });
    expect(res.status).toBe(201);
    expect(count()).toBe(before);
  });

  it('refuses an unknown reason or a long comment with per-field messages', async () => {
    const res = await report(P93, { motif: 'spam', commentaire: 'x'.repeat(1001) });
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { path: string }) => f.path).sort()).toEqual(['commentaire', 'motif']);
  });

  it('answers 404 for an unknown place', async () => {
    expect((await report('lieu-qui-n-existe-pas', { motif: 'autre' })).status).toBe(404);
  });

  it('stores no address: the reports table has no column for one', () => {
    const columns = (db.prepare('PRAGMA table_info(signalements)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['id', 'lieu_id', 'motif', 'commentaire', 'statut', 'created_at', 'resolved_at', 'resolved_by', 'reponse']);
  });

  it('answers 429 after 5 reports in an hour from one address', async () => {
    for (let i = 0; i < 5; i++) expect((await report(P93b, { motif: 'telephone' }, '192.0.2.44')).status).toBe(201);
    const blocked = await report(P93b, { motif: 'telephone' }, '192.0.2.44');
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toBe('Trop de signalements envoyés. Réessayez dans une heure.');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(3000);
    t.advance(60 * 60 * 1000 + 1);
    expect((await report(P93b, { motif: 'telephone' }, '192.0.2.44')).status).toBe(201);
  });

  it('answers 429 after 20 reports in an hour on one place', async () => {
    const id = pick(`departement = '93'`, 2);
    for (let i = 0; i < 20; i++) expect((await report(id, { motif: 'adresse' })).status).toBe(201);
    expect((await report(id, { motif: 'adresse' })).status).toBe(429);
  });
});

describe('handling reports', () => {
  it('shows each coordinator only the reports about places in their scope', async () => {
    await report(P13, { motif: 'ferme-definitivement' });
    const mine = await call(app, 'GET', '/api/signalements', coord13);
    expect(mine.body.items.map((r: any) => r.lieu.id)).toEqual([P13]);
    const other = await call(app, 'GET', '/api/signalements', coord93);
    expect(other.body.items.map((r: any) => r.lieu.id)).not.toContain(P13);
    const all = await call(app, 'GET', '/api/signalements', admin);
    expect(all.body.total).toBe(mine.body.total + other.body.total);
    const id = mine.body.items[0].id;
    expect((await call(app, 'GET', `/api/signalements/${id}`, coord93)).status).toBe(403);
    expect((await call(app, 'GET', `/api/signalements/${id}`)).status).toBe(401);
    const detail = await call(app, 'GET', `/api/signalements/${id}`, coord13);
    expect(detail.body).toMatchObject({ signalement: { motif: 'ferme-definitivement', statut: 'ouvert' }, lieu: { id: P13, version: 1 } });
  });

  it('asks why when a report is dismissed, and records the answer in the history', async () => {
    await report(P13, { motif: 'services' });
    const id = (await call(app, 'GET', '/api/signalements', coord13)).body.items[0].id;
    const bare = await call(app, 'POST', `/api/signalements/${id}/resolution`, coord13, { action: 'rejete' });
    expect(bare.status).toBe(400);
    expect(bare.body.fields).toEqual([{ path: 'commentaire', message: 'Expliquez en quelques mots pourquoi.' }]);
    expect((await call(app, 'POST', `/api/signalements/${id}/resolution`, coord93, { action: 'rejete', commentaire: 'Non' })).status).toBe(403);
    expect((await call(app, 'POST', `/api/signalements/${id}/resolution`, undefined, { action: 'rejete', commentaire: 'Non' })).status).toBe(401);
    const done = await call(app, 'POST', `/api/signalements/${id}/resolution`, coord13, { action: 'rejete', commentaire: 'Vérifié par téléphone.' });
    expect(done.status).toBe(200);
    expect(done.body.signalement).toMatchObject({ statut: 'rejete', traite_par: 'coord13@reperes.test', reponse: 'Vérifié par téléphone.' });
    const history = await call(app, 'GET', `/api/lieux/${P13}/historique`, coord13);
    expect(history.body.items[0]).toMatchObject({ action: 'signalement', signalement_id: id, commentaire: 'Vérifié par téléphone.' });
    const twice = await call(app, 'POST', `/api/signalements/${id}/resolution`, coord13, { action: 'rejete', commentaire: 'Encore' });
    expect(twice.status).toBe(409);
  });

  it('applies a correction linked to the report, refusing one based on an old version', async () => {
    await report(P13, { motif: 'telephone', commentaire: 'Le numéro a changé.' });
    const id = (await call(app, 'GET', '/api/signalements', coord13)).body.items[0].id;
    const version = db.prepare('SELECT version FROM lieux WHERE id = ?').pluck().get(P13) as number;
    const stale = await call(app, 'POST', `/api/signalements/${id}/resolution`, coord13, {
      action: 'corrige', modification: { version: version - 1 || 99, telephone: '04 91 00 00 00' },
    });
    expect(stale.status).toBe(409);
    const fixed = await call(app, 'POST', `/api/signalements/${id}/resolution`, coord13, {
      action: 'corrige', commentaire: 'Nouveau numéro', modification: { version, telephone: '04 91 00 00 00' },
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ signalement: { statut: 'corrige' }, lieu: { telephone: '04 91 00 00 00', version: version + 1 } });
    const history = await call(app, 'GET', `/api/lieux/${P13}/historique`, coord13);
    expect(history.body.items[0]).toMatchObject({ action: 'modification', signalement_id: id, apres: { telephone: '04 91 00 00 00' } });
  });

  it('refuses reports about an archived place with 410', async () => {
    const version = db.prepare('SELECT version FROM lieux WHERE id = ?').pluck().get(P93b) as number;
    await call(app, 'POST', `/api/lieux/${P93b}/archiver`, coord93, { version });
    expect((await report(P93b, { motif: 'autre' })).status).toBe(410);
  });
});
