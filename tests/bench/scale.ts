/**
 * `npm run bench:scale` (also run by `npm run bench`): how the app grows with its
 * data. For 1×, 4× and 16× the real places (BENCH_SCALES), it writes a database in a temporary
 * folder through the import's own write, then measures the write time and peak memory, the file
 * size, the real server's start-up time and memory, request latencies under load
 * (BENCH_SCALE_SECONDS each), the CPU cost of the in-memory index alone, and the query plans of
 * the SQL on the request path. Writes tests/artifacts/scale.json and the chart
 * docs/performance-scale.svg.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultDbPath, openDb } from '@reperes/api/db/client.ts';
import { repoRoot } from '../support/server.ts';
import { communeSearch, load, nameSearch, PLACE_IDS, townWithService, waitForHours, type LoadResult } from './load.ts';
import { indexCost, type IndexCost } from './index-cost.ts';
import { describeMachine, machine, type Machine } from './machine.ts';
import { startPatientServer } from './patient-server.ts';
import { memoryOf, serverPid } from './process-stats.ts';
import { requestPathPlans, type QueryPlan } from './query-plans.ts';
import { scaleChartSvg, times, type Series } from './scale-chart.ts';
import { copyId } from './scaled-db.ts';
import type { ScaledWrite } from './write-scaled.ts';

export type ScalePoint = {
  factor: number;
  places: number;
  /** The import's write (migrations, one transaction, close), in a process of its own. */
  writeSeconds: number;
  writePeakMB: number;
  dbMB: number;
  /** From spawning the server to /api/health answering (the index is built by then), polled every 200 ms. */
  startupSeconds: number;
  rssStartMB: number;
  rssAfterLoadMB: number;
  serverPeakMB: number;
  /** Load average (1 min) just before the requests: other work on the machine shows here. */
  load: number;
  index: IndexCost;
  queries: { town: LoadResult; byId: LoadResult; communes: LoadResult; name: LoadResult };
  plans: QueryPlan[];
};

export type ScaleReport = { date: string; machine: Machine; seconds: number; points: ScalePoint[] };

export const parseScales = (text: string | undefined) =>
  [...new Set((text ?? '1,4,16').split(',').map(Number))].filter((n) => Number.isInteger(n) && n >= 1).sort((a, b) => a - b);

const tsx = join(repoRoot, 'tests', 'node_modules', '.bin', 'tsx');

