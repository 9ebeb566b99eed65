/**
 * `pnpm bench`: starts the real server (built app, imported SQLite) and a bare Hono route, loads
 * both in turn with autocannon on 127.0.0.1, and reports each API route as a ratio to the bare
 * route measured in the same run, plus the import time and the number of places.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, repoRoot, startServer } from '../support/server.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;

// Town-sized views (about 5 × 5 km), varied so that no single query is measured alone.
const TOWNS = {
  Bobigny: '2.40,48.89,2.47,48.93',
  'Lyon 3e': '4.83,45.74,4.90,45.77',
  Rennes: '-1.71,48.09,-1.64,48.13',
  Lille: '3.03,50.61,3.10,50.65',
  'Saint-Denis (974)': '55.42,-20.91,55.49,-20.86',
  Limoges: '1.22,45.81,1.29,45.85',
};
const FRANCE = '-5.5,41.2,9.8,51.3';
const PLACE_IDS = ['fs-1', 'fs-2883', 'fs-102', 'bib-163'];
const COMMUNE_QUERIES = ['bobigny', 'st etienne', 'saint-denis', '42000', 'lyon', 'marseil'];
const NEAR = ['2.4397,48.9085', '4.8357,45.7640', '55.4504,-20.8789', '-1.6778,48.1173'];

type Result = { name: string; rps: number; p50: number; p99: number; errors: number; ratio?: number };

async function load(name: string, base: string, paths: string[]): Promise<Result> {
  const r = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function startBare() {
  const port = await freePort();
  const tsx = join(repoRoot, 'api', 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [join(repoRoot, 'tests', 'bench', 'bare-server.ts')], {
    env: { ...process.env, PORT: String(port) },
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  return { url: `http://127.0.0.1:${port}`, stop: () => process.kill(-child.pid!, 'SIGTERM') };
}

async function timeImport() {
  const dir = join(tmpdir(), `reperes-bench-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const child = spawn('pnpm', ['--filter', '@reperes/data', 'run', 'import'], {
    cwd: repoRoot,
    env: { ...process.env, REPERES_DB: join(dir, 'bench.sqlite') },
    stdio: 'ignore',
  });
  const code = await new Promise((r) => child.once('exit', r));
  const seconds = (performance.now() - started) / 1000;
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0) throw new Error('import en échec');
  return seconds;
}

const importSeconds = await timeImport();
const bare = await startBare();
const server = await startServer();
const results: Result[] = [];
try {
  const places = ((await (await fetch(`${server.url}/api/health`)).json()) as { lieux: number }).lieux;
  // The server reads every opening-hours value in the background at start; an "open now"
  // request waits for the end of that work, so no measurement below competes with it.
  await fetch(`${server.url}/api/lieux?ouvert=maintenant&limit=1`);
  // Warm both servers (JIT, SQLite page cache) before measuring.
  await load('warm-up', bare.url, ['/']);
  await load('warm-up', server.url, Object.values(TOWNS).map((b) => `/api/lieux?bbox=${b}`));

  const baseline = await load('route Hono nue (référence)', bare.url, ['/']);
  results.push(baseline);
  const towns = Object.values(TOWNS);
  results.push(await load('/api/lieux ville + service', server.url, towns.map((b) => `/api/lieux?bbox=${b}&services=aide-aux-demarches-administratives`)));
  results.push(await load('/api/lieux ville', server.url, towns.map((b) => `/api/lieux?bbox=${b}`)));
  results.push(await load('/api/lieux France entière', server.url, [`/api/lieux?bbox=${FRANCE}`]));
  results.push(await load('/api/clusters France, zoom 5', server.url, [`/api/clusters?bbox=${FRANCE}&zoom=5`]));
  results.push(await load('/api/services ville', server.url, towns.map((b) => `/api/services?bbox=${b}`)));
  results.push(await load('/api/lieux/:id', server.url, PLACE_IDS.map((id) => `/api/lieux/${id}`)));
  results.push(await load('/api/communes?q=', server.url, COMMUNE_QUERIES.map((q) => `/api/communes?q=${encodeURIComponent(q)}`)));
  results.push(await load('/api/lieux?near= (autour de moi)', server.url, NEAR.map((p) => `/api/lieux?near=${p}`)));
  results.push(await load('/api/lieux?ouvert=maintenant ville', server.url, towns.map((b) => `/api/lieux?bbox=${b}&ouvert=maintenant`)));
  for (const r of results) r.ratio = r.rps / baseline.rps;

  console.log(`\nRepères — banc d’essai (${DURATION} s par mesure, ${CONNECTIONS} connexions, 127.0.0.1)`);
  console.log(`Lieux en base : ${places} · import complet : ${importSeconds.toFixed(1)} s\n`);
  console.table(
    results.map((r) => ({
      mesure: r.name,
      'req/s': Math.round(r.rps),
      'ratio / référence': `${(r.ratio! * 100).toFixed(0)} %`,
      'p50 (ms)': r.p50,
      'p99 (ms)': r.p99,
      erreurs: r.errors,
    })),
  );
  const out = join(repoRoot, 'tests', 'artifacts');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'bench.json'), JSON.stringify({ date: new Date().toISOString(), places, importSeconds, results }, null, 2));
  console.log(`\nRésultats écrits dans tests/artifacts/bench.json`);
} finally {
  await server.stop();
  bare.stop();
}
