import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lmnSchema } from '@reperes/data/formats/lmn.ts';
import { createAccountQueries } from '../features/auth/accounts.queries.ts';
import { ABSOLUTE_MS, randomToken, SESSION_COOKIE, sha256 } from '../features/auth/session.ts';
import { coordinationTestApp, type Session } from '../features/auth/testing.ts';
import { TRANCHES } from '../contract/coordination.ts';
import {
  body, encode, expectSound, FUZZ_SEED, headers, mountedRoutes, nastyText, pathId, PUBLIC_READ_ROUTES, queryString, send,
  type FuzzRequest, type Who,
} from '../testing/fuzz.ts';

/**
 * Hostile requests against every route that writes or needs an account, on a throwaway copy of
 * the real data: signed in as an administrator, as a coordinator of Mayotte, and not signed in.
 * Signed-in requests carry a valid session and CSRF token (sometimes spoiled), so most of them
 * get past authentication to the validators and the handlers.
 */
const t = coordinationTestApp();
const { app, db } = t;
const logged = vi.spyOn(console, 'error');
afterAll(() => t.close());

let admin: Session;
let coordinator: Session;
/** Accounts the fuzz must not switch off, or the rest of the run would be refused at the door. */
let protectedIds: number[];
let victimId: number;
let invitationToken: string;
let places: string[];
let reports: string[];

const userId = (courriel: string) => db.prepare('SELECT id FROM users WHERE courriel = ?').pluck().get(courriel) as number;

beforeAll(async () => {
  admin = await t.account('admin.fuzz@reperes.test', 'administrateur');
  coordinator = await t.account('coordination.fuzz@reperes.test', 'coordinateur', { territoires: ['976'] });
  await t.account('victime.fuzz@reperes.test', 'coordinateur', { territoires: ['93'] });
  protectedIds = [userId('admin.fuzz@reperes.test'), userId('coordination.fuzz@reperes.test')];
  victimId = userId('victime.fuzz@reperes.test');

  const inScope = db.prepare("SELECT id FROM lieux WHERE departement = '976' AND archived_at IS NULL ORDER BY num LIMIT 3").pluck().all() as string[];
  const elsewhere = db.prepare("SELECT id FROM lieux WHERE departement = '93' ORDER BY num LIMIT 1").pluck().all() as string[];
  places = [...inScope, ...elsewhere];
  const asAdmin = { 'Content-Type': 'application/json', Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf };
  const archived = await app.request(`/api/lieux/${inScope[2]}/archiver`, { method: 'POST', headers: asAdmin, body: JSON.stringify({ version: 1 }) });
  expect(archived.status).toBe(200);
  for (const id of [inScope[0], inScope[1], elsewhere[0]]) {
    const sent = await app.request(`/api/lieux/${id}/signalements`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ motif: 'horaires', commentaire: 'Fermé le lundi' }),
    });
    expect(sent.status).toBe(201);
  }
  reports = (db.prepare('SELECT id FROM signalements ORDER BY id').pluck().all() as number[]).map(String);
  const invited = await app.request('/api/admin/invitations', {
    method: 'POST', headers: asAdmin, body: JSON.stringify({ courriel: 'invitee.fuzz@reperes.test', role: 'coordinateur', territoires: ['976'] }),
  });
  invitationToken = ((await invited.json()) as { lien: string }).lien.split('/').pop()!;
}, 120_000);

/** A session of its own for each logout, so logging out never ends the sessions the other cases use. */
function throwawaySession(role: 'admin' | 'coordinator'): Who {
  const token = randomToken();
  const csrf = randomToken();
  const now = t.now();
  createAccountQueries(db).insertSession({
    id_hash: sha256(token), user_id: protectedIds[role === 'admin' ? 0 : 1]!, csrf, created_at: now, expires_at: now + ABSOLUTE_MS, last_seen_at: now,
  });
  return { cookie: `${SESSION_COOKIE}=${token}`, csrf };
}

type Spec = (who: Who) => fc.Arbitrary<FuzzRequest>;

