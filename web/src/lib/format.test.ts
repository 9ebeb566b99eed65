import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, phoneHref, webUrl, webUrlText } from './format';

describe('links built from source data', () => {
  it('never turn a javascript: or other scheme into a link', () => {
    expect(webUrl('javascript:alert(1)')).toBeNull();
    expect(webUrl('data:text/html,hi')).toBeNull();
    expect(webUrl('  ')).toBeNull();
  });

  it('add the scheme sources often leave out, and show a short address', () => {
    const url = webUrl('www.mairie-bobigny.fr/france-services/')!;
    expect(url.href).toBe('https://www.mairie-bobigny.fr/france-services/');
    expect(webUrlText(url)).toBe('mairie-bobigny.fr/france-services');
  });

  it('make phone numbers dialable whatever their punctuation', () => {
    expect(phoneHref('01.48.95.20.00')).toBe('tel:0148952000');
    expect(phoneHref('+33 (0)1 48 95 20 00')).toBe('tel:+330148952000');
    expect(phoneHref('n/c')).toBeNull();
  });
});

describe('dates', () => {
  it('show the day the source gave, whatever the time zone', () => {
    expect(formatDate('2024-08-01', 'fr')).toBe('01/08/2024');
    expect(formatDate('2024-08-01', 'en')).toBe('1 August 2024');
  });
});

describe('numbers', () => {
  it('group whole numbers as Intl.NumberFormat does, in both languages', () => {
    const values = [0, 7, 999, 1000, 4249, 30478, 123456, 1234567, -1000, -12, 9007199254740991];
    for (const n of values) {
      expect(formatNumber(n, 'fr')).toBe(new Intl.NumberFormat('fr-FR').format(n));
      expect(formatNumber(n, 'en')).toBe(new Intl.NumberFormat('en-GB').format(n));
    }
  });

  it('leave other numbers to Intl', () => {
    expect(formatNumber(1.5, 'fr')).toBe('1,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
  });
});
