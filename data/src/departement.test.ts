import { describe, expect, it } from 'vitest';
import { readCsv } from './csv.ts';
import { departementOf, departementOfInsee, departementOfPostcode } from './departement.ts';

describe('the département of a code', () => {
  it('reads INSEE codes of mainland, Corsica, overseas départements and collectivities', () => {
    expect(departementOfInsee('93008')).toBe('93');
    expect(departementOfInsee('2A004')).toBe('2A');
    expect(departementOfInsee('2B033')).toBe('2B');
    expect(departementOfInsee('97302')).toBe('973');
    expect(departementOfInsee('98735')).toBe('987');
  });

  it('reads postcodes, Corsica and 98x included, and refuses what is not one', () => {
    expect(departementOfPostcode('93000')).toBe('93');
    expect(departementOfPostcode('20000')).toBe('2A');
    expect(departementOfPostcode('20200')).toBe('2B');
    expect(departementOfPostcode('97300')).toBe('973');
    expect(departementOfPostcode('98714')).toBe('987');
    expect(departementOfPostcode('9300')).toBeNull();
    expect(departementOfPostcode(null)).toBeNull();
  });

  it('prefers the INSEE code to the postcode', () => {
    expect(departementOf('12067', '34260')).toBe('12');
    expect(departementOf(null, '34260')).toBe('34');
  });

  it('gives every Corsican and overseas postcode of La Poste’s base its commune’s département', () => {
    const wrong = readCsv('sources/communes/codes-postaux.csv.gz')
      .filter((r) => /^(20|97|98)/.test(r.code_postal!))
      .filter((r) => departementOfPostcode(r.code_postal!) !== departementOfInsee(r.code_insee!));
    expect(wrong).toEqual([]);
  });
});
