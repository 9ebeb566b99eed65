import cliProgress from 'cli-progress';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Db } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { applyPlan } from '../features/imports/apply.ts';
import { importContext } from '../features/imports/import-context.ts';
import { problemMessage, reportLines, text } from '../features/imports/messages.ts';
import { FileRefused } from '../features/imports/read-file.ts';
import { dryRun, importable } from '../features/imports/run-import.ts';
import type { Lang } from '../i18n/messages.ts';

// Below this size the report comes before a bar would have anything to show.
const PROGRESS_MIN_BYTES = 1024 * 1024;

/**
 * `npm run cli -- import FILE [--apply]`: prints the report; exit code 0 when every row can be imported
 * (warnings allowed), 1 otherwise. With --apply, a file that is not entirely importable is not applied.
 */
export async function runImport(db: Db, path: string, options: { apply: boolean; lang: Lang }): Promise<number> {
  const { lang } = options;
  const started = performance.now();
  const size = statSync(path).size;
  const bar =
    process.stderr.isTTY && size >= PROGRESS_MIN_BYTES
      ? new cliProgress.SingleBar({ stream: process.stderr, format: '{bar} {percentage} % | {value}/{total} octets' }, cliProgress.Presets.shades_classic)
      : null;
  bar?.start(size, 0);
  let plan;
  try {
    plan = await dryRun(db, path, { onBytes: (n) => bar?.increment(n) });
  } catch (err) {
    bar?.stop();
    if (err instanceof FileRefused) {
      process.stdout.write(`${problemMessage(lang, err.problem)}\n`);
      return 1;
    }
    throw err;
  }
  bar?.stop();
  process.stdout.write(`${reportLines(lang, plan.report).join('\n')}\n\n`);
  const ok = importable(plan);
  process.stdout.write(`${text(lang, ok ? 'import_possible' : 'import_impossible')}\n`);
  if (ok && options.apply) {
    migrate(db);
    const result = applyPlan(db, importContext(), plan, { userId: null, fileName: basename(path), at: new Date().toISOString() });
    process.stdout.write(`${text(lang, 'applique', { ...result })}\n`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stderr.write(`${text(lang, 'duree', { seconds, peak })}\n`);
  return ok ? 0 : 1;
}
