/** The load generator shared by the benchmarks: autocannon on 127.0.0.1, requests taken in turn. */
import autocannon from 'autocannon';

export const CONNECTIONS = 10;

export type LoadResult = { name: string; rps: number; p50: number; p99: number; errors: number };

export async function load(name: string, base: string, paths: string[], seconds: number): Promise<LoadResult> {
  const r = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

// Town-sized views (about 5 × 5 km), varied so that no single query is measured alone.
export const TOWNS = {
  Bobigny: '2.40,48.89,2.47,48.93',
  'Lyon 3e': '4.83,45.74,4.90,45.77',
  Rennes: '-1.71,48.09,-1.64,48.13',
  Lille: '3.03,50.61,3.10,50.65',
  'Saint-Denis (974)': '55.42,-20.91,55.49,-20.86',
  Limoges: '1.22,45.81,1.29,45.85',
};
export const FRANCE = '-5.5,41.2,9.8,51.3';
export const PLACE_IDS = ['fs-1', 'fs-2883', 'fs-102', 'bib-163'];
export const COMMUNE_QUERIES = ['bobigny', 'st etienne', 'saint-denis', '42000', 'lyon', 'marseil'];
export const NEAR = ['2.4397,48.9085', '4.8357,45.7640', '55.4504,-20.8789', '-1.6778,48.1173'];
/** What people type in the name search box; the web app asks for 5 results across France. */
export const NAME_QUERIES = ['france services', 'mediatheque', 'caf', 'bobigny', 'pimms', 'mission locale'];

export const townWithService = Object.values(TOWNS).map((b) => `/api/lieux?bbox=${b}&services=aide-aux-demarches-administratives`);
export const nameSearch = NAME_QUERIES.map((q) => `/api/lieux?q=${encodeURIComponent(q)}&limit=5`);
export const communeSearch = COMMUNE_QUERIES.map((q) => `/api/communes?q=${encodeURIComponent(q)}`);

/**
 * The server parses every opening-hours value in the background at start; an "open now" request
 * waits for the end of that work, so no measurement competes with it.
 */
export async function waitForHours(base: string) {
  await fetch(`${base}/api/lieux?ouvert=maintenant&limit=1`);
}
