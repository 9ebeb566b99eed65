import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coordinationTestApp, login, type Session } from '../auth/testing.ts';

const t = coordinationTestApp();
let server: ServerType;
let base: string;
const CLIENTS = 8;
const ATTEMPTS = 10;
const sessions: Session[] = [];

beforeAll(async () => {
  await t.account('admin@reperes.test', 'administrateur');
  await t.account('coord@reperes.test', 'coordinateur', { territoires: ['93'] });
  base = await new Promise<string>((resolve) => {
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(`http://127.0.0.1:${info.port}`));
  });
  for (let i = 0; i < CLIENTS; i++) sessions.push(await login(t.app, i % 2 ? 'coord@reperes.test' : 'admin@reperes.test'));
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  t.close();
});

describe('several coordinators saving the same place at once', () => {
  it('lands each save or refuses it with 409, and loses none that was accepted', async () => {
    const id = t.db.prepare("SELECT id FROM lieux WHERE departement = '93' ORDER BY num LIMIT 1").pluck().get() as string;
    const headers = (s: Session) => ({ 'Content-Type': 'application/json', Cookie: s.cookie, 'X-CSRF-Token': s.csrf });
    const accepted: { version: number; value: string }[] = [];
    let conflicts = 0;

    const client = async (c: number) => {
      for (let a = 0; a < ATTEMPTS; a++) {
        const read = await fetch(`${base}/api/coordination/lieux/${id}`, { headers: headers(sessions[c]!) });
        const { version } = (await read.json()) as { version: number };
        const value = `Client ${c}, essai ${a}`;
        const res = await fetch(`${base}/api/lieux/${id}`, {
          method: 'PATCH', headers: { ...headers(sessions[c]!), 'If-Match': String(version) }, body: JSON.stringify({ horaires_texte: value }),
        });
        const body = (await res.json()) as { version: number; code?: string };
        expect([200, 409]).toContain(res.status);
        if (res.status === 200) accepted.push({ version: body.version, value });
        else {
          expect(body.code).toBe('version_perimee');
          conflicts += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));

    expect(accepted.length + conflicts).toBe(CLIENTS * ATTEMPTS);
    expect(accepted.length).toBeGreaterThan(0);
    const entries = t.db
      .prepare("SELECT version, apres FROM journal WHERE lieu_id = ? AND action = 'modification' ORDER BY id")
      .all(id) as { version: number; apres: string }[];
    // One history entry per 200, versions 2, 3, 4… without a gap or a repeat.
    expect(entries.map((e) => e.version)).toEqual(accepted.map((_, i) => i + 2));
    expect(accepted.map((a) => a.version).sort((a, b) => a - b)).toEqual(accepted.map((_, i) => i + 2));
    const byVersion = new Map(accepted.map((a) => [a.version, a.value]));
    for (const e of entries) expect(JSON.parse(e.apres).horaires_texte).toBe(byVersion.get(e.version));
    const final = t.db.prepare('SELECT version, horaires_texte FROM lieux WHERE id = ?').get(id) as { version: number; horaires_texte: string };
    expect(final).toEqual({ version: accepted.length + 1, horaires_texte: byVersion.get(accepted.length + 1) });
  }, 60_000);
});
