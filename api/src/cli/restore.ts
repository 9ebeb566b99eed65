import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openDb } from '../db/client.ts';
import type { Lang } from '../i18n/messages.ts';
import { backupDatabase, backupsDir, BackupRefused, checkBackup, checkedCounts, count, say, timestampedName, UnreadableSource } from './backup.ts';

/**
 * `npm run cli -- restore FILE`, server stopped: checks the backup, keeps the current database aside,
 * then writes the backup into the database with SQLite's backup API. Copying the file by hand
 * would leave the old -wal beside it, and SQLite would replay those pages over the restored
 * file; going through SQLite settles the old -wal first and then replaces every page.
 */
export async function runRestore(backup: string, database: string, lang: Lang): Promise<number> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    checkBackup(backup, lang);
    if (existsSync(database)) await keepAside(database, lang, out);
    out(say(lang, 'restauration', { source: backup, destination: database }));
    mkdirSync(dirname(database), { recursive: true });
    const source = new Database(backup, { readonly: true, fileMustExist: true });
    try {
      await source.backup(database, { progress: () => 0x7fffffff });
    } catch (err) {
      throw new BackupRefused(say(lang, 'ecriture_impossible', { path: database, detail: err instanceof Error ? err.message : String(err) }));
    } finally {
      source.close();
    }
    const restored = openDb(database);
    try {
      const counts = checkedCounts(restored);
      out(say(lang, 'restauration_faite', { lieux: count(counts.lieux, lang), journal: count(counts.journal, lang) }));
    } finally {
      restored.close();
    }
    return 0;
  } catch (err) {
    if (!(err instanceof BackupRefused)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 1;
  }
}

/** Nothing is lost by a restore: the database it replaces becomes a backup too, or, if unreadable, its files are moved as they are. */
async function keepAside(database: string, lang: Lang, out: (line: string) => void) {
  mkdirSync(backupsDir(), { recursive: true });
  const aside = join(backupsDir(), timestampedName('avant-restauration'));
  try {
    await backupDatabase(database, aside, lang, () => {});
    out(say(lang, 'mise_de_cote', { path: aside }));
  } catch (err) {
    if (!(err instanceof UnreadableSource)) throw err;
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(database + suffix)) renameSync(database + suffix, aside + suffix);
    }
    out(say(lang, 'mise_de_cote_brute', { path: aside }));
  }
}
