import type { Lang } from '../../i18n/lang';
import type { Ouverture } from '../../lib/api';
import { clockAt } from '../../lib/hours-wording';

/** "Ferme dans 20 min" rather than "Ouvert jusqu'à 17 h" when closing is this close. */
const CLOSING_SOON_MINUTES = 60;

// Building a DateTimeFormat costs far more than using one, and a list shows 50 statuses at a time.
const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

const partsIn = (date: Date, timeZone: string, options: Intl.DateTimeFormatOptions, locale = 'en-US') =>
  Object.fromEntries(dateFormat(locale, { timeZone, ...options }).formatToParts(date).map((p) => [p.type, p.value]));

/** Days between the calendar dates of two instants, as seen in `timeZone`. */
function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  const day = (d: Date) => {
    const p = partsIn(d, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' });
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day));
  };
  return Math.round((day(to) - day(from)) / 86_400_000);
}

const weekday = (date: Date, timeZone: string, lang: Lang) =>
  dateFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, weekday: 'long' }).format(date);

const shortDate = (date: Date, timeZone: string, lang: Lang) =>
  dateFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, day: 'numeric', month: 'long' }).format(date);

const parse = (iso: string | null | undefined) => {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** "à 9 h", "demain à 9 h", "mardi à 9 h", "le 12 mars à 9 h" — relative to now, in the place's zone. */
function when(date: Date, now: Date, timeZone: string, lang: Lang): string {
  const clock = clockAt(date, timeZone, lang);
  const days = calendarDaysBetween(now, date, timeZone);
  if (lang === 'fr') {
    if (days <= 0) return `à ${clock}`;
    if (days === 1) return `demain à ${clock}`;
    if (days < 7) return `${weekday(date, timeZone, lang)} à ${clock}`;
    return `le ${shortDate(date, timeZone, lang)} à ${clock}`;
  }
  if (days <= 0) return `at ${clock}`;
  if (days === 1) return `tomorrow at ${clock}`;
  if (days < 7) return `${weekday(date, timeZone, lang)} at ${clock}`;
  return `on ${shortDate(date, timeZone, lang)} at ${clock}`;
}

export type OpeningTone = 'open' | 'closing' | 'closed' | 'unknown';

/** Plain words for a place's opening status now, e.g. "Ouvert jusqu'à 17 h", "Fermé — ouvre mardi à 9 h". */
export function openingStatus(o: Ouverture | undefined, now: Date, lang: Lang): { text: string; tone: OpeningTone } {
  const fr = lang === 'fr';
  if (!o || o.statut === 'inconnu') return { text: fr ? 'Horaires inconnus' : 'Hours unknown', tone: 'unknown' };
  const zone = o.fuseau;
  if (o.statut === 'ouvert') {
    const closes = parse(o.jusqu_a);
    if (!closes) return { text: fr ? 'Ouvert' : 'Open', tone: 'open' };
    const minutes = Math.max(1, Math.ceil((closes.getTime() - now.getTime()) / 60_000));
    if (minutes <= CLOSING_SOON_MINUTES) {
      return { text: fr ? `Ferme dans ${minutes} min` : `Closes in ${minutes} min`, tone: 'closing' };
    }
    const clock = clockAt(closes, zone, lang);
    const days = calendarDaysBetween(now, closes, zone);
    // Past midnight (late evening hours, or open round the clock) the day must be named.
    const day = days <= 0 ? '' : days === 1 ? (fr ? 'demain ' : 'tomorrow ') : weekday(closes, zone, lang) + ' ';
    return { text: fr ? `Ouvert jusqu’à ${day}${clock}` : `Open until ${day}${clock}`, tone: 'open' };
  }
  const opens = parse(o.prochaine_ouverture);
  if (!opens) return { text: fr ? 'Fermé' : 'Closed', tone: 'closed' };
  const next = when(opens, now, zone, lang);
  return { text: fr ? `Fermé — ouvre ${next}` : `Closed — opens ${next}`, tone: 'closed' };
}
