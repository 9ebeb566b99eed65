import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb } from '../../api/src/db/client.ts';
import { createAdministrator } from '../support/accounts.ts';
import { axeViolations, foreignRequests, openSession, screenshotsDir, type Session } from './browser.ts';

const baseUrl = inject('baseUrl');
const dbPath = inject('dbPath');

const ADMIN = { courriel: 'admin.e2e@reperes.test', motDePasse: 'une phrase de passe assez longue' };
const COORDINATOR = { courriel: 'coordination.e2e@reperes.test', motDePasse: 'les lieux de Mayotte sont à jour' };

let s: Session;
let place: { id: string; nom: string; departement: string };
const newName = () => `${place.nom} (modifié)`;

beforeAll(async () => {
  // The server works on its own copy of the database (global-setup): seeding it touches nothing else.
  const db = openDb(dbPath);
  try {
    place = db
      .prepare(
        `SELECT id, nom, departement FROM lieux
         WHERE departement = '976' AND types <> '[]' AND archived_at IS NULL AND length(nom) < 60
         ORDER BY num LIMIT 1`,
      )
      .get() as typeof place;
    await createAdministrator(db, ADMIN);
  } finally {
    db.close();
  }
  s = await openSession();
  s.page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await s?.close();
});

const shot = (name: string) => s.page.screenshot({ path: `${screenshotsDir}/coordination-${name}.png`, fullPage: true });
const status = (page: Page) => page.getByRole('status').filter({ hasText: /\S/ });

async function signIn(courriel: string, motDePasse: string) {
  await s.page.getByLabel('Adresse e-mail').fill(courriel);
  await s.page.getByLabel('Mot de passe').fill(motDePasse);
  await s.page.getByRole('button', { name: 'Se connecter' }).click();
}

/** A write by "someone else": the same API, called between the form's load and its save. */
async function writeMeanwhile(body: Record<string, unknown>) {
  const me = await (await s.context.request.get(`${baseUrl}/api/auth/me`)).json();
  const current = await (await s.context.request.get(`${baseUrl}/api/coordination/lieux/${place.id}`)).json();
  const res = await s.context.request.patch(`${baseUrl}/api/lieux/${place.id}`, {
    headers: { 'X-CSRF-Token': me.csrf, 'If-Match': String(current.version) },
    data: { ...body, version: current.version },
  });
  expect(res.status()).toBe(200);
}

