import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from '@reperes/data/paths.ts';
import { openDb } from '../db/client.ts';
import { listMigrations } from '../db/migrate.ts';
import type { Lang } from '../i18n/messages.ts';

/** Words of `npm run cli -- backup` and `npm run cli -- restore`, French first; `en` has exactly the same keys. */
const fr = {
  base_absente: 'La base « {path} » n’existe pas. Vérifiez REPERES_DB, ou lancez d’abord « npm run data:import ».',
  dossier_absent: 'Le dossier « {path} » n’existe pas. Créez-le, ou choisissez un autre fichier.',
  fichier_existe: 'Le fichier « {path} » existe déjà. Choisissez un autre nom : une sauvegarde n’en écrase jamais une autre.',
  ecriture_impossible: 'Impossible d’écrire « {path} » : {detail}',
  lecture_impossible: 'Impossible de lire la base « {path} » : {detail}',
  copie: 'Copie de « {source} » ({size}) vers « {destination} »…',
  verification: 'Vérification de la copie…',
  copie_abimee: 'La copie est abîmée (PRAGMA integrity_check : {detail}). Elle a été effacée ; relancez la commande.',
  sauvegarde_faite: 'Sauvegarde vérifiée en {seconds} s : {lieux} lieux, {journal} entrées d’historique, {size}.\nFichier : {path}',
  sauvegarde_absente: 'Le fichier « {path} » n’existe pas.',
  sauvegarde_illisible: 'Le fichier « {path} » n’est pas une base Repères lisible : {detail}. Rien n’a été changé.',
  sauvegarde_plus_recente: 'Cette sauvegarde vient d’une version plus récente de Repères (migrations {ids}). Rien n’a été changé.',
  mise_de_cote: 'La base actuelle est mise de côté dans « {path} ».',
  mise_de_cote_brute: 'La base actuelle est illisible : ses fichiers sont déplacés tels quels vers « {path} » (et -wal, -shm).',
  restauration: 'Restauration de « {source} » dans « {destination} »…',
  restauration_faite: 'Restauration vérifiée : {lieux} lieux, {journal} entrées d’historique. Vous pouvez redémarrer le serveur.',
};
const en: Record<keyof typeof fr, string> = {
  base_absente: 'The database “{path}” does not exist. Check REPERES_DB, or run “npm run data:import” first.',
  dossier_absent: 'The folder “{path}” does not exist. Create it, or choose another file.',
  fichier_existe: 'The file “{path}” already exists. Choose another name: a backup never overwrites another one.',
  ecriture_impossible: 'Cannot write “{path}”: {detail}',
  lecture_impossible: 'Cannot read the database “{path}”: {detail}',
  copie: 'Copying “{source}” ({size}) to “{destination}”…',
  verification: 'Checking the copy…',
  copie_abimee: 'The copy is damaged (PRAGMA integrity_check: {detail}). It was deleted; run the command again.',
  sauvegarde_faite: 'Backup checked in {seconds} s: {lieux} places, {journal} history entries, {size}.\nFile: {path}',
  sauvegarde_absente: 'The file “{path}” does not exist.',
  sauvegarde_illisible: 'The file “{path}” is not a readable Repères database: {detail}. Nothing was changed.',
  sauvegarde_plus_recente: 'This backup comes from a newer version of Repères (migrations {ids}). Nothing was changed.',
  mise_de_cote: 'The current database is kept aside in “{path}”.',
  mise_de_cote_brute: 'The current database is unreadable: its files are moved as they are to “{path}” (and -wal, -shm).',
  restauration: 'Restoring “{source}” into “{destination}”…',
  restauration_faite: 'Restore checked: {lieux} places, {journal} history entries. You can start the server again.',
};

type Key = keyof typeof fr;
export const say = (lang: Lang, key: Key, params: Record<string, string | number> = {}) =>
  (lang === 'en' ? en : fr)[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));

/** A refusal the user can act on: its sentence is printed as is and the command exits with 1. */
export class BackupRefused extends Error {}
/** The database to copy cannot be read whole: a restore then moves its files aside as they are. */
export class UnreadableSource extends BackupRefused {}

/** Where backups go without a file name: REPERES_SAUVEGARDES, or data/backups (ignored by git). */
export const backupsDir = () => process.env.REPERES_SAUVEGARDES ?? join(repoRoot, 'data', 'backups');

/** `reperes-2026-11-25-181502.sqlite`: sorts by date, and has no colon, which some systems refuse in a file name. */
export const timestampedName = (prefix: string, at = new Date()) =>
  `${prefix}-${at.toISOString().slice(0, 19).replace('T', '-').replace(/:/g, '')}.sqlite`;

const megabytes = (bytes: number, lang: Lang) =>
  `${(bytes / 1024 / 1024).toLocaleString(lang === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 1 })} ${lang === 'en' ? 'MB' : 'Mo'}`;
export const count = (n: number, lang: Lang) => n.toLocaleString(lang === 'en' ? 'en-GB' : 'fr-FR');
const detailOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export type Counts = { lieux: number; journal: number };
class DamagedCopy extends Error {}

