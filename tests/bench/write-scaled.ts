/**
 * `tsx bench/write-scaled.ts SOURCE TARGET FACTOR`: writes a FACTOR× database at TARGET from the
 * imported SOURCE and prints one JSON line. It runs as its own process so that its peak memory is
 * the write's alone, and the benchmark process never holds 16 copies of the data.
 */
import { openDb } from '@reperes/api/db/client.ts';
import { migrate } from '@reperes/api/db/migrate.ts';
import { writeTables } from '@reperes/api/features/shipped-data/write-tables.ts';
import { readTables, scaleTables } from './scaled-db.ts';

export type ScaledWrite = { places: number; readSeconds: number; writeSeconds: number; peakMB: number };

const [source, target, factorText] = process.argv.slice(2);
const factor = Number(factorText);
if (!source || !target || !Number.isInteger(factor) || factor < 1) {
  process.stderr.write('Usage : tsx bench/write-scaled.ts SOURCE CIBLE FACTEUR\n');
  process.exit(2);
}

const readStarted = performance.now();
const from = openDb(source, { readonly: true });
const tables = scaleTables(readTables(from), factor);
from.close();
const readSeconds = (performance.now() - readStarted) / 1000;

// As the import does it: migrations on a new file, then one write transaction, then close
// (which checkpoints the WAL into the database file, so its size is the final one).
const writeStarted = performance.now();
const db = openDb(target);
migrate(db);
writeTables(db, tables);
db.close();
const writeSeconds = (performance.now() - writeStarted) / 1000;

const result: ScaledWrite = {
  places: tables.lieux.length,
  readSeconds,
  writeSeconds,
  peakMB: process.resourceUsage().maxRSS / 1024,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
