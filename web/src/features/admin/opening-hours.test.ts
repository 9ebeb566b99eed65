import { describe, expect, it } from 'vitest';
import { dayTextsToWeek, describeWeek, formatOpeningHours, parseOpeningHours } from './opening-hours';

describe('the opening hours preview', () => {
  it('reads weekday ranges and lunch breaks in plain French, closed days included', () => {
    const week = parseOpeningHours('Mo-Fr 09:00-12:00,13:30-17:00; Sa 09:00-12:00')!;
    expect(describeWeek(week, 'fr')).toEqual([
      'Lundi : de 9 h à 12 h et de 13 h 30 à 17 h',
      'Mardi : de 9 h à 12 h et de 13 h 30 à 17 h',
      'Mercredi : de 9 h à 12 h et de 13 h 30 à 17 h',
      'Jeudi : de 9 h à 12 h et de 13 h 30 à 17 h',
      'Vendredi : de 9 h à 12 h et de 13 h 30 à 17 h',
      'Samedi : de 9 h à 12 h',
      'Dimanche : fermé',
    ]);
    expect(describeWeek(week, 'en')[5]).toBe('Saturday: 9:00 to 12:00');
  });

  it('lets a later rule replace an earlier one, and reads day lists and 24/7', () => {
    const week = parseOpeningHours('Mo-Fr 08:00-18:00; We off; Tu,Th 08:00-20:00')!;
    expect(describeWeek(week, 'fr').slice(0, 4)).toEqual([
      'Lundi : de 8 h à 18 h',
      'Mardi : de 8 h à 20 h',
      'Mercredi : fermé',
      'Jeudi : de 8 h à 20 h',
    ]);
    expect(describeWeek(parseOpeningHours('24/7')!, 'fr')[6]).toBe('Dimanche : de 0 h à 24 h');
  });

  it('gives up on syntax beyond the common subset, leaving it to the server', () => {
    for (const v of ['Mo-Fr 09:00-12:00 "sur rendez-vous"', 'PH off', 'Mo 9h-12h', 'Mo 12:00-09:00', 'sunrise-sunset', '']) {
      expect(parseOpeningHours(v), v).toBeNull();
    }
  });

  it('turns the day-by-day helper into a compact OSM value that reads back the same', () => {
    const week = dayTextsToWeek(['09:00-12:00', '09:00-12:00', '', '09:00-12:00, 14:00-17:00', '', '10:00-12:00', ''])!;
    const osm = formatOpeningHours(week);
    expect(osm).toBe('Mo-Tu 09:00-12:00; Th 09:00-12:00,14:00-17:00; Sa 10:00-12:00');
    expect(parseOpeningHours(osm)).toEqual(week);
    expect(dayTextsToWeek(['9-12', '', '', '', '', '', ''])).toBeNull();
  });
});
