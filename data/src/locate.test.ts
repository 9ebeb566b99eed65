import { beforeAll, describe, expect, it } from 'vitest';
import { Communes } from './communes.ts';
import { locate, REJECT_NO_POSITION, REJECT_OUTSIDE, REJECT_OUT_OF_SOURCE_AREA } from './locate.ts';

let communes: Communes;
beforeAll(() => {
  communes = Communes.load();
});

describe('where a row is shown', () => {
  it('keeps a building point that lies in its commune', () => {
    // France Services id_fs 1, Valserhône
    const r = locate(communes, { lat: '46.1060711578546', lon: '5.8260084241619', codeInsee: '01033', codePostal: '01200', commune: 'Valserhône', precision: 'adresse', territoire: 'tous' });
    expect(r).toMatchObject({ ok: true, precision: 'adresse', note: null, commune: { insee: '01033', departement: '01' } });
  });

  it('puts swapped coordinates back', () => {
    const r = locate(communes, { lat: '5.8260084241619', lon: '46.1060711578546', codePostal: '01200', commune: 'Valserhône', precision: 'adresse', territoire: 'tous' });
    expect(r).toMatchObject({ ok: true, lat: 46.1060711578546, lon: 5.8260084241619, note: 'inversees' });
  });

  it('replaces a point geocoded to a namesake far away by the commune centre (Pôle emploi Saint-Louis, La Réunion, placed in Alsace)', () => {
    const r = locate(communes, { lat: '48.716063', lon: '7.188619', codeInsee: '97414', codePostal: '97450', commune: 'ST LOUIS', precision: 'adresse', territoire: 'tous' });
    expect(r).toMatchObject({ ok: true, precision: 'commune', note: 'loin-de-la-commune', commune: { insee: '97414' } });
    if (r.ok) expect(r.lat).toBeLessThan(0);
  });

  it('does not move points in Guyane, whose communes are larger than the distance check', () => {
    // France services de Mana: 60 km from the reference point of the commune, in the town itself
    const r = locate(communes, { lat: '5.567233', lon: '-53.882456', codeInsee: '97306', codePostal: '97360', commune: 'Mana', precision: 'adresse', territoire: 'tous' });
    expect(r).toMatchObject({ ok: true, precision: 'adresse', note: null });
  });

  it('uses the commune centre, flagged approximate, when a row has no point (data-inclusion rows)', () => {
    const r = locate(communes, { lat: '', lon: '', codeInsee: '', codePostal: '69140', commune: 'RILLIEUX-LA-PAPE', precision: 'adresse', territoire: 'tous' });
    expect(r).toMatchObject({ ok: true, precision: 'commune', note: 'centre-commune', commune: { insee: '69286' } });
  });

  it('rejects Nouvelle-Calédonie rows even though they carry a metropolitan INSEE code', () => {
    const r = locate(communes, { lat: '-22.23039', lon: '166.52465', codeInsee: '63236', codePostal: '98800', commune: 'Mont-Dore', precision: 'adresse', territoire: 'com' });
    expect(r).toEqual({ ok: false, reason: REJECT_OUTSIDE });
  });

  it('rejects a point outside the territory of a regional source when its commune is unknown (haute-vienne row in Guadeloupe)', () => {
    const r = locate(communes, { lat: '16.257496', lon: '-61.399444', commune: 'Saint-Paul', precision: 'adresse', territoire: 'metro' });
    expect(r).toEqual({ ok: false, reason: REJECT_OUT_OF_SOURCE_AREA });
  });

  it('rejects a row with neither a point nor a known commune (former commune merged before 2024)', () => {
    const r = locate(communes, { lat: '', lon: '', codeInsee: '67219', codePostal: '67330', commune: 'Imbsheim', precision: 'adresse', territoire: 'tous' });
    expect(r).toEqual({ ok: false, reason: REJECT_NO_POSITION });
  });
});

describe('which commune a row is in', () => {
  it('lets the name arbitrate a wrong postcode (Sarralbe given 54430, a postcode of Meurthe-et-Moselle)', () => {
    expect(communes.resolve({ codePostal: '54430', commune: 'SARRALBE', lat: 48.999797, lon: 7.028527 })?.insee).toBe('57628');
  });

  it('lets the name arbitrate a wrong INSEE code (Chavannes-sur-Reyssouze given the code of Champdor-Corcelles)', () => {
    expect(communes.resolve({ codeInsee: '01080', codePostal: '01110', commune: 'Chavannes-sur-Reyssouze', lat: 46.43112, lon: 4.99707 })?.nom).toBe(
      'Chavannes-sur-Reyssouze',
    );
  });

  it('finds the arrondissement of a PLM postcode and the new commune of a merged one', () => {
    expect(communes.resolve({ codePostal: '13011', commune: 'MARSEILLE 11' })?.insee).toBe('13211');
    expect(communes.resolve({ codeInsee: '69274', codePostal: '69140', commune: 'RILLIEUX-LA-PAPE' })?.insee).toBe('69286');
  });
});

describe('the commune of a row that names none', () => {
  const at = (nom: string, lat: number, lon: number) =>
    communes.resolve({ nom, lat, lon })?.nom ?? null;

  it('is the one its own name names, among the communes around its point (LMN rows in Corsica)', () => {
    expect(at('Mairie de Bonifacio', 41.38722, 9.15552)).toBe('Bonifacio');
    expect(at('Communauté d’Agglomération de Bastia', 42.733024, 9.447587)).toBe('Bastia');
  });

  it('is the commune whose centre is very near and clearly nearest, else unknown rather than a neighbour', () => {
    expect(at('France Services Vescovato', 42.50017, 9.46417)).toBe('Vescovato');
    // 1.2 km from Carpineto's centre and 1.3 km from Piobetta's: either could be wrong.
    expect(at('Mairie de Piobbeta', 42.34519, 9.38286)).toBeNull();
  });

  it('is found by its INSEE code when the postcode says "00000" (libraries file)', () => {
    expect(communes.resolve({ codeInsee: '39150', codePostal: '00000', commune: '' })?.nom).toBe('Choisey');
  });
});