/** integrity_check, then the counts a person can compare with what they expect. Throws on a damaged file. */
export function checkedCounts(db: Database.Database): Counts {
  const integrity = db.prepare('PRAGMA integrity_check').pluck().all() as string[];
  if (integrity.length !== 1 || integrity[0] !== 'ok') throw new DamagedCopy(integrity.slice(0, 5).join(' ; '));
  const hasTable = (name: string) => db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
  if (!hasTable('lieux')) throw new DamagedCopy('table lieux absente');
  return {
    lieux: db.prepare('SELECT count(*) FROM lieux').pluck().get() as number,
    journal: hasTable('journal') ? (db.prepare('SELECT count(*) FROM journal').pluck().get() as number) : 0,
  };
}

/**
 * Copies a live database into a new file with SQLite's online backup API, then checks the copy.
 * The whole copy is made in one step: between steps, a write by another process (the server)
 * would restart the backup, so under a steady flow of edits a page-by-page copy might never end.
 * One step reads one snapshot; in WAL mode the server keeps writing meanwhile. The copy is written
 * under a temporary name and only gets its real name once checked, so a file with the final name
 * is always a whole, verified backup. It is left in rollback-journal mode: one file, no -wal beside it.
 */
export async function backupDatabase(source: string, destination: string, lang: Lang, out: (line: string) => void): Promise<Counts> {
  if (!existsSync(source)) throw new BackupRefused(say(lang, 'base_absente', { path: source }));
  const folder = dirname(destination);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new BackupRefused(say(lang, 'dossier_absent', { path: folder }));
  if (existsSync(destination)) throw new BackupRefused(say(lang, 'fichier_existe', { path: destination }));
  const started = performance.now();
  const partial = `${destination}.partiel`;
  let db;
  try {
    db = openDb(source, { readonly: true });
  } catch (err) {
    throw new UnreadableSource(say(lang, 'lecture_impossible', { path: source, detail: detailOf(err) }));
  }
  out(say(lang, 'copie', { source, destination, size: megabytes(statSync(source).size, lang) }));
  try {
    await db.backup(partial, { progress: () => 0x7fffffff });
  } catch (err) {
    rmSync(partial, { force: true });
    const code = (err as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_FULL') || code.startsWith('SQLITE_IOERR')) {
      throw new BackupRefused(say(lang, 'ecriture_impossible', { path: destination, detail: detailOf(err) }));
    }
    throw new UnreadableSource(say(lang, 'lecture_impossible', { path: source, detail: detailOf(err) }));
  } finally {
    db.close();
  }
  out(say(lang, 'verification'));
  const copy = new Database(partial);
  let counts: Counts;
  try {
    copy.pragma('journal_mode = DELETE');
    counts = checkedCounts(copy);
  } catch (err) {
    copy.close();
    rmSync(partial, { force: true });
    throw new UnreadableSource(say(lang, 'copie_abimee', { detail: detailOf(err) }));
  }
  copy.close();
  renameSync(partial, destination);
  out(
    say(lang, 'sauvegarde_faite', {
      seconds: ((performance.now() - started) / 1000).toLocaleString(lang === 'en' ? 'en-GB' : 'fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      lieux: count(counts.lieux, lang),
      journal: count(counts.journal, lang),
      size: megabytes(statSync(destination).size, lang),
      path: destination,
    }),
  );
  return counts;
}

/** `npm run cli -- backup [FILE]`: 0 when the copy is made and checked, 1 otherwise, with the reason. */
export async function runBackup(source: string, destination: string | null, lang: Lang): Promise<number> {
  try {
    if (destination === null) mkdirSync(backupsDir(), { recursive: true });
    await backupDatabase(source, destination ?? join(backupsDir(), timestampedName('reperes')), lang, (line) => process.stdout.write(`${line}\n`));
    return 0;
  } catch (err) {
    if (!(err instanceof BackupRefused)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 1;
  }
}

/** Opens a backup read-only and checks it before anything is touched: a readable, whole Repères database this code can run. */
export function checkBackup(path: string, lang: Lang): Counts {
  if (!existsSync(path)) throw new BackupRefused(say(lang, 'sauvegarde_absente', { path }));
  let db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new BackupRefused(say(lang, 'sauvegarde_illisible', { path, detail: detailOf(err) }));
  }
  try {
    const counts = checkedCounts(db);
    const known = new Set(listMigrations().map((m) => m.id));
    const hasMigrations = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = '_migrations'").get() !== undefined;
    const newer = hasMigrations ? (db.prepare('SELECT id FROM _migrations').pluck().all() as string[]).filter((id) => !known.has(id)) : [];
    if (newer.length > 0) throw new BackupRefused(say(lang, 'sauvegarde_plus_recente', { ids: newer.join(', ') }));
    return counts;
  } catch (err) {
    if (err instanceof BackupRefused) throw err;
    throw new BackupRefused(say(lang, 'sauvegarde_illisible', { path, detail: detailOf(err) }));
  } finally {
    db.close();
  }
}
