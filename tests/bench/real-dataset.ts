/**
 * The whole real dataset in and out, each step as its own process timed with its peak memory:
 * the import from the sources (`npm run data:import`), the three exports (`npm run cli -- export`), and
 * the coordinators' file import report (`npm run cli -- import`) on the CSV export, a round trip.
 * Everything is written in a temporary folder, never to data/build.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/server.ts';
import { timed, type Timed } from './process-stats.ts';

export type DatasetStep = { name: string; seconds: number; peakMB: number | null; bytes: number; code: number; note?: string };

const step = (name: string, run: Timed, bytes: number, note?: string): DatasetStep =>
  ({ name, seconds: run.seconds, peakMB: run.peakMB, bytes, code: run.code, ...(note ? { note } : {}) });

const FORMATS = ['lmn-csv', 'geojson', 'data-inclusion'] as const;

export async function runRealDataset(): Promise<DatasetStep[]> {
  const dir = mkdtempSync(join(tmpdir(), 'reperes-dataset-'));
  const db = join(dir, 'reperes.sqlite');
  const env = { REPERES_DB: db };
  const steps: DatasetStep[] = [];
  try {
    // The built commands, as `npm run data:import` and `npm run cli` run them.
    const dist = join(repoRoot, 'api', 'dist');
    const imported = await timed(process.execPath, [join(dist, 'data-import.js')], { cwd: join(repoRoot, 'api'), env });
    if (imported.code !== 0) throw new Error(`Import des données en échec :\n${imported.stderr}`);
    steps.push(step('import depuis les sources (npm run data:import)', imported, statSync(db).size));

    const cli = [join(dist, 'cli.js')];
    for (const format of FORMATS) {
      const output = join(dir, `export.${format}`);
      const run = await timed(process.execPath, [...cli, 'export', '--format', format, '--output', output], { cwd: join(repoRoot, 'api'), env });
      if (run.code !== 0) throw new Error(`Export ${format} en échec :\n${run.stderr}`);
      steps.push(step(`export ${format} (npm run cli -- export)`, run, statSync(output).size));
    }
    // The import report reads, checks and compares every row; it writes nothing without --apply.
    const csv = join(dir, 'export.lmn-csv');
    const report = await timed(process.execPath, [...cli, 'import', csv], { cwd: join(repoRoot, 'api'), env });
    // Its verdict is its last line: whether every row could be imported.
    const verdict = report.stdout.trim().split('\n').at(-1);
    steps.push(step('rapport d’import de l’export CSV (npm run cli -- import)', report, statSync(csv).size, verdict));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return steps;
}
