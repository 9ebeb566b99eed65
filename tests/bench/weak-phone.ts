/**
 * `npm run bench:phone`: a cheap phone on a weak connection looks for help
 * in Bobigny. Headless Chromium throttled through the DevTools protocol (400 kbit/s each way,
 * 400 ms latency, CPU 4× slower, 360 × 740 screen, fresh profile), timed from navigation to the
 * first list of at least 3 places in Bobigny after typing "Bobigny" and choosing the suggestion,
 * with the bytes received until then. Run twice: cold (HTTP cache disabled, no service worker),
 * then warm (same profile, the service worker installed by the first visit). Prints each run's
 * requests (when, how many bytes) and writes the totals to tests/artifacts/weak-phone.json.
 * In the warm run the worker's own fetches escape the page's throttling and are not counted.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession } from 'playwright-core';
import { repoRoot, startServer } from '../support/server.ts';

const NETWORK = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const CPU_SLOWDOWN = 4;
const TARGET_MS = 4000;
const TARGET_BYTES = 140 * 1024;

/** One request of the journey, in ms from navigation: where the seconds and bytes go. */
type Request = { url: string; start: number; end: number; bytes: number; fromServiceWorker: boolean };
type Run = { label: string; ms: number; bytes: number; requests: number; effectiveType: string; waterfall: Request[]; steps: Steps };

/** When each step of the journey showed on the page, in ms from navigation (the page's own clock). */
type Steps = Record<'field' | 'app' | 'suggestion' | 'list', number | null>;

// Runs in the page before its own scripts: notes when each step first shows. A string, since
// tsx would wrap the functions of a TypeScript one in helpers the page does not have.
const STEP_WATCHER = `{
  const steps = {};
  const seen = [
    ['field', () => document.querySelector('[role="combobox"]') !== null],
    ['app', () => document.querySelector('.find-bar-near') !== null],
    ['suggestion', () => [...document.querySelectorAll('[role="listbox"] [role="option"]')].some((o) => /^Bobigny \\(93\\)/.test(o.textContent ?? ''))],
    ['list', () => [...document.querySelectorAll('#place-list button.place')].filter((b) => /Bobigny/.test(b.textContent ?? '')).length >= 3],
  ];
  const check = () => {
    for (const [name, shown] of seen) if (!(name in steps) && shown()) steps[name] = Math.round(performance.now());
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  window.__steps = steps;
}`;

// Read by `npm run bench` (run.ts), which starts this file as a child process.
const RESULT_FILE = join(repoRoot, 'tests', 'artifacts', 'weak-phone.json');

async function throttle(cdp: CDPSession, cacheDisabled: boolean) {
  await cdp.send('Network.enable');
  // Cold means no service worker either: one installed mid-run would answer from outside the
  // throttled page, and its bytes would not be counted.
  await cdp.send('Network.setBypassServiceWorker', { bypass: cacheDisabled });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

async function searchBobigny(context: BrowserContext, baseUrl: string, label: string, cold: boolean): Promise<Run> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await throttle(cdp, cold);
  const pending = new Map<string, { url: string; start: number; fromServiceWorker: boolean }>();
  const finished: Request[] = [];
  let origin = 0;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!origin) origin = e.timestamp;
    pending.set(e.requestId, { url: e.request.url, start: e.timestamp, fromServiceWorker: false });
  });
  cdp.on('Network.responseReceived', (e) => {
    const request = pending.get(e.requestId);
    if (request) request.fromServiceWorker = e.response.fromServiceWorker ?? false;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const request = pending.get(e.requestId);
    if (!request) return;
    finished.push({
      url: request.url.replace(baseUrl, ''),
      start: (request.start - origin) * 1000,
      end: (e.timestamp - origin) * 1000,
      bytes: e.encodedDataLength,
      fromServiceWorker: request.fromServiceWorker,
    });
  });

  await page.addInitScript({ content: STEP_WATCHER });
  const started = performance.now();
  await page.goto(baseUrl, { waitUntil: 'commit' });
  const search = page.getByRole('combobox', { name: /Chercher une commune/ });
  await search.fill('Bobigny', { timeout: 60_000 });
  // A plain DOM check, every frame: Playwright's role locators compute accessible names across
  // the page, which under a 4× slower CPU would take the page's time and poll less often.
  await page.waitForFunction(
    () => [...document.querySelectorAll('[role="listbox"] [role="option"]')].some((o) => /^Bobigny \(93\)/.test(o.textContent ?? '')),
    undefined,
    { timeout: 60_000, polling: 'raf' },
  );
  await search.press('Enter');
  await page.waitForFunction(
    () => [...document.querySelectorAll('#place-list button.place')].filter((b) => /Bobigny/.test(b.textContent ?? '')).length >= 3,
    undefined,
    { timeout: 60_000, polling: 50 },
  );
  const ms = performance.now() - started;
  const waterfall = [...finished].sort((a, b) => a.start - b.start);
  const bytes = waterfall.reduce((sum, r) => sum + r.bytes, 0);
  const seen = await page.evaluate(() => (window as unknown as { __steps: Record<string, number> }).__steps);
  const steps: Steps = { field: seen.field ?? null, app: seen.app ?? null, suggestion: seen.suggestion ?? null, list: seen.list ?? null };
  const effectiveType = await page.evaluate(
    () => (navigator as Navigator & { connection?: { effectiveType?: string } }).connection?.effectiveType ?? '?',
  );
  // Let the service worker finish installing before the warm run.
  if (cold) await page.evaluate(() => navigator.serviceWorker?.ready).catch(() => undefined);
  await page.waitForTimeout(cold ? 8000 : 0);
  await page.close();
  return { label, ms, bytes, requests: waterfall.length, effectiveType, waterfall, steps };
}

