import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../api/src/db/client.ts';
import { migrate } from '../../api/src/db/migrate.ts';
import { createAccountQueries } from '../../api/src/features/auth/accounts.queries.ts';
import { hashPassword } from '../../api/src/features/auth/password.ts';
import { copyDatabase, startServer, type RunningServer } from '../support/server.ts';

/**
 * A minute of public reads while four coordinators edit the same ten places: the readers get
 * every answer in time, and every accepted edit is in the history and in what the public reads.
 * REPERES_CHARGE_SECONDES shortens the run on a workstation (60 s by default).
 */
const SECONDS = Number(process.env.REPERES_CHARGE_SECONDES ?? 60);
const READ_CONNECTIONS = 8;
const COORDINATORS = 4;
const PLACE_COUNT = 10;
/**
 * The 99th percentile of public reads. On the 2-core reference machine a town list answers in
 * about 30 ms at p50 and 100 to 125 ms at p99 with 10 connections (tests/artifacts/bench.json);
 * the mix here adds clusters, facets and "open now", and edits commit and update the index on the
 * same single thread, while this test process itself takes part of the CPU. 250 ms keeps a
 * patron's list under a quarter of a second for 99 requests in 100, with both cores busy.
 *
 * The machine may be shared (other test suites, a browser): the same reads are first measured
 * alone, and while coordinators edit their p99 may reach twice that, never less than 250 ms.
 * Edits that stall reads fail either way: a full index rebuild per save (0.5 to 1 s blocking)
 * multiplies the p99 many times over.
 */
const READ_P99_BUDGET_MS = 250;
const BASELINE_SECONDS = Math.max(3, Math.min(10, Math.round(SECONDS / 6)));

const PASSWORD = 'quatre coordinations éditent ensemble';
const coordinatorEmail = (n: number) => `charge${n}@reperes.test`;

type Place = { id: string; nom: string; version: number; latitude: number; longitude: number };
type Accepted = { id: string; version: number; nom: string; by: number };

let copy: Awaited<ReturnType<typeof copyDatabase>>;
let server: RunningServer;
let places: Place[];
let journalStart: number;

beforeAll(async () => {
  copy = await copyDatabase();
  const db = openDb(copy.path);
  try {
    migrate(db);
    const accounts = createAccountQueries(db);
    const passwordHash = await hashPassword(PASSWORD);
    for (let n = 1; n <= COORDINATORS; n++) {
      accounts.createUser({
        courriel: coordinatorEmail(n), passwordHash, role: 'coordinateur', territoires: ['93'], reseaux: [], createdAt: new Date().toISOString(),
      });
    }
    places = db
      .prepare(
        `SELECT id, nom, version, latitude, longitude FROM lieux
         WHERE departement = '93' AND archived_at IS NULL AND length(nom) < 100 ORDER BY num LIMIT ?`,
      )
      .all(PLACE_COUNT) as Place[];
    journalStart = (db.prepare('SELECT coalesce(max(id), 0) FROM journal').pluck().get() as number) ?? 0;
  } finally {
    db.close();
  }
  server = await startServer({ REPERES_DB: copy.path });
  // The server reads every opening-hours value in the background at start; measuring begins after.
  await fetch(`${server.url}/api/lieux?ouvert=maintenant&limit=1`);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  copy?.remove();
});

const TOWNS = ['2.40,48.89,2.47,48.93', '4.83,45.74,4.90,45.77', '-1.71,48.09,-1.64,48.13', '3.03,50.61,3.10,50.65', '55.42,-20.91,55.49,-20.86'];

/** What the public asks while coordinators work: town lists with filters, place pages, communes, the map, the facets. */
function publicReads(): string[] {
  const towns = TOWNS.flatMap((bbox) => [
    `/api/lieux?bbox=${bbox}`,
    `/api/lieux?bbox=${bbox}&services=aide-aux-demarches-administratives`,
    `/api/lieux?bbox=${bbox}&types=france-services,mairie&ouvert=maintenant`,
    `/api/clusters?bbox=${bbox}&zoom=13`,
    `/api/services?bbox=${bbox}`,
  ]);
  return [
    ...towns,
    ...places.map((p) => `/api/lieux/${encodeURIComponent(p.id)}`),
    '/api/lieux?q=france%20services&limit=5',
    '/api/clusters?bbox=-5.5,41.2,9.8,51.3&zoom=6',
    ...['bobigny', 'st etienne', '93200', 'montreuil'].map((q) => `/api/communes?q=${encodeURIComponent(q)}`),
  ];
}

async function signIn(n: number) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ courriel: coordinatorEmail(n), mot_de_passe: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrf } = (await res.json()) as { csrf: string };
  return { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf };
}

/**
 * One coordinator: reads a place as the edit form does, renames it based on that version, and
 * starts again. Another coordinator's save in between makes the server answer 409: the form then
 * reads again, as a person would after the conflict message.
 */
