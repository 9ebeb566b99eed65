import { describe, expect, it } from 'vitest';
import { ETAT_INITIAL, ecrireEtat, lireEtat, type EtatUrl } from './url-state';

describe('the state kept in the URL', () => {
  it('round-trips everything a shared link must restore', () => {
    const etat: EtatUrl = {
      lang: 'en',
      services: ['famille-allocations', 'impots'],
      types: ['france-services'],
      zone: [2.2241, 48.8156, 2.4699, 48.9022],
      lieu: 'fs-123',
    };
    const search = ecrireEtat(etat);
    expect(search).toBe(
      '?lang=en&services=famille-allocations,impots&types=france-services&zone=2.2241,48.8156,2.4699,48.9022&lieu=fs-123',
    );
    expect(lireEtat(search)).toEqual(etat);
  });

  it('writes nothing for the default state, and reads nothing as the default state', () => {
    expect(ecrireEtat(ETAT_INITIAL)).toBe('');
    expect(lireEtat('')).toEqual(ETAT_INITIAL);
  });

  it('sorts and deduplicates ids so that one selection has one URL', () => {
    expect(lireEtat('?services=impots,famille-allocations,impots').services).toEqual(['famille-allocations', 'impots']);
  });

  it('drops what a hand-edited link got wrong instead of trusting it', () => {
    const etat = lireEtat('?lang=de&services=Impots,<script>,,impots&zone=1,2,3&lieu=%20x&types=');
    expect(etat).toEqual({ ...ETAT_INITIAL, services: ['impots'] });
    expect(lireEtat('?zone=5,45,4,46').zone).toBeNull();
    expect(lireEtat('?zone=a,b,c,d').zone).toBeNull();
  });

  it('clamps a zone to what the API accepts and rounds it to about 10 m', () => {
    expect(lireEtat('?zone=-200,41.123456,9.87654321,95').zone).toEqual([-180, 41.1235, 9.8765, 90]);
  });

  it('keeps a place id with the characters sources use', () => {
    expect(lireEtat('?lieu=lmn-3f9a0c1b').lieu).toBe('lmn-3f9a0c1b');
    expect(lireEtat(ecrireEtat({ ...ETAT_INITIAL, lieu: 'dora:abc_1.2' })).lieu).toBe('dora:abc_1.2');
  });
});
