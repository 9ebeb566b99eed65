import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lmnSchema } from '@reperes/data/formats/lmn.ts';
import { coordinationTestApp, type Session } from '../auth/testing.ts';

const t = coordinationTestApp();
const { app, db } = t;
afterAll(() => t.close());

let admin: Session;
let coord75: Session;
beforeAll(async () => {
  admin = await t.account('admin-import@reperes.test', 'administrateur');
  coord75 = await t.account('paris-import@reperes.test', 'coordinateur', { territoires: ['75'] });
}, 60_000);

const ROW: Record<string, string> = {
  id: 'envoi-aurillac', pivot: '00000000000000', nom: 'Atelier numérique de l’envoi', commune: 'Aurillac', code_postal: '15000',
  code_insee: '15014', adresse: '14 rue de l’Envoi', latitude: '44.9270', longitude: '2.4400', date_maj: '2024-05-01',
  services: 'Maîtrise des outils numériques du quotidien',
};
const csv = (rows: Record<string, string>[]) => stringify([lmnSchema.columns, ...rows.map((r) => lmnSchema.columns.map((c) => r[c] ?? ''))]);

async function upload(body: string | Uint8Array<ArrayBuffer>, session?: Session, query = '') {
  const res = await app.request(`/api/imports${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv', ...(session ? { Cookie: session.cookie, 'X-CSRF-Token': session.csrf } : {}) },
    body,
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('POST /api/imports', { timeout: 60_000 }, () => {
  it('answers 401 to a visitor who is not signed in', async () => {
    expect((await upload(csv([ROW]))).status).toBe(401);
  });

  it('reports the errors of a file without writing anything, then applies the corrected file and records it in the history', async () => {
    const wrong = await upload(csv([{ ...ROW, code_postal: '150' }]), admin, '?nom=lieux.csv');
    expect(wrong.status).toBe(200);
    expect(wrong.body.importable).toBe(false);
    expect(wrong.body.rapport.errors.map((e: { message: string }) => e.message)).toEqual([
      'Ligne 2, colonne code_postal : « 150 » n’est pas un code postal (5 chiffres).',
    ]);
    const refused = await upload(csv([{ ...ROW, code_postal: '150' }]), admin, '?appliquer=1&nom=lieux.csv');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('import_impossible');

    const applied = await upload(csv([ROW]), admin, '?appliquer=1&nom=lieux.csv');
    expect(applied.status).toBe(200);
    expect(applied.body.applique).toEqual({ created: 1, updated: 0 });
    const id = applied.body.rapport.created[0].id as string;
    const place = await app.request(`/api/lieux/${id}`);
    expect(place.status).toBe(200);
    expect(((await place.json()) as { nom: string }).nom).toBe('Atelier numérique de l’envoi');
    const entry = db.prepare(`SELECT j.action, u.courriel FROM journal j JOIN users u ON u.id = j.user_id WHERE j.lieu_id IS NULL AND j.action = 'import' ORDER BY j.id DESC LIMIT 1`).get();
    expect(entry).toEqual({ action: 'import', courriel: 'admin-import@reperes.test' });
  });

  it('refuses the rows about places outside the coordinator’s territory', async () => {
    const row = { ...ROW, id: 'envoi-mauriac', nom: 'Point numérique de Mauriac', commune: 'Mauriac', code_postal: '15200', code_insee: '15120', latitude: '45.2186', longitude: '2.3331' };
    const res = await upload(csv([row]), coord75, '?appliquer=1');
    expect(res.status).toBe(422);
    const dry = await upload(csv([row]), coord75);
    expect(dry.body.rapport.outOfScope).toEqual([{ line: 2, id: 'envoi-mauriac', nom: 'Point numérique de Mauriac' }]);
  });

  it('answers 400 with a plain reason for a file that is not a CSV text file', async () => {
    const res = await upload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x08, 0]), admin);
    expect(res).toEqual({ status: 400, body: { code: 'fichier_binaire', message: 'Ce fichier n’est pas un fichier texte CSV.' } });
  });
});
