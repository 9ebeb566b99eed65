import { describe, expect, it } from 'vitest';
import { ApiError, INVALID_RESPONSE_CODE, apiUrl, errorFromResponse } from './api';

describe('errors from the API', () => {
  it("carry the API's code, message and status", async () => {
    const res = new Response(JSON.stringify({ code: 'lieu_introuvable', message: 'Ce lieu n’existe pas.' }), {
      status: 404,
      headers: { 'Content-Type': 'application/json' },
    });
    const error = await errorFromResponse(res);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'lieu_introuvable', message: 'Ce lieu n’existe pas.' });
  });

  it('say the answer was unexpected when it is not the API’s JSON', async () => {
    const error = await errorFromResponse(new Response('<html>Bad Gateway</html>', { status: 502 }));
    expect(error).toMatchObject({ status: 502, code: INVALID_RESPONSE_CODE, message: '' });
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
