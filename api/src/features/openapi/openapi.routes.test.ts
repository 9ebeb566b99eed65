import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { lieuxQuery } from '../../contract/params.ts';
import { defaultDbPath, openDb } from '../../db/client.ts';
import { realApp } from '../../testing/real-db.ts';

const { app, db } = realApp();
afterAll(() => db.close());

const fromNetwork = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

describe('GET /api/openapi.json', () => {
  it('describes every public route in OpenAPI 3.1, with parameters taken from the routes’ own schemas', async () => {
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as any;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/lieux', '/api/lieux/{id}', '/api/services', '/api/clusters', '/api/export', '/api/imports']));
    const names = doc.paths['/api/lieux'].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(Object.keys(lieuxQuery.shape));
    const format = doc.paths['/api/export'].get.parameters.find((p: { name: string }) => p.name === 'format');
    expect(format).toMatchObject({ required: true, schema: { enum: ['lmn-csv', 'geojson', 'data-inclusion'] } });
    expect(doc.paths['/api/lieux'].get.responses['200'].content['application/json'].schema.properties.items.type).toBe('array');
    expect(doc.components.schemas.Erreur.required).toEqual(['code', 'message']);
  });
});

describe('GET /api/docs', () => {
  it('is a French page served by the app itself, without script or outside resource', async () => {
    const res = await app.request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('GET</span> <code>/api/lieux</code>');
    expect(html).toContain('Format des erreurs');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.etalab\.gouv\.fr)/);
  });
});

describe('public reads', () => {
  it('carry CORS for every origin, an ETag and a short public cache; the ETag gives a 304', async () => {
    const res = await app.request('/api/lieux?limit=2', { headers: { Origin: 'https://exemple.org' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const tag = res.headers.get('etag');
    expect(tag).toMatch(/^W\/"/);
    const again = await app.request('/api/lieux?limit=2', { headers: { 'If-None-Match': tag! } });
    expect(again.status).toBe(304);
  });

  it('leave the coordinators’ routes without CORS', async () => {
    for (const url of ['/api/auth/me', '/api/coordination/lieux']) {
      const res = await app.request(url, { headers: { Origin: 'https://exemple.org' } });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('answer 429 with a French message and Retry-After beyond the limit, per address', async () => {
    const previous = process.env.REPERES_RATE_LIMIT;
    process.env.REPERES_RATE_LIMIT = '3';
    const limited = createApp({ db: openDb(defaultDbPath(), { readonly: true }) });
    process.env.REPERES_RATE_LIMIT = previous;
    for (let i = 0; i < 3; i++) expect((await limited.request('/api/health', {}, fromNetwork('203.0.113.7'))).status).toBe(200);
    const refused = await limited.request('/api/health', {}, fromNetwork('203.0.113.7'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({ code: 'trop_de_requetes', message: expect.stringMatching(/^Trop de requêtes en peu de temps\. Attendez \d+ secondes, puis réessayez\.$/) });
    expect((await limited.request('/api/health', {}, fromNetwork('203.0.113.8'))).status).toBe(200);
  });
});
