/**
 * `npm run bench`: every benchmark in one run, one table, one JSON (tests/artifacts/bench.json).
 *  - api: the real server (built app, imported SQLite) and a bare Hono route loaded in turn with
 *    autocannon on 127.0.0.1; each API route reads as a ratio to the bare route of the same run;
 *  - phone: the weak phone, cold then warm (bench/weak-phone.ts, run as it is);
 *  - dataset: the whole real dataset imported from its sources, exported, and re-read by the
 *    coordinators' import, with time and peak memory;
 *  - scale: 1×, 4×, 16× the real places (bench/scale.ts).
 * Shorter runs: BENCH_SECONDS (API, default 8), BENCH_SCALE_SECONDS (default 5), BENCH_SCALES
 * (default 1,4,16), BENCH_PARTS (default api,phone,dataset,scale).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, repoRoot, startServer } from '../support/server.ts';
import {
  communeSearch, CONNECTIONS, FRANCE, load, type LoadResult, NEAR, nameSearch, PLACE_IDS, TOWNS, townWithService, waitForHours,
} from './load.ts';
import { describeMachine, machine } from './machine.ts';
import { runRealDataset, type DatasetStep } from './real-dataset.ts';
import { parseScales, printScale, runScale, type ScaleReport } from './scale.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const SCALE_SECONDS = Number(process.env.BENCH_SCALE_SECONDS ?? 5);
const SCALES = parseScales(process.env.BENCH_SCALES);
const PARTS = new Set((process.env.BENCH_PARTS ?? 'api,phone,dataset,scale').split(','));

const tsx = join(repoRoot, 'tests', 'node_modules', '.bin', 'tsx');

type ApiResult = LoadResult & { ratio: number };
type PhoneRun = { ms: number; bytes: number; requests: number };
type Phone = { cold: PhoneRun; warm: PhoneRun };

async function startBare() {
  const port = await freePort();
  const child = spawn(tsx, [join(repoRoot, 'tests', 'bench', 'bare-server.ts')], {
    env: { ...process.env, PORT: String(port) },
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  return { url: `http://127.0.0.1:${port}`, stop: () => process.kill(-child.pid!, 'SIGTERM') };
}

async function benchApi(): Promise<{ places: number; results: ApiResult[] }> {
  const bare = await startBare();
  const server = await startServer();
  try {
    const places = ((await (await fetch(`${server.url}/api/health`)).json()) as { lieux: number }).lieux;
    await waitForHours(server.url);
    // Warm both servers (JIT, SQLite page cache) before measuring.
    await load('warm-up', bare.url, ['/'], SECONDS);
    await load('warm-up', server.url, Object.values(TOWNS).map((b) => `/api/lieux?bbox=${b}`), SECONDS);
    const towns = Object.values(TOWNS);
    const runs: [string, string, string[]][] = [
      ['route Hono nue (référence)', bare.url, ['/']],
      ['/api/lieux ville + service', server.url, townWithService],
      ['/api/lieux ville', server.url, towns.map((b) => `/api/lieux?bbox=${b}`)],
      ['/api/lieux France entière', server.url, [`/api/lieux?bbox=${FRANCE}`]],
      ['/api/clusters France, zoom 5', server.url, [`/api/clusters?bbox=${FRANCE}&zoom=5`]],
      ['/api/services ville', server.url, towns.map((b) => `/api/services?bbox=${b}`)],
      ['/api/lieux/:id', server.url, PLACE_IDS.map((id) => `/api/lieux/${id}`)],
      ['/api/communes?q=', server.url, communeSearch],
      ['/api/lieux?q= (nom, France entière)', server.url, nameSearch],
      ['/api/lieux?near= (autour de moi)', server.url, NEAR.map((p) => `/api/lieux?near=${p}`)],
      ['/api/lieux?ouvert=maintenant ville', server.url, towns.map((b) => `/api/lieux?bbox=${b}&ouvert=maintenant`)],
    ];
    const measured: LoadResult[] = [];
    for (const [name, base, paths] of runs) measured.push(await load(name, base, paths, SECONDS));
    const baseline = measured[0]!.rps;
    return { places, results: measured.map((r) => ({ ...r, ratio: r.rps / baseline })) };
  } finally {
    await server.stop();
    bare.stop();
  }
}

/** bench/weak-phone.ts as its own process; its figures are read back from the JSON it writes. */
async function benchPhone(): Promise<Phone> {
  const file = join(repoRoot, 'tests', 'artifacts', 'weak-phone.json');
  const started = Date.now();
  const child = spawn(tsx, [join(repoRoot, 'tests', 'bench', 'weak-phone.ts')], { cwd: join(repoRoot, 'tests'), stdio: 'inherit' });
  const code = await new Promise((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`Mesure du téléphone lent en échec (code ${code}).`);
  if (!existsSync(file) || statSync(file).mtimeMs < started) throw new Error('bench/weak-phone.ts n’a pas écrit tests/artifacts/weak-phone.json.');
  return JSON.parse(readFileSync(file, 'utf8')) as Phone;
}

const n = (v: number, digits = 0) => v.toLocaleString('fr-FR', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => `${n(bytes / 1024 ** 2, 1)} Mo`;

type Row = { partie: string; mesure: string; résultat: string; détail: string };

function rows(api: ApiResult[] | null, phone: Phone | null, dataset: DatasetStep[] | null, scale: ScaleReport | null): Row[] {
  const out: Row[] = [];
  for (const r of api ?? []) {
    out.push({
      partie: 'API', mesure: r.name, résultat: `${n(r.rps)} req/s (${n(r.ratio * 100)} %)`,
      détail: `p50 ${r.p50} ms · p99 ${r.p99} ms${r.errors ? ` · ${r.errors} erreurs` : ''}`,
    });
  }
  for (const [label, run] of phone ? ([['à froid', phone.cold], ['service worker installé', phone.warm]] as const) : []) {
    out.push({ partie: 'téléphone lent', mesure: `Bobigny, ${label}`, résultat: `${n(run.ms / 1000, 1)} s`, détail: `${n(run.bytes / 1024, 1)} Ko · ${run.requests} requêtes` });
  }
  for (const s of dataset ?? []) {
    out.push({
      partie: 'données réelles', mesure: s.name, résultat: `${n(s.seconds, 1)} s`,
      détail: `mém. max ${s.peakMB === null ? '?' : `${n(s.peakMB)} Mo`} · ${mb(s.bytes)}${s.note ? ` · ${s.note}` : ''}`,
    });
  }
  for (const p of scale?.points ?? []) {
    out.push({
      partie: `échelle ${p.factor}×`, mesure: `${n(p.places)} lieux`,
      résultat: `écriture ${n(p.writeSeconds, 1)} s · base ${mb(p.dbMB * 1024 ** 2)} · démarrage ${n(p.startupSeconds, 1)} s · RSS ${n(p.rssAfterLoadMB)} Mo`,
      détail: `p50/p99 ms : ville+service ${p.queries.town.p50}/${p.queries.town.p99} · fiche ${p.queries.byId.p50}/${p.queries.byId.p99} · communes ${p.queries.communes.p50}/${p.queries.communes.p99} · nom ${p.queries.name.p50}/${p.queries.name.p99} · index (µs CPU) ville ${n(p.index.townMicros)}, nom ${n(p.index.nameMicros)}`,
    });
  }
  return out;
}

const startedAt = new Date();
const host = machine();
console.log(`Repères — banc d’essai · ${describeMachine(host)}`);
const api = PARTS.has('api') ? await benchApi() : null;
const phone = PARTS.has('phone') ? await benchPhone() : null;
const dataset = PARTS.has('dataset') ? await runRealDataset() : null;
const scale = PARTS.has('scale') ? await runScale({ scales: SCALES, seconds: SCALE_SECONDS }) : null;
const minutes = (Date.now() - startedAt.getTime()) / 60_000;

console.log(`\nRepères — banc d’essai du ${startedAt.toISOString()} (${n(minutes, 1)} min)`);
console.log(describeMachine(host));
console.log(`API : ${SECONDS} s par mesure, ${CONNECTIONS} connexions, 127.0.0.1${api ? ` · ${n(api.places)} lieux en base` : ''}`);
console.table(rows(api?.results ?? null, phone, dataset, scale));
if (scale) printScale(scale.points);
const out = join(repoRoot, 'tests', 'artifacts');
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, 'bench.json'),
  JSON.stringify({ date: startedAt.toISOString(), minutes, machine: host, seconds: SECONDS, connections: CONNECTIONS, api, phone, dataset, scale }, null, 2),
);
console.log(`\nRésultats écrits dans tests/artifacts/bench.json${scale ? ', tests/artifacts/scale.json et docs/performance-scale.svg' : ''}`);
