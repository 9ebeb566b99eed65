import { describe, expect, it } from 'vitest';
import { buildCommunesTable } from './communes-table.ts';

const commune = (code: string, nom: string, departement: string, cps: string, lat = '', lon = '') => ({
  code_insee: code, nom, departement, departement_nom: `Dép. ${departement}`, codes_postaux: cps, population: '100',
  latitude: lat, longitude: lon,
});

describe('the communes table', () => {
  const table = buildCommunesTable(
    [
      commune('76540', 'Rouen', '76', '76000 76100', '49.44', '1.10'),
      commune('76001', 'Allouville', '76', '76190', '49.60', '0.70'),
      commune('76095', 'Bihorel', '76', '76420'),
      commune('98735', 'Papeete', '987', '98714'),
    ],
    [{ code_postal: '76420', code_insee: '76095', nom_commune: 'Bihorel', libelle_acheminement: 'BIHOREL' }],
  );

  it('places a commune without a point at the centre of its département, and leaves out the rest', () => {
    expect(table.rows.map((r) => r.codeInsee)).toEqual(['76001', '76095', '76540']);
    expect(table.rows.find((r) => r.codeInsee === '76095')).toMatchObject({
      precision: 'departement', latitude: 49.52, longitude: 0.9, codesPostaux: ['76420'],
    });
    expect(table.atDepartementCentre).toBe(1);
    expect(table.leftOut).toBe(1);
  });

});
