import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { repoRoot } from '@reperes/data/paths.ts';
import { dirname, join } from 'node:path';

export type Db = Database.Database;

/** Where the imported database lives unless REPERES_DB says otherwise. */
export const defaultDbPath = (): string =>
  process.env.REPERES_DB ?? join(repoRoot, 'data', 'build', 'reperes.sqlite');

export function openDb(path = defaultDbPath(), options: { readonly?: boolean } = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (!options.readonly) {
    // WAL lets the server read while an import or an edit writes (better-sqlite3 docs/performance.md).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
