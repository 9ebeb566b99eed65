import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, coordinationTestApp, type Session } from '../auth/testing.ts';
import { PlaceIndex } from '../lieux/place-index.ts';

const t = coordinationTestApp();
const { app, db } = t;
afterAll(() => t.close());

const pick = (where: string) => db.prepare(`SELECT id FROM lieux WHERE ${where} ORDER BY num LIMIT 1`).pluck().get() as string;
const versionOf = (id: string) => db.prepare('SELECT version FROM lieux WHERE id = ?').pluck().get(id) as number;

// Places chosen by what matters for scope: their département and whether they are France Services.
const P93 = pick(`departement = '93' AND types NOT LIKE '%france-services%'`);
const FS93 = pick(`departement = '93' AND types LIKE '%"france-services"%'`);
const FS13 = pick(`departement = '13' AND types LIKE '%"france-services"%'`);
const P13 = pick(`departement = '13' AND types NOT LIKE '%france-services%'`);

let admin: Session;
let coord93: Session;
let coordFs: Session;
let coordFs93: Session;

beforeAll(async () => {
  admin = await t.account('admin@reperes.test', 'administrateur');
  coord93 = await t.account('seine-saint-denis@reperes.test', 'coordinateur', { territoires: ['93'] });
  coordFs = await t.account('france-services@reperes.test', 'coordinateur', { reseaux: ['france-services'] });
  coordFs93 = await t.account('fs93@reperes.test', 'coordinateur', { territoires: ['93'], reseaux: ['france-services'] });
}, 60_000);

let n = 0;
const unique = () => `Lundi au vendredi, 9 h – 12 h (${++n})`;

const setArchived = async (id: string, archived: boolean) => {
  const isArchived = db.prepare('SELECT archived_at IS NOT NULL FROM lieux WHERE id = ?').pluck().get(id) === 1;
  if (isArchived === archived) return;
  const res = await call(app, 'POST', `/api/lieux/${id}/${archived ? 'archiver' : 'desarchiver'}`, admin, { version: versionOf(id) });
  expect(res.status).toBe(200);
};

type Route = { name: string; run: (s: Session | undefined, id: string) => Promise<{ status: number; body: any }>; ok: number };

const routes: Route[] = [
  {
    name: 'PATCH /api/lieux/:id',
    run: (s, id) => call(app, 'PATCH', `/api/lieux/${id}`, s, { horaires_texte: unique() }, { 'If-Match': String(versionOf(id)) }),
    ok: 200,
  },
  {
    name: 'POST /api/lieux/:id/archiver',
    run: async (s, id) => {
      await setArchived(id, false);
      return call(app, 'POST', `/api/lieux/${id}/archiver`, s, { version: versionOf(id), commentaire: 'Fermé' });
    },
    ok: 200,
  },
  {
    name: 'POST /api/lieux/:id/desarchiver',
    run: async (s, id) => {
      await setArchived(id, true);
      return call(app, 'POST', `/api/lieux/${id}/desarchiver`, s, { version: versionOf(id) });
    },
    ok: 200,
  },
  {
    name: 'POST /api/lieux/:id/restaurer',
    run: (s, id) => call(app, 'POST', `/api/lieux/${id}/restaurer`, s, { version: 1 }),
    ok: 200,
  },
  {
    name: 'POST /api/lieux/:id/verification',
    run: (s, id) => call(app, 'POST', `/api/lieux/${id}/verification`, s, { commentaire: 'Appel au standard' }),
    ok: 200,
  },
];

