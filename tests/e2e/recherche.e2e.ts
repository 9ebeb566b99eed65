import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, foreignRequests, openSession, screenshotsDir, type Session } from './browser.ts';

const baseUrl = inject('baseUrl');

let s: Session;
beforeAll(async () => {
  s = await openSession();
});
afterAll(async () => {
  await s?.close();
});

const search = () => s.page.getByRole('combobox', { name: /Chercher une commune|Search a town/ });
const listHeading = () => s.page.locator('#list-title');
const focusedId = () => s.page.evaluate(() => document.activeElement?.id ?? '');
// textContent, not innerText: places below the fold are not rendered (content-visibility) and have no innerText.
const placeTexts = () => s.page.locator('#place-list button.place').allTextContents();

describe('finding help by place', () => {
  it('finds Saint-Étienne (42) from "st etienne" with the keyboard, then lands on the results heading', async () => {
    await s.page.goto(baseUrl);
    await listHeading().filter({ hasText: /lieux? dans cette zone/ }).waitFor({ timeout: 30_000 });
    await search().fill('st etienne');
    const option = s.page.getByRole('option', { name: /Saint-Étienne \(42\)/ });
    await option.waitFor({ timeout: 15_000 });
    // The suggestion count is announced.
    await expect.poll(() => s.page.getByRole('status').filter({ hasText: /suggestions?\./ }).count()).toBeGreaterThan(0);
    await s.page.screenshot({ path: `${screenshotsDir}/recherche-suggestions.png` });
    expect(await axeViolations(s.page)).toEqual([]);
    const ids = await s.page.getByRole('listbox').getByRole('option').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    const index = ids.findIndex((t) => /Saint-Étienne \(42\)/.test(t));
    for (let i = 0; i <= index; i++) await search().press('ArrowDown');
    expect(await search().getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await search().press('Enter');
    await expect.poll(focusedId, { timeout: 10_000 }).toBe('list-title');
    await expect.poll(async () => (await placeTexts()).filter((t) => /\b42\d{3}\b|Saint-Étienne/.test(t)).length, { timeout: 15_000 }).toBeGreaterThan(3);
    expect(new URL(s.page.url()).searchParams.get('commune')).toBe('Saint-Étienne (42)');
    await s.page.screenshot({ path: `${screenshotsDir}/recherche-saint-etienne.png` });
    expect(await axeViolations(s.page)).toEqual([]);
  });

  it('tells both Saint-Denis apart by their département', async () => {
    await search().fill('saint-denis');
    await s.page.getByRole('option', { name: /Saint-Denis \(93\)/ }).waitFor({ timeout: 15_000 });
    expect(await s.page.getByRole('option', { name: /Saint-Denis \(974\)/ }).count()).toBe(1);
    await search().press('Escape');
    expect(await search().getAttribute('aria-expanded')).toBe('false');
  });

  it('shows only places open now, each saying until when, and goes back with the back button', async () => {
    await s.page.getByRole('radio', { name: 'Ouvert maintenant' }).check();
    await expect.poll(() => new URL(s.page.url()).searchParams.get('ouvert')).toBe('maintenant');
    await expect
      .poll(async () => {
        const texts = await placeTexts();
        return texts.length > 0 && texts.every((t) => /Ouvert jusqu’à|Ferme dans \d+ min/.test(t));
      }, { timeout: 15_000 })
      .toBe(true);
    expect(await axeViolations(s.page)).toEqual([]);
    await s.page.goBack();
    await expect.poll(() => new URL(s.page.url()).searchParams.get('ouvert')).toBeNull();
  });

  it('opens a place’s page from a search by name', async () => {
    await search().fill('mediatheque');
    const option = s.page.getByRole('group', { name: 'Lieux' }).getByRole('option').first();
    await option.waitFor({ timeout: 15_000 });
    await option.click();
    await expect.poll(() => new URL(s.page.url()).pathname).toMatch(/^\/lieux\//);
    await s.page.getByRole('heading', { level: 1 }).waitFor();
    await s.page.goBack();
  });

  it('says so when nothing is there, and when the service refuses a request, without an axe violation', async () => {
    await s.page.goto(`${baseUrl}/?zone=-30.1,40.1,-30,40.2`);
    await listHeading().filter({ hasText: 'Aucun lieu dans cette zone' }).waitFor({ timeout: 30_000 });
    expect(await axeViolations(s.page)).toEqual([]);
    await s.page.goto(`${baseUrl}/?services=service-qui-nexiste-pas`);
    await s.page.getByRole('alert').first().waitFor({ timeout: 30_000 });
    await s.page.screenshot({ path: `${screenshotsDir}/recherche-erreur.png` });
    expect(await axeViolations(s.page)).toEqual([]);
  });

  it('switches to English, with html[lang=en]', async () => {
    await s.page.goto(baseUrl);
    await listHeading().filter({ hasText: /dans cette zone/ }).waitFor({ timeout: 30_000 });
    await s.page.getByRole('button', { name: 'English' }).click();
    await listHeading().filter({ hasText: /in this area/ }).waitFor();
    expect(await s.page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await s.page.getByRole('button', { name: 'Near me' }).count()).toBe(1);
    expect(await s.page.getByRole('radio', { name: 'Open now' }).count()).toBe(1);
    expect(await axeViolations(s.page)).toEqual([]);
    await s.page.getByRole('button', { name: 'Français' }).click();
  });

  it('fits a 320 px wide screen without scrolling sideways', async () => {
    await s.page.setViewportSize({ width: 320, height: 700 });
    await s.page.goto(baseUrl);
    await listHeading().filter({ hasText: /dans cette zone/ }).waitFor({ timeout: 30_000 });
    expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await s.page.screenshot({ path: `${screenshotsDir}/recherche-320px.png` });
    await s.page.setViewportSize({ width: 1280, height: 800 });
  });

  it('asks for none of the map’s files until the first places have come', async () => {
    // A session of its own without a service worker, so that every request goes through the
    // route below. The first list answer is held for a while: the map must wait for it (its
    // fallback only starts it after 4 s without an answer).
    const alone = await openSession({ serviceWorkers: 'block' });
    try {
      const events: string[] = [];
      alone.page.on('request', (r) => {
        if (/\/assets\/(MapView|basemap|maplibre)|\/basemap\//.test(r.url())) events.push(`map ${r.url()}`);
      });
      let held = false;
      await alone.page.route(/\/api\/lieux\?bbox=/, async (route) => {
        if (!held) {
          held = true;
          await new Promise((r) => setTimeout(r, 1500));
          events.push('list');
        }
        await route.continue();
      });
      await alone.page.goto(baseUrl);
      await alone.page.locator('.maplibregl-canvas').waitFor({ timeout: 30_000 });
      expect(held).toBe(true);
      expect(events[0]).toBe('list');
      expect(events.length).toBeGreaterThan(1);
    } finally {
      await alone.close();
    }
  });

  it('asked nothing outside its own origin', () => {
    expect(foreignRequests(s.requests, baseUrl)).toEqual([]);
  });
});
