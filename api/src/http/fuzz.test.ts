import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { realApp } from '../testing/real-db.ts';

const { app, db } = realApp();
afterAll(() => db.close());

const keys = fc.constantFrom('bbox', 'services', 'types', 'limit', 'offset', 'zoom', 'lang', 'x', '');
const values = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.array(fc.double({ noNaN: false }), { maxLength: 5 }).map((a) => a.join(',')),
  fc.constantFrom('famille-allocations', "'; DROP TABLE lieux; --", '%', '%%', '\u0000', '😀', 'NaN', '-0', '1e308'),
);
const query = fc.array(fc.tuple(keys, values), { maxLength: 5 });

describe('any query string', () => {
  it('gets a 2xx or a 4xx JSON answer, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/lieux', '/api/services', '/api/clusters'), query, async (path, pairs) => {
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
