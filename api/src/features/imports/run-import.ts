import type { Db } from '../../db/client.ts';
import { importContext } from './import-context.ts';
import { planImport, type ImportPlan, type Scope } from './plan.ts';
import { FileRefused, openImportFile } from './read-file.ts';
import { checkColumns, checkedRows, sourceFor } from './rows.ts';

export interface DryRunOptions {
  scope?: Scope;
  /** Bytes of the file read so far, for a progress bar. */
  onBytes?: (n: number) => void;
}

/** Reads a file (path or uploaded bytes) and says what importing it would do; throws FileRefused for an unreadable file. */
export async function dryRun(db: Db, input: string | Buffer, options: DryRunOptions = {}): Promise<ImportPlan> {
  const ctx = importContext();
  const opened = await openImportFile(input, options.onBytes);
  const unknownColumns = checkColumns(opened);
  const source = sourceFor(opened, ctx);
  const plan = await planImport(db, ctx, {
    format: opened.format,
    encoding: opened.encoding,
    delimiter: opened.kind === 'csv' ? opened.delimiter : null,
    unknownColumns,
    source,
    rows: checkedRows(opened, source, ctx),
    scope: options.scope,
  });
  if (plan.report.rows === 0) throw new FileRefused({ code: 'aucune_ligne' });
  return plan;
}

/** Every row can be imported: warnings are allowed, errors and refusals are not. */
export const importable = (plan: ImportPlan): boolean =>
  plan.report.rows > 0 && plan.report.errorCount === 0 && plan.report.outOfScope.length === 0;