const placeId = () => pathId(places);
const paging = { limit: fc.integer({ min: -1, max: 250 }).map(String), offset: fc.integer({ min: -1, max: 100_000 }).map(String), lang: fc.constantFrom('fr', 'en') };
const version = fc.oneof(fc.integer({ min: 1, max: 4 }).map(String), fc.integer({ min: 1, max: 4 }).map((v) => `W/"${v}"`));

const PLACE = {
  nom: 'Espace numérique de Mamoudzou', adresse: '1 rue du Commerce', complement_adresse: null, code_postal: '97600', commune: 'Mamoudzou',
  code_insee: '97611', latitude: -12.78, longitude: 45.23, precision: 'adresse', telephone: '0269 61 00 00', courriel: 'contact@mamoudzou.fr',
  site_web: 'https://mamoudzou.fr', horaires_osm: 'Mo-Fr 08:00-12:00', horaires_texte: 'Du lundi au vendredi, le matin',
  services: ['aide-aux-demarches-administratives'], types: ['france-services'], labels: ['Aidants Connect'], details: { accessibilite: 'plain-pied' },
};
const { nom, code_postal, telephone, horaires_osm, horaires_texte, labels, details } = PLACE;
const PATCH = { nom, code_postal, telephone, horaires_osm, horaires_texte, labels, details, version: 1, commentaire: 'Mise à jour' };

const ROW: Record<string, string> = {
  id: 'fuzz-mamoudzou', nom: 'Atelier numérique', commune: 'Mamoudzou', code_postal: '97600', code_insee: '97611', adresse: '1 rue du Commerce',
  latitude: '-12.78', longitude: '45.23', date_maj: '2024-05-01', services: 'Maîtrise des outils numériques du quotidien',
};
/** An import file: the LMN columns (some dropped, some extra), a few rows of plausible and hostile values. */
const importFile = fc.oneof(
  fc
    .tuple(
      fc.subarray([...lmnSchema.columns], { minLength: 1 }),
      fc.array(fc.dictionary(fc.constantFrom(...Object.keys(ROW)), nastyText, { maxKeys: 3 }), { maxLength: 3 }),
      fc.constantFrom(',', ';', '\t'),
    )
    .map(([columns, rows, delimiter]) =>
      stringify([columns, ...rows.map((r) => columns.map((c) => r[c] ?? ROW[c] ?? ''))], { delimiter }),
    ),
  body({ structures: [ROW] }),
  body({ ...ROW }).map((b) => (typeof b === 'string' ? `[${b}]` : b)),
);

