/**
 * The whole real dataset in and out, each step as its own process timed with its peak memory:
 * the import from the sources (`pnpm data:import`), the three exports (`pnpm cli export`), and
 * the coordinators' file import report (`pnpm cli import`) on the CSV export, a round trip.
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
    const dataTsx = join(repoRoot, 'data', 'node_modules', '.bin', 'tsx');
    const imported = await timed(dataTsx, ['src/import.ts'], { cwd: join(repoRoot, 'data'), env });
    if (imported.code !== 0) throw new Error(`Import des données en échec :\n${imported.stderr}`);
    steps.push(step('import depuis les sources (pnpm data:import)', imported, statSync(db).size));

    const apiTsx = join(repoRoot, 'api', 'node_modules', '.bin', 'tsx');
    const cli = ['src/cli/cli.ts'];
    for (const format of FORMATS) {
      const output = join(dir, `export.${format}`);
      const run = await timed(apiTsx, [...cli, 'export', '--format', format, '--output', output], { cwd: join(repoRoot, 'api'), env });
      if (run.code !== 0) throw new Error(`Export ${format} en échec :\n${run.stderr}`);
      steps.push(step(`export ${format} (pnpm cli export)`, run, statSync(output).size));
    }
    // The import report reads, checks and compares every row; it writes nothing without --apply.
    const csv = join(dir, 'export.lmn-csv');
    const report = await timed(apiTsx, [...cli, 'import', csv], { cwd: join(repoRoot, 'api'), env });
    // Its verdict is its last line: whether every row could be imported.
    const verdict = report.stdout.trim().split('\n').at(-1);
    steps.push(step('rapport d’import de l’export CSV (pnpm cli import)', report, statSync(csv).size, verdict));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return steps;
}
