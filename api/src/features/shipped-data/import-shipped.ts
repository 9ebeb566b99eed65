import { buildTables } from '@reperes/data/pipeline.ts';
import type { ImportSummary } from '@reperes/data/summary.ts';
import { defaultDbPath, openDb } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { writeTables } from './write-tables.ts';

/**
 * Imports every shipped source into the database (REPERES_DB or data/build/reperes.sqlite unless
 * dbPath is given): data/ reads and merges the files, this writes the result in one transaction.
 */
export function importShippedData(options: { dbPath?: string } = {}): ImportSummary {
  const start = performance.now();
  const { tables, summary } = buildTables();
  const db = openDb(options.dbPath ?? defaultDbPath());
  try {
    migrate(db);
    writeTables(db, tables);
  } finally {
    db.close();
  }
  return { ...summary, elapsedMs: Math.round(performance.now() - start) };
}
