import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distanceMeters } from '@reperes/data/geo.ts';
import { getJson, realApp } from '../../testing/real-db.ts';
import { warmUp } from '../horaires/opening.ts';
import { territoryOf } from '../horaires/timezones.ts';

const { app, db } = realApp();
afterAll(() => db.close());

// As the server does in the background after its first request: parsing every opening-hours
// value takes seconds, which would otherwise land on whichever test comes first.
beforeAll(async () => {
  const rows = db
    .prepare('SELECT DISTINCT departement, latitude, longitude, horaires_osm FROM lieux WHERE horaires_osm IS NOT NULL')
    .all() as { departement: string | null; latitude: number; longitude: number; horaires_osm: string }[];
  await warmUp(rows.map((r) => [r.horaires_osm, territoryOf(r.departement, r.latitude, r.longitude)]));
}, 120_000);

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
    // Metres from the centre, a place known only by its commune counted 2 km farther.
    const rank = (p: { longitude: number; latitude: number; precision: string }) =>
      Math.hypot((p.longitude - 2.435) * 0.658, p.latitude - 48.91) * 111_320 + (p.precision === 'commune' ? 2000 : 0);
    const ranks = body.items.map(rank);
    for (let i = 1; i < ranks.length; i++) expect(ranks[i]).toBeGreaterThanOrEqual(ranks[i - 1] - 1);
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

