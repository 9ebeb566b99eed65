/**
 * `pnpm --filter @reperes/tests bench:phone`: a cheap phone on a weak connection looks for help
 * in Bobigny. Headless Chromium throttled through the DevTools protocol (400 kbit/s each way,
 * 400 ms latency, CPU 4× slower, 360 × 740 screen, fresh profile), timed from navigation to the
 * first list of at least 3 places in Bobigny after typing "Bobigny" and choosing the suggestion,
 * with the bytes received until then. Run twice: cold (HTTP cache disabled, no service worker),
 * then warm (same profile, the service worker installed by the first visit).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession } from 'playwright-core';
import { startServer } from '../support/server.ts';

const NETWORK = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const CPU_SLOWDOWN = 4;
const TARGET_MS = 4000;
const TARGET_BYTES = 140 * 1024;

type Run = { label: string; ms: number; bytes: number; requests: number; effectiveType: string };

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
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests += 1;
  });

  const started = performance.now();
  await page.goto(baseUrl, { waitUntil: 'commit' });
  const search = page.getByRole('combobox', { name: /Chercher une commune/ });
  await search.fill('Bobigny', { timeout: 60_000 });
  const option = page.getByRole('listbox').getByRole('option', { name: /^Bobigny \(93\)/ });
  await option.waitFor({ timeout: 60_000 });
  await search.press('Enter');
  await page.waitForFunction(
    () => [...document.querySelectorAll('#place-list button.place')].filter((b) => /Bobigny/.test(b.textContent ?? '')).length >= 3,
    undefined,
    { timeout: 60_000, polling: 50 },
  );
  const ms = performance.now() - started;
  const total = bytes;
  const effectiveType = await page.evaluate(
    () => (navigator as Navigator & { connection?: { effectiveType?: string } }).connection?.effectiveType ?? '?',
  );
  // Let the service worker finish installing before the warm run.
  if (cold) await page.evaluate(() => navigator.serviceWorker?.ready).catch(() => undefined);
  await page.waitForTimeout(cold ? 8000 : 0);
  await page.close();
  return { label, ms, bytes: total, requests, effectiveType };
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
  const cold = runs[0]!;
  console.log(`\nAim for the cold run: under ${TARGET_MS / 1000} s and ${TARGET_BYTES / 1024} KB → ${cold.ms < TARGET_MS && cold.bytes < TARGET_BYTES ? 'met' : 'not met'}`);
} finally {
  await server.stop();
  rmSync(profile, { recursive: true, force: true });
}
