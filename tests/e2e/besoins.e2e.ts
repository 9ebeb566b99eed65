import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, foreignRequests, openSession, screenshotsDir, type Session } from './browser.ts';

const baseUrl = inject('baseUrl');
// Near Bobigny's town hall.
const BOBIGNY = { latitude: 48.9086, longitude: 2.4397 };

let s: Session;
beforeAll(async () => {
  s = await openSession({ permissions: ['geolocation'], geolocation: BOBIGNY });
});
afterAll(async () => {
  await s?.close();
});

const focused = () =>
  s.page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      text: el?.textContent?.trim() ?? '',
      tag: el?.tagName ?? '',
      outline: el ? getComputedStyle(el).outlineStyle : 'none',
      focusVisible: el?.matches(':focus-visible') ?? false,
    };
  });

/** Tabs until the focused element's text matches, failing if it takes too long (a trap or a missing target). */
async function tabTo(text: RegExp, max = 40) {
  for (let i = 0; i < max; i++) {
    await s.page.keyboard.press('Tab');
    const f = await focused();
    if (/^(A|BUTTON|INPUT|SELECT)$/.test(f.tag) && text.test(f.text)) return f;
  }
  throw new Error(`${text} not reached with Tab`);
}

async function tabToSearchField(max = 20) {
  for (let i = 0; i < max; i++) {
    await s.page.keyboard.press('Tab');
    if (await s.page.evaluate(() => document.activeElement?.getAttribute('role') === 'combobox')) return;
  }
  throw new Error('search field not reached with Tab');
}

