import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../api/src/db/client.ts';
import { copyDatabase, repoRoot, startServer, type RunningServer } from '../support/server.ts';
import { integrity, lostEdits, editInLoop, seedAdministrator, type Ack } from './coordinator.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'reperes-sauvegarde-'));
let copy: Awaited<ReturnType<typeof copyDatabase>> | undefined;
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
  copy?.remove();
  rmSync(dir, { recursive: true, force: true });
});

/** The command as a coordinator types it (`npm run cli -- …`), on the test's copy; backups kept aside go to the test's folder. */
async function cli(args: string[], dbPath: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(repoRoot, 'api', 'dist', 'cli.js'), ...args], {
      env: { ...process.env, REPERES_DB: dbPath, REPERES_SAUVEGARDES: dir },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function until(condition: () => boolean, ms: number) {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

const nameIn = (dbPath: string, id: string) => {
  const db = openDb(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT nom FROM lieux WHERE id = ?').pluck().get(id) as string;
  } finally {
    db.close();
  }
};

describe('npm run cli -- backup, while the server serves and coordinators edit', () => {
  const backup = join(dir, 'sauvegarde.sqlite');
  let acks: Ack[] = [];
  let backupStarted = 0;
  let backupEnded = 0;

  it('writes one checked file holding every edit acknowledged before it started', async () => {
    copy = await copyDatabase();
    const places = await seedAdministrator(copy.path, 20);
    const server = await startServer({ REPERES_DB: copy.path });
    servers.push(server);
    const edits = await editInLoop(server.url, places, 2, 'avant');
    await until(() => edits.acks.length >= 6 || edits.failures.length > 0, 30_000);

    backupStarted = Date.now();
    const result = await cli(['backup', backup], copy.path);
    backupEnded = Date.now();
    // Edits go on after the backup: the restore must bring the places back to before them.
    await until(() => edits.acks.some((a) => a.at > backupEnded + 200) || edits.failures.length > 0, 30_000);
    await edits.stop();
    acks = edits.acks;
    expect(edits.failures).toEqual([]);
    // Online for real: the server acknowledged edits while the copy was being made.
    expect(acks.some((a) => a.at > backupStarted && a.at < backupEnded)).toBe(true);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Copie de « .+ » \(\d+,\d Mo\) vers « .+sauvegarde\.sqlite »…\nVérification de la copie…\nSauvegarde vérifiée en \d+,\d s : \d{2}\s\d{3} lieux, \d+ entrées d’historique, \d+,\d Mo\.\nFichier : .+sauvegarde\.sqlite\n$/);
    expect(readdirSync(dir)).toEqual(['sauvegarde.sqlite']);

    const saved = openDb(backup, { readonly: true });
    try {
      expect(integrity(saved)).toEqual(['ok']);
      const before = acks.filter((a) => a.at < backupStarted);
      expect(before.length).toBeGreaterThanOrEqual(6);
      expect(lostEdits(saved, before)).toEqual([]);
      // And the check is not blind: the edits made after the backup are not in it.
      expect(lostEdits(saved, acks.filter((a) => a.at > backupEnded))).not.toEqual([]);
    } finally {
      saved.close();
    }
  });

  it('restores as documented: server stopped, npm run cli -- restore FILE, server started; it answers with the backed-up data and the replaced data is kept aside', async () => {
    const afterBackup = acks.find((a) => a.at > backupEnded)!;
    const savedName = nameIn(backup, afterBackup.id);
    expect(savedName).not.toBe(afterBackup.nom);

    await servers.pop()!.stop();
    const result = await cli(['restore', backup], copy!.path);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^La base actuelle est mise de côté dans « .+avant-restauration-[\d-]+\.sqlite »\.\nRestauration de « .+ » dans « .+ »…\nRestauration vérifiée : \d{2}\s\d{3} lieux, \d+ entrées d’historique\. Vous pouvez redémarrer le serveur\.\n$/);

    const server = await startServer({ REPERES_DB: copy!.path });
    servers.push(server);
    const res = await fetch(`${server.url}/api/lieux/${encodeURIComponent(afterBackup.id)}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { nom: string }).nom).toBe(savedName);

    // Nothing is lost by a restore: the database it replaced, edits after the backup included, is a backup itself.
    const aside = readdirSync(dir).find((f) => f.startsWith('avant-restauration-'))!;
    const kept = openDb(join(dir, aside), { readonly: true });
    try {
      expect(integrity(kept)).toEqual(['ok']);
      expect(lostEdits(kept, acks)).toEqual([]);
    } finally {
      kept.close();
    }
  });

  it('refuses, in plain French and changing nothing, a backup that is not a database or a folder that does not exist', async () => {
    const junk = join(dir, 'pas-une-base.sqlite');
    writeFileSync(junk, 'ceci n’est pas une base SQLite, mais un texte assez long pour passer pour un en-tête de fichier.');
    const before = readdirSync(dir).sort();
    const restore = await cli(['restore', junk], copy!.path);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toBe(`Le fichier « ${junk} » n’est pas une base Repères lisible : file is not a database. Rien n’a été changé.\n`);
    expect(readdirSync(dir).sort()).toEqual(before);

    const nowhere = join(dir, 'absent', 'sauvegarde.sqlite');
    const backupNowhere = await cli(['backup', nowhere], copy!.path);
    expect(backupNowhere.code).toBe(1);
    expect(backupNowhere.stderr).toBe(`Le dossier « ${join(dir, 'absent')} » n’existe pas. Créez-le, ou choisissez un autre fichier.\n`);
    expect(existsSync(nowhere)).toBe(false);
  });

  it('restores over a damaged database, moving its files aside as they are, the stale -wal with them', async () => {
    const damaged = join(dir, 'abimee', 'reperes.sqlite');
    mkdirSync(join(dir, 'abimee'));
    writeFileSync(damaged, 'des octets qui ne sont plus une base SQLite');
    writeFileSync(`${damaged}-wal`, 'un ancien journal qui ne doit pas être rejoué');
    const result = await cli(['restore', backup], damaged);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const aside = result.stdout.match(/« (.+avant-restauration-[\d-]+\.sqlite) » \(et -wal, -shm\)/)?.[1];
    expect(aside).toBeDefined();
    expect(readFileSync(aside!, 'utf8')).toBe('des octets qui ne sont plus une base SQLite');
    expect(readFileSync(`${aside}-wal`, 'utf8')).toBe('un ancien journal qui ne doit pas être rejoué');
    const restored = openDb(damaged, { readonly: true });
    try {
      expect(integrity(restored)).toEqual(['ok']);
      expect(lostEdits(restored, acks.filter((a) => a.at < backupStarted))).toEqual([]);
    } finally {
      restored.close();
    }
  });
});
