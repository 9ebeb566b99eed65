import { describe, expect, it } from 'vitest';
import { dateLisible, lienTelephone, lienWeb, texteLienWeb } from './format';

describe('links built from source data', () => {
  it('never turn a javascript: or other scheme into a link', () => {
    expect(lienWeb('javascript:alert(1)')).toBeNull();
    expect(lienWeb('data:text/html,hi')).toBeNull();
    expect(lienWeb('  ')).toBeNull();
  });

  it('add the scheme sources often leave out, and show a short address', () => {
    const url = lienWeb('www.mairie-bobigny.fr/france-services/')!;
    expect(url.href).toBe('https://www.mairie-bobigny.fr/france-services/');
    expect(texteLienWeb(url)).toBe('mairie-bobigny.fr/france-services');
  });

  it('make phone numbers dialable whatever their punctuation', () => {
    expect(lienTelephone('01.48.95.20.00')).toBe('tel:0148952000');
    expect(lienTelephone('+33 (0)1 48 95 20 00')).toBe('tel:+330148952000');
    expect(lienTelephone('n/c')).toBeNull();
  });
});

describe('dates', () => {
  it('show the day the source gave, whatever the time zone', () => {
    expect(dateLisible('2024-08-01', 'fr')).toBe('01/08/2024');
    expect(dateLisible('2024-08-01', 'en')).toBe('1 August 2024');
  });
});
