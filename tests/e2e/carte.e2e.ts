import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, foreignRequests, openSession, screenshotsDir, type Session } from './browser.ts';

const baseUrl = inject('baseUrl');
const COUNT = /(\d[\d\s\u202f]*) lieux? dans cette zone|Aucun lieu dans cette zone/;

let s: Session;
beforeAll(async () => {
  s = await openSession();
});
afterAll(async () => {
  await s?.close();
});

const countHeading = () => s.page.getByRole('heading', { name: COUNT });
const readCount = async () => {
  const text = (await countHeading().textContent()) ?? '';
  const m = text.match(/(\d[\d\s\u202f]*)/);
  return m ? Number(m[1]!.replace(/\D/g, '')) : 0;
};

/**
 * Distinct colours in a screenshot of the map canvas alone (controls and messages hidden): a blank
 * or failed WebGL canvas has one or two; the drawn basemap has land, sea, borders and labels.
 */
async function mapColours() {
  // Hidden through the CSSOM: Playwright's `style` option adds a <style> element, which the
  // app's policy (no inline style) rightly refuses.
  const overlays = (visibility: string) =>
    s.page.evaluate((v) => {
      for (const e of document.querySelectorAll<HTMLElement>('.maplibregl-control-container, .map-message')) e.style.visibility = v;
    }, visibility);
  await overlays('hidden');
  const png = PNG.sync.read(await s.page.locator('.maplibregl-canvas').screenshot());
  await overlays('');
  const colours = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4 * 7) {
    colours.add((png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!);
  }
  return colours.size;
}

describe('the map of help places', () => {
  it('shows the list of places in view and a drawn map, asking nothing outside its origin', async () => {
    await s.page.goto(baseUrl);
    await expect.poll(readCount, { timeout: 30_000 }).toBeGreaterThan(1000);
    await s.page.locator('.maplibregl-canvas').waitFor({ timeout: 30_000 });
    // The loading message goes once MapLibre has loaded the style and its first tiles.
    await s.page.locator('.map-message-overlay').waitFor({ state: 'detached', timeout: 60_000 });
    await s.page.waitForLoadState('networkidle');
    await expect.poll(mapColours, { timeout: 30_000 }).toBeGreaterThan(20);
    await s.page.screenshot({ path: `${screenshotsDir}/accueil.png` });
    expect(await s.page.getByRole('listitem').count()).toBeGreaterThan(10);
    expect(foreignRequests(s.requests, baseUrl)).toEqual([]);
  });

  it('has no axe-core violation (WCAG 2.1 A and AA)', async () => {
    expect(await axeViolations(s.page)).toEqual([]);
  });

  it('narrows the list and the map when a service is ticked', async () => {
    const before = await readCount();
    const clustersBefore = s.requests.filter((u) => u.includes('/api/clusters')).length;
    await s.page.getByRole('checkbox', { name: /Famille et allocations/ }).check();
    await expect.poll(readCount, { timeout: 15_000 }).toBeLessThan(before);
    const after = await readCount();
    expect(after).toBeGreaterThan(0);
    // The map asked for the same filter.
    await expect
      .poll(() => s.requests.slice(clustersBefore).some((u) => u.includes('/api/clusters') && u.includes('famille-allocations')))
      .toBe(true);
    expect(new URL(s.page.url()).search).toContain('famille-allocations');
    await s.page.screenshot({ path: `${screenshotsDir}/filtre-famille.png` });
    await s.page.getByRole('checkbox', { name: /Famille et allocations/ }).uncheck();
    await expect.poll(readCount).toBe(before);
  });

  it('opens a place from the list with the keyboard alone, and closes it back to the list', async () => {
    await s.page.goto(baseUrl);
    await expect.poll(readCount, { timeout: 30_000 }).toBeGreaterThan(0);
    await s.page.keyboard.press('Tab');
    const skip = s.page.getByRole('link', { name: /Aller à la liste des lieux/ });
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await s.page.keyboard.press('Enter');
    // The first Tab after the skip link lands in the list, on the first place.
    await s.page.keyboard.press('Tab');
    const focusedName = await s.page.evaluate(() => document.activeElement?.textContent ?? '');
    const inList = await s.page.evaluate(() => Boolean(document.activeElement?.closest('#place-list')));
    expect(inList).toBe(true);
    await s.page.keyboard.press('Enter');
    const detail = s.page.getByRole('heading', { level: 2 }).filter({ hasText: focusedName.split('\n')[0]!.trim().slice(0, 20) });
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.tagName)).toMatch(/^H[1-6]$/);
    expect(await detail.count()).toBeGreaterThan(0);
    await s.page.getByText(/Source|Sources/).first().waitFor();
    await s.page.screenshot({ path: `${screenshotsDir}/fiche-lieu.png` });
    expect(await axeViolations(s.page)).toEqual([]);
    await s.page.keyboard.press('Escape');
    await expect
      // Back to the list: the item that opened the place, or the list's heading when the map moved
      // and the list re-rendered meanwhile.
      .poll(() => s.page.evaluate(() => Boolean(document.activeElement?.closest('#place-list, #list-title'))))
      .toBe(true);
  });
});
