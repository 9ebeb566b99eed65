import { afterEach, describe, expect, it } from 'vitest';
import { openOnSaturday, ouvertureAt, statutAt, weekAt } from './opening.ts';
import { isoInZone, territoryOf } from './timezones.ts';

const PARIS = territoryOf('93', 48.91, 2.44);
const REUNION = territoryOf('974', -20.88, 55.45);
const WEEKDAYS = 'Mo-Fr 09:00-17:00';
const serverZone = process.env.TZ;

afterEach(() => {
  if (serverZone === undefined) delete process.env.TZ;
  else process.env.TZ = serverZone;
});

describe('whether a place is open', () => {
  it('reads the hours on the place’s own clock: open in La Réunion while still closed in Paris', () => {
    const now = new Date('2026-11-25T06:30:00Z'); // Wednesday, 07:30 in Paris, 10:30 in Saint-Denis
    expect(ouvertureAt(WEEKDAYS, PARIS, now)).toEqual({
      statut: 'ferme', prochaine_ouverture: '2026-11-25T09:00:00+01:00', fuseau: 'Europe/Paris',
    });
    expect(ouvertureAt(WEEKDAYS, REUNION, now)).toEqual({
      statut: 'ouvert', jusqu_a: '2026-11-25T17:00:00+04:00', fuseau: 'Indian/Reunion',
    });
  });

  it.each(['UTC', 'America/New_York', 'Asia/Tokyo', 'Pacific/Kiritimati'])(
    'gives the same answer whatever the server’s own time zone (%s)',
    (zone) => {
      process.env.TZ = zone;
      const now = new Date('2026-11-27T15:59:00Z'); // Friday 16:59 in Paris
      expect(ouvertureAt(WEEKDAYS, PARIS, now)).toEqual({
        statut: 'ouvert', jusqu_a: '2026-11-27T17:00:00+01:00', fuseau: 'Europe/Paris',
      });
      expect(ouvertureAt(WEEKDAYS, REUNION, now)).toEqual({
        statut: 'ferme', prochaine_ouverture: '2026-11-30T09:00:00+04:00', fuseau: 'Indian/Reunion',
      });
    },
  );

  it.each([
    ['14 juillet', '2026-07-14T08:00:00Z', '2026-07-15T09:00:00+02:00'],
    ['11 novembre', '2026-11-11T09:00:00Z', '2026-11-12T09:00:00+01:00'],
  ])('keeps a weekday place closed on the public holiday of the %s', (_name, instant, reopens) => {
    expect(ouvertureAt(WEEKDAYS, PARIS, new Date(instant))).toEqual({
      statut: 'ferme', prochaine_ouverture: reopens, fuseau: 'Europe/Paris',
    });
  });

  it('follows the holidays of the place’s territory: 20 décembre closes La Réunion, not Paris', () => {
    const now = new Date('2027-12-20T08:00:00Z'); // a Monday
    expect(ouvertureAt(WEEKDAYS, REUNION, now).statut).toBe('ferme');
    expect(ouvertureAt(WEEKDAYS, PARIS, now).statut).toBe('ouvert');
  });

  it('keeps hours that say how holidays are handled', () => {
    const now = new Date('2026-07-14T08:00:00Z');
    expect(ouvertureAt('Mo-Fr 09:00-17:00; PH 10:00-12:00', PARIS, now)).toEqual({
      statut: 'ouvert', jusqu_a: '2026-07-14T12:00:00+02:00', fuseau: 'Europe/Paris',
    });
  });

  it('handles a range past midnight: open on Saturday at 1 am until 2 am', () => {
    const late = 'Fr 20:00-02:00';
    expect(ouvertureAt(late, PARIS, new Date('2026-11-28T00:00:00Z'))).toEqual({
      statut: 'ouvert', jusqu_a: '2026-11-28T02:00:00+01:00', fuseau: 'Europe/Paris',
    });
    expect(ouvertureAt(late, PARIS, new Date('2026-11-27T18:00:00Z'))).toEqual({
      statut: 'ferme', prochaine_ouverture: '2026-11-27T20:00:00+01:00', fuseau: 'Europe/Paris',
    });
  });

  it.each([null, '', 'sur rendez-vous', '"sur rendez-vous"', '😀', 'Mo-Fr 25:00-26:00'])(
    'says the hours are unknown rather than guessing for %j',
    (value) => {
      expect(ouvertureAt(value, PARIS, new Date('2026-11-25T10:00:00Z'))).toEqual({ statut: 'inconnu', fuseau: 'Europe/Paris' });
      expect(weekAt(value, PARIS, new Date('2026-11-25T10:00:00Z'))).toBeNull();
      expect(openOnSaturday(value, PARIS, new Date('2026-11-25T10:00:00Z'))).toBeNull();
    },
  );
});