describe('coordinators keep listings right', () => {
  it('refuses a wrong password with a focused error summary', async () => {
    await s.page.goto(`${baseUrl}/admin`);
    await s.page.waitForURL(/\/admin\/connexion/);
    await s.page.getByRole('heading', { level: 1, name: 'Se connecter' }).waitFor();
    expect(await axeViolations(s.page)).toEqual([]);

    await s.page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    expect(await s.page.getByRole('link', { name: 'Saisissez votre adresse e-mail.' }).count()).toBe(1);

    await signIn(ADMIN.courriel, 'pas le bon mot de passe');
    await s.page.getByRole('alert').getByText('E-mail ou mot de passe incorrect.').waitFor();
    await shot('connexion-erreur');
    expect(await axeViolations(s.page)).toEqual([]);
  });

  it('lets an administrator invite a coordinator, who chooses a password', async () => {
    await signIn(ADMIN.courriel, ADMIN.motDePasse);
    await s.page.getByText(`Connecté avec ${ADMIN.courriel}`).waitFor();
    await s.page.getByRole('link', { name: 'Comptes' }).click();
    await s.page.getByRole('heading', { level: 1, name: 'Comptes' }).waitFor();
    await s.page.getByRole('row', { name: new RegExp(ADMIN.courriel) }).waitFor();

    await s.page.getByLabel('Adresse e-mail').fill(COORDINATOR.courriel);
    await s.page.getByLabel('Territoires').fill(place.departement);
    await s.page.getByRole('button', { name: 'Créer l’invitation' }).click();
    const link = await s.page.getByLabel('Lien d’invitation, à transmettre une seule fois').inputValue();
    expect(link).toMatch(new RegExp(`^${baseUrl}/.+/invitation/`));
    await shot('comptes');
    expect(await axeViolations(s.page)).toEqual([]);

    await s.page.getByRole('button', { name: 'Se déconnecter' }).click();
    await s.page.waitForURL(/\/admin\/connexion/);

    await s.page.goto(link);
    await s.page.getByRole('heading', { level: 1, name: 'Choisir votre mot de passe' }).waitFor();
    await s.page.getByLabel(/^Mot de passe/).fill('trop court');
    await s.page.getByLabel('Confirmer le mot de passe').fill('trop court');
    await s.page.getByRole('button', { name: 'Activer mon compte' }).click();
    await s.page.getByRole('link', { name: 'Le mot de passe doit contenir au moins 12 caractères.' }).waitFor();
    expect(await axeViolations(s.page)).toEqual([]);
    await s.page.getByLabel(/^Mot de passe/).fill(COORDINATOR.motDePasse);
    await s.page.getByLabel('Confirmer le mot de passe').fill(COORDINATOR.motDePasse);
    await s.page.getByRole('button', { name: 'Activer mon compte' }).click();
    await s.page.getByText(`Connecté avec ${COORDINATOR.courriel}`).waitFor();
  });

  it('shows the places to check and records "Toujours exact" in one click', async () => {
    await s.page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    await s.page.getByRole('table', { name: 'Nombre de lieux à vérifier par territoire' }).waitFor();
    expect(await axeViolations(s.page)).toEqual([]);
    await shot('tableau-de-bord');
    const check = s.page.getByRole('button', { name: /^Toujours exact : / }).first();
    const name = ((await check.getAttribute('aria-label')) ?? '').replace('Toujours exact : ', '');
    await check.click();
    await status(s.page).getByText(`« ${name} » est noté comme vérifié aujourd’hui.`).waitFor();
  });

  it('explains form mistakes next to each field, then saves a new name seen by the public', async () => {
    await s.page.goto(`${baseUrl}/admin/lieux/${place.id}`);
    const nameField = s.page.getByLabel(/^Nom du lieu/);
    await nameField.waitFor();
    await nameField.fill('');
    await s.page.getByLabel(/^Horaires au format OpenStreetMap/).fill('Mo-Fr 09:00-12:00,13:30-17:00; Sa 09:00-12:00');
    await s.page.getByText('Lundi : de 9 h à 12 h et de 13 h 30 à 17 h').waitFor();
    await s.page.getByRole('button', { name: 'Enregistrer' }).click();
    const summaryLink = s.page.getByRole('link', { name: 'Indiquez le nom du lieu (au moins 2 caractères).' });
    await summaryLink.waitFor();
    expect(await nameField.getAttribute('aria-invalid')).toBe('true');
    await summaryLink.click();
    await expect.poll(() => nameField.evaluate((el) => el === document.activeElement)).toBe(true);
    await shot('formulaire-erreurs');
    expect(await axeViolations(s.page)).toEqual([]);

    await nameField.fill(newName());
    await s.page.getByLabel(/^Pourquoi ce changement/).fill('Nom vu sur la façade');
    await s.page.getByRole('button', { name: 'Enregistrer' }).click();
    await status(s.page).getByText('Modifications enregistrées.').waitFor();

    await s.page.goto(`${baseUrl}/lieux/${place.id}`);
    await s.page.getByRole('heading', { level: 1, name: newName() }).waitFor();
    await s.page.getByText(/^Vérifié le \d{1,2} \S+ \d{4}$/).waitFor();
  });

  it('shows who changed what and why, and restores an earlier version as a new change', async () => {
    await s.page.goto(`${baseUrl}/admin/lieux/${place.id}/historique`);
    const entry = s.page.getByRole('listitem').filter({ hasText: 'Nom vu sur la façade' });
    await entry.getByText(COORDINATOR.courriel).waitFor();
    expect(await entry.locator('del').first().textContent()).toBe(place.nom);
    expect(await entry.locator('ins').first().textContent()).toBe(newName());
    expect(await axeViolations(s.page)).toEqual([]);
    await shot('historique');

    const first = s.page.getByRole('listitem').filter({ hasText: /Version 1(?!\d)/ });
    await first.getByRole('button', { name: 'Restaurer la version 1' }).click();
    await first.getByRole('button', { name: 'Confirmer' }).click();
    await status(s.page).getByText('Version 1 restaurée.').waitFor();
    await s.page.getByRole('heading', { name: /^Restauration/ }).first().waitFor();

    await s.page.goto(`${baseUrl}/lieux/${place.id}`);
    await s.page.waitForLoadState('networkidle');
    await shot('lieu-restaure');
    await s.page.getByRole('heading', { level: 1, name: place.nom, exact: true }).waitFor();
  });

  it('shows a change made meanwhile side by side and saves the merged choice', async () => {
    await s.page.goto(`${baseUrl}/admin/lieux/${place.id}`);
    await s.page.getByLabel(/^Commune/).waitFor();
    await s.page.getByLabel(/^Complément d’adresse/).fill('Bâtiment B, 1er étage');
    await writeMeanwhile({ nom: `${place.nom} — accueil`, commentaire: 'Écrit par une autre personne' });
    await s.page.getByRole('button', { name: 'Enregistrer' }).click();
    const conflict = s.page.getByRole('region', { name: 'Quelqu’un a modifié ce lieu pendant que vous travailliez' });
    await conflict.getByText(`Modifié par ${COORDINATOR.courriel}`, { exact: false }).waitFor();
    const nameChoice = conflict.getByRole('group', { name: 'Valeur à garder pour « Nom du lieu »' });
    expect(await nameChoice.getByRole('radio', { name: /Prendre la leur/ }).isChecked()).toBe(true);
    expect(
      await conflict.getByRole('group', { name: 'Valeur à garder pour « Complément d’adresse »' }).getByRole('radio', { name: /Garder la mienne/ }).isChecked(),
    ).toBe(true);
    await shot('conflit');
    expect(await axeViolations(s.page)).toEqual([]);
    await conflict.getByRole('button', { name: 'Enregistrer avec ces choix' }).click();
    await status(s.page).getByText('Modifications enregistrées.').waitFor();
    expect(await s.page.getByLabel(/^Nom du lieu/).inputValue()).toBe(`${place.nom} — accueil`);
    expect(await s.page.getByLabel(/^Complément d’adresse/).inputValue()).toBe('Bâtiment B, 1er étage');
  });

  it('shows a national label ticked in the form on the public page of the place', async () => {
    await s.page.goto(`${baseUrl}/admin/lieux/${place.id}`);
    const labels = s.page.getByRole('group', { name: 'Labels et dispositifs nationaux' });
    await labels.getByRole('checkbox', { name: 'Aidants Connect' }).check();
    await s.page.getByLabel(/^Public accueilli/).fill('Jeunes (16-26 ans), Familles/enfants');
    await s.page.getByRole('button', { name: 'Enregistrer' }).click();
    await status(s.page).getByText('Modifications enregistrées.').waitFor();
    expect(await s.page.getByLabel(/^Public accueilli/).inputValue()).toBe('Jeunes (16-26 ans), Familles/enfants');

    await s.page.goto(`${baseUrl}/lieux/${place.id}`);
    await s.page.getByRole('heading', { name: 'Labels et dispositifs' }).waitFor();
    expect(await s.page.getByRole('listitem').filter({ hasText: /^Aidants Connect$/ }).count()).toBe(1);
  });

  it('takes a report from the public and lets the coordinator fix the place from it', async () => {
    await s.page.goto(`${baseUrl}/lieux/${place.id}`);
    await s.page.getByRole('button', { name: 'Signaler une erreur' }).click();
    await s.page.getByRole('radio', { name: 'Les horaires sont faux' }).check();
    await s.page.getByLabel('Précisez si vous le souhaitez').fill('Fermé le samedi depuis septembre.');
    expect(await axeViolations(s.page)).toEqual([]);
    await s.page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await s.page.getByText('Merci, votre signalement a été transmis.').waitFor();
    expect(await axeViolations(s.page)).toEqual([]);

    await s.page.goto(`${baseUrl}/admin/signalements`);
    await s.page.getByRole('link', { name: `Ouvrir le signalement sur ${place.nom} — accueil` }).click();
    await s.page.getByText('Fermé le samedi depuis septembre.').waitFor();
    await s.page.getByRole('heading', { name: 'Le lieu aujourd’hui' }).waitFor();
    expect(await axeViolations(s.page)).toEqual([]);
    await shot('signalement');

    await s.page.getByRole('link', { name: 'Corriger' }).click();
    await s.page.getByText('Vous corrigez un signalement : l’enregistrement le clôturera.').waitFor();
    await s.page.getByLabel(/^Horaires au format OpenStreetMap/).fill('Mo-Fr 08:30-12:00');
    await s.page.getByRole('button', { name: 'Enregistrer' }).click();
    await s.page.getByRole('heading', { level: 1, name: 'Signalements' }).waitFor();
    await s.page.getByText('Aucun signalement en attente.').waitFor();
    expect(await axeViolations(s.page)).toEqual([]);
    expect(foreignRequests(s.requests, baseUrl)).toEqual([]);
  });
});
