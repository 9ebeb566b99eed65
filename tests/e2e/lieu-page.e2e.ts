import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, foreignRequests, openSession, screenshotsDir, type Session } from './browser.ts';

const baseUrl = inject('baseUrl');

let s: Session;
let placeId: string;
beforeAll(async () => {
  s = await openSession();
  // A real place with known weekly hours, whatever the import's ids are today.
  const res = await fetch(`${baseUrl}/api/lieux?bbox=2.3,48.8,2.5,48.95&ouvert=samedi&limit=1`);
  const body = (await res.json()) as { items: { id: string }[] };
  placeId = body.items[0]!.id;
});
afterAll(async () => {
  await s?.close();
});

describe('the page of a place', () => {
  it('shows the week’s hours in a table, how to get there, the source and its date', async () => {
    await s.page.goto(`${baseUrl}/lieux/${encodeURIComponent(placeId)}`);
    const h1 = s.page.getByRole('heading', { level: 1 });
    await h1.waitFor({ timeout: 30_000 });
    await s.page.locator('table caption', { hasText: 'Horaires des 7 prochains jours' }).waitFor({ timeout: 15_000 });
    expect(await s.page.locator('table tbody tr').count()).toBe(7);
    expect(await s.page.locator('table th[scope="row"]').first().textContent()).toMatch(/^(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d+/);
    expect(await s.page.locator('table td').allTextContents()).toContainEqual(expect.stringMatching(/de \d+ h( \d\d)? à \d+ h/));
    expect(await s.page.getByText(/Ouvert jusqu’à|Ferme dans|Fermé — ouvre|Horaires inconnus/).count()).toBeGreaterThan(0);
    const sources = await s.page.locator('.detail-sources li').allTextContents();
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source).toMatch(/^(Informations du \d\d\/\d\d\/\d{4}, source : |Source : ).+/);
    const maps = s.page.getByRole('link', { name: 'Ouvrir dans mon application de cartes' });
    expect(await maps.getAttribute('href')).toMatch(/^geo:-?\d+\.\d+,-?\d+\.\d+\?q=/);
    expect(await s.page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await s.page.screenshot({ path: `${screenshotsDir}/lieu-page.png`, fullPage: true });
    expect(await axeViolations(s.page)).toEqual([]);
  });

  it('switches to English with html[lang=en] and English hours', async () => {
    await s.page.getByRole('button', { name: 'English' }).click();
    await s.page.locator('table caption', { hasText: 'Opening hours for the next 7 days' }).waitFor();
    expect(await s.page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The same 24-hour clock as the sheet and the list: never am/pm.
    const english = await s.page.locator('table td').allTextContents();
    expect(english).toContainEqual(expect.stringMatching(/^\d{1,2}:\d\d to \d{1,2}:\d\d/));
    expect(english.join(' ')).not.toMatch(/\b(am|pm)\b/);
    expect(await axeViolations(s.page)).toEqual([]);
    await s.page.getByRole('button', { name: 'Français' }).click();
  });

  it('says clearly that an unknown place does not exist, with a way back', async () => {
    await s.page.goto(`${baseUrl}/lieux/inconnu`);
    await s.page.getByRole('heading', { level: 1, name: 'Lieu introuvable' }).waitFor({ timeout: 30_000 });
    const back = s.page.getByRole('link', { name: 'Revenir à la carte des lieux' });
    expect(await back.getAttribute('href')).toBe('/');
    expect(await axeViolations(s.page)).toEqual([]);
    await back.click();
    await expect.poll(() => new URL(s.page.url()).pathname).toBe('/');
  });

  it('has an accessibility statement linked from the footer, structured as the RGAA asks', async () => {
    await s.page.getByRole('contentinfo').getByRole('link', { name: /Accessibilité : partiellement conforme/ }).click();
    await s.page.getByRole('heading', { level: 1, name: 'Déclaration d’accessibilité' }).waitFor({ timeout: 15_000 });
    const h2 = await s.page.getByRole('heading', { level: 2 }).allTextContents();
    expect(h2).toEqual(
      expect.arrayContaining([
        'État de conformité',
        'Résultats des tests',
        'Contenus non accessibles',
        'Environnement de test',
        'Retour d’information et contact',
        'Voies de recours',
      ]),
    );
    expect(await s.page.getByText(/partiellement conforme/).count()).toBeGreaterThan(0);
    expect(await s.page.getByText(/Défenseur des droits/).count()).toBeGreaterThan(0);
    expect(await axeViolations(s.page)).toEqual([]);
  });

  it('asked nothing outside its own origin', () => {
    expect(foreignRequests(s.requests, baseUrl)).toEqual([]);
  });
});