/** Every route but the public reads, with what it reads: path ids, query keys, a body near what it accepts. */
const routes: Record<string, { runs: number; spec: Spec }> = {
  'POST /api/auth/login': {
    // Wrong passwords: after 20 the address is refused for 15 minutes, so the cases stay fast and reach the 429 too.
    runs: 150,
    spec: (who) =>
      fc.record({ method: fc.constant('POST'), url: fc.constant('/api/auth/login'), headers: headers({ who, json: true }), body: body({ courriel: 'admin.fuzz@reperes.test', mot_de_passe: 'pas le bon' }) }),
  },
  'POST /api/auth/logout': {
    runs: 200,
    spec: (who) =>
      fc.record({
        method: fc.constant('POST'), url: fc.constant('/api/auth/logout'),
        headers: headers({ who: who && throwawaySession(who === admin ? 'admin' : 'coordinator'), json: true }), body: body({}),
      }),
  },
  'GET /api/auth/me': { runs: 200, spec: (who) => fc.record({ method: fc.constant('GET'), url: queryString({ lang: paging.lang }).map((q) => `/api/auth/me${q}`), headers: headers({ who }) }) },
  'GET /api/auth/invitations/:token': {
    runs: 250,
    spec: (who) => fc.record({ method: fc.constant('GET'), url: pathId([invitationToken, 'x'.repeat(10)]).map((id) => `/api/auth/invitations/${id}`), headers: headers({ who }) }),
  },
  'POST /api/auth/invitations/:token': {
    runs: 250,
    spec: (who) =>
      fc.record({
        method: fc.constant('POST'), url: pathId([invitationToken]).map((id) => `/api/auth/invitations/${id}`), headers: headers({ who, json: true }),
        body: body({ mot_de_passe: 'les lieux de Mayotte sont à jour' }),
      }),
  },
  'GET /api/admin/comptes': { runs: 200, spec: (who) => fc.record({ method: fc.constant('GET'), url: queryString({ lang: paging.lang }).map((q) => `/api/admin/comptes${q}`), headers: headers({ who }) }) },
  'POST /api/admin/invitations': {
    runs: 300,
    spec: (who) =>
      fc.record({
        method: fc.constant('POST'), url: fc.constant('/api/admin/invitations'), headers: headers({ who, json: true }),
        body: body({ courriel: 'nouvelle.fuzz@reperes.test', role: 'coordinateur', territoires: ['976', '2A'], reseaux: ['france-services'] }),
      }),
  },
  'POST /api/admin/comptes/:id/desactiver': {
    runs: 200,
    spec: (who) =>
      fc.record({
        method: fc.constant('POST'),
        url: pathId([String(victimId), '999999', '0', '1e3'])
          .filter((id) => !(/^\d{1,12}$/.test(id) && protectedIds.includes(Number(id))))
          .map((id) => `/api/admin/comptes/${id}/desactiver`),
        headers: headers({ who, json: true }), body: body({}),
      }),
  },
  'GET /api/coordination/fraicheur': {
    runs: 200,
    spec: (who) =>
      fc.record({
        method: fc.constant('GET'),
        url: queryString({ ...paging, tranche: fc.constantFrom(...TRANCHES, 'ancien'), departement: fc.constantFrom('976', '2A', '2a', '1', '9999') }).map((q) => `/api/coordination/fraicheur${q}`),
        headers: headers({ who }),
      }),
  },
  'GET /api/coordination/lieux': {
    runs: 250,
    spec: (who) =>
      fc.record({
        method: fc.constant('GET'),
        url: queryString({ ...paging, q: fc.constantFrom('mamoudzou', 'france services', '"', 'a*', 'NEAR(a b)', ''), archive: fc.constantFrom('0', '1', 'oui') }).map((q) => `/api/coordination/lieux${q}`),
        headers: headers({ who }),
      }),
  },
  'GET /api/coordination/lieux/:id': { runs: 250, spec: (who) => fc.record({ method: fc.constant('GET'), url: placeId().map((id) => `/api/coordination/lieux/${id}`), headers: headers({ who }) }) },
  'POST /api/lieux': {
    runs: 400,
    spec: (who) => fc.record({ method: fc.constant('POST'), url: fc.constant('/api/lieux'), headers: headers({ who, json: true }), body: body(PLACE) }),
  },
  'PATCH /api/lieux/:id': {
    runs: 500,
    spec: (who) => fc.record({ method: fc.constant('PATCH'), url: placeId().map((id) => `/api/lieux/${id}`), headers: headers({ who, json: true, version }), body: body(PATCH) }),
  },
  'POST /api/lieux/:id/archiver': {
    runs: 200,
    spec: (who) => fc.record({ method: fc.constant('POST'), url: placeId().map((id) => `/api/lieux/${id}/archiver`), headers: headers({ who, json: true }), body: body({ version: 1, commentaire: 'Fermé' }) }),
  },
  'POST /api/lieux/:id/desarchiver': {
    runs: 200,
    spec: (who) => fc.record({ method: fc.constant('POST'), url: placeId().map((id) => `/api/lieux/${id}/desarchiver`), headers: headers({ who, json: true }), body: body({ version: 2, commentaire: 'Rouvert' }) }),
  },
  'POST /api/lieux/:id/restaurer': {
    runs: 200,
    spec: (who) => fc.record({ method: fc.constant('POST'), url: placeId().map((id) => `/api/lieux/${id}/restaurer`), headers: headers({ who, json: true }), body: body({ version: 1, commentaire: 'Retour' }) }),
  },
  'POST /api/lieux/:id/verification': {
    runs: 200,
    spec: (who) =>
      fc.record({ method: fc.constant('POST'), url: placeId().map((id) => `/api/lieux/${id}/verification`), headers: headers({ who, json: true }), body: body({ commentaire: 'Toujours exact' }) }),
  },
  'GET /api/lieux/:id/historique': { runs: 200, spec: (who) => fc.record({ method: fc.constant('GET'), url: placeId().map((id) => `/api/lieux/${id}/historique`), headers: headers({ who }) }) },
  'POST /api/lieux/:id/signalements': {
    // Public: five reports an hour per address, so most cases also meet the 429.
    runs: 300,
    spec: () =>
      fc.record({
        method: fc.constant('POST'), url: placeId().map((id) => `/api/lieux/${id}/signalements`), headers: headers({ json: true }),
        body: body({ motif: 'telephone', commentaire: 'Le numéro ne répond pas', site_web_confirmation: '' }),
      }),
  },
  'GET /api/signalements': {
    runs: 250,
    spec: (who) =>
      fc.record({ method: fc.constant('GET'), url: queryString({ ...paging, statut: fc.constantFrom('ouvert', 'corrige', 'rejete', 'tous') }).map((q) => `/api/signalements${q}`), headers: headers({ who }) }),
  },
  'GET /api/signalements/:id': { runs: 200, spec: (who) => fc.record({ method: fc.constant('GET'), url: pathId([...reports, '0']).map((id) => `/api/signalements/${id}`), headers: headers({ who }) }) },
  'POST /api/signalements/:id/resolution': {
    runs: 300,
    spec: (who) =>
      fc.record({
        method: fc.constant('POST'), url: pathId(reports).map((id) => `/api/signalements/${id}/resolution`), headers: headers({ who, json: true, version }),
        body: fc.oneof(
          body({ action: 'rejete', commentaire: 'Vérifié : les horaires sont bons' }),
          body({ action: 'corrige', commentaire: 'Corrigé', modification: { horaires_texte: 'Le lundi, fermé', version: 1 } }),
        ),
      }),
  },
  'POST /api/imports': {
    runs: 150,
    spec: (who) =>
      fc.record({
        method: fc.constant('POST'),
        url: queryString({ appliquer: fc.constantFrom('0', '1', 'oui'), nom: fc.constantFrom('lieux.csv', encode('../../etc/passwd'), 'é'.repeat(250)), lang: paging.lang }).map((q) => `/api/imports${q}`),
        headers: headers({ who }).map((h) => ({ 'content-type': 'text/csv', ...h })),
        body: importFile,
      }),
  },
};

