import { describe, expect, it } from 'vitest';
import { INITIAL_URL_STATE, parseUrlState, serializeUrlState, type UrlState } from './url-state';

describe('the state kept in the URL', () => {
  it('round-trips everything a shared link must restore', () => {
    const state: UrlState = {
      lang: 'en',
      services: ['famille-allocations', 'impots'],
      types: ['france-services'],
      labels: ['aidants-connect', 'france-services'],
      zone: [2.2241, 48.8156, 2.4699, 48.9022],
      lieu: 'fs-123',
      ouvert: 'maintenant',
      pres: [2.44, 48.908],
      commune: 'Saint-Denis (93)',
    };
    const search = serializeUrlState(state);
    expect(search).toBe(
      '?lang=en&services=famille-allocations,impots&types=france-services&labels=aidants-connect,france-services&zone=2.2241,48.8156,2.4699,48.9022&lieu=fs-123' +
        '&ouvert=maintenant&pres=2.44,48.908&commune=Saint-Denis%20(93)',
    );
    expect(parseUrlState(search)).toEqual(state);
  });

  it('writes nothing for the default state, and reads nothing as the default state', () => {
    expect(serializeUrlState(INITIAL_URL_STATE)).toBe('');
    expect(parseUrlState('')).toEqual(INITIAL_URL_STATE);
  });

  it('sorts and deduplicates ids so that one selection has one URL', () => {
    expect(parseUrlState('?services=impots,famille-allocations,impots').services).toEqual(['famille-allocations', 'impots']);
    expect(parseUrlState('?labels=france-services,aidants-connect,aidants-connect').labels).toEqual(['aidants-connect', 'france-services']);
  });

  it('drops what a hand-edited link got wrong instead of trusting it', () => {
    const state = parseUrlState('?lang=de&services=Impots,<script>,,impots&zone=1,2,3&lieu=%20x&types=&labels=Aidants%20Connect');
    expect(state).toEqual({ ...INITIAL_URL_STATE, services: ['impots'] });
    expect(parseUrlState('?zone=5,45,4,46').zone).toBeNull();
    expect(parseUrlState('?zone=a,b,c,d').zone).toBeNull();
  });

  it('ignores a malformed position, opening filter or commune, and rounds a precise position to about 100 m', () => {
    const state = parseUrlState('?pres=2.4,,1&ouvert=dimanche&commune=%3Cb%3E');
    expect(state).toEqual(INITIAL_URL_STATE);
    expect(parseUrlState('?pres=200,48').pres).toBeNull();
    expect(parseUrlState('?pres=2.441234,48.90876').pres).toEqual([2.441, 48.909]);
  });

  it('clamps a zone to what the API accepts and rounds it to about 10 m', () => {
    expect(parseUrlState('?zone=-200,41.123456,9.87654321,95').zone).toEqual([-180, 41.1235, 9.8765, 90]);
  });

  it('keeps a place id with the characters sources use', () => {
    expect(parseUrlState('?lieu=lmn-3f9a0c1b').lieu).toBe('lmn-3f9a0c1b');
    expect(parseUrlState(serializeUrlState({ ...INITIAL_URL_STATE, lieu: 'dora:abc_1.2' })).lieu).toBe('dora:abc_1.2');
  });
});
