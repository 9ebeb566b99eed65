import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, INVALID_RESPONSE_CODE, NETWORK_ERROR_CODE, apiRequest, apiUrl } from './api';

const answer = (status: number, body: unknown) =>
  vi.stubGlobal('fetch', vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status })));

afterEach(() => vi.unstubAllGlobals());

describe('the one request function', () => {
  it('gives the JSON of a 2xx answer, and undefined for 204', async () => {
    answer(200, { total: 1 });
    expect(await apiRequest('/api/x')).toEqual({ total: 1 });
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 204 })));
    expect(await apiRequest('/api/x')).toBeUndefined();
  });

  it("turns a refusal into the API's error shape: code, message, fields and current", async () => {
    answer(409, { code: 'version_perimee', message: 'Modifié entre-temps.', current: { version: 3 } });
    await expect(apiRequest('/api/x')).rejects.toMatchObject({ status: 409, code: 'version_perimee', message: 'Modifié entre-temps.', current: { version: 3 }, fields: [] });
    answer(400, { code: 'champs_invalides', message: 'Vérifiez.', fields: [{ path: 'nom', message: 'Le nom est requis.' }, { path: 1 }] });
    const error = await apiRequest('/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, fields: [{ path: 'nom', message: 'Le nom est requis.' }], current: null });
  });

  it('says the answer was unexpected when it is not the API’s JSON', async () => {
    answer(502, '<html>Bad Gateway</html>');
    await expect(apiRequest('/api/x')).rejects.toMatchObject({ status: 502, code: INVALID_RESPONSE_CODE, message: '' });
    answer(200, '<html>portail captif</html>');
    await expect(apiRequest('/api/x')).rejects.toMatchObject({ status: 200, code: INVALID_RESPONSE_CODE });
  });

  it('says the network is down when no answer came', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(apiRequest('/api/x')).rejects.toMatchObject({ status: 0, code: NETWORK_ERROR_CODE });
  });
});

describe('API URLs', () => {
  it('keep commas readable and leave out empty parameters', () => {
    expect(apiUrl('api/lieux', { bbox: '-5.5,41.2,9.8,51.3', services: '', types: undefined, limit: 50 })).toBe(
      '/api/lieux?bbox=-5.5,41.2,9.8,51.3&limit=50',
    );
  });

  it('encode what would break the query string', () => {
    expect(apiUrl('api/x', { q: 'a&b=c' })).toBe('/api/x?q=a%26b%3Dc');
  });
});