const as = fc.constantFrom<'admin' | 'coordinator' | 'visitor'>('admin', 'admin', 'coordinator', 'coordinator', 'visitor');

describe('any request to a coordinators’ or writing route', () => {
  it('covers every route the app mounts, with the public reads fuzzed beside', () => {
    expect([...mountedRoutes(app)].sort()).toEqual([...PUBLIC_READ_ROUTES, ...Object.keys(routes)].sort());
  });

  // Found by this fuzz: JSON.parse accepts any depth, JSON.stringify and recursive checks overflow the stack (500 before).
  it('refuses with a 400, not a 500, place details and import files nested deeper than the stack', async () => {
    const deep = `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`;
    const asAdmin = { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf };
    const place: FuzzRequest = { method: 'POST', url: '/api/lieux', headers: asAdmin, body: `${JSON.stringify(PLACE).slice(0, -1)},"details":${deep}}` };
    const file: FuzzRequest = { method: 'POST', url: '/api/imports', headers: { ...asAdmin, 'content-type': 'text/csv' }, body: `[${deep}]` };
    for (const [r, code] of [[place, 'champs_invalides'], [file, 'json_invalide']] as const) {
      const res = await send(app, r);
      expect(res.status).toBe(400);
      expect(((await res.clone().json()) as { code: string }).code).toBe(code);
      await expectSound(res, r);
    }
    expect(logged).not.toHaveBeenCalled();
  }, 60_000);

  for (const [route, { runs, spec }] of Object.entries(routes)) {
    it(`gets an answer below 500 from ${route}, and a French { code, message } when refused`, async () => {
      const request = as.chain((who) => spec(who === 'admin' ? admin : who === 'coordinator' ? coordinator : undefined));
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          logged.mockClear();
          const res = await send(app, r);
          await expectSound(res, r);
          expect(logged).not.toHaveBeenCalled();
        }),
        { numRuns: runs, seed: FUZZ_SEED },
      );
    }, 120_000);
  }
});
