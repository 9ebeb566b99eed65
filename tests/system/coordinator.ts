import { openDb, type Db } from '../../api/src/db/client.ts';
import { migrate } from '../../api/src/db/migrate.ts';
import { createAdministrator } from '../support/accounts.ts';

// What the system tests need from a coordinator: an account seeded in the server's copy, a session, edits over HTTP.

export const ADMIN = { courriel: 'systeme@reperes.test', motDePasse: 'une phrase de passe pour les tests système' };

export type Place = { id: string; nom: string; version: number };

/** Seeds an administrator in a database copy (before its server starts) and picks places to edit, each edited by one client only. */
export async function seedAdministrator(dbPath: string, placeCount: number): Promise<Place[]> {
  const db = openDb(dbPath);
  try {
    migrate(db);
    await createAdministrator(db, ADMIN);
    return db
      .prepare(`SELECT id, nom, version FROM lieux WHERE archived_at IS NULL AND length(nom) < 120 ORDER BY num LIMIT ?`)
      .all(placeCount) as Place[];
  } finally {
    db.close();
  }
}

export type Session = { cookie: string; csrf: string };

export async function signIn(url: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ courriel: ADMIN.courriel, mot_de_passe: ADMIN.motDePasse }),
  });
  if (res.status !== 200) throw new Error(`connexion refusée : ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrf } = (await res.json()) as { csrf: string };
  return { cookie, csrf };
}

/** An edit the server answered 200 for: from then on it must never be lost. */
export type Ack = { id: string; version: number; nom: string; at: number };

/**
 * Several clients, each with its own session and its own places, rename places in a loop as fast
 * as the server answers, until stopped or until the server stops answering. Every 200 is recorded
 * with the version it returned; anything but 200 or a dropped connection is a failure of the test.
 */
export async function editInLoop(url: string, places: Place[], clients: number, label: string) {
  const acks: Ack[] = [];
  const failures: string[] = [];
  let running = true;
  const sessions = await Promise.all(Array.from({ length: clients }, () => signIn(url)));
  const client = async (session: Session, mine: Place[]) => {
    const current = mine.map((p) => ({ ...p }));
    for (let round = 1; running; round++) {
      for (const place of current) {
        if (!running) return;
        const nom = `${place.nom.replace(/ \[.*\]$/, '')} [${label} ${round}]`;
        let res: Response;
        try {
          res = await fetch(`${url}/api/lieux/${encodeURIComponent(place.id)}`, {
            method: 'PATCH',
            headers: { 'Content-Type': 'application/json', Cookie: session.cookie, 'X-CSRF-Token': session.csrf, 'If-Match': String(place.version) },
            body: JSON.stringify({ nom }),
          });
        } catch {
          // The server is gone (killed by the test): what it had not answered was never acknowledged.
          return;
        }
        if (res.status !== 200) {
          failures.push(`${place.id}: ${res.status} ${await res.text()}`);
          return;
        }
        const body = (await res.json()) as { version: number; nom: string };
        acks.push({ id: place.id, version: body.version, nom: body.nom, at: Date.now() });
        place.version = body.version;
        place.nom = body.nom;
      }
    }
  };
  const done = Promise.all(sessions.map((s, i) => client(s, places.filter((_, j) => j % clients === i))));
  return {
    acks,
    failures,
    async stop() {
      running = false;
      await done;
    },
    done,
  };
}

/**
 * Every acknowledged edit is in the history with the name it set, and each place's row is at the
 * last version its history knows: no acknowledged write lost, no history entry without its change.
 */
export function lostEdits(db: Db, acks: Ack[]): string[] {
  const entry = db.prepare(
    `SELECT json_extract(apres, '$.nom') AS nom FROM journal WHERE lieu_id = ? AND version = ? AND action = 'modification'`,
  );
  const row = db.prepare('SELECT nom, version FROM lieux WHERE id = ?');
  const lastInHistory = db.prepare('SELECT max(version) FROM journal WHERE lieu_id = ?').pluck();
  const lost: string[] = [];
  for (const ack of acks) {
    const found = entry.get(ack.id, ack.version) as { nom: string } | undefined;
    if (found?.nom !== ack.nom) lost.push(`${ack.id} v${ack.version} « ${ack.nom} » : historique ${JSON.stringify(found ?? null)}`);
  }
  for (const id of new Set(acks.map((a) => a.id))) {
    const place = row.get(id) as { nom: string; version: number };
    const last = acks.filter((a) => a.id === id).at(-1)!;
    if (place.version < last.version) lost.push(`${id} : version ${place.version} < ${last.version} acquittée`);
    if (place.version === last.version && place.nom !== last.nom) lost.push(`${id} : nom « ${place.nom} » au lieu de « ${last.nom} »`);
    if (lastInHistory.get(id) !== place.version) lost.push(`${id} : version ${place.version}, historique ${String(lastInHistory.get(id))}`);
  }
  return lost;
}

export function integrity(db: Db): string[] {
  return db.prepare('PRAGMA integrity_check').pluck().all() as string[];
}
