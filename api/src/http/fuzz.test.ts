import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { realApp } from '../testing/real-db.ts';

const { app, db } = realApp();
afterAll(() => db.close());

const keys = fc.constantFrom('bbox', 'services', 'types', 'limit', 'offset', 'zoom', 'lang', 'near', 'ouvert', 'q', 'x', '');
const values = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.array(fc.double({ noNaN: false }), { maxLength: 5 }).map((a) => a.join(',')),
  fc.constantFrom('famille-allocations', "'; DROP TABLE lieux; --", '%', '%%', '\u0000', '😀', 'NaN', '-0', '1e308'),
  fc.constantFrom('2.44,48.91', '55.45,-20.88', 'maintenant', 'samedi', 'st etienne', '42000', '"*', 'NEAR(a b)', 'a OR b*'),
);
const query = fc.array(fc.tuple(keys, values), { maxLength: 5 });

describe('any query string', () => {
  it('gets a 2xx or a 4xx JSON answer, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/lieux', '/api/services', '/api/clusters', '/api/communes'), query, async (path, pairs) => {
        const qs = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        const res = await app.request(`${path}?${qs}`);
        expect(res.status).toBeLessThan(500);
        const body = (await res.json()) as { code?: string };
        if (res.status >= 400) expect(typeof body.code).toBe('string');
      }),
      { numRuns: 400 },
    );
  }, 120_000);
});
