import { describe, expect, it } from 'vitest';
import { describeWeek, formatDay } from './hours';

describe('opening hours on the sheet', () => {
  it('names the day and date in the sheet language', () => {
    expect(formatDay('2026-11-23', 'fr')).toBe('lundi 23 novembre');
    expect(formatDay('2026-11-23', 'en')).toBe('Monday 23 November');
  });

  it('describes each day of the week in plain words, closed days and holidays included', () => {
    const week = [
      { date: '2026-11-23', jour: 'lundi', plages: [{ debut: '09:00', fin: '12:00' }, { debut: '14:00', fin: '17:30' }], ferie: null },
      { date: '2026-11-29', jour: 'dimanche', plages: [], ferie: null },
      { date: '2026-12-25', jour: 'vendredi', plages: [], ferie: 'Noël' },
    ];
    expect(describeWeek(week, 'fr')).toEqual([
      { day: 'lundi 23 novembre', hours: 'de 9 h à 12 h et de 14 h à 17 h 30' },
      { day: 'dimanche 29 novembre', hours: 'fermé' },
      { day: 'vendredi 25 décembre', hours: 'fermé (jour férié : Noël)' },
    ]);
    expect(describeWeek(week, 'en').map((d) => d.hours)).toEqual([
      '9:00 to 12:00 and 14:00 to 17:30',
      'closed',
      'closed (public holiday: Noël)',
    ]);
  });
});
