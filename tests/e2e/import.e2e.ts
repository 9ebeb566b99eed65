import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb } from '../../api/src/db/client.ts';
import { createAdministrator } from '../support/accounts.ts';
import { lmnSchema } from '@reperes/data/formats/lmn.ts';
import { axeViolations, foreignRequests, openSession, screenshotsDir, type Session } from './browser.ts';

const baseUrl = inject('baseUrl');
const dbPath = inject('dbPath');

const ADMIN = { courriel: 'import.e2e@reperes.test', motDePasse: 'un fichier de lieux bien rangé' };
const ROW: Record<string, string> = {
  id: 'e2e-atelier-aurillac', pivot: '00000000000000', nom: 'Atelier numérique du test de bout en bout', commune: 'Aurillac',
  code_postal: '150', code_insee: '15014', adresse: '16 rue du Test', latitude: '44.9281', longitude: '2.4412',
  date_maj: '2024-05-01', services: 'Maîtrise des outils numériques du quotidien',
};
const csv = (row: Record<string, string>) =>
  `${lmnSchema.columns.join(',')}\n${lmnSchema.columns.map((c) => JSON.stringify(row[c] ?? '')).join(',')}\n`;

let s: Session;
beforeAll(async () => {
  const db = openDb(dbPath);
  try {
    await createAdministrator(db, ADMIN);
  } finally {
    db.close();
  }
  s = await openSession();
  s.page.setDefaultTimeout(20_000);
});
afterAll(async () => {
  await s?.close();
});

const choose = (name: string, content: string) =>
  s.page.getByLabel('Fichier à importer').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });

describe('a coordinator imports a file', () => {
  it('reads the errors, fixes the file, applies it and finds the new place on the map and in its history', async () => {
    await s.page.goto(`${baseUrl}/admin/import`);
    await s.page.waitForURL(/\/admin\/connexion/);
    await s.page.getByLabel('Adresse e-mail').fill(ADMIN.courriel);
    await s.page.getByLabel('Mot de passe').fill(ADMIN.motDePasse);
    await s.page.getByRole('button', { name: 'Se connecter' }).click();
    await s.page.getByRole('heading', { level: 1, name: 'Importer un fichier' }).waitFor();

    await choose('lieux.csv', csv(ROW));
    await s.page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await s.page.getByText('Ligne 2, colonne code_postal : « 150 » n’est pas un code postal (5 chiffres).').waitFor();
    expect(await s.page.getByRole('button', { name: 'Appliquer l’import' }).count()).toBe(0);
    await s.page.screenshot({ path: `${screenshotsDir}/import-erreurs.png`, fullPage: true });
    expect(await axeViolations(s.page)).toEqual([]);

    await choose('lieux.csv', csv({ ...ROW, code_postal: '15000' }));
    await s.page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await s.page.getByText('Toutes les lignes peuvent être importées.').waitFor();
    await s.page.getByText('Atelier numérique du test de bout en bout (Aurillac)').waitFor();
    await s.page.getByRole('button', { name: 'Appliquer l’import' }).click();
    await s.page.getByText('Import appliqué : 1 lieux créés, 0 lieux modifiés.').waitFor();
    expect(await axeViolations(s.page)).toEqual([]);

    const found = await (await s.context.request.get(`${baseUrl}/api/lieux?bbox=2.43,44.92,2.45,44.94&limit=500`)).json();
    const place = found.items.find((p: { nom: string }) => p.nom === ROW.nom) as { id: string } | undefined;
    expect(place).toBeDefined();
    await s.page.goto(`${baseUrl}/lieux/${place!.id}`);
    await s.page.getByRole('heading', { level: 1, name: ROW.nom }).waitFor();

    await s.page.goto(`${baseUrl}/admin/lieux/${place!.id}/historique`);
    await s.page.getByText('Import du fichier « lieux.csv »').first().waitFor();
    expect(foreignRequests(s.requests, baseUrl)).toEqual([]);
  });
});
