import { describe, expect, it } from 'vitest';
import { freshnessText } from './freshness';

const now = new Date('2026-11-25T12:00:00Z');

describe('the freshness line of a place', () => {
  it('says when a coordinator last checked the place, in words', () => {
    expect(freshnessText('2026-03-03T09:30:00Z', '2020-05-01', now, 'fr')).toBe('Vérifié le 3 mars 2026');
    expect(freshnessText('2026-03-03T09:30:00Z', null, now, 'en')).toBe('Checked on 3 March 2026');
  });

  it('warns that unchecked information older than a year may be out of date', () => {
    expect(freshnessText(null, '2020-05-01', now, 'fr')).toBe('Informations de 2020, peut-être dépassées');
    expect(freshnessText(null, '2025-11-01', now, 'en')).toBe('Information from 2025, may be out of date');
  });

  it('says nothing about recent or undated information', () => {
    expect(freshnessText(null, '2026-06-01', now, 'fr')).toBeNull();
    expect(freshnessText(null, null, now, 'fr')).toBeNull();
  });
});
