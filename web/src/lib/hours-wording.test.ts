import { describe, expect, it } from 'vitest';
import { clockOfMinutes, clockText, dayHoursText, rangesText } from './hours-wording';

describe('opening times in words, one way everywhere', () => {
  it('writes clock times as people write them: French with "h", English on the 24-hour clock', () => {
    expect(clockText('09:00', 'fr')).toBe('9 h');
    expect(clockText('13:30', 'fr')).toBe('13 h 30');
    expect(clockText('09:05', 'en')).toBe('9:05');
    expect(clockText('17:00', 'en')).toBe('17:00');
    expect(clockOfMinutes(24 * 60, 'fr')).toBe('24 h');
    expect(clockText('bientôt', 'fr')).toBe('bientôt');
  });

  it('joins a day’s ranges with commas and a last "et" / "and"', () => {
    const r = (start: string, end: string) => ({ start, end });
    expect(rangesText([], 'fr')).toBe('fermé');
    expect(rangesText([r('9 h', '12 h')], 'fr')).toBe('de 9 h à 12 h');
    expect(rangesText([r('9 h', '10 h'), r('11 h', '12 h'), r('14 h', '17 h')], 'fr')).toBe('de 9 h à 10 h, de 11 h à 12 h et de 14 h à 17 h');
    expect(rangesText([r('9:00', '12:00'), r('14:00', '17:00')], 'en')).toBe('9:00 to 12:00 and 14:00 to 17:00');
  });

  it('names a public holiday on a day of the API’s week', () => {
    expect(dayHoursText({ date: '2026-12-25', jour: 'vendredi', plages: [], ferie: 'Noël' }, 'fr')).toBe('fermé (jour férié : Noël)');
    expect(dayHoursText({ date: '2026-12-24', jour: 'jeudi', plages: [{ debut: '09:00', fin: '12:30' }], ferie: null }, 'en')).toBe('9:00 to 12:30');
  });
});
