import { afterAll, describe, expect, it } from 'vitest';
import { getJson, realApp } from '../../testing/real-db.ts';
import { matchExpression } from './communes.queries.ts';

const { app, db } = realApp();
afterAll(() => db.close());

const search = async (q: string, more = '') => getJson(app, `/api/communes?q=${encodeURIComponent(q)}${more}`);

describe('GET /api/communes', () => {
  it.each(['st etienne', 'saint-étienne', 'SAINT ETIENNE', 'St-Étienne', 'saint etien'])(
    'puts Saint-Étienne (42) first for “%s”',
    async (q) => {
      const { status, body } = await search(q);
      expect(status).toBe(200);
      expect(body.items[0]).toMatchObject({ code_insee: '42218', nom: 'Saint-Étienne', departement: '42', departement_nom: 'Loire' });
    },
  );

  it('tells the homonyms apart by their département', async () => {
    const { body } = await search('saint-denis');
    const exact = body.items.filter((c: { nom: string }) => c.nom === 'Saint-Denis');
    expect(exact.map((c: { departement: string }) => c.departement)).toEqual(expect.arrayContaining(['93', '974']));
    expect(exact.find((c: { departement: string }) => c.departement === '974').departement_nom).toBe('La Réunion');
    // Exact names come before longer ones such as Saint-Denis-en-Val.
    expect(body.items.slice(0, exact.length).every((c: { nom: string }) => c.nom === 'Saint-Denis')).toBe(true);
  });

  it('finds a commune by its postcode, and by the start of a postcode', async () => {
    const full = await search('42000');
    expect(full.body.items[0]).toMatchObject({ nom: 'Saint-Étienne', codes_postaux: expect.arrayContaining(['42000']) });
    const prefix = await search('931');
    expect(prefix.body.items.length).toBeGreaterThan(5);
    for (const c of prefix.body.items) expect(c.codes_postaux.some((cp: string) => cp.startsWith('931'))).toBe(true);
  });

  it('returns everything the map needs to move there', async () => {
    const { body } = await search('bobigny');
    expect(body.items[0]).toEqual({
      code_insee: '93008', nom: 'Bobigny', departement: '93', departement_nom: 'Seine-Saint-Denis', codes_postaux: ['93000'],
      latitude: expect.closeTo(48.91, 1), longitude: expect.closeTo(2.44, 1), population: expect.any(Number), bbox: null,
    });
  });

  it('ignores hyphens and apostrophes', async () => {
    const { body } = await search('l hay les roses');
    expect(body.items[0].nom).toBe('L’Haÿ-les-Roses'.replace('’', "'"));
  });

  it('gives a commune without a point of its own the centre of its département', async () => {
    const { body } = await search('bihorel');
    expect(body.items[0]).toMatchObject({ code_insee: '76095', departement: '76' });
    expect(body.items[0].latitude).toBeGreaterThan(49);
  });

  it('returns at most `limit` suggestions', async () => {
    const { body } = await search('saint', '&limit=3');
    expect(body.items).toHaveLength(3);
  });

  it.each(['a', '😀', '"', '*', 'NEAR(', "' OR 1=1", '-', '()', 'x AND y OR', 'e"*', '\u0000'])(
    'answers 200 with an empty or harmless list, never an error, for %j',
    async (q) => {
      const { status, body } = await search(q);
      expect(status).toBe(200);
      expect(Array.isArray(body.items)).toBe(true);
    },
  );

  it.each([
    ['q=' + 'x'.repeat(101), 'recherche_trop_longue'],
    ['q=' + 'é'.repeat(500), 'recherche_trop_longue'],
    ['', 'recherche_manquante'],
    ['q=paris&limit=21', 'limit_communes_invalide'],
    ['q=paris&bbox=1,2,3,4', 'parametre_inconnu'],
  ])('answers 400 with a French message for %s', async (query, code) => {
    const { status, body } = await getJson(app, `/api/communes?${query}`);
    expect(status).toBe(400);
    expect(body.code).toBe(code);
    expect(body.message).toMatch(/[a-zé]{3,}/);
  });
});

describe('the full-text expression', () => {
  it('quotes every word and reads “st” as “saint” too', () => {
    expect(matchExpression('St-Étienne "*')).toEqual({ match: '("st"* OR "saint") AND ("etienne"*)', exact: 'saint etienne' });
    expect(matchExpression('😀 ()')).toBeNull();
  });
});
