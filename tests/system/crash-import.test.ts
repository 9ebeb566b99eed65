import { existsSync, statSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../api/src/db/client.ts';
import { copyDatabase, startServer, type RunningServer } from '../support/server.ts';
import { integrity, seedAdministrator, signIn } from './coordinator.ts';

let copy: Awaited<ReturnType<typeof copyDatabase>> | undefined;
let restarted: RunningServer | undefined;
let file: { body: string; marked: string[] };
afterAll(async () => {
  await restarted?.stop();
  copy?.remove();
});

const MARK = ' (marqueur import)';
const FILE_NAME = 'tout-renommer.json';
// Enough places for the transaction to write well beyond SQLite's page cache, few enough to keep the test short.
const PLACES = 12_000;

type Structure = { id: string; nom: string; adresse: string | null; code_postal: string | null; commune: string | null; site_web: string | null };

/**
 * Part of the dataset as data·inclusion JSON, every name that has room for it marked. Rows the
 * import would refuse (no street address; a web address the schema's URI format rejects) are left
 * out, since a file with a single refused row is not applied at all.
 */
async function markedExport(url: string): Promise<{ body: string; marked: string[] }> {
  const res = await fetch(`${url}/api/export?format=data-inclusion`);
  expect(res.status).toBe(200);
  const file = (await res.json()) as { structures: Structure[]; services: { structure_id: string }[] };
  const kept = file.structures
    .filter((s) => s.adresse && s.code_postal && s.commune && !/[^\x21-\x5b\x5d-\x7e]/.test(s.site_web ?? ''))
    .slice(0, PLACES);
  const ids = new Set(kept.map((s) => s.id));
  const marked: string[] = [];
  for (const s of kept) {
    if (s.nom.length > 100) continue;
    s.nom += MARK;
    marked.push(s.id);
  }
  return { body: JSON.stringify({ ...file, structures: kept, services: file.services.filter((s) => ids.has(s.structure_id)) }), marked };
}

const walSize = (path: string) => (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);

describe('a server killed (SIGKILL) in the middle of an import', () => {
  it('restarts on a sound database that holds none of the import, in the places and in their history', async () => {
    copy = await copyDatabase();
    await seedAdministrator(copy.path, 0);
    const server = await startServer({ REPERES_DB: copy.path });
    file = await markedExport(server.url);
    const { body, marked } = file;
    expect(marked.length).toBeGreaterThan(PLACES * 0.9);
    const session = await signIn(server.url);

    // The import is one transaction. Once its changed pages outgrow SQLite's page cache they spill
    // into the -wal file before the commit: when the -wal has grown by 3 MB (of the ~10 MB this
    // import writes), the server is in the middle of the transaction.
    const before = walSize(copy.path);
    let answered = false;
    const upload = fetch(`${server.url}/api/imports?appliquer=1&nom=${FILE_NAME}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: session.cookie, 'X-CSRF-Token': session.csrf },
      body,
    }).then(
      () => (answered = true),
      () => undefined,
    );
    const deadline = Date.now() + 120_000;
    while (walSize(copy.path) < before + 3 * 1024 * 1024 && !answered && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    const exited = new Promise((r) => server.child.once('exit', r));
    process.kill(-server.child.pid!, 'SIGKILL');
    await exited;
    await upload;
    // Killed mid-transaction: not answered, and uncommitted pages already in the -wal.
    expect(answered).toBe(false);
    expect(walSize(copy.path)).toBeGreaterThanOrEqual(before + 3 * 1024 * 1024);

    restarted = await startServer({ REPERES_DB: copy.path });
    const db = openDb(copy.path, { readonly: true });
    try {
      expect(integrity(db)).toEqual(['ok']);
      const markedPlaces = db.prepare(`SELECT count(*) FROM lieux WHERE nom LIKE '%' || ?`).pluck().get(MARK);
      const history = db.prepare(`SELECT count(*) FROM journal WHERE commentaire = ?`).pluck().get(`Import du fichier « ${FILE_NAME} »`);
      expect({ markedPlaces, history }).toEqual({ markedPlaces: 0, history: 0 });
    } finally {
      db.close();
    }
    const res = await fetch(`${restarted.url}/api/lieux/${encodeURIComponent(marked[0]!)}`);
    expect(((await res.json()) as { nom: string }).nom).not.toContain(MARK);
  });

  it('holds all of it once an import is left to finish: the same file, applied, marks every place and records each change', async () => {
    const session = await signIn(restarted!.url);
    const { body, marked } = file;
    const res = await fetch(`${restarted!.url}/api/imports?appliquer=1&nom=${FILE_NAME}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: session.cookie, 'X-CSRF-Token': session.csrf },
      body,
    });
    expect(res.status).toBe(200);
    const { applique } = (await res.json()) as { applique: { updated: number } };
    const db = openDb(copy!.path, { readonly: true });
    try {
      const markedPlaces = db.prepare(`SELECT count(*) FROM lieux WHERE nom LIKE '%' || ?`).pluck().get(MARK);
      const history = db.prepare(`SELECT count(*) FROM journal WHERE commentaire = ?`).pluck().get(`Import du fichier « ${FILE_NAME} »`);
      expect({ markedPlaces, history }).toEqual({ markedPlaces: marked.length, history: applique.updated + 1 });
    } finally {
      db.close();
    }
  });
});