async function writeScaled(target: string, factor: number): Promise<ScaledWrite> {
  const child = spawn(tsx, [join(repoRoot, 'tests', 'bench', 'write-scaled.ts'), defaultDbPath(), target, String(factor)], {
    cwd: join(repoRoot, 'tests'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const code = await new Promise((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`Écriture de la base ${factor}× en échec (code ${code}).`);
  return JSON.parse(out.trim().split('\n').at(-1)!) as ScaledWrite;
}

const fileMB = (path: string) => [path, `${path}-wal`].filter(existsSync).reduce((sum, p) => sum + statSync(p).size, 0) / 1024 ** 2;

async function measure(factor: number, seconds: number): Promise<ScalePoint> {
  const dir = mkdtempSync(join(tmpdir(), 'reperes-scale-'));
  try {
    const path = join(dir, `reperes-${factor}x.sqlite`);
    process.stdout.write(`Échelle ${factor}× : écriture de la base… `);
    const written = await writeScaled(path, factor);
    const dbMB = fileMB(path);
    const db = openDb(path, { readonly: true });
    const plans = requestPathPlans(db);
    const index = indexCost(db);
    db.close();
    process.stdout.write(`${written.places} lieux en ${written.writeSeconds.toFixed(1)} s ; démarrage du serveur… `);

    const server = await startPatientServer(path);
    const { startupSeconds } = server;
    try {
      const pid = serverPid(server.pid);
      const rssStartMB = memoryOf(pid).rssMB;
      await waitForHours(server.url);
      await load('warm-up', server.url, townWithService, Math.min(seconds, 2));
      process.stdout.write('mesures…\n');
      const load1 = loadavg()[0]!;
      const ids = [...new Set(PLACE_IDS.flatMap((id) => [0, Math.floor(factor / 2), factor - 1].map((c) => copyId(id, c))))];
      const queries = {
        town: await load('/api/lieux ville + service', server.url, townWithService, seconds),
        byId: await load('/api/lieux/:id', server.url, ids.map((id) => `/api/lieux/${id}`), seconds),
        communes: await load('/api/communes?q=', server.url, communeSearch, seconds),
        name: await load('/api/lieux?q= (nom, France entière)', server.url, nameSearch, seconds),
      };
      const after = memoryOf(pid);
      return {
        factor, places: written.places, writeSeconds: written.writeSeconds, writePeakMB: written.peakMB, dbMB,
        startupSeconds, rssStartMB, rssAfterLoadMB: after.rssMB, serverPeakMB: after.peakMB, load: Math.round(load1 * 10) / 10, index, queries, plans,
      };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export function printScale(points: ScalePoint[]) {
  console.table(
    points.map((p) => ({
      échelle: `${p.factor}×`,
      lieux: p.places,
      'écriture (s)': round(p.writeSeconds),
      'mém. écriture (Mo)': Math.round(p.writePeakMB),
      'base (Mo)': round(p.dbMB),
      'démarrage (s)': round(p.startupSeconds),
      'RSS serveur (Mo)': Math.round(p.rssAfterLoadMB),
      'ville+service p50/p99 (ms)': `${p.queries.town.p50} / ${p.queries.town.p99}`,
      'fiche p50/p99': `${p.queries.byId.p50} / ${p.queries.byId.p99}`,
      'communes p50/p99': `${p.queries.communes.p50} / ${p.queries.communes.p99}`,
      'nom p50/p99': `${p.queries.name.p50} / ${p.queries.name.p99}`,
      'index ville µs CPU': Math.round(p.index.townMicros),
      'index nom µs CPU': Math.round(p.index.nameMicros),
      charge: p.load,
    })),
  );
  const last = points.at(-1)!;
  const scans = last.plans.filter((p) => p.fullScans.length > 0);
  console.log(`Plans des requêtes SQL des routes (${last.factor}×) :`);
  for (const p of last.plans) console.log(`  ${p.name}\n${p.plan.map((l) => `    ${l}`).join('\n')}`);
  console.log(scans.length === 0 ? 'Aucun parcours complet de table.' : `Parcours complets : ${scans.map((s) => s.name).join(', ')}`);
}

/** Each series as a ratio to the smallest scale; null where the smallest scale's value is 0 (p50 under 1 ms). */
export function scaleSeries(points: ScalePoint[]): Series[] {
  const ratios = (pick: (p: ScalePoint) => number) => points.map((p) => (pick(points[0]!) > 0 ? pick(p) / pick(points[0]!) : null));
  return [
    { name: 'Import (écriture)', color: '#D55E00', ratios: ratios((p) => p.writeSeconds) },
    { name: 'Taille de la base', color: '#0072B2', ratios: ratios((p) => p.dbMB) },
    { name: 'Mémoire du serveur', color: '#009E73', ratios: ratios((p) => p.rssAfterLoadMB) },
    { name: 'Ville + service, p50', color: '#CC79A7', ratios: ratios((p) => p.queries.town.p50) },
    { name: 'Index : ville + service', color: '#56B4E9', ratios: ratios((p) => p.index.townMicros) },
    { name: 'Index : nom, France', color: '#8B6B00', ratios: ratios((p) => p.index.nameMicros) },
  ];
}

export async function runScale(options: { scales: number[]; seconds: number }): Promise<ScaleReport> {
  const points: ScalePoint[] = [];
  for (const factor of options.scales) points.push(await measure(factor, options.seconds));
  const report: ScaleReport = { date: new Date().toISOString(), machine: machine(), seconds: options.seconds, points };
  const artifacts = join(repoRoot, 'tests', 'artifacts');
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, 'scale.json'), JSON.stringify(report, null, 2));
  if (points.length >= 2) {
    const series = scaleSeries(points);
    writeFileSync(join(repoRoot, 'docs', 'performance-scale.svg'), scaleChartSvg('Repères : croissance avec la taille des données', options.scales, series));
    console.log(`Rapports à ${options.scales[0]}× : ${series.map((s) => `${s.name} ${s.ratios.map((r) => (r === null ? '–' : times(r))).join(' → ')}`).join(' ; ')}`);
  }
  return report;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const scales = parseScales(process.env.BENCH_SCALES);
  const seconds = Number(process.env.BENCH_SCALE_SECONDS ?? 5);
  console.log(`Repères — montée en charge des données (${describeMachine(machine())})`);
  const report = await runScale({ scales, seconds });
  printScale(report.points);
  console.log('\nRésultats écrits dans tests/artifacts/scale.json et docs/performance-scale.svg');
}