const server = await startServer();
const profile = mkdtempSync(join(tmpdir(), 'reperes-phone-'));
try {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
  });
  const runs = [
    await searchBobigny(context, server.url, 'cold (no cache, no service worker)', true),
    await searchBobigny(context, server.url, 'warm (service worker installed)', false),
  ];
  await context.close();
  console.log('\nWeak phone: 400 kbit/s up and down, 400 ms latency, CPU ×4, 360 × 740');
  console.log('Search "Bobigny" → choose "Bobigny (93)" → at least 3 places in Bobigny listed\n');
  for (const r of runs) {
    console.log(
      `${r.label.padEnd(38)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  ${(r.bytes / 1024).toFixed(1).padStart(7)} KB  ${String(r.requests).padStart(3)} requests  (effectiveType ${r.effectiveType})`,
    );
  }
  for (const r of runs) {
    const at = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(2)} s`);
    console.log(`\n${r.label}: search field ${at(r.steps.field)}, app ${at(r.steps.app)}, suggestion ${at(r.steps.suggestion)}, list ${at(r.steps.list)} (page clock)`);
  }
  for (const r of runs) {
    const mapFiles = r.waterfall.filter((q) => /\/assets\/(MapView|basemap|maplibre)|\/basemap\//.test(q.url)).length;
    console.log(`\n${r.label}: requests finished before the list was shown (map files among them: ${mapFiles})`);
    for (const q of r.waterfall) {
      const where = q.fromServiceWorker ? ' (service worker)' : '';
      console.log(
        `  ${q.start.toFixed(0).padStart(5)} → ${q.end.toFixed(0).padStart(5)} ms ${(q.bytes / 1024).toFixed(1).padStart(6)} KB  ${q.url.slice(0, 90)}${where}`,
      );
    }
  }
  const cold = runs[0]!;
  const warm = runs[1]!;
  const summary = (r: Run) => ({ ms: Math.round(r.ms), bytes: r.bytes, requests: r.requests, steps: r.steps });
  mkdirSync(join(repoRoot, 'tests', 'artifacts'), { recursive: true });
  writeFileSync(RESULT_FILE, JSON.stringify({ cold: summary(cold), warm: summary(warm) }, null, 2) + '\n');
  console.log(`\nAim for the cold run: under ${TARGET_MS / 1000} s and ${TARGET_BYTES / 1024} KB → ${cold.ms < TARGET_MS && cold.bytes < TARGET_BYTES ? 'met' : 'not met'}`);
} finally {
  await server.stop();
  rmSync(profile, { recursive: true, force: true });
}
