import { describe, expect, it } from 'vitest';
import type { Ouverture } from '../../lib/api';
import { formatDistance } from './distance';
import { clockAt } from '../../lib/hours-wording';
import { openingStatus } from './opening-status';

// Wednesday 25 November 2026, 15:40 in Paris (UTC+1).
const NOW = new Date('2026-11-25T14:40:00Z');
const paris = (o: Partial<Ouverture>): Ouverture => ({ statut: 'ouvert', fuseau: 'Europe/Paris', ...o });

describe('the opening status in plain words', () => {
  it('says until when a place is open, in the place’s own clock', () => {
    const o = paris({ jusqu_a: '2026-11-25T17:00:00+01:00' });
    expect(openingStatus(o, NOW, 'fr').text).toBe('Ouvert jusqu’à 17 h');
    expect(openingStatus(o, NOW, 'en').text).toBe('Open until 17:00');
  });

  it('gives minutes when the place closes within the hour', () => {
    const o = paris({ jusqu_a: '2026-11-25T16:00:00+01:00' });
    expect(openingStatus(o, NOW, 'fr')).toEqual({ text: 'Ferme dans 20 min', tone: 'closing' });
    expect(openingStatus(o, NOW, 'en').text).toBe('Closes in 20 min');
  });

  it('names the day of the next opening when closed', () => {
    const tuesday = paris({ statut: 'ferme', prochaine_ouverture: '2026-12-01T09:00:00+01:00' });
    expect(openingStatus(tuesday, NOW, 'fr').text).toBe('Fermé — ouvre mardi à 9 h');
    expect(openingStatus(tuesday, NOW, 'en').text).toBe('Closed — opens Tuesday at 9:00');
    const tomorrow = paris({ statut: 'ferme', prochaine_ouverture: '2026-11-26T09:30:00+01:00' });
    expect(openingStatus(tomorrow, NOW, 'fr').text).toBe('Fermé — ouvre demain à 9 h 30');
    expect(openingStatus(tomorrow, NOW, 'en').text).toBe('Closed — opens tomorrow at 9:30');
    const later = paris({ statut: 'ferme', prochaine_ouverture: '2026-11-25T17:30:00+01:00' });
    expect(openingStatus(later, NOW, 'fr').text).toBe('Fermé — ouvre à 17 h 30');
  });

  it('says the hours are unknown rather than guessing', () => {
    expect(openingStatus({ statut: 'inconnu', fuseau: 'Europe/Paris' }, NOW, 'fr').text).toBe('Horaires inconnus');
    expect(openingStatus(undefined, NOW, 'en').text).toBe('Hours unknown');
  });

  it('shows times on La Réunion’s clock, not the reader’s', () => {
    // 17:00 in Saint-Denis de La Réunion (UTC+4) is 14:00 in Paris.
    const o: Ouverture = { statut: 'ouvert', jusqu_a: '2026-11-25T17:00:00+04:00', fuseau: 'Indian/Reunion' };
    const reunionNow = new Date('2026-11-25T10:00:00Z');
    expect(openingStatus(o, reunionNow, 'fr').text).toBe('Ouvert jusqu’à 17 h');
    expect(clockAt(new Date('2026-11-25T13:00:00Z'), 'Europe/Paris', 'fr')).toBe('14 h');
    expect(clockAt(new Date('2026-11-25T13:00:00Z'), 'America/Cayenne', 'en')).toBe('10:00');
    expect(clockAt(new Date('2026-11-25T23:05:00Z'), 'Europe/Paris', 'en')).toBe('0:05');
  });

  it('counts days on the place’s calendar across time zones', () => {
    // 23:30 on Wednesday in Paris is already Thursday 02:30 on La Réunion.
    const lateNow = new Date('2026-11-25T22:30:00Z');
    const o: Ouverture = { statut: 'ferme', prochaine_ouverture: '2026-11-26T08:00:00+04:00', fuseau: 'Indian/Reunion' };
    expect(openingStatus(o, lateNow, 'fr').text).toBe('Fermé — ouvre à 8 h');
  });
});

describe('the distance in plain words', () => {
  it.each([
    [847, 'fr', 'à 850 m'],
    [2300, 'fr', 'à 2,3 km'],
    [12_400, 'fr', 'à 12 km'],
    [3, 'fr', 'à 10 m'],
    [847, 'en', '850 m away'],
    [2300, 'en', '2.3 km away'],
  ] as const)('says %i m in %s as "%s"', (metres, lang, text) => {
    expect(formatDistance(metres, lang)).toBe(text);
  });
});