describe('the state alone, used to filter all of France', () => {
  it('agrees with the full answer minute by minute across a week with a holiday, in Paris and La Réunion', () => {
    process.env.TZ = 'America/New_York';
    const values = [WEEKDAYS, 'Fr 20:00-02:00', 'Mo-Sa 08:30-12:00,13:30-18:00; PH 10:00-12:00', '24/7', 'Mo-Fr 09:00-17:00 "sur rendez-vous"', '"sur rendez-vous"'];
    const start = Date.parse('2026-11-09T00:00:00Z');
    for (let m = 0; m < 7 * 24 * 60; m += 37) {
      const now = new Date(start + m * 60_000);
      for (const t of [PARIS, REUNION]) for (const v of values) expect(statutAt(v, t, now), `${v} ${now.toISOString()}`).toBe(ouvertureAt(v, t, now).statut);
    }
  });
});

describe('open on Saturday', () => {
  it('tells apart places open on Saturday from weekday-only places', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    expect(openOnSaturday('Mo-Sa 09:00-12:00', PARIS, now)).toBe(true);
    expect(openOnSaturday(WEEKDAYS, PARIS, now)).toBe(false);
    expect(openOnSaturday('Fr 20:00-02:00', PARIS, now)).toBe(true);
  });
});

describe('the week of hours', () => {
  it('lists the coming 7 days from today, with the overnight range split at midnight and holidays named', () => {
    process.env.TZ = 'America/Los_Angeles';
    const week = weekAt('Mo-Fr 09:00-12:00,14:00-17:00; Fr 20:00-02:00', PARIS, new Date('2026-11-08T10:00:00Z'))!;
    expect(week.map((d) => d.date)).toEqual([
      '2026-11-08', '2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14',
    ]);
    expect(week.map((d) => d.jour)).toEqual(['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi']);
    expect(week[0]!.plages).toEqual([]);
    expect(week[1]!.plages).toEqual([{ debut: '09:00', fin: '12:00' }, { debut: '14:00', fin: '17:00' }]);
    expect(week[3]).toMatchObject({ plages: [], ferie: 'Armistice 1918' });
    expect(week[5]!.plages).toEqual([{ debut: '20:00', fin: '24:00' }]);
    expect(week[6]!.plages).toEqual([{ debut: '00:00', fin: '02:00' }]);
    expect(week.filter((d) => d.ferie).length).toBe(1);
  });

  it('counts days on the place’s clock: late Sunday evening in Paris is already Monday in La Réunion', () => {
    const now = new Date('2026-11-29T21:30:00Z');
    expect(weekAt(WEEKDAYS, PARIS, now)![0]!.jour).toBe('dimanche');
    expect(weekAt(WEEKDAYS, REUNION, now)![0]).toMatchObject({ date: '2026-11-30', jour: 'lundi' });
  });
});

describe('time zones', () => {
  it('knows the overseas départements and falls back on the point when the département is missing', () => {
    expect(territoryOf('971', 16.2, -61.5).fuseau).toBe('America/Guadeloupe');
    expect(territoryOf('972', 14.6, -61).fuseau).toBe('America/Martinique');
    expect(territoryOf('973', 4.9, -52.3).fuseau).toBe('America/Cayenne');
    expect(territoryOf('976', -12.8, 45.2).fuseau).toBe('Indian/Mayotte');
    expect(territoryOf(null, -20.9, 55.5).fuseau).toBe('Indian/Reunion');
    expect(territoryOf(null, 45.7, 4.8).fuseau).toBe('Europe/Paris');
  });

  it('writes instants with the offset of the place, summer and winter', () => {
    expect(isoInZone(new Date('2026-07-01T10:00:00Z'), 'Europe/Paris')).toBe('2026-07-01T12:00:00+02:00');
    expect(isoInZone(new Date('2026-12-01T10:00:00Z'), 'Europe/Paris')).toBe('2026-12-01T11:00:00+01:00');
    expect(isoInZone(new Date('2026-12-01T10:00:00Z'), 'America/Cayenne')).toBe('2026-12-01T07:00:00-03:00');
  });
});