const heading = async () => (await s.page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';

/** The distances the list shows; a place known only by its commune says so instead ("dans la commune de …"). */
const distanceTexts = () => s.page.locator('#place-list .place-distance').allTextContents();
const distances = async () =>
  (await distanceTexts())
    .filter((t) => !t.includes('dans la commune de '))
    .map((t) => {
      const m = /à ([\d,]+) (k?m)/.exec(t);
      return m ? Number(m[1]!.replace(',', '.')) * (m[2] === 'km' ? 1000 : 1) : NaN;
    });

describe('"what do you need?" in plain words, then the places nearby, in two screens', () => {
  it('reaches family-benefit places in Bobigny in two screens, with the keyboard alone', async () => {
    await s.page.goto(`${baseUrl}/besoins`);
    await s.page.getByRole('heading', { level: 1, name: 'De quoi avez-vous besoin ?' }).waitFor({ timeout: 30_000 });
    // Every screen the person goes through on the way to the results, by its question.
    const screens = [await heading()];
    expect(await axeViolations(s.page)).toEqual([]);
    await s.page.screenshot({ path: `${screenshotsDir}/besoins.png`, fullPage: true });

    const toggle = await tabTo(/Faire une démarche/);
    expect(toggle.focusVisible).toBe(true);
    expect(toggle.outline).toBe('solid');
    const formalities = s.page.getByRole('button', { name: /Faire une démarche/ });
    expect(await formalities.getAttribute('aria-expanded')).toBe('false');
    await s.page.keyboard.press('Enter');
    // The formalities unfold on the same screen; focus stays on the choice that opened them.
    expect(await formalities.getAttribute('aria-expanded')).toBe('true');
    expect((await focused()).text).toMatch(/Faire une démarche/);
    screens.push(await heading());
    await s.page.screenshot({ path: `${screenshotsDir}/besoins-demarches.png`, fullPage: true });
    expect(await axeViolations(s.page)).toEqual([]);

    await tabTo(/^CAF, famille, allocations$/);
    await s.page.keyboard.press('Enter');
    await s.page.getByRole('heading', { level: 1, name: 'Où cherchez-vous ?' }).waitFor();
    expect((await focused()).tag).toBe('H1');
    screens.push(await heading());
    expect(await s.page.getByText('Vous cherchez : CAF, famille, allocations').count()).toBe(1);
    expect(await axeViolations(s.page)).toEqual([]);

    await tabToSearchField();
    await s.page.keyboard.type('Bobigny');
    await s.page.getByRole('option', { name: /^Bobigny \(93\)/ }).waitFor({ timeout: 15_000 });
    await s.page.keyboard.press('Enter');

    expect([...new Set(screens)]).toEqual(['De quoi avez-vous besoin ?', 'Où cherchez-vous ?']);
    await expect.poll(() => new URL(s.page.url()).pathname, { timeout: 15_000 }).toBe('/');
    const url = new URL(s.page.url());
    expect(url.searchParams.get('services')).toBe('famille-allocations');
    expect(url.searchParams.get('commune')).toBe('Bobigny (93)');
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.id), { timeout: 15_000 }).toBe('list-title');
    const places = () => s.page.locator('#place-list button.place').allTextContents(); // rendered or not
    await expect.poll(async () => (await places()).filter((t) => /Bobigny/.test(t)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    // Placed: every result is in Seine-Saint-Denis, around Bobigny.
    expect((await places()).every((t) => /\b93\d{3}\b/.test(t))).toBe(true);
    await s.page.screenshot({ path: `${screenshotsDir}/besoins-bobigny.png` });
    expect(await axeViolations(s.page)).toEqual([]);
  });

  it('leads from another need to places near me, sorted by distance, in two screens', async () => {
    await s.page.goto(`${baseUrl}/besoins`);
    await s.page.getByRole('heading', { level: 1, name: 'De quoi avez-vous besoin ?' }).waitFor({ timeout: 30_000 });
    const screens = [await heading()];
    await tabTo(/Apprendre à me servir d’un ordinateur/);
    await s.page.keyboard.press('Enter');
    await s.page.getByRole('heading', { level: 1, name: 'Où cherchez-vous ?' }).waitFor();
    screens.push(await heading());
    await tabTo(/Autour de moi/);
    await s.page.keyboard.press('Enter');
    expect(screens).toEqual(['De quoi avez-vous besoin ?', 'Où cherchez-vous ?']);

    await expect
      .poll(() => new URL(s.page.url()).searchParams.get('services'), { timeout: 15_000 })
      .toBe('maitrise-des-outils-numeriques-du-quotidien');
    expect(new URL(s.page.url()).searchParams.get('pres')).toBe('2.44,48.909');
    await s.page.locator('#list-title', { hasText: 'Lieux autour de vous' }).waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await distances()).length, { timeout: 15_000 }).toBeGreaterThan(3);
    expect((await distanceTexts()).every((t) => /à [\d,]+ k?m|dans la commune de \S/.test(t))).toBe(true);
    const d = await distances();
    expect(d.every(Number.isFinite)).toBe(true);
    expect(d).toEqual([...d].sort((a, b) => a - b));
    expect(d[0]).toBeLessThan(5000);
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.id)).toBe('list-title');
    await s.page.screenshot({ path: `${screenshotsDir}/besoins-resultats.png` });
    expect(await axeViolations(s.page)).toEqual([]);
  });

  it('goes on with the keyboard from the results to the full page of a place', async () => {
    // From the results heading, the next Tab reaches the first place.
    await s.page.keyboard.press('Tab');
    expect(await s.page.evaluate(() => Boolean(document.activeElement?.closest('#place-list')))).toBe(true);
    await s.page.keyboard.press('Enter');
    // The panel's details have arrived (a screen reader user hears them before moving on).
    await s.page.getByRole('link', { name: 'Voir la fiche complète' }).waitFor({ timeout: 15_000 });
    const link = await tabTo(/Voir la fiche complète/, 15);
    expect(link.focusVisible).toBe(true);
    await s.page.keyboard.press('Enter');
    await expect.poll(() => new URL(s.page.url()).pathname).toMatch(/^\/lieux\//);
    await s.page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    // No trap: Tab keeps moving through the page and out to the footer.
    await tabTo(/Accessibilité/, 60);
  });

  it('asked nothing outside its own origin', () => {
    expect(foreignRequests(s.requests, baseUrl)).toEqual([]);
  });
});

describe('when the position is refused', () => {
  let refused: Session;
  beforeAll(async () => {
    refused = await openSession();
  });
  afterAll(async () => {
    await refused?.close();
  });

  it('says so plainly and suggests searching a commune instead', async () => {
    await refused.page.goto(baseUrl);
    await refused.page.getByRole('button', { name: 'Autour de moi' }).click();
    await refused.page
      .getByRole('alert')
      .filter({ hasText: 'Vous avez refusé la localisation. Vous pouvez chercher une commune à la place.' })
      .waitFor({ timeout: 15_000 });
    expect(new URL(refused.page.url()).searchParams.get('pres')).toBeNull();
    expect(await axeViolations(refused.page)).toEqual([]);
  });
});
