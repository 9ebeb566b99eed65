import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, foreignRequests, openSession, screenshotsDir, type Session } from './browser.ts';

const baseUrl = inject('baseUrl');

// The app's code, held back as a weak connection would: the page's own first screen must work
// meanwhile. No service worker, so that every request goes through the routes of the test.
let s: Session;
beforeAll(async () => {
  s = await openSession({ serviceWorkers: 'block', viewport: { width: 360, height: 740 } });
});
afterAll(async () => {
  await s?.close();
});

const APP_CODE = /\/assets\/app-[^/]*\.js$/;

/** Holds the app's code until `release` is called. */
async function holdApp() {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const passed: Promise<void>[] = [];
  const handler = (route: Route) => {
    const passing = released.then(() => route.continue());
    passed.push(passing);
    return passing;
  };
  await s.page.route(APP_CODE, handler);
  return {
    release: async () => {
      release();
      await Promise.all(passed);
      await s.page.unroute(APP_CODE, handler);
    },
  };
}

describe('the first screen, before the app’s code has come', () => {
  it('takes a search typed and sent at once, then the app shows that commune’s places without asking twice', async () => {
    const asked: string[] = [];
    const onRequest = (r: { url: () => string }) => asked.push(decodeURIComponent(r.url().replace(baseUrl, '')));
    s.page.on('request', onRequest);
    const app = await holdApp();
    await s.page.goto(baseUrl);
    const field = s.page.getByRole('combobox', { name: 'Chercher une commune, un code postal ou un lieu' });
    await field.waitFor();
    expect(await s.page.locator('#root [role="status"]').textContent()).toBe('Chargement de la page…');
    expect(await axeViolations(s.page)).toEqual([]);
    await s.page.screenshot({ path: `${screenshotsDir}/premier-ecran.png` });
    await field.fill('Bobigny');
    await field.press('Enter');
    // Enter did not reload the page: the first script answered it, and asked for the suggestions.
    await expect.poll(() => asked.filter((u) => u.startsWith('/api/communes?q=Bobigny')).length, { timeout: 10_000 }).toBe(1);
    expect(new URL(s.page.url()).search).toBe('');

    await app.release();
    await expect.poll(() => new URL(s.page.url()).searchParams.get('commune'), { timeout: 30_000 }).toBe('Bobigny (93)');
    const places = () => s.page.locator('#place-list button.place').allTextContents(); // rendered or not
    await expect.poll(async () => (await places()).filter((t) => /Bobigny/.test(t)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.id), { timeout: 10_000 }).toBe('list-title');
    s.page.off('request', onRequest);

    // Each request once: the app took the first script's answers, and never drew all of France.
    const api = asked.filter((u) => u.startsWith('/api/'));
    expect(api.filter((u) => u.startsWith('/api/communes')).length).toBe(1);
    expect(api.filter((u) => u.startsWith('/api/lieux?q=')).length).toBe(1);
    expect(api.filter((u) => u.startsWith('/api/lieux?bbox=-5.5,41.2,9.8,51.3'))).toEqual([]);
    expect(api.filter((u) => u.startsWith('/api/lieux?bbox=')).length).toBe(1);
    expect(await axeViolations(s.page)).toEqual([]);
  });

  it('keeps the text and the place of the caret when the app replaces the field', async () => {
    const app = await holdApp();
    await s.page.goto(baseUrl);
    const field = s.page.getByRole('combobox', { name: 'Chercher une commune, un code postal ou un lieu' });
    await field.fill('Montreuil');
    await field.press('ArrowLeft');
    await field.press('ArrowLeft');
    await app.release();
    await s.page.locator('.find-bar-near').waitFor({ timeout: 30_000 });
    const state = await s.page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return { role: el?.getAttribute('role'), value: el?.value, caret: el?.selectionStart, early: Boolean(document.getElementById('early-search-input')) };
    });
    expect(state).toEqual({ role: 'combobox', value: 'Montreuil', caret: 7, early: false });
    await s.page.getByRole('option', { name: /^Montreuil \(93\)/ }).waitFor({ timeout: 15_000 });
    // The list waits for the choice instead of drawing all of France under the suggestions.
    expect(await s.page.locator('#list-title').textContent()).toBe('Choisissez une commune dans les suggestions. Ses lieux s’afficheront ici.');
    // Leaving the field without choosing brings the list back.
    await s.page.keyboard.press('Escape');
    await s.page.keyboard.press('Escape');
    await s.page.locator('#list-title', { hasText: /lieux dans cette zone/ }).waitFor({ timeout: 30_000 });
  });

  it('says so when the app’s code cannot come, instead of loading forever', async () => {
    await s.page.route(APP_CODE, (route) => route.abort('internetdisconnected'));
    try {
      await s.page.goto(baseUrl);
      await s.page.getByRole('alert').filter({ hasText: 'La page n’a pas pu se charger' }).waitFor({ timeout: 15_000 });
      expect(await s.page.locator('#shell-status').isHidden()).toBe(true);
      expect(await axeViolations(s.page)).toEqual([]);
    } finally {
      await s.page.unroute(APP_CODE);
    }
  });

  it('is the home page’s alone: other pages load without it', async () => {
    const home = await (await fetch(baseUrl + '/')).text();
    const place = await (await fetch(baseUrl + '/lieux/fs-1')).text();
    expect(home).toContain('id="early-search"');
    expect(place).not.toContain('early-search');
    // Both ask for the app from the start, in parallel with the first script.
    for (const html of [home, place]) expect(html).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/app-[^"]+\.js">/);
  });

  it('asked nothing outside its own origin', () => {
    expect(foreignRequests(s.requests, baseUrl)).toEqual([]);
  });
});
