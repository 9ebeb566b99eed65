import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { repoRoot } from '@reperes/data/paths.ts';
import { join } from 'node:path';
import type { Db } from './client.ts';

// Read from the sources, also by the built server: the SQL files are the schema's one copy.
const migrationsDir = join(repoRoot, 'api', 'src', 'db', 'migrations');

export class MigrationDriftError extends Error {}

const checksum = (sql: string) => createHash('sha256').update(sql).digest('hex');

/** Migration files, sorted by their numeric prefix (0001_x.sql, 0002_y.sql…). */
export function listMigrations(dir = migrationsDir): { id: string; sql: string; checksum: string }[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const sql = readFileSync(join(dir, f), 'utf8');
      return { id: f.replace(/\.sql$/, ''), sql, checksum: checksum(sql) };
    });
}

/**
 * Applies pending migrations, each in its own transaction, and refuses to run against a database
 * whose applied migrations differ from this code's: one it does not know (a newer schema would be
 * silently misread), or one whose file changed since it was applied (the schema is then not what
 * the file says). Each applied migration keeps the checksum of its file.
 */
export function migrate(db: Db, dir = migrationsDir): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS _migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  // Databases migrated before checksums were kept gain the column; their rows are filled below.
  const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('_migrations') as string[];
  if (!columns.includes('checksum')) db.exec('ALTER TABLE _migrations ADD COLUMN checksum TEXT');
  const known = listMigrations(dir);
  const applied = new Map(db.prepare('SELECT id, checksum FROM _migrations').raw().all() as [string, string | null][]);
  const unknown = [...applied.keys()].filter((id) => !known.some((m) => m.id === id));
  if (unknown.length > 0) {
    throw new MigrationDriftError(`La base contient des migrations inconnues de ce code : ${unknown.join(', ')}. Mettez le code à jour, ou restaurez une sauvegarde.`);
  }
  const changed = known.filter((m) => applied.has(m.id) && applied.get(m.id) !== null && applied.get(m.id) !== m.checksum);
  if (changed.length > 0) {
    throw new MigrationDriftError(
      `Des migrations ont changé depuis qu’elles ont été appliquées à cette base : ${changed.map((m) => m.id).join(', ')}. ` +
        'Une migration appliquée ne se modifie pas : écrivez-en une nouvelle.',
    );
  }
  const fill = db.prepare('UPDATE _migrations SET checksum = ? WHERE id = ? AND checksum IS NULL');
  for (const m of known) if (applied.get(m.id) === null) fill.run(m.checksum, m.id);
  const done: string[] = [];
  for (const m of known) {
    if (applied.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO _migrations (id, applied_at, checksum) VALUES (?, ?, ?)').run(m.id, new Date().toISOString(), m.checksum);
    })();
    done.push(m.id);
  }
  return done;
}
