import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot, TEST_NOW } from '../support/server.ts';

// Debian's Chromium; the flags keep it from calling home (the machine has no network) and let it
// render WebGL in software.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const screenshotsDir = join(repoRoot, 'tests', 'artifacts', 'screenshots');

export type Session = {
  context: BrowserContext;
  page: Page;
  requests: string[];
  /** What the Content-Security-Policy refused: the app must never need anything it forbids. */
  policyRefusals: string[];
  /** Closes the browser; fails if the policy refused anything during the session. */
  close: () => Promise<void>;
};

/**
 * A fresh profile per session, recording every URL the page asks for and every refusal of the
 * Content-Security-Policy, which Chromium reports on the console of the page concerned.
 */
export async function openSession(options: Parameters<typeof chromium.launchPersistentContext>[1] = {}): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'reperes-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'fr-FR',
    ...options,
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const policyRefusals: string[] = [];
  context.on('console', (m) => {
    if (!m.text().includes('Content Security Policy')) return;
    const at = m.location();
    policyRefusals.push(`${m.page()?.url() ?? ''} (${at.url}:${at.lineNumber}:${at.columnNumber}) : ${m.text()}`);
  });
  // The page's clock agrees with the server's (see TEST_NOW): "Ferme dans 20 min" is relative.
  await context.clock.setFixedTime(new Date(TEST_NOW));
  const page = context.pages()[0] ?? (await context.newPage());
  mkdirSync(screenshotsDir, { recursive: true });
  return {
    context,
    page,
    requests,
    policyRefusals,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (policyRefusals.length > 0) throw new Error(`La politique de sécurité a refusé :\n${policyRefusals.join('\n')}`);
    },
  };
}

/** Requests that left the app's origin (data: and blob: URLs stay in the page). */
export const foreignRequests = (requests: string[], baseUrl: string) =>
  requests.filter((u) => !u.startsWith(baseUrl + '/') && u !== baseUrl && !u.startsWith('data:') && !u.startsWith('blob:'));

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core on the page as it is now; returns the violations, summarised for a readable failure. */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
}
