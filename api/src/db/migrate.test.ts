import { copyFileSync, mkdtempSync, readdirSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@reperes/data/paths.ts';
import { defaultDbPath, openDb, type Db } from './client.ts';
import { listMigrations, migrate, MigrationDriftError } from './migrate.ts';

const dir = mkdtempSync(join(tmpdir(), 'reperes-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every table, index, trigger and view, as SQLite keeps its definition. */
const schemaOf = (db: Db) =>
  db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();

describe('the schema', () => {
  it('of the imported database is exactly what the migrations declare: nothing made outside them, nothing left out', () => {
    const fresh = openDb(':memory:');
    migrate(fresh);
    const imported = openDb(defaultDbPath(), { readonly: true });
    try {
      expect(schemaOf(imported)).toEqual(schemaOf(fresh));
      const applied = imported.prepare('SELECT id, checksum FROM _migrations ORDER BY id').raw().all();
      expect(applied).toEqual(listMigrations().map((m) => [m.id, m.checksum]));
    } finally {
      fresh.close();
      imported.close();
    }
  });

  it('is refused when a migration applied to the database has changed since', () => {
    const migrations = mkdtempSync(join(dir, 'sql-'));
    for (const f of readdirSync(join(repoRoot, 'api', 'src', 'db', 'migrations'))) {
      copyFileSync(join(repoRoot, 'api', 'src', 'db', 'migrations', f), join(migrations, f));
    }
    const db = openDb(':memory:');
    expect(migrate(db, migrations)).toHaveLength(listMigrations().length);
    expect(migrate(db, migrations)).toEqual([]);
    appendFileSync(join(migrations, '0002_communes.sql'), '\nCREATE INDEX communes_population ON communes (population);\n');
    expect(() => migrate(db, migrations)).toThrow(MigrationDriftError);
    expect(() => migrate(db, migrations)).toThrow(/0002_communes/);
    db.close();
  });

  it('is refused when the database knows a migration this code does not', () => {
    const db = openDb(':memory:');
    migrate(db);
    db.prepare("INSERT INTO _migrations (id, applied_at, checksum) VALUES ('0099_plus_tard', '2027-01-01', 'x')").run();
    expect(() => migrate(db)).toThrow(/0099_plus_tard/);
    db.close();
  });

  it('keeps the checksums of a database migrated before checksums existed, then checks them', () => {
    const db = openDb(':memory:');
    migrate(db);
    db.exec('ALTER TABLE _migrations DROP COLUMN checksum');
    expect(migrate(db)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM _migrations WHERE checksum IS NULL').pluck().get()).toBe(0);
    db.close();
  });
});
