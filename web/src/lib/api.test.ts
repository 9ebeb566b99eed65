import { describe, expect, it } from 'vitest';
import { ApiError, CODE_REPONSE_INVALIDE, erreurDepuisReponse, urlApi } from './api';

describe('errors from the API', () => {
  it("carry the API's code, message and status", async () => {
    const res = new Response(JSON.stringify({ code: 'lieu_introuvable', message: 'Ce lieu n’existe pas.' }), {
      status: 404,
      headers: { 'Content-Type': 'application/json' },
    });
    const erreur = await erreurDepuisReponse(res);
    expect(erreur).toBeInstanceOf(ApiError);
    expect(erreur).toMatchObject({ status: 404, code: 'lieu_introuvable', message: 'Ce lieu n’existe pas.' });
  });

  it('say the answer was unexpected when it is not the API’s JSON', async () => {
    const erreur = await erreurDepuisReponse(new Response('<html>Bad Gateway</html>', { status: 502 }));
    expect(erreur).toMatchObject({ status: 502, code: CODE_REPONSE_INVALIDE, message: '' });
  });
});

describe('API URLs', () => {
  it('keep commas readable and leave out empty parameters', () => {
    expect(urlApi('api/lieux', { bbox: '-5.5,41.2,9.8,51.3', services: '', types: undefined, limit: 50 })).toBe(
      '/api/lieux?bbox=-5.5,41.2,9.8,51.3&limit=50',
    );
  });

  it('encode what would break the query string', () => {
    expect(urlApi('api/x', { q: 'a&b=c' })).toBe('/api/x?q=a%26b%3Dc');
  });
});