describe('who may change a place', () => {
  const callers = [
    { who: 'anonymous', session: () => undefined, place: () => P93, status: (_ok: number) => 401 },
    { who: 'a coordinator of the territory', session: () => coord93, place: () => P93, status: (ok: number) => ok },
    { who: 'a coordinator of another territory', session: () => coord93, place: () => P13, status: () => 403 },
    { who: 'a network coordinator on a place of the network', session: () => coordFs, place: () => FS13, status: (ok: number) => ok },
    { who: 'a network coordinator on a place outside the network', session: () => coordFs, place: () => P13, status: () => 403 },
    { who: 'a coordinator of both, on a place matching both', session: () => coordFs93, place: () => FS93, status: (ok: number) => ok },
    { who: 'a coordinator of both, on a place matching only the territory', session: () => coordFs93, place: () => P93, status: () => 403 },
    { who: 'an administrator', session: () => admin, place: () => P13, status: (ok: number) => ok },
  ];
  for (const route of routes) {
    for (const caller of callers) {
      it(`${route.name} answers ${caller.who} with ${caller.status(route.ok)}`, async () => {
        const res = await route.run(caller.session(), caller.place());
        expect(res.status, JSON.stringify(res.body)).toBe(caller.status(route.ok));
        if (res.status >= 400) expect(res.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      });
    }
  }

  const newPlace = (codePostal: string, types: string[]) => ({
    nom: 'Espace numérique du marché', code_postal: codePostal, commune: 'Bobigny', latitude: 48.908, longitude: 2.44,
    precision: 'adresse', types, services: ['acces-internet-et-materiel-informatique'], telephone: '01 48 95 00 00',
  });
  const creations = [
    { who: 'anonymous', session: () => undefined, body: newPlace('93000', ['mediation-numerique']), status: 401 },
    { who: 'a coordinator of the territory', session: () => coord93, body: newPlace('93000', ['mediation-numerique']), status: 201 },
    { who: 'a coordinator of another territory', session: () => coord93, body: newPlace('13001', ['mediation-numerique']), status: 403 },
    { who: 'a network coordinator, outside the network', session: () => coordFs, body: newPlace('93000', ['bibliotheque']), status: 403 },
    { who: 'an administrator', session: () => admin, body: newPlace('13001', ['bibliotheque']), status: 201 },
  ];
  for (const c of creations) {
    it(`POST /api/lieux answers ${c.who} with ${c.status}`, async () => {
      const res = await call(app, 'POST', '/api/lieux', c.session(), c.body);
      expect(res.status, JSON.stringify(res.body)).toBe(c.status);
      if (c.status === 201) {
        expect(res.body).toMatchObject({ version: 1, nom: c.body.nom, departement: c.body.code_postal.slice(0, 2), archive: false });
        const history = await call(app, 'GET', `/api/lieux/${res.body.id}/historique`, c.session());
        expect(history.body.items).toMatchObject([{ action: 'creation', version: 1 }]);
      }
    });
  }
});

describe('editing a place', () => {
  it('refuses a save based on an old version with 409, showing what changed and by whom', async () => {
    const id = P93;
    const base = versionOf(id);
    const first = await call(app, 'PATCH', `/api/lieux/${id}`, coord93, { telephone: '01 41 60 00 00', version: base });
    expect(first.status).toBe(200);
    const second = await call(app, 'PATCH', `/api/lieux/${id}`, admin, { telephone: '01 41 60 99 99', version: base });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      code: 'version_perimee',
      message: expect.stringContaining('modifié entre-temps'),
      current: { version: base + 1, modifie_par: 'seine-saint-denis@reperes.test', values: { telephone: '01 41 60 00 00' } },
    });
    expect(versionOf(id)).toBe(base + 1);
  });

  it('asks for the version when neither If-Match nor the body gives it', async () => {
    const res = await call(app, 'PATCH', `/api/lieux/${P93}`, coord93, { nom: 'Sans version' });
    expect(res.status).toBe(428);
    expect(res.body.code).toBe('version_requise');
  });

  it('answers 400 with a French message beside each invalid field', async () => {
    const res = await call(app, 'PATCH', `/api/lieux/${P93}`, coord93, {
      version: versionOf(P93), code_postal: '9300', telephone: '06 12', courriel: 'pas-un-courriel', site_web: 'ftp://exemple.fr',
      horaires_osm: 'lundi matin', latitude: 40.7, longitude: -74, services: ['inexistant'],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('champs_invalides');
    const byPath = Object.fromEntries(res.body.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(byPath).toMatchObject({
      code_postal: expect.stringContaining('5 chiffres'),
      telephone: expect.stringContaining('numéro français'),
      courriel: expect.stringContaining('e-mail'),
      site_web: expect.stringContaining('https://'),
      horaires_osm: expect.stringContaining('OpenStreetMap'),
      latitude: expect.stringContaining('pas en France'),
    });
  });

  it('answers 400, never 500, for a body that is not a JSON object or a malformed If-Match', async () => {
    const url = `/api/lieux/${P93}`;
    const raw = await app.request(url, {
      method: 'PATCH', body: '{"nom":', headers: { 'Content-Type': 'application/json', Cookie: coord93.cookie, 'X-CSRF-Token': coord93.csrf },
    });
    expect(raw.status).toBe(400);
    for (const body of [null, [], 'texte', 42, { version: '3' }, { version: 1, inconnu: true }]) {
      const res = await call(app, 'PATCH', url, coord93, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('champs_invalides');
    }
    const header = await call(app, 'PATCH', url, coord93, { nom: 'Essai' }, { 'If-Match': 'abc' });
    expect(header.status).toBe(400);
    expect(header.body.code).toBe('version_invalide');
  });

  it('names unknown service ids in a field message', async () => {
    const res = await call(app, 'PATCH', `/api/lieux/${P93}`, coord93, { version: versionOf(P93), services: ['inexistant'] });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([{ path: 'services', message: expect.stringContaining('inexistant') }]);
  });

  it('answers in English with ?lang=en', async () => {
    const res = await call(app, 'PATCH', `/api/lieux/${P93}?lang=en`, coord93, { version: versionOf(P93), code_postal: 'abc' });
    expect(res.body.fields[0].message).toBe('The postcode must have 5 digits, for example 93000.');
  });

  it('refuses a change that would move the place out of the coordinator’s scope', async () => {
    const res = await call(app, 'PATCH', `/api/lieux/${P93}`, coord93, { version: versionOf(P93), code_postal: '13001', code_insee: '13201' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('hors_perimetre');
  });

  it('keeps the version when a save changes nothing', async () => {
    const before = await call(app, 'GET', `/api/coordination/lieux/${P93}`, coord93);
    const res = await call(app, 'PATCH', `/api/lieux/${P93}`, coord93, { nom: before.body.nom, version: before.body.version });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(before.body.version);
  });

  it('moves the place in the R*Tree and shows the new data publicly at once', async () => {
    const id = FS93;
    const res = await call(app, 'PATCH', `/api/lieux/${id}`, coordFs93, {
      version: versionOf(id), nom: 'France Services de Bondy', latitude: 48.9022, longitude: 2.4828, commentaire: 'Déménagement',
    });
    expect(res.status).toBe(200);
    const geo = db.prepare('SELECT min_lon, min_lat FROM lieux_geo WHERE num = (SELECT num FROM lieux WHERE id = ?)').get(id) as any;
    expect(geo.min_lon).toBeCloseTo(2.4828, 4);
    expect(geo.min_lat).toBeCloseTo(48.9022, 4);
    const pub = await call(app, 'GET', `/api/lieux/${id}`);
    expect(pub.body).toMatchObject({ nom: 'France Services de Bondy', verifie_le: '2026-03-03T09:00:00.000Z' });
    const list = await call(app, 'GET', '/api/lieux?bbox=2.48,48.90,2.49,48.91');
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(id);
  });

  it('updates the public list in place, without rebuilding the whole index, so reads never stall', async () => {
    const id = P93;
    await setArchived(id, false);
    await call(app, 'GET', '/api/lieux?bbox=2.40,48.89,2.47,48.93');
    const rebuilds = vi.spyOn(PlaceIndex, 'load');
    try {
      const res = await call(app, 'PATCH', `/api/lieux/${id}`, coord93, { version: versionOf(id), nom: 'Point numérique du canal' });
      expect(res.status).toBe(200);
      const geo = db.prepare('SELECT latitude, longitude FROM lieux WHERE id = ?').get(id) as { latitude: number; longitude: number };
      const bbox = `${geo.longitude - 0.001},${geo.latitude - 0.001},${geo.longitude + 0.001},${geo.latitude + 0.001}`;
      const list = await call(app, 'GET', `/api/lieux?bbox=${bbox}&q=canal`);
      expect(list.body.items.map((p: { id: string; nom: string }) => [p.id, p.nom])).toEqual([[id, 'Point numérique du canal']]);
      expect(rebuilds).not.toHaveBeenCalled();
    } finally {
      rebuilds.mockRestore();
    }
  });
});

describe('archiving and restoring', () => {
  it('hides an archived place from the public but not from coordinators, and brings it back', async () => {
    const id = P13;
    await setArchived(id, false);
    const geo = db.prepare('SELECT latitude, longitude FROM lieux WHERE id = ?').get(id) as { latitude: number; longitude: number };
    const bbox = `${geo.longitude - 0.001},${geo.latitude - 0.001},${geo.longitude + 0.001},${geo.latitude + 0.001}`;
    const archived = await call(app, 'POST', `/api/lieux/${id}/archiver`, admin, { version: versionOf(id), commentaire: 'Fermé en 2025' });
    expect(archived.body).toMatchObject({ archive: true });
    const pub = await call(app, 'GET', `/api/lieux/${id}`);
    expect(pub.status).toBe(410);
    expect(pub.body).toEqual({ code: 'lieu_archive', message: 'Ce lieu n’est plus référencé : il a été retiré de la carte.' });
    const list = await call(app, 'GET', `/api/lieux?bbox=${bbox}`);
    expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(id);
    const seen = await call(app, 'GET', `/api/coordination/lieux/${id}`, coord93);
    expect(seen.body).toMatchObject({ id, archive: true, modifiable: false });
    const again = await call(app, 'POST', `/api/lieux/${id}/archiver`, admin, { version: versionOf(id) });
    expect(again.status).toBe(409);

    await call(app, 'POST', `/api/lieux/${id}/desarchiver`, admin, { version: versionOf(id) });
    expect((await call(app, 'GET', `/api/lieux/${id}`)).status).toBe(200);
  });

  it('restores an earlier version as a new change, recorded in the history', async () => {
    const id = pick(`departement = '93' AND types LIKE '%"bibliotheque"%'`);
    const original = (await call(app, 'GET', `/api/coordination/lieux/${id}`, coord93)).body;
    await call(app, 'PATCH', `/api/lieux/${id}`, coord93, { version: 1, nom: 'Médiathèque renommée', telephone: '01 48 00 00 01' });
    await call(app, 'PATCH', `/api/lieux/${id}`, coord93, { version: 2, site_web: 'https://mediatheque.example.fr' });
    const restored = await call(app, 'POST', `/api/lieux/${id}/restaurer`, coord93, { version: 1, commentaire: 'Erreur de saisie' });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ version: 4, nom: original.nom, telephone: original.telephone, site_web: original.site_web });
    const history = await call(app, 'GET', `/api/lieux/${id}/historique`, coord93);
    expect(history.body.items.map((e: { action: string; version: number }) => [e.action, e.version])).toEqual([
      ['restauration', 4], ['modification', 3], ['modification', 2],
    ]);
    expect(history.body.items[0]).toMatchObject({
      auteur: 'seine-saint-denis@reperes.test', commentaire: 'Erreur de saisie',
      avant: { nom: 'Médiathèque renommée' }, apres: { nom: original.nom },
    });
    const missing = await call(app, 'POST', `/api/lieux/${id}/restaurer`, coord93, { version: 99 });
    expect(missing.status).toBe(404);
  });

  it('records a "toujours exact" check without changing the data or its version', async () => {
    const id = FS13;
    const before = versionOf(id);
    t.advance(60_000);
    const res = await call(app, 'POST', `/api/lieux/${id}/verification`, coordFs, {});
    expect(res.body).toMatchObject({ version: before, verifie_le: new Date(t.now()).toISOString() });
    const history = await call(app, 'GET', `/api/lieux/${id}/historique`, coordFs);
    expect(history.body.items[0]).toMatchObject({ action: 'verification', version: before, auteur: 'france-services@reperes.test' });
  });

  it('shows the history only to signed-in accounts', async () => {
    expect((await call(app, 'GET', `/api/lieux/${P93}/historique`)).status).toBe(401);
  });
});
