import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/server.ts';
import { foreignRequests, openSession, type Session } from './browser.ts';

/**
 * One sweep of every page a visitor or a coordinator can open, with the real server's headers:
 * nothing may leave the app's origin, and the Content-Security-Policy (self only, no inline
 * script or style) must never have to refuse anything the app itself does.
 */
const baseUrl = inject('baseUrl');
const PAGES = [
  '/',
  '/?bbox=2.40,48.89,2.47,48.93&services=aide-aux-demarches-administratives',
  '/besoins',
  '/lieux/fs-1',
  '/lieux/inconnu-42',
  '/fiche?lieux=fs-1,bib-163',
  '/aidants',
  '/accessibilite',
  '/admin',
  '/admin/import',
  '/api/docs',
  '/page-qui-n-existe-pas',
];

let s: Session;

beforeAll(async () => {
  s = await openSession();
});
afterAll(() => s?.close());

describe('no third party, a strict policy', () => {
  const policy = async (path: string) => {
    const res = await fetch(baseUrl + path);
    expect(res.status, path).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp, path).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    return { res, directives: new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values])) };
  };

  it('sends pages and workers a Content-Security-Policy allowing only the app’s own origin, with no inline script or style', async () => {
    // MapLibre's worker, built beside the app.
    const worker = readdirSync(join(repoRoot, 'web', 'dist', 'assets')).find((f) => /^maplibre-gl-worker-.*\.mjs$/.test(f));
    expect(worker).toBeDefined();
    for (const path of ['/', '/lieux/fs-1', '/api/docs', '/sw.js', `/assets/${worker}`]) {
      const { res, directives } = await policy(path);
      expect(directives.get('default-src'), path).toEqual(["'self'"]);
      expect(directives.get('script-src'), path).toEqual(["'self'"]);
      expect(directives.get('style-src'), path).toEqual(["'self'"]);
      expect(directives.get('object-src'), path).toEqual(["'none'"]);
      expect(directives.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
    }
  });

  it('sends data, styles and scripts a policy that allows nothing, without the headers only pages read', async () => {
    const home = await (await fetch(baseUrl + '/')).text();
    const assets = [...home.matchAll(/\/assets\/[^"]+\.(?:js|css)/g)].map((m) => m[0]);
    for (const path of ['/api/lieux?limit=1', '/api/communes?q=bobigny', '/basemap/style.json', ...assets]) {
      const { res, directives } = await policy(path);
      expect([...directives], path).toEqual([['default-src', ["'none'"]], ['frame-ancestors', ["'none'"]]]);
      expect(res.headers.get('x-frame-options'), path).toBeNull();
      expect(res.headers.get('cross-origin-resource-policy'), path).toBe('same-origin');
    }
  });

  it('opens every page with the map drawn and no request leaving the origin, nothing refused by the policy', async () => {
    for (const path of PAGES) {
      await s.page.goto(baseUrl + path);
      await s.page.waitForLoadState('networkidle');
      if (path.startsWith('/?') || path === '/') await s.page.locator('.maplibregl-canvas').waitFor({ timeout: 30_000 });
    }
    expect(foreignRequests(s.requests, baseUrl)).toEqual([]);
    expect(s.policyRefusals).toEqual([]);
  });
});
