import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';
import { axeViolations, openSession, screenshotsDir, type Session } from './browser.ts';

// A server of its own, stopped halfway: the network really is gone, for the page and for its
// service worker alike (the browser's offline switch does not reach service workers).
let server: RunningServer;
let s: Session;
beforeAll(async () => {
  server = await startServer({ REPERES_DB: inject('dbPath') });
  s = await openSession();
});
afterAll(async () => {
  await s?.close();
  await server?.stop();
});

const listTitle = () => s.page.locator('#list-title');

describe('after a first visit, without a connection', () => {
  it('still opens the app and shows the last results viewed, saying when they were saved', async () => {
    await s.page.goto(`${server.url}/?zone=2.40,48.89,2.47,48.93`);
    await listTitle().filter({ hasText: /\d+ lieux? dans cette zone/ }).waitFor({ timeout: 30_000 });
    // The service worker is installed and controls the page.
    await s.page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => s.page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 15_000 }).toBe(true);
    // Seen once more while online, through the worker, so that the results are saved.
    await s.page.reload();
    await listTitle().filter({ hasText: /\d+ lieux? dans cette zone/ }).waitFor({ timeout: 30_000 });
    await s.page.locator('.maplibregl-canvas').waitFor({ timeout: 30_000 });
    await s.page.waitForLoadState('networkidle');
    const url = s.page.url();
    const online = await listTitle().textContent();

    await server.stop();
    await s.page.goto(url);
    await listTitle().filter({ hasText: online ?? '' }).waitFor({ timeout: 30_000 });
    await s.page
      .getByRole('status')
      .filter({ hasText: /^Résultats enregistrés le \d\d\/\d\d\/\d{4} à \d+ h( \d\d)? — vous êtes hors ligne\.$/ })
      .waitFor({ timeout: 15_000 });
    expect(await s.page.locator('#place-list button.place').count()).toBeGreaterThan(0);
    // The basemap too: its byte ranges were saved one by one.
    await s.page.locator('.maplibregl-canvas').waitFor({ timeout: 30_000 });
    expect(await s.page.getByText('La carte ne peut pas s’afficher').count()).toBe(0);
    await s.page.screenshot({ path: `${screenshotsDir}/hors-ligne.png` });
    expect(await axeViolations(s.page)).toEqual([]);
  });
});