async function coordinator(n: number, until: number) {
  const headers = await signIn(n);
  const accepted: Accepted[] = [];
  const failures: string[] = [];
  let refused = 0;
  for (let i = 0; Date.now() < until; i++) {
    const place = places[Math.floor(Math.random() * places.length)]!;
    const url = `${server.url}/api/lieux/${encodeURIComponent(place.id)}`;
    try {
      const read = await fetch(`${server.url}/api/coordination/lieux/${encodeURIComponent(place.id)}`, { headers });
      if (read.status !== 200) {
        failures.push(`lecture ${place.id} : ${read.status} ${await read.text()}`);
        continue;
      }
      const { version } = (await read.json()) as { version: number };
      const nom = `${place.nom} [coordination ${n}, envoi ${i}]`;
      const res = await fetch(url, { method: 'PATCH', headers: { ...headers, 'If-Match': String(version) }, body: JSON.stringify({ nom }) });
      const body = (await res.json()) as { version: number; nom: string; code?: string };
      if (res.status === 200 && body.nom === nom && body.version === version + 1) accepted.push({ id: place.id, version: body.version, nom, by: n });
      else if (res.status === 409 && body.code === 'version_perimee') refused += 1;
      else failures.push(`écriture ${place.id} v${version} : ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    } catch (err) {
      failures.push(`transport : ${(err as Error).message}`);
    }
  }
  return { accepted, refused, failures };
}

describe(`${SECONDS} s of public reads while ${COORDINATORS} coordinators edit the same ${PLACE_COUNT} places`, () => {
  it('answers every read in budget and loses no accepted edit', async () => {
    const requests = publicReads().map((path) => ({ method: 'GET' as const, path }));
    // Each read once first, so the baseline measures the server at work, not its first compilations.
    for (const { path } of requests) await (await fetch(`${server.url}${path}`)).arrayBuffer();
    const alone = await autocannon({ url: server.url, connections: READ_CONNECTIONS, duration: BASELINE_SECONDS, requests });
    const budget = Math.max(READ_P99_BUDGET_MS, 2 * alone.latency.p99);

    const until = Date.now() + SECONDS * 1000;
    const [reads, ...editors] = await Promise.all([
      autocannon({ url: server.url, connections: READ_CONNECTIONS, duration: SECONDS, requests }),
      ...Array.from({ length: COORDINATORS }, (_, i) => coordinator(i + 1, until)),
    ]);
    const accepted = editors.flatMap((e) => e.accepted);
    const refused = editors.reduce((sum, e) => sum + e.refused, 0);
    console.log(
      `lectures seules : ${Math.round(alone.requests.average)}/s, p50 ${alone.latency.p50} ms, p99 ${alone.latency.p99} ms ; ` +
        `avec ${COORDINATORS} coordinations : ${Math.round(reads.requests.average)}/s, p50 ${reads.latency.p50} ms, p99 ${reads.latency.p99} ms ` +
        `(budget ${budget} ms, ${reads.requests.total} lectures) ; écritures acceptées ${accepted.length}, refusées (409) ${refused}`,
    );

    expect(editors.flatMap((e) => e.failures)).toEqual([]);
    for (const r of [alone, reads]) expect({ errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx }).toEqual({ errors: 0, timeouts: 0, non2xx: 0 });
    expect(reads.latency.p99).toBeLessThanOrEqual(budget);
    // Overlapping places: the run proves something only if edits both landed and collided.
    expect(accepted.length).toBeGreaterThanOrEqual(COORDINATORS * 5);
    expect(refused).toBeGreaterThan(0);

    const db = openDb(copy.path, { readonly: true });
    try {
      const history = db.prepare(
        `SELECT version, json_extract(apres, '$.nom') AS nom, user_id AS userId FROM journal
         WHERE lieu_id = ? AND action = 'modification' AND id > ? ORDER BY id`,
      );
      const users = new Map(
        (db.prepare('SELECT id, courriel FROM users').all() as { id: number; courriel: string }[]).map((u) => [u.courriel, u.id]),
      );
      const row = db.prepare('SELECT nom, version FROM lieux WHERE id = ?');
      for (const place of places) {
        const mine = accepted.filter((a) => a.id === place.id).sort((a, b) => a.version - b.version);
        const entries = history.all(place.id, journalStart) as { version: number; nom: string; userId: number }[];
        // One history entry per 200, in version order, each version once: place.version + 1, + 2…
        expect(entries.map((e) => e.version)).toEqual(mine.map((_, i) => place.version + i + 1));
        expect(entries).toEqual(mine.map((a) => ({ version: a.version, nom: a.nom, userId: users.get(coordinatorEmail(a.by)) })));
        const last = mine.at(-1);
        expect(row.get(place.id)).toEqual(last ? { nom: last.nom, version: last.version } : { nom: place.nom, version: place.version });
      }
    } finally {
      db.close();
    }

    // What the public reads now: the place page and the list of its neighbourhood show the last accepted name.
    for (const place of places) {
      const last = accepted.filter((a) => a.id === place.id).sort((a, b) => a.version - b.version).at(-1);
      const expected = last?.nom ?? place.nom;
      const page = (await (await fetch(`${server.url}/api/lieux/${encodeURIComponent(place.id)}`)).json()) as { nom: string };
      expect(page.nom).toBe(expected);
      const d = 0.001;
      const bbox = [place.longitude - d, place.latitude - d, place.longitude + d, place.latitude + d].join(',');
      const list = (await (await fetch(`${server.url}/api/lieux?bbox=${bbox}&limit=500`)).json()) as { items: { id: string; nom: string }[] };
      expect(list.items.find((i) => i.id === place.id)?.nom).toBe(expected);
    }
    expect(server.log()).not.toMatch(/\[erreur /);
  });
});
