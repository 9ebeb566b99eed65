import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { realApp } from '../testing/real-db.ts';
import { body, encode, expectSound, FUZZ_SEED, headers, nastyText, pathId, type PUBLIC_READ_ROUTES, queryString, send, type FuzzRequest } from '../testing/fuzz.ts';

/**
 * Hostile requests against every public read, in-process on the real imported data (read-only).
 * The public report form writes, so it is fuzzed with the coordinators' routes on a copy.
 */
const { app, db } = realApp();
const logged = vi.spyOn(console, 'error');
afterAll(() => db.close());

let known: { services: string[]; types: string[]; labels: string[]; places: string[] };

beforeAll(async () => {
  const res = await app.request('/api/services');
  const facets = (await res.json()) as Record<'numerique' | 'demarches' | 'types' | 'labels', { id: string }[]>;
  known = {
    services: [...facets.numerique, ...facets.demarches].map((s) => s.id),
    types: facets.types.map((t) => t.id),
    labels: facets.labels.map((l) => l.id),
    places: db.prepare('SELECT id FROM lieux ORDER BY num DESC LIMIT 3').pluck().all() as string[],
  };
}, 60_000);

const number = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((n) => String(Math.round(n * 1e4) / 1e4));
const bbox = fc.oneof(
  fc.constantFrom('2.2,48.8,2.4,48.9', '55.2,-21.4,55.9,-20.8', '2.35,48.85,2.36,48.86', '2.4,48.9,2.2,48.8', '-180,-90,180,90', '1,2,3', ' 2.2 ,48.8,2.4,48.9'),
  fc.tuple(number(-200, 200), number(-100, 100), number(-200, 200), number(-100, 100)).map((a) => a.join(',')),
);
const ids = (list: () => string[]) =>
  fc.array(fc.oneof(fc.constantFrom(...list()), nastyText), { minLength: 1, maxLength: 4 }).map((a) => a.join(','));
const integer = (max: number) => fc.oneof(fc.integer({ min: -5, max }).map(String), fc.constantFrom('0', '1', '500', '501', '1000000', '1000001'));

const filters = () => ({
  bbox,
  services: ids(() => known.services),
  types: ids(() => known.types),
  labels: ids(() => known.labels),
  lang: fc.constantFrom('fr', 'en', 'de', 'EN'),
});

/** Each public route with the query keys it knows and values that often pass its validator. */
const routes: Record<(typeof PUBLIC_READ_ROUTES)[number], () => fc.Arbitrary<string>> = {
  'GET /api/lieux': () =>
    queryString({
      ...filters(),
      limit: integer(600),
      offset: integer(40_000),
      near: fc.oneof(fc.constantFrom('2.44,48.91', '55.45,-20.88', '181,0', '2.44'), fc.tuple(number(-190, 190), number(-95, 95)).map((a) => a.join(','))),
      ouvert: fc.constantFrom('maintenant', 'samedi', 'dimanche'),
      q: fc.constantFrom('mairie', 'saint', 'st etienne', '42000', 'caf', 'france services', 'médiathèque', 'l’', '"', 'a*', 'OR'),
    }).map((qs) => `/api/lieux${qs}`),
  'GET /api/lieux/:id': () => pathId(known.places).map((id) => `/api/lieux/${id}`),
  'GET /api/services': () => queryString(filters()).map((qs) => `/api/services${qs}`),
  // Zoom stays at or below 10 without a bbox: a world map cut into metre cells is a 3 MB answer, slow for nothing here.
  'GET /api/clusters': () =>
    queryString({ ...filters(), zoom: fc.oneof(fc.constantFrom('0', '5', '9.5', '10', '22.5', '-1', '23', '1.', '.5'), fc.integer({ min: 0, max: 10 }).map(String)) }).map(
      (qs) => `/api/clusters${qs}`,
    ),
  'GET /api/communes': () =>
    queryString({
      q: fc.constantFrom('sain', 'Saint-Étienne', '42000', '97', 'st', 'a', 'évry', "l'isle", '"', 'NEAR(', 'e*'),
      limit: integer(25),
      lang: fc.constantFrom('fr', 'en'),
    }).map((qs) => `/api/communes${qs}`),
  // Always within one small box: the whole country is a 20 MB export, seconds per case.
  'GET /api/export': () =>
    queryString(
      {
        format: fc.constantFrom('lmn-csv', 'geojson', 'data-inclusion', 'csv', 'GEOJSON'),
        services: ids(() => known.services),
        types: ids(() => known.types),
        labels: ids(() => known.labels),
        lang: fc.constantFrom('fr', 'en'),
      },
      { prefix: `bbox=${encode('2.35,48.85,2.36,48.86')}` },
    ).map((qs) => `/api/export${qs}`),
  'GET /api/health': () => queryString({ lang: fc.constantFrom('en') }).map((qs) => `/api/health${qs}`),
  'GET /api/openapi.json': () => queryString({ lang: fc.constantFrom('en') }).map((qs) => `/api/openapi.json${qs}`),
  'GET /api/docs': () => queryString({ lang: fc.constantFrom('en') }).map((qs) => `/api/docs${qs}`),
  'GET /api/docs.css': () => queryString({ lang: fc.constantFrom('en') }).map((qs) => `/api/docs.css${qs}`),
};

const RUNS: Record<(typeof PUBLIC_READ_ROUTES)[number], number> = {
  'GET /api/lieux': 1400, 'GET /api/lieux/:id': 900, 'GET /api/services': 300, 'GET /api/clusters': 700,
  'GET /api/communes': 800, 'GET /api/export': 200, 'GET /api/health': 100, 'GET /api/openapi.json': 100, 'GET /api/docs': 100, 'GET /api/docs.css': 50,
};

/** Each case answers for its own log lines, so a shrunk counterexample is the request that logged. */
async function check(r: FuzzRequest) {
  logged.mockClear();
  const res = await send(app, r);
  await expectSound(res, r);
  expect(logged).not.toHaveBeenCalled();
}

describe('any request to a public route', () => {
  for (const [route, urls] of Object.entries(routes)) {
    it(`gets an answer below 500 from ${route}, and a French { code, message } when refused`, async () => {
      await fc.assert(
        fc.asyncProperty(urls(), headers(), fc.constantFrom('GET', 'GET', 'GET', 'HEAD'), async (url, h, method) => check({ method, url, headers: h })),
        { numRuns: RUNS[route as keyof typeof RUNS], seed: FUZZ_SEED },
      );
    }, 120_000);
  }

  it('gets a JSON 404 for unknown paths and methods under /api', async () => {
    const segment = fc.oneof(pathId(['lieux', 'services', 'admin', 'export', 'openapi.json']), fc.constantFrom('', 'lieux/x/y/z', 'api', '%2e%2e/%2e%2e'));
    const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND', 'SEARCH');
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 4 }), method, headers(), body({ nom: 'x' }), async (parts, m, h, b) =>
        check({ method: m, url: `/api/${parts.join('/')}`, headers: h, body: b }),
      ),
      { numRuns: 400, seed: FUZZ_SEED },
    );
  }, 120_000);
});