describe('GET /api/lieux by national label', () => {
  const carrying = (label: string) =>
    (db.prepare(
      `SELECT count(*) AS n FROM lieux WHERE archived_at IS NULL AND EXISTS (SELECT 1 FROM json_each(labels) WHERE value = ?)`,
    ).get(label) as { n: number }).n;

  it('gives every place habilitated Aidants Connect, and only those', async () => {
    const { status, body } = await getJson(app, '/api/lieux?labels=aidants-connect&limit=500');
    expect(status).toBe(200);
    expect(body.total).toBe(carrying('Aidants Connect'));
    expect(body.total).toBeGreaterThan(100);
    for (const p of body.items.slice(0, 5)) {
      const { body: lieu } = await getJson(app, `/api/lieux/${p.id}`);
      expect(lieu.labels).toContain('Aidants Connect');
    }
  });

  it('adds up the places of either label, and narrows with the other filters', async () => {
    const ac = await getJson(app, '/api/lieux?labels=aidants-connect&limit=1');
    const fs = await getJson(app, '/api/lieux?labels=france-services&limit=1');
    const both = await getJson(app, '/api/lieux?labels=aidants-connect,france-services&limit=1');
    expect(both.body.total).toBeGreaterThan(Math.max(ac.body.total, fs.body.total));
    expect(both.body.total).toBeLessThanOrEqual(ac.body.total + fs.body.total);
    const inBox = await getJson(app, `/api/lieux?labels=aidants-connect&types=france-services&bbox=${FRANCE}&limit=500`);
    expect(inBox.body.total).toBeLessThan(ac.body.total);
    for (const p of inBox.body.items) expect(p.types).toContain('france-services');
  });

  it('refuses an unknown label with 400, in French by default and in English on request', async () => {
    const fr = await getJson(app, '/api/lieux?labels=aidants-connect,nope');
    expect(fr.status).toBe(400);
    expect(fr.body).toEqual({ code: 'label_inconnu', message: 'Label inconnu : nope. Consultez /api/services pour la liste des labels.' });
    const en = await getJson(app, '/api/lieux?labels=nope&lang=en');
    expect(en.body.message).toBe('Unknown label: nope. See /api/services for the list of labels.');
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

type Item = { id: string; nom: string; commune: string | null; latitude: number; longitude: number; precision: string; distance_m?: number; ouverture: { statut: string; fuseau: string } };

/** A town-sized box (about 6 × 6 km) around "lon,lat". */
const boxAround = (point: string) => {
  const [lon, lat] = point.split(',').map(Number) as [number, number];
  return [lon - 0.04, lat - 0.027, lon + 0.04, lat + 0.027].map((x) => x.toFixed(4)).join(',');
};

describe('GET /api/lieux near a point', () => {
  const BOBIGNY_CENTRE = '2.4386,48.9077';

  it('lists places nearest first with their distance in whole metres, without needing a box', async () => {
    const { status, body } = await getJson(app, `/api/lieux?near=${BOBIGNY_CENTRE}&limit=100`);
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(30000);
    const d = body.items.map((p: Item) => p.distance_m);
    for (const m of d) expect(Number.isInteger(m)).toBe(true);
    // Nearest first, a place known only by its commune ranking 2 km farther than its point.
    const rank = body.items.map((p: Item) => p.distance_m! + (p.precision === 'commune' ? 2000 : 0));
    expect(rank).toEqual([...rank].sort((a: number, b: number) => a - b));
    expect(d[0]).toBeLessThan(1000);
    // The distance is the real one: about 1° of latitude is 111 km.
    const far = await getJson(app, `/api/lieux?near=2.4386,47.9077&limit=1`);
    expect(far.body.items[0].distance_m).toBeLessThan(20000);
  });

  it.each([
    ['Bobigny', BOBIGNY_CENTRE],
    ['Cayenne', '-52.3260,4.9372'],
    ['Lapalisse', '3.6369,46.2482'],
    ['Rennes', '-1.6800,48.1113'],
    ['Aurillac', '2.4397,44.9264'],
  ])('never puts a place known only by its commune before one with an address less than 2 km away (%s)', async (_, point) => {
    for (const url of [`/api/lieux?near=${point}&limit=50`, `/api/lieux?bbox=${boxAround(point)}&limit=50`]) {
      const { body } = await getJson(app, url);
      const [lon, lat] = point.split(',').map(Number) as [number, number];
      const metres = (p: Item) => p.distance_m ?? distanceMeters(lat, lon, p.latitude, p.longitude);
      body.items.forEach((p: Item, i: number) => {
        if (p.precision !== 'commune') return;
        // 10 m of slack: in a box the order is measured on a flat map, here on the sphere.
        const closerAddressedAfter = body.items.slice(i + 1).filter((q: Item) => q.precision === 'adresse' && metres(q) < 1990);
        expect(closerAddressedAfter.map((q: Item) => q.nom), `${url}: ${p.nom}`).toEqual([]);
      });
    }
  });

  it('keeps the box as a constraint when one is given, and pages without repeating', async () => {
    const all = await getJson(app, `/api/lieux?near=${BOBIGNY_CENTRE}&bbox=${BOBIGNY}&limit=500`);
    expect(all.body.total).toBeLessThan(200);
    const p2 = await getJson(app, `/api/lieux?near=${BOBIGNY_CENTRE}&bbox=${BOBIGNY}&limit=5&offset=5`);
    expect(p2.body.items.map((p: Item) => p.id)).toEqual(all.body.items.slice(5, 10).map((p: Item) => p.id));
  });
});

describe('GET /api/lieux by name', () => {
  it('finds a renamed network by its old name too, shown under its current one', async () => {
    const { body } = await getJson(app, '/api/lieux?q=pole%20emploi%20sable&limit=5');
    expect(body.total).toBeGreaterThan(0);
    for (const p of body.items) expect(p.nom).not.toMatch(/p[ôo]le[\s-]+emploi/i);
    expect(body.items.some((p: Item) => /France Travail/i.test(p.nom))).toBe(true);
    const now = await getJson(app, '/api/lieux?q=france%20travail%20sable&limit=5');
    expect(now.body.items.map((p: Item) => p.id)).toEqual(expect.arrayContaining(body.items.map((p: Item) => p.id)));
  });

  it('finds places by words of their name and commune, accents and case aside', async () => {
    const plain = await getJson(app, `/api/lieux?q=bibliotheque%20bobigny`);
    const accented = await getJson(app, `/api/lieux?q=${encodeURIComponent('BIBLIOTHÈQUE Bobigny')}`);
    expect(plain.body.total).toBeGreaterThan(0);
    expect(accented.body.total).toBe(plain.body.total);
    for (const p of plain.body.items as Item[]) {
      expect(`${p.nom} ${p.commune}`.normalize('NFD').toLowerCase()).toMatch(/biblioth/);
      expect(p.commune).toMatch(/Bobigny/i);
    }
  });

  it('matches word prefixes and “st” for “saint”', async () => {
    const short = await getJson(app, `/api/lieux?q=france%20serv%20st%20etienne&limit=500`);
    expect(short.body.total).toBeGreaterThan(0);
    for (const p of short.body.items as Item[]) expect(`${p.nom} ${p.commune}`).toMatch(/Saint[- ]Étienne|St[- ]Etienne/i);
  });

  it.each(['😀', '"', '*', 'NEAR(', "' OR 1=1 --", '%', 'x'.repeat(100)])('answers 200 and no error for the search %j', async (q) => {
    const { status, body } = await getJson(app, `/api/lieux?q=${encodeURIComponent(q)}`);
    expect(status).toBe(200);
    expect(body.items).toBeInstanceOf(Array);
  });
});

describe('GET /api/lieux open now or on Saturday', () => {
  it('returns only places open now, and counts those whose hours are unknown', async () => {
    const { status, body } = await getJson(app, `/api/lieux?ouvert=maintenant&limit=500`);
    expect(status).toBe(200);
    expect(body.sans_horaires).toBeGreaterThan(10000);
    expect(body.total).toBeLessThan(31281 - body.sans_horaires);
    for (const p of body.items as Item[]) expect(p.ouverture.statut).toBe('ouvert');
  }, 120_000);

  it('answers “open now” for all of France in well under a second once the hours are parsed', async () => {
    await getJson(app, `/api/lieux?ouvert=maintenant&limit=1`);
    const start = performance.now();
    await getJson(app, `/api/lieux?ouvert=maintenant&limit=50`);
    expect(performance.now() - start).toBeLessThan(1000);
  }, 120_000);

  it('returns places open at some time on the coming Saturday, as their week of hours shows', async () => {
    const { body } = await getJson(app, `/api/lieux?ouvert=samedi&bbox=${FRANCE}&limit=5`);
    expect(body.total).toBeGreaterThan(100);
    for (const p of body.items as Item[]) {
      const detail = await getJson(app, `/api/lieux/${p.id}`);
      const saturday = detail.body.horaires.semaine.find((d: { jour: string }) => d.jour === 'samedi');
      expect(saturday.plages.length).toBeGreaterThan(0);
    }
  }, 120_000);

  it('states each place’s opening in its own time zone', async () => {
    const reunion = await getJson(app, `/api/lieux?bbox=55.2,-21.4,55.9,-20.8&limit=20`);
    expect(reunion.body.items.length).toBeGreaterThan(0);
    for (const p of reunion.body.items as Item[]) expect(p.ouverture.fuseau).toBe('Indian/Reunion');
    const paris = await getJson(app, `/api/lieux?bbox=${BOBIGNY}&limit=20`);
    for (const p of paris.body.items as Item[]) {
      expect(p.ouverture.fuseau).toBe('Europe/Paris');
      expect(['ouvert', 'ferme', 'inconnu']).toContain(p.ouverture.statut);
    }
  });

  it.each([
    ['near=2.4', 'near_invalide'],
    ['near=2.4,48.9,1', 'near_invalide'],
    ['near=200,48', 'near_invalide'],
    ['near=abc,def', 'near_invalide'],
    ['ouvert=demain', 'ouvert_invalide'],
    ['ouvert=', 'ouvert_invalide'],
    [`q=${'x'.repeat(101)}`, 'recherche_trop_longue'],
  ])('answers 400 with a French message for %s', async (query, code) => {
    const { status, body } = await getJson(app, `/api/lieux?${query}`);
    expect(status).toBe(400);
    expect(body.code).toBe(code);
    expect(body.message).toMatch(/[a-zé]{3,}/);
  });
});

describe('GET /api/lieux/:id opening hours', () => {
  it('gives the week of hours and whether the place is open now', async () => {
    const list = await getJson(app, `/api/lieux?ouvert=samedi&types=france-services&limit=1`);
    const { body } = await getJson(app, `/api/lieux/${list.body.items[0].id}`);
    expect(body.ouverture).toMatchObject({ statut: expect.stringMatching(/^(ouvert|ferme)$/), fuseau: 'Europe/Paris' });
    expect(body.horaires.semaine).toHaveLength(7);
    expect(body.horaires.semaine[0]).toEqual({
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), jour: expect.any(String), plages: expect.any(Array), ferie: expect.toBeOneOf([null, expect.any(String)]),
    });
    for (const d of body.horaires.semaine) for (const p of d.plages) expect(p.debut < p.fin).toBe(true);
  }, 120_000);

  it('says the hours are unknown rather than guessing', async () => {
    const id = db.prepare('SELECT id FROM lieux WHERE horaires_osm IS NULL LIMIT 1').pluck().get() as string;
    const { body } = await getJson(app, `/api/lieux/${id}`);
    expect(body.ouverture).toEqual({ statut: 'inconnu', fuseau: expect.any(String) });
    expect(body.horaires.semaine).toBeNull();
  });
});
