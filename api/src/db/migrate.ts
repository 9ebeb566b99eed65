import { readdirSync, readFileSync } from 'node:fs';
import { repoRoot } from '@reperes/data/paths.ts';
import { join } from 'node:path';
import type { Db } from './client.ts';

// Read from the sources, also by the built server: the SQL files are the schema's one copy.
const migrationsDir = join(repoRoot, 'api', 'src', 'db', 'migrations');

export class MigrationDriftError extends Error {}

/** Migration files, sorted by their numeric prefix (0001_x.sql, 0002_y.sql…). */
export function listMigrations(dir = migrationsDir): { id: string; sql: string }[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ id: f.replace(/\.sql$/, ''), sql: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * Applies pending migrations, each in its own transaction, and refuses to run against a database
 * that knows a migration this code does not (a newer schema would be silently misread).
 */
export function migrate(db: Db, dir = migrationsDir): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS _migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const known = listMigrations(dir);
  const applied = new Set(db.prepare('SELECT id FROM _migrations').pluck().all() as string[]);
  const unknown = [...applied].filter((id) => !known.some((m) => m.id === id));
  if (unknown.length > 0) {
    throw new MigrationDriftError(`La base contient des migrations inconnues : ${unknown.join(', ')}`);
  }
  const done: string[] = [];
  for (const m of known) {
    if (applied.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO _migrations (id, applied_at) VALUES (?, ?)').run(m.id, new Date().toISOString());
    })();
    done.push(m.id);
  }
  return done;
}
