import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, foreignRequests, openSession, screenshotsDir, type Session } from './browser.ts';

const baseUrl = inject('baseUrl');
// Typed on the sheet: it must print, and go nowhere else.
const NOTE = 'RDV mardi 10 h, apporter avis impot zq7391';
const ADD = /Ajouter à la fiche d.orientation/;

let s: Session;
let work: string;
const sent: { url: string; body: string | null }[] = [];
const names: string[] = [];
const ids: string[] = [];

beforeAll(async () => {
  s = await openSession();
  s.context.on('request', (r) => sent.push({ url: r.url(), body: r.postData() }));
  work = mkdtempSync(join(tmpdir(), 'reperes-fiche-'));
});
afterAll(async () => {
  await s?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const counter = () => s.page.getByRole('link', { name: /^Fiche d.orientation \(\d\)$/ });
const sheetPlaceNames = () => s.page.locator('.sheet .sheet-place h3').allTextContents();
const storages = () =>
  s.page.evaluate(() =>
    [localStorage, sessionStorage].flatMap((st) => Object.keys(st).map((k) => `${k}=${st.getItem(k)}`)),
  );

async function decodeQr(): Promise<string | null> {
  const png = PNG.sync.read(await s.page.locator('img.sheet-qr').screenshot({ path: `${screenshotsDir}/fiche-qr.png` }));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

describe('the orientation sheet', () => {
  it('adds three places from the list, by click and by keyboard, and keeps them after a reload', async () => {
    await s.page.goto(baseUrl);
    const items = s.page.locator('#place-list > li');
    await items.nth(3).waitFor({ timeout: 30_000 });
    for (const i of [0, 1, 2]) {
      const item = items.nth(i);
      names.push(oneLine((await item.locator('.place-name').textContent()) ?? ''));
      ids.push((await item.locator('button.place').getAttribute('data-place-id')) ?? '');
      const add = item.getByRole('button', { name: ADD });
      if (i === 1) {
        await add.focus();
        await s.page.keyboard.press('Enter');
      } else {
        await add.click();
      }
      await item.getByRole('button', { name: 'Retirer de la fiche' }).waitFor();
    }
    await expect.poll(() => counter().textContent()).toBe('Fiche d’orientation (3)');
    await s.page.reload();
    await expect.poll(() => counter().textContent(), { timeout: 15_000 }).toBe('Fiche d’orientation (3)');
    expect(await storages()).toContainEqual(expect.stringMatching(/^reperes\.fiche=/));
  });

  it('opens the sheet with the three places, and prints them all on A4 with the note', async () => {
    await counter().click();
    await s.page.waitForURL(/\/fiche\?lieux=/);
    await expect.poll(async () => (await sheetPlaceNames()).map(oneLine), { timeout: 15_000 }).toEqual(names);
    await s.page.getByLabel('Note pour la personne (facultatif)').fill(NOTE);
    await expect.poll(() => s.page.locator('.sheet-note').textContent()).toContain(NOTE);
    // The locator maps are drawn once, then kept as images: wait for them so that the PDF shows them.
    await expect.poll(() => s.page.locator('.sheet-map img').count(), { timeout: 45_000 }).toBe(3);

    await s.page.emulateMedia({ media: 'print' });
    expect(await s.page.getByRole('button', { name: 'Imprimer la fiche' }).isVisible()).toBe(false);
    const pdf = join(work, 'fiche.pdf');
    writeFileSync(pdf, await s.page.pdf({ format: 'A4' }));
    await s.page.emulateMedia({ media: 'screen' });
    const text = oneLine(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
    for (const name of names) expect(text).toContain(name);
    expect(text).toContain(NOTE);
    expect(text).toContain('www.cnil.fr');
    expect(text).toMatch(/Informations du \d\d\/\d\d\/\d{4}/);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, join(screenshotsDir, 'fiche-a4')]);
    expect(readFileSync(join(screenshotsDir, 'fiche-a4.png')).length).toBeGreaterThan(10_000);
  });

  it('shows a QR code that opens the same sheet, with only the places and options in it', async () => {
    await s.page.screenshot({ path: `${screenshotsDir}/fiche.png`, fullPage: true });
    const payload = await decodeQr();
    expect(payload).toBe(s.page.url());
    const url = new URL(payload!);
    expect(url.origin).toBe(baseUrl);
    expect([...url.searchParams.keys()].sort()).toEqual(['lang', 'lieux']);
  });

  it('never puts the note in a request, the address, the QR code, the share links or storage', async () => {
    const leaks = sent.filter((r) => r.url.includes('zq7391') || r.body?.includes('zq7391'));
    expect(leaks).toEqual([]);
    expect(s.page.url()).not.toContain('zq7391');
    expect(await decodeQr()).not.toContain('zq7391');
    const hrefs = await s.page.locator('.sheet-share a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBe(2);
    for (const href of hrefs) expect(decodeURIComponent(href)).not.toContain('zq7391');
    expect((await storages()).join('\n')).not.toContain('zq7391');
  });

  it('has no axe-core violation on the sheet (WCAG 2.1 A and AA)', async () => {
    expect(await axeViolations(s.page)).toEqual([]);
  });

  it('gives the sheet in English and in large print while the interface stays in French', async () => {
    await s.page.getByLabel('Langue de la fiche').selectOption('en');
    await s.page.getByLabel('Gros caractères').check();
    const sheet = s.page.locator('article.sheet');
    await expect.poll(() => sheet.getAttribute('lang')).toBe('en');
    await sheet.getByRole('heading', { name: 'Where to go for help' }).waitFor();
    expect(await s.page.getByRole('heading', { level: 1 }).textContent()).toBe('Fiche d’orientation');
    const url = new URL(s.page.url());
    expect([url.searchParams.get('lang'), url.searchParams.get('gros')]).toEqual(['en', '1']);
    expect(await decodeQr()).toBe(s.page.url());
    const size = (sel: string) => s.page.locator(sel).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(await size('.sheet')).toBeGreaterThanOrEqual(20);
  });

  it('reorders with the keyboard, and clears everything with one button', async () => {
    const sheetOrder = () => s.page.locator('.sheet .sheet-place').evaluateAll((els) => els.map((e) => e.getAttribute('data-place-id')));
    await s.page.locator('.sheet-selection li').first().getByRole('button', { name: /^Descendre « / }).focus();
    await s.page.keyboard.press('Enter');
    await expect.poll(sheetOrder).toEqual([ids[1], ids[0], ids[2]]);
    // Focus stays on the moved place, so pressing again moves it further.
    await s.page.keyboard.press('Enter');
    await expect.poll(sheetOrder).toEqual([ids[1], ids[2], ids[0]]);
    expect(new URL(s.page.url()).searchParams.get('lieux')).toBe([ids[1], ids[2], ids[0]].join(','));
    expect(await decodeQr()).toBe(s.page.url());
    expect(await storages()).toContainEqual('reperes.fiche=' + JSON.stringify([ids[1], ids[2], ids[0]]));

    await s.page.getByRole('button', { name: 'Effacer la fiche' }).click();
    await s.page.getByText('La fiche est effacée.').waitFor();
    expect(await s.page.locator('.sheet').count()).toBe(0);
    expect(await s.page.getByLabel('Note pour la personne (facultatif)').inputValue()).toBe('');
    expect(await storages()).not.toContainEqual(expect.stringMatching(/^reperes\.fiche=/));
  });

  it('says which places of a link could not be found, and shows the others', async () => {
    await s.page.goto(`${baseUrl}/fiche?lieux=${ids[0]},inconnu-1,inconnu-2,%3Cbad%3E`);
    await s.page.getByText('2 lieux n’ont pas été trouvés : inconnu-1, inconnu-2.').waitFor({ timeout: 15_000 });
    await s.page.getByText('Ce lien contient des identifiants illisibles, ignorés : <bad>.').waitFor();
    expect(await s.page.locator('.sheet .sheet-place').count()).toBe(1);
    expect(await axeViolations(s.page)).toEqual([]);
  });

  it('explains to helpers how to use the sheet, with official links only, and has no axe-core violation', async () => {
    await s.page.goto(`${baseUrl}/aidants`);
    await s.page.getByRole('heading', { level: 1, name: 'Pour les aidants' }).waitFor();
    const hrefs = await s.page.locator('main a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toEqual(
      expect.arrayContaining(['https://aidantsconnect.beta.gouv.fr/', 'https://www.lesbonsclics.fr/', 'https://www.cnil.fr/']),
    );
    expect(await axeViolations(s.page)).toEqual([]);
    await s.page.screenshot({ path: `${screenshotsDir}/aidants.png`, fullPage: true });
    await s.page.getByRole('link', { name: 'Voir sur la carte les lieux habilités Aidants Connect' }).click();
    await s.page.waitForURL(`${baseUrl}/?labels=aidants-connect`);
    const ticked = s.page.locator('input[name="labels"][value="aidants-connect"]');
    await ticked.waitFor({ state: 'attached', timeout: 15_000 });
    expect(await ticked.isChecked()).toBe(true);
    expect(foreignRequests(s.requests, baseUrl)).toEqual([]);
  });
});
