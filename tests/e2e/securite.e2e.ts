import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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
  it('sends a Content-Security-Policy allowing only the app’s own origin, with no inline script or style', async () => {
    for (const path of ['/', '/api/lieux?limit=1', '/api/docs']) {
      const res = await fetch(baseUrl + path);
      const csp = res.headers.get('content-security-policy') ?? '';
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
      expect(directives.get('default-src'), path).toEqual(["'self'"]);
      expect(directives.get('script-src'), path).toEqual(["'self'"]);
      expect(directives.get('style-src'), path).toEqual(["'self'"]);
      expect(directives.get('object-src'), path).toEqual(["'none'"]);
      expect(directives.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(csp, path).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
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
