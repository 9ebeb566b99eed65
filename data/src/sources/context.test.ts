import { describe, expect, it } from 'vitest';
import { loadVocabulary } from '../vocabulary.ts';
import { cleanAddress, makePlace } from './context.ts';

const def = [...loadVocabulary().sources.values()][0]!;
const located = { ok: true as const, lat: 47.84, lon: -0.33, precision: 'adresse' as const, commune: null, note: null };
const place = (nom: string) => makePlace(def, located, { ref: '1', lieuId: 'x-1', nom }, {});

describe('a place as every source makes it', () => {
  it('bears the current name of a renamed network, the old one kept for search', () => {
    expect(place('Pole Emploi - Agence de Sablé')).toMatchObject({
      nom: 'France Travail - Agence de Sablé', details: { ancien_nom: 'Pole Emploi - Agence de Sablé' },
    });
    expect(place('ACCOMPAGNEMENT POLE EMPLOI LIVRY GARGAN').nom).toBe('ACCOMPAGNEMENT FRANCE TRAVAIL LIVRY GARGAN');
    expect(place('Pôle-emploi Cayenne').nom).toBe('France Travail Cayenne');
    expect(place('Médiathèque de Sablé')).toMatchObject({ nom: 'Médiathèque de Sablé', details: {} });
  });

  it('cleans stray punctuation before a street, and drops an address that is only that', () => {
    expect(cleanAddress('- Le Bourg')).toBe('Le Bourg');
    expect(cleanAddress('-- PASSAGE DU LAVOIR')).toBe('PASSAGE DU LAVOIR');
    expect(cleanAddress('. . MAIRIE')).toBe('MAIRIE');
    expect(cleanAddress('- -')).toBeNull();
    expect(cleanAddress('12 rue de la Paix')).toBe('12 rue de la Paix');
    expect(cleanAddress(null)).toBeNull();
  });
});
