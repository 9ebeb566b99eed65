import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../app.ts';
import { defaultDbPath, openDb } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import type { Role } from './accounts.queries.ts';
import { createAccountQueries } from './accounts.queries.ts';
import { hashPassword } from './password.ts';

export const PASSWORD = 'Vingt-trois cerises rouges';

/**
 * A temporary copy of the real imported database, migrated, with an app over it whose clock the
 * test moves. Tests write here, never into data/build/reperes.sqlite.
 */
export function coordinationTestApp() {
  const dir = mkdtempSync(join(tmpdir(), 'reperes-coordination-'));
  const path = join(dir, 'reperes.sqlite');
  const source = openDb(defaultDbPath(), { readonly: true });
  source.prepare('VACUUM INTO ?').run(path);
  source.close();
  const db = openDb(path);
  migrate(db);
  let clock = Date.parse('2026-03-03T09:00:00Z');
  const app = createApp({ db, now: () => clock });
  const accounts = createAccountQueries(db);

  return {
    app,
    db,
    advance: (ms: number) => {
      clock += ms;
    },
    now: () => clock,
    async account(courriel: string, role: Role, scope: { territoires?: string[]; reseaux?: string[] } = {}) {
      accounts.createUser({
        courriel, role, territoires: scope.territoires ?? [], reseaux: scope.reseaux ?? [],
        passwordHash: await hashPassword(PASSWORD), createdAt: new Date(clock).toISOString(),
      });
      return login(app, courriel);
    },
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Session = { cookie: string; csrf: string };
type App = ReturnType<typeof createApp>;

export async function login(app: App, courriel: string, motDePasse = PASSWORD): Promise<Session> {
  const res = await app.request('/api/auth/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ courriel, mot_de_passe: motDePasse }),
  });
  if (res.status !== 200) throw new Error(`connexion refusée : ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrf } = (await res.json()) as { csrf: string };
  return { cookie, csrf };
}

/** A JSON request as the web app sends it: session cookie, CSRF token, body. */
export async function call(app: App, method: string, url: string, session?: Session, body?: unknown, headers: Record<string, string> = {}) {
  const res = await app.request(url, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(session ? { Cookie: session.cookie, 'X-CSRF-Token': session.csrf } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as any };
}
